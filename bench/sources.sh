#!/usr/bin/env bash
# Mixed-source ingest (issue 23): a generated Kaggle-format dump alone, then the same dump plus an OAI-PMH arXivRaw
# harvest of the same papers, each with one newer version (bench/make_arxivraw_harvest.py). Prints records per
# second of both and their ratio (the target: the mixed run at no less than 0.7x the dump-only rate per record),
# and checks that every paper came out once, from the harvest, with the union of versions.
#   bench/sources.sh DUMP.jsonl [WORK_DIR]     DUMP: made by ../shared/tools/make-big-dump (with its manifest)
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
dump=$1
work=${2:-$repo/bench/work}
harvest="$work/harvest-$(basename "${dump%.jsonl}")"
mkdir -p "$work"
if [[ ! -d "$harvest" ]]; then
  python3 "$repo/bench/make_arxivraw_harvest.py" "$dump" "$harvest.tmp" && mv "$harvest.tmp" "$harvest"
fi

run() { # name, inputs...
  local name=$1; shift
  local out="$work/out-sources-$name"
  rm -rf "$out"
  local start end
  start=$(date +%s.%N)
  ARXIV_DIGEST_DRIVER_MEMORY=${ARXIV_DIGEST_DRIVER_MEMORY:-4g} \
    "$repo/bin/arxiv-digest" ingest "$@" --output "$out" --master "local[2]" > "$work/sources-$name.log" 2>&1
  end=$(date +%s.%N)
  echo "$name $start $end $out"
}

# A warm-up, so that neither measured run writes the class archive.
"$repo/bin/arxiv-digest" ingest --input "$repo/data/sample" --output "$work/out-sources-warmup" \
  --master "local[2]" > /dev/null 2>&1 || true
a=$(run dump --input "$dump")
b=$(run mixed --input "$dump" --input "$harvest")

python3 - "$a" "$b" "${dump%.jsonl}.manifest.json" <<'PY'
import json, sys
def figures(spec):
    name, start, end, out = spec.split()
    s = json.load(open(out + "/run-summary.json"))
    wall = float(end) - float(start)
    stages = {k: v for k, v in s["stage_seconds"].items() if k.startswith("ingest")}
    return name, s, wall, stages
rows = [figures(sys.argv[1]), figures(sys.argv[2])]
for name, s, wall, stages in rows:
    n = s["records_read"]
    print(f"{name:6s}: {n:,} records read, wall {wall:.1f} s -> {n / wall:,.0f} records/s; "
          f"papers {s['papers']:,}, duplicates {s['duplicates_dropped']:,}, quarantined {s['quarantined']:,}; "
          + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()))
    assert s["accounting_balanced"], s
(_, d, dw, _), (_, m, mw, _) = rows
ratio = (m["records_read"] / mw) / (d["records_read"] / dw)
print(f"mixed / dump-only records per second: {ratio:.2f} (target >= 0.70: {'met' if ratio >= 0.7 else 'NOT met'})")
assert m["papers"] == d["papers"], "the harvest holds the dump's papers: no paper more, none less"
src = m["by_source"]
print("mixed by source:", json.dumps(src))
assert src["arXivRaw"]["papers"] == m["papers"], "every paper's winner is the harvest's newer record"
assert m["versions"] == d["versions"] + d["papers"], "each paper one version more: the union of versions"
print("mixed: every paper once, from the harvest, with one version more: ok")
PY
