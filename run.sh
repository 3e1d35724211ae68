#!/usr/bin/env bash
# Installs the app's requirements into .venv (first time only) and starts the app.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/venv.sh
ensure_venv requirements.txt
ensure_print_libraries
exec .venv/bin/python -m streamlit run app.py "$@"
