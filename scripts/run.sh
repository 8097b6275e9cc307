#!/usr/bin/env bash
# `make run`: serves www/ and the demo consoles, then opens Chromium with the built extension when
# there is a display; without one, prints what to open and runs a headless smoke check.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/run.mjs "$@"
