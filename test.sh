#!/usr/bin/env bash
# Runs every test: the README's test command, and what CI runs (.ci/run calls this script).
#
# On Debian (or Ubuntu) it first installs the system packages the tests need and the machine
# lacks, saying which and why:
#   - chromium: the browser tests drive Debian's Chromium headless through Playwright (no test tool
#     downloads a browser of its own)
#   - python3-cryptography: the Fernet interoperability test encrypts and decrypts with Python's
#     cryptography.fernet, the library of the original Python ChatterLink
#   - nats-server: the NATS cluster bus tests (chat-cluster-nats) start it on a random loopback
#     port; no Maven artifact ships the server (the package's systemd unit is left unstarted)
# Elsewhere it names what it would need and runs the build anyway. Arguments go on to Maven
# (e.g. ./test.sh -pl chat-core).
set -euo pipefail
cd "$(dirname "$0")"

packages=(chromium python3-cryptography nats-server)
if command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    echo "test.sh: installing ${missing[*]} (browser tests, Python Fernet interop, NATS bus tests) with apt-get"
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
      "${missing[@]}"
  fi
else
  echo "test.sh: not a Debian system; the tests need Chromium, Python 3 with 'cryptography' and nats-server"
fi

exec ./mvnw -B verify "$@"
