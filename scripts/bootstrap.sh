#!/usr/bin/env bash
# Create .venv with a supported Python (3.12 or 3.11: mediapipe 0.10.21 has no 3.13 wheels)
# and install the pinned requirements. Installs the few Debian packages WeasyPrint and the
# end-to-end tests need when run as root (or with sudo) and they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
REQS=${1:-requirements.txt}

APT_PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 gettext"
if [ "$REQS" = "requirements-dev.txt" ]; then APT_PACKAGES="$APT_PACKAGES chromium poppler-utils"; fi
missing=""
for p in $APT_PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo ">> Installing Debian packages:$missing"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

PY=""
for candidate in ${PYTHON:-} python3.12 python3.11 python3; do
  [ -z "$candidate" ] && continue
  if command -v "$candidate" >/dev/null 2>&1; then
    # A pyenv shim may exist for a version that is not active: a failing run just means "not this one".
    ver=$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) || continue
    case "$ver" in 3.11|3.12) PY=$candidate; break ;; esac
  fi
done
if [ -z "$PY" ]; then
  echo "ERROR: Netralitas needs Python 3.11 or 3.12 (mediapipe 0.10.21 has no wheels for other versions)." >&2
  echo "       Install one (e.g. 'apt-get install python3.11 python3.11-venv') or set PYTHON=/path/to/python3.12." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo ">> Creating .venv with $PY ($("$PY" --version))"
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
# --no-deps: the files are complete locks (see the note in requirements.txt).
.venv/bin/python -m pip install -q --no-deps -r "$REQS"
echo ">> Python packages installed from $REQS"
