#!/usr/bin/env bash
# Browser tests drive Debian's chromium; nothing may download a browser of its own.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium が見つからないため apt-get でインストールします (Debian chromium)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "ブラウザテストには Debian の chromium が必要です: sudo apt-get install -y chromium を実行してください (Debian chromium is required: run 'sudo apt-get install -y chromium')." >&2
exit 1
