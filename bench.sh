#!/usr/bin/env bash
# Installs what the benchmark needs (the test requirements, Debian's chromium and haproxy) and runs it:
#   ./bench.sh [--quick]            python -m bench: one process; table into docs/PERFORMANCE.md
#   ./bench.sh --balancer [--quick] python -m bench.balancer: replicas behind HAProxy; table into docs/DEPLOY.md
#   ./bench.sh --hostile [--quick]  python -m bench.hostile: cache wipes, idle sessions, links; into docs/RELIABILITY.md
# All first run bench/test_crowd.py (100 readers at once: no errors). --quick is a smoke run that writes nothing.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/venv.sh
ensure_test_tools
.venv/bin/python -m pytest bench/test_crowd.py -q  # a crowd of 100 readers gets no errors, before anything is measured
if [ "${1:-}" = "--balancer" ]; then
  shift
  exec .venv/bin/python -m bench.balancer "$@"
fi
if [ "${1:-}" = "--hostile" ]; then
  shift
  exec .venv/bin/python -m bench.hostile "$@"
fi
exec .venv/bin/python -m bench "$@"
