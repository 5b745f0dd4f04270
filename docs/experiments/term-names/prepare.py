#!/usr/bin/env python3
"""Writes WORK/rows.tsv (set, topic, term, names) of every judged trending term of docs/*judgements.csv and
WORK/terms.txt (the terms, one a line, as MiniLM embeds them). Standard library only."""
import csv
import os
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SETS = {"dev": "trending-judgements.csv", "e1": "trending-eval-judgements.csv",
        "e2": "trending-eval2-judgements.csv", "e3": "trending-eval3-judgements.csv",
        "e4": "trending-eval4-judgements.csv", "e5": "trending-eval5-judgements.csv"}


def main(work):
    seen = set()
    with open(os.path.join(work, "rows.tsv"), "w", encoding="utf-8") as rows, \
            open(os.path.join(work, "terms.txt"), "w", encoding="utf-8") as terms:
        for name, f in SETS.items():
            with open(os.path.join(REPO, "docs", f), encoding="utf-8", newline="") as src:
                for r in csv.DictReader(src):
                    key = (r["topic"], r["term"])
                    if key in seen:  # a term read twice in one topic counts once, as first judged
                        continue
                    seen.add(key)
                    rows.write("\t".join([name, r["topic"], r["term"], r["names"]]) + "\n")
                    terms.write(r["term"] + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
