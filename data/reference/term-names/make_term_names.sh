#!/usr/bin/env bash
# Makes data/reference/unnamed_terms.txt (data/reference/MANIFEST.md): the terms that can trend in a run's corpus
# (MakeTermCandidates.java), embedded by all-MiniLM-L6-v2 (EmbedLines.java, with the jar of
# docs/experiments/minilm-llm: langchain4j's quantized model and ONNX Runtime, never a dependency of the job), scored
# by a logistic regression fit on the judged trending terms (term_names.py).
#
#   data/reference/term-names/make_term_names.sh [OUTPUT]
#
# OUTPUT is a run's output over the recent papers (default data/train/trending, made as data/train/README.md says);
# the job's jar must be built (bin/arxiv-digest builds it). WORK (default /tmp/term-names-list) keeps the steps'
# files. READINGS_AT is the commit whose judged terms the classifier is fit on (default 2ef3fb0: the nine readings
# up to the eighth held-out set, docs/trending-eval8.md), VERDICTS_AT the commit whose judged terms are then listed
# or kept as most readings judged them (default ea74afc: those, the ninth to seventeenth sets', and the terms of
# today's lists in earlier sets' topics read in sessions 42 and 43, docs/trending-extra-judgements.csv; its blind
# test is to come). VERDICTS_AT=f6d1d8e remakes the list of 1e5a153 (blind test docs/trending-eval17.md),
# VERDICTS_AT=e272654 that of 1bf2b16 (blind test docs/trending-eval16.md),
# VERDICTS_AT=c150c4d that of cf84e3b (blind test docs/trending-eval15.md),
# VERDICTS_AT=8f64968 that of 4bdd558 (blind tests docs/trending-eval13.md and docs/trending-eval14.md),
# VERDICTS_AT=cf6cef4 that of 7ec55f5 (docs/trending-eval12.md) and VERDICTS_AT=1cafaeb that of 7c762f7, with the
# ninth set's (blind tests docs/trending-eval10.md and docs/trending-eval11.md). The lists before them were made
# without verdicts (term_names.py of their commits): fit at 2ef3fb0 on nine readings (blind test
# docs/trending-eval9.md), 7acafc0 on eight, 763eca0 on seven and 9a24f7e on six. About 3 minutes on 2 cores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
output=${1:-$repo/data/train/trending}
work=${WORK:-/tmp/term-names-list}
readings_at=${READINGS_AT:-2ef3fb0}
verdicts_at=${VERDICTS_AT:-ea74afc}
minilm="$repo/docs/experiments/minilm-llm"
# the readings there were at READINGS_AT and VERDICTS_AT
for at in "readings $readings_at" "verdicts $verdicts_at"; do
  read -r folder commit <<< "$at"
  rm -rf "${work:?}/$folder" && mkdir -p "$work/$folder"
  for f in $(python3 "$here/term_names.py" --readings); do
    if git -C "$repo" cat-file -e "$commit:docs/$f" 2>/dev/null; then
      git -C "$repo" show "$commit:docs/$f" > "$work/$folder/$f"
    fi
  done
done
(cd "$minilm" && mvn -B -q package -DskipTests && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
read -ra flags < "$repo/jobs/target/classes/jvm-flags.txt"
java "${flags[@]}" -cp "$repo/jobs/target/arxiv-digest-jobs.jar:$(cat "$repo/jobs/target/embedded-classpath.txt")" \
  "$here/MakeTermCandidates.java" "$output" "$work/candidates.txt" 2>&1 | grep -v '^SLF4J\|WARN' || true
python3 "$here/term_names.py" --judged "$work"
for f in judged candidates; do
  java -cp "$minilm/target/experiment-minilm-llm-1.jar:$(cat "$minilm/target/classpath.txt")" \
    "$here/EmbedLines.java" "$work/$f.txt" "$work/$f.csv" 2>&1 | grep -v '^SLF4J' || true
done
python3 "$here/term_names.py" "$work" "$repo/data/reference/unnamed_terms.txt"
