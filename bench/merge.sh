#!/usr/bin/env bash
# A day merged into the output of a generated dump (issue 24): the full run that makes the output (once, kept),
# a one-month backfill of a copy of it, then `run --merge` of a generated day (bench/make_day.py: ~3,000
# arXivRaw records, a tenth of them new versions or edits of papers of the dump) into another copy, cold (a new
# JVM each; the class archive written first). Two days: "merge" revises papers drawn over all the dump's years
# (the worst case for papers partitioned by the year of the id), "merge-recent" papers of its last two years (as
# a real day does). Prints wall seconds, each merge's stage seconds and what it merged, and the targets: merge at
# most 90 s (stretch 60 s), at most the backfill + 30 s.
#   bench/merge.sh DUMP.jsonl [WORK_DIR]     DUMP: made by ../shared/tools/make-big-dump
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
dump=$1
work=${2:-$repo/bench/work}
name=$(basename "${dump%.jsonl}")
base="$work/merge-base-$name"
day="$work/day-$name"
try="$work/merge-try-$name"
mkdir -p "$work"
export ARXIV_DIGEST_DRIVER_MEMORY=${ARXIV_DIGEST_DRIVER_MEMORY:-4g}
[[ -d "$day" ]] || python3 "$repo/bench/make_day.py" "$dump" "$day" >&2
[[ -d "$day-recent" ]] || python3 "$repo/bench/make_day.py" "$dump" "$day-recent" --recent-years 2 >&2

timed() { # name, args... -> "name seconds"
  local what=$1; shift
  local start end
  start=$(date +%s.%N)
  "$repo/bin/arxiv-digest" "$@" --master "local[2]" > "$work/merge-$what.log" 2>&1
  end=$(date +%s.%N)
  python3 -c 'import sys; print(sys.argv[1], round(float(sys.argv[3]) - float(sys.argv[2]), 1))' "$what" "$start" "$end"
}

"$repo/bin/arxiv-digest" run --input "$repo/data/sample" --output "$work/merge-warmup" > /dev/null 2>&1 || true
rm -rf "$work/merge-warmup"
# The output is made again when the jar changed: every stage's stamp names the build, so an output of another
# build would make the backfill a full run.
build=$(sha1sum "$repo/jobs/target/arxiv-digest-jobs.jar" | cut -c1-40)
if [[ ! -f "$base/run-summary.json" || "$(cat "$base/.bench-build" 2>/dev/null)" != "$build" ]]; then
  rm -rf "$base"
  timed full run --input "$dump" --output "$base"
  echo "$build" > "$base/.bench-build"
fi
month=$(python3 -c 'import json,sys; print(max(json.load(open(sys.argv[1]))["papers_by_first_month"]).replace("_", "-"))' \
  "${dump%.jsonl}.manifest.json")
rm -rf "$try"; cp -a "$base" "$try"
backfill=$(timed backfill run --input "$dump" --from "$month" --to "$month" --output "$try")
echo "$backfill"
for which in merge merge-recent; do
  rm -rf "$try"; cp -a "$base" "$try"
  merge=$(timed "$which" run --merge --input "$day${which#merge}" --output "$try")
  echo "$merge"
  python3 - "$try/run-summary.json" "${backfill#* }" "$merge" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
backfill = float(sys.argv[2])
which, merge = sys.argv[3].split()
merge = float(merge)
print(f"{which} stages:", ", ".join(f'{st["name"]} {st["seconds"]:.1f}' for st in s["stages"]))
print("merged:", json.dumps(s.get("merge")), "records_read", s["records_read"], "months_touched",
      len(s.get("months_touched", [])))
print(f"{which} {merge:.1f} s: target <= 90 s {'met' if merge <= 90 else 'NOT met'} (stretch 60 s "
      f"{'met' if merge <= 60 else 'not met'}); <= backfill {backfill:.1f} + 30 s "
      f"{'met' if merge <= backfill + 30 else 'NOT met'}")
PY
done
