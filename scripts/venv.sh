# Sourced by run.sh, test.sh and bench.sh: make .venv (with Debian's python3-venv if it is missing) and
# install a requirements file into it, skipping the install when that file has not changed.
ensure_venv() {
  local requirements=$1
  if [ ! -x .venv/bin/python ]; then
    if ! python3 -m venv .venv 2>/dev/null; then
      rm -rf .venv
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv .venv
      else
        echo "python3 -m venv failed: install Debian's python3-venv package (sudo apt-get install python3-venv)" >&2
        return 1
      fi
    fi
  fi
  local stamp=".venv/.installed-$(cat "$requirements" requirements.txt | sha256sum | cut -c1-16)-$(basename "$requirements")"
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -r "$requirements"
    touch "$stamp"
  fi
}

# Of the Debian packages given as package or package:command, those whose command is missing.
missing_debian_packages() {
  local pair
  for pair in "$@"; do
    if ! command -v "${pair#*:}" >/dev/null && [ ! -x "/usr/sbin/${pair#*:}" ]; then echo "${pair%%:*}"; fi
  done
}

# What WeasyPrint needs to print the PDF story, when missing: pango (a shared library, no command to look for) and
# fonts. The same list is packages.txt, for Streamlit Community Cloud.
missing_print_libraries() {
  if ! ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || ! fc-list 2>/dev/null | grep -qi 'liberation'; then
    grep -v '^#' packages.txt
  fi
}

# Install Debian packages in one apt-get run when this machine can; otherwise say they are missing and why they matter.
install_debian_packages() {
  local why=$1
  shift
  [ $# -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's $*..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "Debian's $* cannot be installed here (apt-get install $*): $why" >&2
  fi
}

# What the tests and the benchmark need: the test requirements, chromium for the browser, haproxy for the replicas,
# pdftoppm to look at the PDF story's pages as a reader would, and the print libraries.
ensure_test_tools() {
  ensure_venv requirements-test.txt
  # shellcheck disable=SC2046  # one package name per line
  install_debian_packages "the tests that need them will skip (and fail under CI=true)." \
    $(missing_debian_packages chromium haproxy poppler-utils:pdftoppm) $(missing_print_libraries)
}

ensure_print_libraries() {
  # shellcheck disable=SC2046
  install_debian_packages "the PDF story download will fail." $(missing_print_libraries)
}
