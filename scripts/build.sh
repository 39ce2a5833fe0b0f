#!/usr/bin/env bash
# Builds the page: the engine to WebAssembly (optimised into www/pkg/), the npm package (pkg/), the projected
# map (www/world.js), the page's scripts bundled (www/js/), the tools engine the claim-checking views
# load on demand (www/tools/), the generated pages (www/sources.html, www/chips.html, www/claims.html),
# and from the template www/page.html the
# page with its pre-rendered first answer (www/index.html) and the embed (www/embed.html). Run scripts/setup.sh first on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# The page's engine: without the claim tools, so a reader downloads only what answers a question.
cargo build --quiet --lib --release --target wasm32-unknown-unknown --no-default-features
wasm-bindgen --target web --out-dir target/wasm-page target/wasm32-unknown-unknown/release/h100e.wasm
mkdir -p www/pkg
# npm binaryen's wasm-opt (Debian's 108 produces modules that fail to instantiate). A whole-program
# type flow pass (--gufa) and -Oz again after it: 0.7 KB less brotli than -Oz alone (BENCHMARKS.md).
# --low-memory-unused lets it fold constant address offsets into loads and stores (0.2 KB): sound
# here because rustc links wasm32 with --stack-first, so the lowest KiB is the far end of the 1 MiB
# stack, which nothing reaches short of overflowing it. --reorder-functions-by-name puts functions
# in the order of their Rust paths (wasm-bindgen keeps the names until wasm-opt writes the module),
# so a module's functions and a generic's copies sit together and compress better (0.25 KB).
# --one-caller-inline-max-function-size=20: -Oz inlines every function called from one place,
# whatever its size, which makes the module a few hundred bytes smaller raw but 3.3 KB larger
# brotli (measured, not derived: probably because a function kept apart repeats shapes of code
# that brotli finds, where an inlined copy is renumbered into its caller's locals). Inlining only
# small ones keeps both gains; anywhere from 15 to 30 measured within 0.1 KB of the best.
# The producers and target-features sections (toolchain versions, features for linkers) are
# for tools, which have run by now; browsers ignore them (75 B).
# --skip-pass=memory-packing: the pass cuts rustc's two data segments into 215 to leave out 4.4 KB
# of zero bytes, which brotli would have squeezed to almost nothing, and each cut costs a segment
# header that it cannot squeeze: 0.65 KB more brotli than the zeros (measured, 2026-12-03).
WASM_OPT=(node_modules/.bin/wasm-opt --low-memory-unused --one-caller-inline-max-function-size=20
  -Oz --gufa -Oz --reorder-functions-by-name --strip-producers --strip-target-features
  --skip-pass=memory-packing)
"${WASM_OPT[@]}" target/wasm-page/h100e_bg.wasm -o www/pkg/h100e_bg.wasm
cp target/wasm-page/h100e.js target/wasm-page/h100e.d.ts www/pkg/
# The page starts its engine itself (www/engine.js, `instantiate`): the glue's own loader, with its
# warnings and paths for older browsers, is 350 B of brotli the page does not need, so the glue also
# exports the two steps the page takes from it: its import object and its finishing step.
for f in __wbg_get_imports __wbg_finalize_init; do
  grep -q "^function $f(" www/pkg/h100e.js || { echo "build: wasm-bindgen's glue has no $f (www/engine.js starts the engine with it)" >&2; exit 1; }
done
printf '\n// Added by scripts/build.sh for www/engine.js.\nexport { __wbg_get_imports as imports, __wbg_finalize_init as finish };\n' >> www/pkg/h100e.js
# The npm package (pkg/): the whole JS API, the claim tools included; its own target dir, so the
# two feature sets do not rebuild each other.
cargo build --quiet --lib --release --target wasm32-unknown-unknown --no-default-features --features tools --target-dir target/tools
wasm-bindgen --target web --out-dir pkg target/tools/wasm32-unknown-unknown/release/h100e.wasm
"${WASM_OPT[@]}" pkg/h100e_bg.wasm -o pkg/h100e_bg.wasm
node scripts/build-pkg.mjs >/dev/null
# The same optimised build, for the page's claim-checking views, which load it on demand (www/tools.js).
mkdir -p www/tools
cp pkg/h100e.js pkg/h100e_bg.wasm www/tools/
node scripts/build-map.mjs >/dev/null
# The page's scripts, bundled and minified into www/js/ (the modules in www/ stay the source).
node scripts/build-js.mjs >/dev/null
# Documents generated from the engine's own data, so they cannot disagree with the answers.
cargo run --quiet --release --bin h100e-site -- www
node scripts/build-pages.mjs >/dev/null
node scripts/build-single.mjs >/dev/null
echo "build: www/ is ready ($(wc -c < www/pkg/h100e_bg.wasm) bytes of wasm)"
