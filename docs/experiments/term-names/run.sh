#!/usr/bin/env bash
# Reproduces README.md: every judged trending term embedded by all-MiniLM-L6-v2 (the minilm-llm experiment's jar),
# then a leave-one-set-out logistic regression. WORK defaults to /tmp/term-names.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
minilm="$here/../minilm-llm"
work=${WORK:-/tmp/term-names}
mkdir -p "$work"
(cd "$minilm" && mvn -B -q package -DskipTests && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
python3 "$here/prepare.py" "$work"
java -cp "$minilm/target/experiment-minilm-llm-1.jar:$(cat "$minilm/target/classpath.txt")" \
  "$here/../../../data/reference/term-names/EmbedLines.java" "$work/terms.txt" "$work/embeddings.csv" 2>&1 | grep -v '^SLF4J' || true
python3 "$here/loso.py" "$work" "${L2:-1}"
