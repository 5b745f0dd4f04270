#!/usr/bin/env python3
"""Does the way papers write a term (its case in running text) tell a name from a word? (issue 25, session 41)

For every judged (topic, term) in docs/*judgements.csv, the term's most common written form in the running text of
all of data/train/recent's abstracts (words joined by spaces or hyphens, never at a text or sentence start; an
approximation of the job's label, which reads only the topic-month's papers), then precision (judged naming) by
shape: one word or a phrase, with or without an upper-case letter in that form.

    python3 docs/experiments/label-case/label_case.py forms     # ~10 minutes: writes label_case.csv
    python3 docs/experiments/label-case/label_case.py summary   # the table of the README
"""
import collections
import csv
import glob
import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.dirname(os.path.dirname(HERE))
TABLE = os.path.join(HERE, "label_case.csv")
BLIND = ("trending-eval8-", "trending-eval9-")


def forms():
    abstracts = []
    for f in sorted(glob.glob(os.path.join(DOCS, "..", "data", "train", "recent", "*.jsonl.gz"))):
        with gzip.open(f, "rt", encoding="utf-8") as lines:
            abstracts.extend(json.loads(line).get("abstract", "") for line in lines)
    terms = collections.OrderedDict()
    for f in sorted(glob.glob(os.path.join(DOCS, "*judgements.csv"))):
        with open(f, encoding="utf-8", newline="") as rows:
            for r in csv.DictReader(rows):
                terms[(os.path.basename(f), r["topic"], r["term"])] = r["names"]
    text = "\n".join(abstracts)
    written = {}
    for t in {t for _, _, t in terms}:
        pattern = r"(?<![\w-])" + r"[\s\-]+".join(re.escape(w) for w in t.split()) + r"(?![\w-])"
        c = collections.Counter()
        for m in re.finditer(pattern, text, re.I):
            if m.start() == 0 or re.search(r"[.!?\n]\s*$", text[max(0, m.start() - 3):m.start()]):
                continue
            c[re.sub(r"\s+", " ", m.group(0))] += 1
        written[t] = c
    with open(TABLE, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["file", "topic", "term", "names", "label", "papers", "upper", "lower_share"])
        for (name, topic, t), names in terms.items():
            c = written[t]
            total = sum(c.values())
            label = c.most_common(1)[0][0] if c else t
            lower = sum(v for k, v in c.items() if k == k.lower()) / total if total else 1
            out.writerow([name, topic, t, names, label, total, int(label != label.lower()), round(lower, 3)])


def summary():
    with open(TABLE, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for name, part in (("readings 1-7 and the main months", [r for r in rows if not r["file"].startswith(BLIND)]),
                       ("eighth and ninth readings", [r for r in rows if r["file"].startswith(BLIND)])):
        c = collections.Counter((len(r["term"].split()) > 1, r["upper"] == "1", r["names"] == "yes") for r in part)
        print(f"\n{name}\n\n| shape | written with a capital | naming | not | precision |\n|---|---|---:|---:|---:|")
        for multi in (False, True):
            for upper in (False, True):
                y, n = c[(multi, upper, True)], c[(multi, upper, False)]
                print(f"| {'phrase' if multi else 'one word'} | {'yes' if upper else 'no'} | {y} | {n} "
                      f"| {y / (y + n) if y + n else 0:.2f} |")


if __name__ == "__main__":
    {"forms": forms, "summary": summary}[sys.argv[1] if len(sys.argv) > 1 else "summary"]()
