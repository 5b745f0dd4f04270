#!/usr/bin/env bash
# Screenshots of the HTML site for docs/screenshots/ (issue 26): the index, a topic page and a month page of an
# output made by `bin/arxiv-digest run --input data/sample`. Debian's headless Chromium, nothing downloaded.
#
#   docs/screenshots.sh [OUTPUT]        default OUTPUT: output
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
out=$(readlink -f "${1:-$repo/output}")
site="$out/site"
[[ -f "$site/index.html" ]] || { echo "docs/screenshots.sh: no site at $site (run the sample job first)" >&2; exit 2; }
chromium=$(command -v chromium || command -v chromium-browser) || { echo "docs/screenshots.sh: needs chromium" >&2; exit 2; }
dest="$repo/docs/screenshots"
mkdir -p "$dest"
shot() { # name page width height
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$3,$4" --screenshot="$dest/$1.png" "file://$site/$2" >/dev/null 2>&1
  echo "wrote docs/screenshots/$1.png"
}
month=$(ls "$site/papers/llm" | grep -E '^[0-9]{4}_[0-9]{2}$' | sort | tail -1)
shot index index.html 1000 1400
shot topic-llm papers/llm/index.html 1000 1400
shot "month-llm-$month" "papers/llm/$month/papers_1.html" 1000 1400
