#!/usr/bin/env bash
# Builds the page: the engine to WebAssembly (pkg/, then optimised into www/pkg/) and the projected
# map (www/world.js), the sources page (www/sources.html), and from the template www/page.html the
# page with its pre-rendered first answer (www/index.html) and the embed (www/embed.html). Run scripts/setup.sh first on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

cargo build --quiet --lib --release --target wasm32-unknown-unknown --no-default-features
wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/h100e.wasm
mkdir -p www/pkg
# npm binaryen's wasm-opt (Debian's 108 produces modules that fail to instantiate).
node_modules/.bin/wasm-opt -Oz pkg/h100e_bg.wasm -o www/pkg/h100e_bg.wasm
cp pkg/h100e.js pkg/h100e.d.ts www/pkg/
node scripts/build-map.mjs >/dev/null
# Documents generated from the engine's own data, so they cannot disagree with the answers.
cargo run --quiet --release --bin h100e-site -- www
node scripts/build-pages.mjs >/dev/null
node scripts/build-single.mjs >/dev/null
echo "build: www/ is ready ($(wc -c < www/pkg/h100e_bg.wasm) bytes of wasm)"
