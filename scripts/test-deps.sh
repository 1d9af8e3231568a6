#!/usr/bin/env bash
# Installs the system packages the tests run against, when missing:
#   python3-recurring-ical-events  reference implementation for the iCalendar differential tests
#   radicale                       CalDAV server for the calendar connector tests
#   python3-aiosmtpd               real SMTP server for the notification tests
#   chromium                       the browser the web app's tests drive (Playwright, /usr/bin/chromium; no browser download)
#   dynalite (npm, in .tools/)     local DynamoDB for the DynamoDB provider tests
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ -x "$root/.tools/dynalite/node_modules/.bin/dynalite" ] || npm install --prefix "$root/.tools/dynalite" --no-audit --no-fund dynalite@4.0.0 >/dev/null
need=()
/usr/bin/python3 -c 'import recurring_ical_events' 2>/dev/null || need+=(python3-recurring-ical-events)
/usr/bin/python3 -c 'import radicale' 2>/dev/null || need+=(radicale)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "missing system packages: ${need[*]} (install them with apt-get)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}"
