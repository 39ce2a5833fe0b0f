#!/usr/bin/env bash
# The newcomer's command: installs what is missing, builds the page, and serves it on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8000}"
