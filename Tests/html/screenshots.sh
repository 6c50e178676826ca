#!/usr/bin/env bash
# Makes the README's screenshots of the HTML report (docs/html-report-*.png) with headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build
report=$(mktemp --suffix=.html)
trap 'rm -f "$report"' EXIT
.build/debug/dmarc-parse --html "$report" Fixtures/timeline Fixtures/sample 2>/dev/null || true
shot() {
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --window-size="$1" \
        --screenshot="$2" "file://$report" 2>/dev/null
}
shot 1100,2100 docs/html-report-desktop.png
shot 390,1500 docs/html-report-narrow.png
