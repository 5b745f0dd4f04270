#!/usr/bin/env bash
# Ingest throughput: makes a dump of RECORDS lines by repeating data/sample under fresh ids (cached in bench/work/),
# runs `arxiv-digest ingest` on it in local[2] and prints records per second, overall and per stage.
#   bench/ingest.sh [RECORDS]     default 300000
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
records=${1:-300000}
work="$repo/bench/work"
input="$work/repeated-$records.jsonl"
mkdir -p "$work"
[[ -f "$input" ]] || python3 "$repo/bench/make_repeated_dump.py" --records "$records" --out "$input"
out="$work/out-ingest-$records"
rm -rf "$out"

start=$(date +%s.%N)
ARXIV_DIGEST_DRIVER_MEMORY=${ARXIV_DIGEST_DRIVER_MEMORY:-4g} \
  "$repo/bin/arxiv-digest" ingest --input "$input" --output "$out" --master "local[2]"
end=$(date +%s.%N)

python3 - "$out/run-summary.json" "$input" "$start" "$end" <<'PY'
import json, os, sys
summary = json.load(open(sys.argv[1]))
size_mb = os.path.getsize(sys.argv[2]) / 1e6
wall = float(sys.argv[4]) - float(sys.argv[3])
n = summary["records_read"]
stages = summary["stage_seconds"]
busy = sum(stages.values())
print(f"input: {n} records, {size_mb:.0f} MB")
print(f"wall (JVM start to exit): {wall:.1f} s -> {n / wall:,.0f} records/s, {size_mb / wall:.1f} MB/s")
print(f"ingest stages: {busy:.1f} s -> {n / busy:,.0f} records/s")
for name, sec in stages.items():
    print(f"  {name:20s} {sec:7.1f} s")
print(f"papers {summary['papers']}, versions {summary['versions']}, duplicates {summary['duplicates_dropped']}, "
      f"quarantined {summary['quarantined']}")
PY
