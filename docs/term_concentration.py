#!/usr/bin/env python3
"""How concentrated a judged trending word is in few arXiv categories, against whether it was read as naming
something (issue 25, session 31: looked at, not built; the figures are in docs/trending-terms.md).

For every single word judged in docs/trending*-judgements.csv: the papers of the recent corpus whose title or
abstract holds it (a plural "s" too), and the KL divergence of their primary categories from the corpus's. A
name of a dataset, model or object of one field ("scannet", "oncology") should sit in few categories; a vague
noun ("visibility", "hypotheses") everywhere. Prints the judged words by KL band, then, for the single words the
scorer lists today (top 10s of the last six months, months of at least 30 papers, in the development output and
the fourth held-out output), how many naming and not-naming words a cut at each KL would take out.

    python3 docs/term_concentration.py --recent data/train/recent \
        --listed data/train/trending/extracts/trending_terms.csv:docs/trending-judgements.csv \
        --listed data/train/eval4-new/extracts/trending_terms.csv:docs/trending-eval4-judgements.csv
"""
import argparse
import collections
import csv
import glob
import gzip
import json
import math
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
WORD = re.compile(r"[a-z0-9]+")


def judged_words():
    """word -> the majority reading ('yes' names something, 'no' not) over every judgements file."""
    readings = collections.defaultdict(collections.Counter)
    for path in glob.glob(os.path.join(HERE, "trending*judgements.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                if r["names"] in ("yes", "no") and " " not in r["term"]:
                    readings[r["term"]][r["names"]] += 1
    return {w: c.most_common(1)[0][0] for w, c in readings.items()}


def concentration(recent, words):
    """word -> KL divergence (nats) of its papers' primary categories from the corpus's."""
    by_word = collections.defaultdict(collections.Counter)
    corpus = collections.Counter()
    for path in sorted(glob.glob(os.path.join(recent, "*.jsonl.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                p = json.loads(line)
                primary = p["categories"].split()[0]
                corpus[primary] += 1
                held = set(WORD.findall((p["title"] + " " + p["abstract"]).lower()))
                held |= {w[:-1] for w in held if w.endswith("s")}
                for w in words & held:
                    by_word[w][primary] += 1
    n = sum(corpus.values())
    out = {}
    for w, cats in by_word.items():
        m = sum(cats.values())
        out[w] = sum(v / m * math.log((v / m) / (corpus[c] / n)) for c, v in cats.items())
    return out


def listed_words(spec):
    """(word, reading) of the single words in the top 10s of the last six months (months of >= 30 papers)."""
    terms, judgements = spec.split(":")
    with open(judgements, encoding="utf-8", newline="") as f:
        read = {(r["topic"], r["term"]): r["names"] for r in csv.DictReader(f)}
    with open(terms, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if int(r["rank"]) <= 10]
    months = sorted({r["month"] for r in rows})[-6:]
    return [(r["term"], read.get((r["topic"], r["term"]))) for r in rows
            if r["month"] in months and int(r["month_papers"]) >= 30 and " " not in r["term"]]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--recent", required=True, help="folder of the converted recent papers (*.jsonl.gz)")
    ap.add_argument("--listed", action="append", default=[], help="trending_terms.csv:judgements.csv")
    args = ap.parse_args()
    judged = judged_words()
    listed = [x for spec in args.listed for x in listed_words(spec)]
    kl = concentration(args.recent, set(judged) | {w for w, _ in listed})
    bands = [0, 0.1, 0.2, 0.35, 0.5, 0.8, 1.2, 99]
    print("judged single words by KL band (naming / not naming):")
    for lo, hi in zip(bands, bands[1:]):
        these = [judged[w] for w in judged if w in kl and lo <= kl[w] < hi]
        print(f"  {lo:>4} .. {hi:<4} {these.count('yes'):>4} / {these.count('no')}")
    print("listed single words a cut would take out (naming / not naming):")
    for cut in (0.1, 0.2, 0.3, 0.4):
        out = [r for w, r in listed if w in kl and kl[w] < cut]
        print(f"  KL < {cut}: {out.count('yes')} / {out.count('no')}")


if __name__ == "__main__":
    main()
