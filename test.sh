#!/usr/bin/env bash
# Installs everything the tests need (Python packages; Debian's chromium and haproxy when missing and this
# machine can), checks lint and format with ruff, and runs every test. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/venv.sh
ensure_test_tools
.venv/bin/ruff check .
.venv/bin/ruff format --check .
pytest=(.venv/bin/python -m pytest)
if [ "${CI:-}" = true ]; then
  # CI stops the whole job at 90 minutes with no summary; interrupted a little earlier, pytest still prints what
  # passed, what failed and the slowest tests.
  pytest=(timeout --signal=INT --kill-after=120 "${TRACKER_TEST_TIME_LIMIT:-4500}" "${pytest[@]}")
fi
set +e
"${pytest[@]}" "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: treating that as a failure." >&2
  exit 1
fi
exit "$status"
