# Sourced by scripts/serve and scripts/test: create or reuse .venv and install the project.
# Usage: source scripts/venv.sh EXTRA   (always pass it: a sourced file sees the caller's arguments)
# EXTRA: "serve" (the service and gunicorn) or "test" (everything the suite needs)
extra="${1:-}"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Back Pop Coach needs Python 3.11 or newer (tried: $python). Set PYTHON=/path/to/python3.11." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  if ! "$python" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "python3-venv is missing; installing it with apt-get." >&2
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      "$python" -m venv .venv
    else
      echo "Could not create a virtual environment. On Debian: sudo apt-get install python3-venv" >&2
      exit 1
    fi
  fi
fi
spec="."
[ -n "$extra" ] && spec=".[$extra]"
stamp=".venv/.installed-${extra:-base}"
want="$(cat pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installing Back Pop Coach ($spec) into .venv ..." >&2
  .venv/bin/python -m pip install --quiet --upgrade pip >/dev/null
  .venv/bin/python -m pip install --quiet -e "$spec"
  echo "$want" > "$stamp"
fi
