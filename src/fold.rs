//! Folding names into lookup keys: case, accents, curly quotes, spacing.
//!
//! Dependency-free on purpose: `build.rs` includes this file too, so the build checks name
//! collisions with exactly the keys the engine's lookups (`country::find`, `chip::find`) compare.

/// Lower-cases, strips accents from Latin letters, straightens quotes and collapses spaces.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut space = false;
    for c in input.trim().chars() {
        let c = match c {
            // Invisible characters a copy from a web page can carry (zero-width space and joiners,
            // direction marks and overrides, soft hyphen, byte-order mark) are not part of a name.
            '\u{ad}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{feff}' => continue,
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                'a'
            }
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
                'o'
            }
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ý' | 'ÿ' | 'Ý' => 'y',
            '’' | '‘' | '`' | '´' => '\'',
            '–' | '—' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        // ASCII only: the names and aliases are English, and every accented Latin letter they
        // use is mapped above; full Unicode case tables would cost the page kilobytes.
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Like [`fold`], and also drops spaces, hyphens, underscores and dots, so that "RTX 4090",
/// "rtx-4090" and "RTX4090" are the same key (chip names).
pub fn squash(input: &str) -> String {
    fold(input)
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.'))
        .collect()
}
