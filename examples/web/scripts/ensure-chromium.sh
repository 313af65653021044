#!/usr/bin/env bash
# Debian's Chromium for the browser test (examples/web). Playwright's own browser download
# does not work here; playwright-core drives /usr/bin/chromium instead. Needs root (CI) or
# sudo when Chromium is missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "chromium: $(chromium --version 2>/dev/null || echo present)"
  exit 0
fi
SUDO=()
if [ "$(id -u)" != 0 ]; then SUDO=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "chromium: $(chromium --version)"
