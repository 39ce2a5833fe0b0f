#!/usr/bin/env bash
# Installs every tool the build and tests need, skipping what is already there:
# the wasm32 target, wasm-bindgen-cli at the exact version in Cargo.lock, a nightly toolchain and
# cargo-fuzz (the fuzz targets' smoke), Debian's Chromium and ChromeDriver, and the npm packages of
# package-lock.json. Quiet when there is nothing to do.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

[ -f Cargo.lock ] || cargo generate-lockfile
want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2 || true)
if [ "$have" != "$want" ]; then
  echo "setup: installing wasm-bindgen-cli $want (about 2 minutes)"
  cargo install -q wasm-bindgen-cli --version "$want" --locked || cargo install -q wasm-bindgen-cli --version "$want"
fi

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "setup: adding the nightly toolchain (cargo-fuzz builds with it)"
  rustup toolchain install nightly --profile minimal
fi
if ! command -v cargo-fuzz >/dev/null; then
  echo "setup: installing cargo-fuzz (about 2 minutes)"
  cargo install -q cargo-fuzz --locked || cargo install -q cargo-fuzz
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "setup: installing Debian's chromium and chromium-driver"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent
fi
