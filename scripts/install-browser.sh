#!/usr/bin/env bash
# Install the browser the browser tests drive: Debian's Chromium and a CJK font.
# Idempotent and fast when both are present (no apt-get at all). `npx playwright install` is not
# used: browser downloads do not work here; Playwright drives /usr/bin/chromium instead.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q "install ok installed" \
    || need+=(fonts-wqy-microhei)

if [ ${#need[@]} -eq 0 ]; then
    echo "install-browser: chromium and fonts-wqy-microhei already present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-browser: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
chromium --version
