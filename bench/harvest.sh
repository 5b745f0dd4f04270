#!/usr/bin/env bash
# The harvester against a loopback OAI-PMH server (issue 24): PAGES pages (the three real pages of
# data/harvest/oai_dc-cs-2021-03-20 in turn, 2.4 / 2.2 / 0.8 MB), harvested with no delay on a good connection,
# then with a share of the connections dropped half-way at random (seeded). Prints pages/s and MB/s and checks that
# every page arrived once, byte for byte. Needs the test classes (mvn -o test-compile -pl jobs).
#   bench/harvest.sh [PAGES=200] [DROP_RATE=0.2] [SEED=7]
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
pages=${1:-200}; rate=${2:-0.2}; seed=${3:-7}
read -r -a flags < "$repo/jobs/target/classes/jvm-flags.txt"
cd "$repo/jobs"
java "${flags[@]}" -Xmx4g -cp "$repo/jobs/target/test-classes:$repo/jobs/target/classes:$(cat "$repo/jobs/target/embedded-classpath.txt")" \
  org.arxivdigest.testing.HarvestBench "$pages" "$rate" "$seed" "$repo/bench/work"
