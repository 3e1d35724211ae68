#!/usr/bin/env bash
# Installs what the benchmark needs (the test requirements and Debian's chromium) and runs it: python -m bench.
# It serves the app on a free local port, prints one table and writes it into docs/PERFORMANCE.md (not with --quick).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/venv.sh
ensure_venv requirements-test.txt
ensure_chromium
exec .venv/bin/python -m bench "$@"
