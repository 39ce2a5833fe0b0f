//! The TypeScript declarations of the wasm API's answers and queries, generated from the wire
//! types themselves (ts-rs), so a newsroom developer's editor knows every field and the
//! declarations cannot drift from what the engine returns. The types derive `TS` only under
//! `cfg(test)`: nothing of this reaches the engine's bytes. The test below compares
//! `src/wire/answers.d.ts` with what the types declare (run with `UPDATE_TYPES=1` to rewrite it);
//! `scripts/build-pkg.mjs` puts the file into the npm package's `h100e.d.ts` and types each
//! function with it, and `e2e/pkg.spec.mjs` checks real answers against it with the TypeScript
//! compiler.

use std::collections::BTreeMap;

use ts_rs::{Config, TypeVisitor, TS};

use super::{
    ChipOut, CitationOut, ClaimsOut, CompareOut, ConvertIn, ConvertOut, CountryOut, DatasetOut,
    EvalOut, OutcomesOut, QueryIn, RegimeOut, SpecIn, ThresholdOut, TiersOut, TimelineOut,
};

/// Where the declarations live in the repository.
const FILE: &str = "src/wire/answers.d.ts";

/// Collects the declaration of every named type reachable from the roots, each once, by name:
/// ts-rs visits a type's dependencies in an order that changes from one compilation to the next.
struct Declarations<'a> {
    cfg: &'a Config,
    out: BTreeMap<String, String>,
}

impl TypeVisitor for Declarations<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Only derived types have a file of their own; primitives and containers are inlined.
        let name = T::ident(self.cfg);
        if T::output_path().is_none() || self.out.contains_key(&name) {
            return;
        }
        let docs = T::docs()
            .map(|d| format!("{}\n", d.trim_end()))
            .unwrap_or_default();
        let decl = tidy(&T::decl(self.cfg));
        self.out.insert(name, format!("{docs}export {decl}"));
        T::visit_dependencies(self);
    }
}

/// An object type's fields, with their doc comments, indented one level and its closing brace on
/// a line of its own (ts-rs writes every line at the margin); other declarations as they are.
fn tidy(decl: &str) -> String {
    let mut lines = decl.lines().map(str::trim_end);
    let Some(first) = lines.next() else {
        return String::new();
    };
    if !first.ends_with('{') {
        return decl.trim_end().to_owned();
    }
    let mut out = vec![first.to_owned()];
    for line in lines {
        match line.strip_suffix(" };") {
            Some(field) => out.extend([format!("  {field}"), "};".to_owned()]),
            None => out.push(format!("  {line}")),
        }
    }
    out.join("\n")
}

/// The whole file: a header, then every type the roots need, by name.
fn declarations() -> String {
    // Answers are JSON: the engine's numbers are JSON numbers, never bigints.
    let cfg = Config::new().with_large_int("number");
    let mut d = Declarations {
        cfg: &cfg,
        out: BTreeMap::new(),
    };
    d.visit::<QueryIn>();
    d.visit::<SpecIn>();
    d.visit::<ConvertIn>();
    d.visit::<EvalOut>();
    d.visit::<OutcomesOut>();
    d.visit::<TiersOut>();
    d.visit::<ChipOut>();
    d.visit::<RegimeOut>();
    d.visit::<CountryOut>();
    d.visit::<DatasetOut>();
    d.visit::<CitationOut>();
    d.visit::<TimelineOut>();
    d.visit::<ThresholdOut>();
    d.visit::<ConvertOut>();
    d.visit::<CompareOut>();
    d.visit::<ClaimsOut>();
    let header = "// Generated from the engine's wire types (src/wire/types.rs, ts-rs). Do not edit:\n\
                  // run `UPDATE_TYPES=1 cargo test --lib wire::types` after changing a wire type.\n";
    let body: Vec<String> = d.out.into_values().collect();
    format!("{header}\n{}\n", body.join("\n\n"))
}

#[test]
fn declarations_match_the_wire_types() {
    let want = declarations();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(FILE, &want).expect("src/wire/answers.d.ts is writable");
    }
    let have = std::fs::read_to_string(FILE).unwrap_or_default();
    assert!(
        have == want,
        "{FILE} is out of date with the wire types: run `UPDATE_TYPES=1 cargo test --lib wire::types`"
    );
}
