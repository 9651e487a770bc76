#!/usr/bin/env bash
# Creates .venv on Python 3.10 (Rasa 3.6 needs <3.11) and installs the pinned lock, only when the lock changed.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python310() {
  if command -v pyenv >/dev/null 2>&1 && pyenv prefix 3.10.13 >/dev/null 2>&1; then
    echo "$(pyenv prefix 3.10.13)/bin/python3.10"; return
  fi
  for candidate in python3.10 /root/.pyenv/versions/3.10.*/bin/python3.10 /usr/bin/python3.10; do
    if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return; fi
  done
  echo "ERROR: Python 3.10 is required (Rasa 3.6 supports 3.8-3.10). Install it (e.g. 'pyenv install 3.10.13')." >&2
  exit 1
}

want=$(cat requirements/lock.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [ -x .venv/bin/python ] && [ "$(cat .venv/.lock-sha256 2>/dev/null)" = "$want" ]; then
  exit 0
fi
if [ ! -x .venv/bin/python ]; then
  py=$(find_python310)
  echo "Creating .venv with $py"
  "$py" -m venv .venv
fi
echo "Installing the pinned dependencies (requirements/lock.txt); the first time takes a few minutes"
.venv/bin/python -m pip install --quiet --upgrade 'pip<25'
.venv/bin/python -m pip install --progress-bar off -r requirements/lock.txt
.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
echo "$want" > .venv/.lock-sha256
