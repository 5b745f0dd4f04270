#!/usr/bin/env bash
# Reproduces the experiment of README.md: labelled llm papers of the spent sets (SETS), embedded, then scored.
# Needs data/train/recent (data/train/README.md) and the listings of a run over it (the keyword hits):
#   bin/arxiv-digest run --input data/train/recent --output data/train/trending
# With MODEL=<a trained llm topic model's model/ folder> (see README.md) the TF-IDF scores too, and the ensembles.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
work=${WORK:-/tmp/minilm-llm}
mkdir -p "$work"
# SETS: the spent fresh sets whose labels choose (session 31: 2 3 4; session 34: 2 3 4 5 6), beside llm.csv.
read -r -a sets <<< "${SETS:-2 3 4}"
labels=("$repo/data/labels/llm.csv")
for s in "${sets[@]}"; do labels+=("$repo/data/labels/fresh$s/llm.csv"); done
(cd "$here" && mvn -B -q package -DskipTests && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
for f in "${labels[@]}"; do tail -n +2 "$f" | cut -d, -f1; done | sort -u > "$work/ids.txt"
python3 -c 'import csv,sys; print("\n".join(sorted({r["id"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))})))' \
  "$repo/data/train/trending/extracts/listings_llm.csv" > "$work/keyword.txt"
# embed IDS OUT: MiniLM's embeddings of those papers; tfidf_scores IDS OUT: the TF-IDF model's scores of them.
embed() {
  java -cp "$here/target/experiment-minilm-llm-1.jar:$(cat "$here/target/classpath.txt")" \
    org.arxivdigest.experiments.EmbedLabelled "$repo/data/train/recent" "$1" "$2" 2>&1 | grep -v '^SLF4J'
}
tfidf_scores() {
  local jvm_flags
  read -r -a jvm_flags < "$repo/jobs/target/classes/jvm-flags.txt"
  SPARK_LOCAL_IP=127.0.0.1 java "${jvm_flags[@]}" -Xmx4g \
    -cp "$repo/jobs/target/arxiv-digest-jobs.jar:$(cat "$repo/jobs/target/embedded-classpath.txt")" \
    "$here/tfidf/ScoreLabelled.java" "$repo/data/train/trending/datasets/papers" "$1" "$MODEL" "$2" \
    "$repo/data/topics.json" 2>&1 | grep -v ' INFO \| WARN \|incubat' || true
}
embed "$work/ids.txt" "$work/embeddings.csv"
python3 "$here/score.py" "$work/embeddings.csv" "$work/keyword.txt" "${labels[@]}"

if [[ -n "${MODEL:-}" ]]; then
  tfidf_scores "$work/ids.txt" "$work/tfidf.csv"
  (cd "$here" && python3 ensemble.py "$work/embeddings.csv" "$work/tfidf.csv" "$work/keyword.txt" "${labels[@]}")
fi

# TEST=<labels CSV> (with MODEL): the frozen choices read once on those papers (embedded and scored apart).
if [[ -n "${TEST:-}" && -n "${MODEL:-}" ]]; then
  TEST=$(readlink -f "$TEST")
  tail -n +2 "$TEST" | cut -d, -f1 | sort -u > "$work/test-ids.txt"
  embed "$work/test-ids.txt" "$work/test-embeddings.csv"
  tfidf_scores "$work/test-ids.txt" "$work/test-tfidf.csv"
  cat "$work/embeddings.csv" "$work/test-embeddings.csv" > "$work/all-embeddings.csv"
  cat "$work/tfidf.csv" "$work/test-tfidf.csv" > "$work/all-tfidf.csv"
  # FROZEN: the thresholds chosen on the dev half before TEST is read (tfidf, sqrt, stacked); unset, ensemble.py's
  # (session 31's)
  frozen=()
  [[ -n "${FROZEN:-}" ]] && read -r -a frozen <<< "--frozen $FROZEN"
  (cd "$here" && python3 ensemble.py --test "$TEST" "${frozen[@]}" "$work/all-embeddings.csv" \
    "$work/all-tfidf.csv" "$work/keyword.txt" "${labels[@]}")
fi
