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

# A Debian package the tests or the benchmark need (chromium for the browser, haproxy for the replicas), installed
# when its command is missing and this machine can; otherwise the tests that need it skip (and fail under CI=true).
ensure_debian_package() {
  local package=$1 command=${2:-$1}
  if ! command -v "$command" >/dev/null && [ ! -x "/usr/sbin/$command" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Debian's $package..."
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
    else
      echo "$package is missing and cannot be installed here: the tests that need it will skip (and fail under CI=true)."
    fi
  fi
}

# What the tests and the benchmark need: the test requirements, chromium for the browser, haproxy for the replicas.
ensure_test_tools() {
  ensure_venv requirements-test.txt
  ensure_debian_package chromium
  ensure_debian_package haproxy
  ensure_print_libraries
  ensure_debian_package poppler-utils pdftoppm  # the PDF story tests look at its pages as a reader would
}

# What WeasyPrint needs to print the PDF story: pango (a shared library, no command to look for) and fonts.
# The same list is packages.txt, for Streamlit Community Cloud.
ensure_print_libraries() {
  if ! ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || ! fc-list 2>/dev/null | grep -qi 'liberation'; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Debian's pango and fonts for the PDF story..."
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(grep -v '^#' packages.txt) >/dev/null
    else
      echo "pango or fonts are missing and cannot be installed here (apt-get install $(grep -v '^#' packages.txt | tr '\n' ' ')):" \
           "the PDF story download will fail." >&2
    fi
  fi
}
