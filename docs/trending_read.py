#!/usr/bin/env python3
"""Prints the trending terms to read blind for a held-out reading (issue 25): the union of the top 10s of several
runs in the topic-months with at least 30 papers, generic terms left out, in SHA-1 order of topic and term (which
hides the run and the rank), each with how the months' papers write it, which is what a page shows (from session 43
on: the reader of docs/trending-eval14.md saw "speech text" where a page shows "speech-to-text"), and three passages
of the topic's listed papers that write it. The reader writes docs/trending-evalN-judgements.csv (topic,term,names,
note) from this and commits it before any figure is computed. Reuses docs/trending_terms.py's readers; standard
library only.

    python3 docs/trending_read.py --runs data/train/eval7-before data/train/eval7-new [--months 17]
"""
import argparse
import csv
import hashlib
import os
import re
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from trending_terms import HERE, generic_words, is_generic, month_papers, top_terms  # noqa: E402

PASSAGES = 3
# between a term's words: a space or hyphen, up to three short words inside a hyphenated compound, or a number
# ("Qwen2.5-VL" for "qwen2 vl", as the scorer pairs words across a number)
JOIN = r"(?:-(?:[a-z]{1,4}-){1,3}|[^a-z0-9]+(?:[0-9]+[^a-z0-9]+)?)"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", nargs="+", required=True, help="output folders of the runs compared (same topics)")
    p.add_argument("--months", type=int, default=6, help="the last MONTHS months, as docs/trending_terms.py shows")
    p.add_argument("--min-papers", type=int, default=30)
    p.add_argument("--generic", default=os.path.join(HERE, "generic-words.txt"))
    a = p.parse_args()
    csv.field_size_limit(sys.maxsize)
    generic = generic_words(a.generic)
    papers = month_papers(os.path.join(a.runs[-1], "extracts", "monthly_topic_stats.csv"))
    months = sorted({m for _, m in papers})[-a.months:]
    to_read = defaultdict(set)
    for run in a.runs:
        for (topic, month), terms in top_terms(os.path.join(run, "extracts", "trending_terms.csv"))[0].items():
            if month in months and papers.get((topic, month), 0) >= a.min_papers:
                for term in terms:
                    if not is_generic(term, generic):
                        to_read[(topic, term)].add(month)
    texts = defaultdict(list)
    for topic in sorted({t for t, _ in to_read}):
        with open(os.path.join(a.runs[-1], "extracts", f"listings_{topic}.csv"), encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                texts[(topic, r["month"])].append(" ".join((r["title"] + ". " + r["abstract"]).split()))
    keys = sorted(to_read, key=lambda k: hashlib.sha1(f"{k[0]}\t{k[1]}".encode()).hexdigest())
    for i, (topic, term) in enumerate(keys, 1):
        # the term's words as its papers write them: joined by a hyphen or space, or by short words inside a
        # hyphenated compound ("speech-to-text", "LLM-as-a-judge"), as the scorer pairs them; plural or not
        pattern = re.compile(r"(?<![a-z0-9])" + JOIN.join(map(re.escape, term.split()))
                             + r"(?:e?s)?(?![a-z0-9])", re.IGNORECASE)
        shown = []
        forms = Counter()
        for month in sorted(to_read[(topic, term)]):
            for text in texts[(topic, month)]:
                m = pattern.search(text)
                if m:
                    forms[m.group(0)] += 1
                    if len(shown) < PASSAGES:
                        shown.append("  ..." + text[max(0, m.start() - 140):m.end() + 140] + "...")
        # how the months' papers write it (the page shows the most common form of the phrase), the run unsaid
        written = ", ".join(f"{form} ({n})" for form, n in sorted(forms.items(), key=lambda f: (-f[1], f[0]))[:3])
        print(f'=== {i}/{len(keys)} topic={topic} term="{term}"' + (f" written: {written}" if written else ""))
        print("\n".join(shown) or "  (no passage writes it as it is shown)")


if __name__ == "__main__":
    main()
