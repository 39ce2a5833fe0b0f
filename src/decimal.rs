//! Exact non-negative decimals with three fractional digits.
//!
//! Legal quantities (TPP, TOPS, die areas, thresholds) are compared against hard lines such as
//! TPP 4,800 or performance density 5.92, so they are kept as integers of thousandths: no binary
//! floating point ever decides a class or a license. Floats appear only at the wire boundary, for
//! display, and every value the engine emits has at most 15 significant digits so it survives the
//! trip through a JSON number unchanged.
//!
//! The thousandths are a `u64`: every bound the engine checks ([`MAX_EXACT_MILLI`], about 10^15)
//! is far below its 1.8 × 10^19, and the few products that can pass it on the way (a thousandths
//! product, a ratio scaled for rounding) are split so that they stay exact or report overflow.
//! A `u128` cost the page's WebAssembly its 128-bit division and printing code.

use std::cmp::Ordering;
use std::fmt;

/// Thousandths per unit.
const SCALE: u64 = 1000;

/// A non-negative decimal with exactly three fractional digits, stored as thousandths.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dec(u64);

/// Why a piece of text is not a decimal the engine accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecParseError {
    /// Nothing was typed.
    Empty,
    /// A character other than digits and one decimal point.
    NotANumber,
    /// Digits of another script (Arabic-Indic, Devanagari, full-width…), which look like a
    /// number but are not the 0–9 the engine reads.
    OtherDigits,
    /// A leading minus sign.
    Negative,
    /// More than three digits after the point.
    TooPrecise,
    /// More digits than any real quantity needs.
    TooLarge,
}

impl Dec {
    /// Zero.
    pub const ZERO: Dec = Dec(0);

    /// The largest whole number a `Dec` holds, about 1.8 × 10^16: far above every bound the
    /// engine checks, so a value read as it is refused by the caller's own bound, in its words.
    pub const MAX: Dec = Dec(u64::MAX / SCALE * SCALE);

    /// The value `milli / 1000`.
    pub const fn from_milli(milli: u64) -> Dec {
        Dec(milli)
    }

    /// A whole number, or [`Dec::MAX`] for one beyond it (about 1.8 × 10^16). For numbers the
    /// caller has already bounded (counts, constants, parsed values): every reader refuses
    /// `Dec::MAX` with its own message, so saturation never passes for an answer.
    pub const fn from_int(n: u64) -> Dec {
        match n.checked_mul(SCALE) {
            Some(milli) => Dec(milli),
            None => Dec::MAX,
        }
    }

    /// The value in thousandths.
    pub const fn milli(self) -> u64 {
        self.0
    }

    /// True for zero.
    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// Parses plain decimal text such as `1978.9` or `26900000`.
    ///
    /// Thousands separators (`,` `_` and spaces between digits) are accepted because people copy
    /// figures like "26,900,000" from articles; exponents, signs and NaN are not. A number of up
    /// to 24 digits too large to hold is read as [`Dec::MAX`], which every caller's bound refuses
    /// with the range it accepts; more digits than that are [`DecParseError::TooLarge`].
    pub fn parse(text: &str) -> Result<Dec, DecParseError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(DecParseError::Empty);
        }
        if t.starts_with('-') {
            return Err(DecParseError::Negative);
        }
        let t = t.strip_prefix('+').unwrap_or(t);
        let (whole, frac) = match t.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (t, None),
        };
        let whole: String = whole
            .chars()
            .filter(|c| !matches!(c, ',' | '_' | ' '))
            .collect();
        if whole.is_empty() && frac.is_none_or(str::is_empty) {
            return Err(DecParseError::NotANumber);
        }
        if t.chars().any(|c| c.is_numeric() && !c.is_ascii_digit()) {
            return Err(DecParseError::OtherDigits);
        }
        if !whole.chars().all(|c| c.is_ascii_digit()) {
            return Err(DecParseError::NotANumber);
        }
        let frac = frac.unwrap_or("");
        if !frac.chars().all(|c| c.is_ascii_digit()) {
            return Err(DecParseError::NotANumber);
        }
        let frac_trimmed = frac.trim_end_matches('0');
        if frac_trimmed.len() > 3 {
            return Err(DecParseError::TooPrecise);
        }
        let whole_digits = whole.trim_start_matches('0');
        if whole_digits.len() > 24 {
            return Err(DecParseError::TooLarge);
        }
        // The whole digits, then exactly three of the fraction: the thousandths' digits.
        let milli = whole_digits
            .bytes()
            .chain(frac_trimmed.bytes().chain(std::iter::repeat(b'0')).take(3))
            .try_fold(0u64, |m, d| {
                m.checked_mul(10)?.checked_add(u64::from(d - b'0'))
            });
        Ok(milli.map_or(Dec::MAX, Dec))
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Dec) -> Option<Dec> {
        self.0.checked_add(other.0).map(Dec)
    }

    /// `self - other`, or `None` when it would go below zero.
    pub fn checked_sub(self, other: Dec) -> Option<Dec> {
        self.0.checked_sub(other.0).map(Dec)
    }

    /// `self × n`, or `None` on overflow.
    pub fn checked_mul_int(self, n: u64) -> Option<Dec> {
        self.0.checked_mul(n).map(Dec)
    }

    /// How many whole `unit`s fit in `self`: ⌊self ÷ unit⌋, exactly, or `None` if `unit` is zero.
    /// This is "how many chips fit under a line" with no rounding on the way.
    pub fn div_floor(self, unit: Dec) -> Option<u64> {
        self.0.checked_div(unit.0)
    }

    /// `self × other`, rounded down to a thousandth, or `None` on overflow. Exact whenever one
    /// factor is whole (an H100-equivalent amount times the H100's TPP, a quantity times a TPP).
    /// `self`'s whole part and its thousandths are multiplied apart, so no product is wider
    /// than the result. With `other` up to [`MAX_EXACT_MILLI`] nothing overflows early; beyond
    /// it the thousandths' product may report overflow for a result that would fit, never a
    /// wrong one.
    pub fn checked_mul(self, other: Dec) -> Option<Dec> {
        let whole = (self.0 / SCALE).checked_mul(other.0)?;
        let frac = (self.0 % SCALE).checked_mul(other.0)? / SCALE;
        whole.checked_add(frac).map(Dec)
    }

    /// Compares `self / den` with `threshold` exactly (cross-multiplied), or `None` if `den` is
    /// zero or the products overflow.
    pub fn ratio_cmp(self, den: Dec, threshold: Dec) -> Option<Ordering> {
        if den.is_zero() {
            return None;
        }
        let left = self.0.checked_mul(SCALE)?;
        let right = threshold.0.checked_mul(den.0)?;
        Some(left.cmp(&right))
    }

    /// `self / den` rounded half-up to `places` decimals, as a float for display. `None` if `den`
    /// is zero or the result is too large to show exactly.
    pub fn ratio_rounded(self, den: Dec, places: u32) -> Option<f64> {
        let (q, scale) = self.ratio_scaled(den, places)?;
        if q > MAX_EXACT_F64 {
            return None;
        }
        Some(q as f64 / scale as f64)
    }

    /// `self / den × 10^places` rounded half-up, with `10^places`; `None` if `den` is zero or
    /// it overflows. The whole quotient and the remainder are scaled apart, so `self` may be as
    /// large as a `Dec` goes; `den` may not: with four places, one beyond about 9 × 10^14
    /// thousandths may report overflow for a result that would fit (never a wrong one). The
    /// divisors in use (the H100's TPP, die areas, legal lines) are far below that.
    fn ratio_scaled(self, den: Dec, places: u32) -> Option<(u64, u64)> {
        let scale = 10u64.checked_pow(places)?;
        let whole = self.0.checked_div(den.0)?.checked_mul(scale)?;
        let rest = self.0.checked_rem(den.0)?;
        let twice = rest.checked_mul(scale)?.checked_mul(2)? / den.0;
        let q = whole.checked_add(twice / 2 + twice % 2)?;
        Some((q, scale))
    }

    /// `self / den` rounded half-up to `places` decimals, as text without trailing zeros
    /// ("1699.1", "19.45", "1"), for sentences. Integer arithmetic only: the page's WebAssembly
    /// carries no float-printing code for it. `None` if `den` is zero or the result overflows.
    pub fn ratio_text(self, den: Dec, places: u32) -> Option<String> {
        let (q, scale) = self.ratio_scaled(den, places)?;
        let (whole, frac) = (q / scale, q % scale);
        let width = usize::try_from(places).ok()?;
        Some(with_fraction(whole, frac, width))
    }

    /// The value as a float, for JSON. Exact for every value with at most 15 significant digits;
    /// callers keep inputs below [`MAX_EXACT_MILLI`].
    pub fn to_f64(self) -> f64 {
        let whole = (self.0 / SCALE) as f64;
        let frac = (self.0 % SCALE) as f64 / SCALE as f64;
        whole + frac
    }

    /// Digits with thousands separators, e.g. `26,900,000` or `2,896.8`.
    pub fn grouped(self) -> String {
        group_digits(&self.to_string())
    }
}

/// Inserts thousands separators into a plain decimal numeral (`2896.8` → `2,896.8`); used for
/// exact values and for the CLI's display of rounded ones alike.
pub fn group_digits(plain: &str) -> String {
    let (whole, frac) = match plain.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (plain, None),
    };
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// The largest integer every f64 holds exactly (2^53).
const MAX_EXACT_F64: u64 = 1 << 53;

/// Values up to this many thousandths keep 15 significant digits, so `to_f64` is exact.
pub const MAX_EXACT_MILLI: u64 = 999_999_999_999_999;

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&with_fraction(self.0 / SCALE, self.0 % SCALE, 3))
    }
}

/// `whole.frac`, the fraction `width` digits wide without its trailing zeros, and no point if
/// nothing is left of it ("2896.8", "1").
fn with_fraction(whole: u64, frac: u64, width: usize) -> String {
    let mut out = digits(whole);
    let mut fraction = String::new();
    push_digits(&mut fraction, frac, width);
    let fraction = fraction.trim_end_matches('0');
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// `n` in decimal digits, as `{n}` writes it. The page's engine writes its integers through this
/// and [`push_digits`] rather than `core::fmt`, whose `Display` of each integer width (`u8`,
/// `u16`, `u64`) is a copy of the digit code of its own: about 0.9 KB of the page's wasm for
/// the dozen places a sentence, a date or the JSON writer shows a whole number.
pub fn digits(n: u64) -> String {
    let mut out = String::new();
    push_digits(&mut out, n, 1);
    out
}

/// Appends `n` in decimal digits, with leading zeros to at least `width` digits (7 and 2: "07").
pub fn push_digits(out: &mut String, n: u64, width: usize) {
    push_in_base(out, n, 10, width);
}

/// Appends `n` in lowercase hexadecimal digits, with leading zeros to at least `width` digits,
/// as `{:0width$x}` writes them: for the escapes of hidden characters in messages (`\u{200b}`)
/// and of control characters in JSON, for which alone the page's wasm kept `core::fmt`'s hex.
pub fn push_hex(out: &mut String, n: u64, width: usize) {
    push_in_base(out, n, 16, width);
}

fn push_in_base(out: &mut String, n: u64, base: u64, width: usize) {
    if n >= base || width > 1 {
        push_in_base(out, n / base, base, width.saturating_sub(1));
    }
    let digit = usize::try_from(n % base).unwrap_or(0);
    out.push(char::from(*b"0123456789abcdef".get(digit).unwrap_or(&b'?')));
}

impl fmt::Display for DecParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecParseError::Empty => "nothing was given",
            DecParseError::NotANumber => "it is not a plain decimal number",
            DecParseError::OtherDigits => "it has digits other than 0-9; write it with 0-9",
            DecParseError::Negative => "it is negative",
            DecParseError::TooPrecise => "it has more than 3 digits after the decimal point",
            DecParseError::TooLarge => "it is far larger than any real value",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_written_as_fmt_writes_them() {
        for n in [0, 7, 10, 99, 2026, 1_000_000, u64::MAX] {
            assert_eq!(digits(n), n.to_string());
        }
        let mut padded = String::new();
        for (n, width) in [(7, 2), (12, 2), (5, 4), (2026, 4), (0, 3), (123, 0)] {
            push_digits(&mut padded, n, width);
            padded.push(' ');
        }
        assert_eq!(padded, "07 12 0005 2026 000 123 ");
        let mut hex = String::new();
        for (n, width) in [(0x1f, 4), (0x202e, 1), (0, 1), (0xfeff, 2), (u64::MAX, 1)] {
            push_hex(&mut hex, n, width);
            hex.push(' ');
        }
        assert_eq!(hex, "001f 202e 0 feff ffffffffffffffff ");
    }

    #[test]
    fn parses_and_prints_exactly() {
        assert_eq!(Dec::parse("1978.9").map(|d| d.milli()), Ok(1_978_900));
        assert_eq!(
            Dec::parse("26,900,000").map(|d| d.to_string()),
            Ok("26900000".into())
        );
        assert_eq!(
            Dec::parse("0.125").map(|d| d.to_string()),
            Ok("0.125".into())
        );
        assert_eq!(
            Dec::parse("5.920").map(|d| d.to_string()),
            Ok("5.92".into())
        );
        assert_eq!(Dec::parse("1.2345"), Err(DecParseError::TooPrecise));
        assert_eq!(Dec::parse("-3"), Err(DecParseError::Negative));
        assert_eq!(Dec::parse("NaN"), Err(DecParseError::NotANumber));
        assert_eq!(Dec::parse("1e3"), Err(DecParseError::NotANumber));
        assert_eq!(Dec::parse(""), Err(DecParseError::Empty));
        assert_eq!(Dec::parse("."), Err(DecParseError::NotANumber));
    }

    #[test]
    fn ratio_compares_without_rounding() {
        // 5.92 × 1000 = 5920: exactly on the line is "equal", a thousandth below is "less".
        let area = Dec::from_int(1000);
        assert_eq!(
            Dec::from_int(5920).ratio_cmp(area, Dec::from_milli(5920)),
            Some(Ordering::Equal)
        );
        assert_eq!(
            Dec::from_milli(5_919_999).ratio_cmp(area, Dec::from_milli(5920)),
            Some(Ordering::Less)
        );
    }

    #[test]
    fn grouping_and_rounding_for_display() {
        assert_eq!(Dec::from_int(26_900_000).grouped(), "26,900,000");
        assert_eq!(Dec::from_milli(2_896_800).grouped(), "2,896.8");
        assert_eq!(
            Dec::from_int(26_900_000).ratio_rounded(Dec::from_int(15_832), 1),
            Some(1699.1)
        );
    }

    #[test]
    fn the_edges_of_what_is_exact() {
        // 24 whole digits are read, those beyond a u64 as the largest Dec (which every caller's
        // bound refuses in its own words); a 25th is refused rather than wrapped.
        let digits24 = "9".repeat(24);
        assert_eq!(Dec::parse(&digits24), Ok(Dec::MAX));
        assert_eq!(Dec::parse("18446744073709551616"), Ok(Dec::MAX));
        assert_eq!(
            Dec::parse("18446744073709551.615").map(Dec::milli),
            Ok(u64::MAX)
        );
        assert_eq!(Dec::parse("18446744073709551.616"), Ok(Dec::MAX));
        assert_eq!(Dec::from_int(u64::MAX), Dec::MAX);
        assert_eq!(
            Dec::parse(&format!("1{digits24}")),
            Err(DecParseError::TooLarge)
        );
        // Display rounding stops where a float stops being exact.
        let max = Dec::from_int(MAX_EXACT_F64);
        assert_eq!(
            max.ratio_rounded(Dec::from_int(1), 0),
            Some(MAX_EXACT_F64 as f64)
        );
        assert_eq!(
            Dec::from_int(MAX_EXACT_F64 + 1).ratio_rounded(Dec::from_int(1), 0),
            None
        );
        assert_eq!(Dec::from_milli(1_500).to_f64(), 1.5);
        assert_eq!(Dec::from_milli(26_900_000_125).to_f64(), 26_900_000.125);
    }

    #[test]
    fn products_and_ratios_of_large_values_stay_exact() {
        // A whole factor makes the product exact even where the thousandths' product passes u64.
        let h100 = Dec::from_int(15_832);
        let n = Dec::from_int(63_000_000);
        assert_eq!(n.checked_mul(h100), Some(Dec::from_int(997_416_000_000)));
        assert_eq!(
            Dec::from_milli(1_500).checked_mul(Dec::from_milli(2_001)),
            Some(Dec::from_milli(3_001))
        );
        assert_eq!(Dec::MAX.checked_mul(Dec::from_int(2)), None);
        // Rounding a ratio scales the remainder alone: the largest exact value still divides.
        let max = Dec::from_milli(MAX_EXACT_MILLI);
        assert_eq!(max.ratio_text(h100, 4).as_deref(), Some("63163213.7443"));
        assert_eq!(Dec::MAX.ratio_text(Dec::from_milli(1), 3), None);
        // At the documented edges: the largest exact factor and a divisor of 10^14 thousandths.
        let edge = Dec::from_milli(MAX_EXACT_MILLI);
        assert_eq!(
            Dec::from_milli(999).checked_mul(edge),
            Some(Dec::from_milli(998_999_999_999_999))
        );
        let den = Dec::from_milli(100_000_000_000_000);
        assert_eq!(
            Dec::from_milli(150_000_000_000_001)
                .ratio_text(den, 4)
                .as_deref(),
            Some("1.5")
        );
    }

    #[test]
    fn parse_errors_say_what_was_wrong() {
        assert_eq!(DecParseError::Empty.to_string(), "nothing was given");
        assert_eq!(DecParseError::Negative.to_string(), "it is negative");
        assert_eq!(
            DecParseError::TooPrecise.to_string(),
            "it has more than 3 digits after the decimal point"
        );
        assert_eq!(
            DecParseError::NotANumber.to_string(),
            "it is not a plain decimal number"
        );
        assert_eq!(
            DecParseError::TooLarge.to_string(),
            "it is far larger than any real value"
        );
    }

    #[test]
    fn ratio_text_rounds_half_up_without_floats() {
        let h100 = Dec::from_int(15_832);
        assert_eq!(
            Dec::from_int(26_900_000).ratio_text(h100, 1).as_deref(),
            Some("1699.1")
        );
        assert_eq!(
            Dec::from_int(26_900_000).ratio_text(h100, 0).as_deref(),
            Some("1699")
        );
        assert_eq!(
            Dec::from_int(15_832).ratio_text(h100, 1).as_deref(),
            Some("1")
        );
        assert_eq!(
            Dec::from_int(15_832)
                .ratio_text(Dec::from_int(814), 3)
                .as_deref(),
            Some("19.45")
        );
        // Half up: 0.0005 at 3 places is 0.001.
        assert_eq!(
            Dec::from_milli(5)
                .ratio_text(Dec::from_int(10), 3)
                .as_deref(),
            Some("0.001")
        );
        assert_eq!(Dec::from_int(1).ratio_text(Dec::ZERO, 2), None);
    }
}
