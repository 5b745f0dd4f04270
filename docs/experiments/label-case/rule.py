#!/usr/bin/env python3
"""Which rule on a trending term's label meets the trending target on the development readings? (issue 25, session 42)

Runs of today's job over the topics of the development readings (`data/train/trending`: the main topics, the last 6
months; `data/train/dev-eN`: docs/trending-evalN-topics.json, every month) give each topic-month's ranked terms with
their labels. A person's judgements of earlier readings (docs/*judgements.csv) say which name something. Each rule
below drops some rows and the rest move up; the figures are those of docs/trending_terms.py (topic-months with at
least 30 papers; at most 1 generic, at least 7 of 10 naming or 70% of a shorter list; a term nobody read counts as
not naming, and the share read is printed beside it).

Rules use the label's shape (one word or a phrase, a capital letter or not) and a sentence encoder's score of the
term (all-MiniLM-L6-v2, a logistic regression as data/reference/term-names/term_names.py fits it), fit on every
reading but the one whose topics are scored (so no term's score saw its own judgement).

    python3 rule.py --embed WORK        # WORK/terms.txt: the terms to embed (then EmbedLines.java -> WORK/terms.csv)
    python3 rule.py WORK                # the table
"""
import csv
import functools
import glob
import os
import sys
from collections import defaultdict

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
DOCS = os.path.join(REPO, "docs")
sys.path.insert(0, DOCS)
sys.path.insert(0, os.path.join(REPO, "data", "reference", "term-names"))
from trending_terms import TOP, generic_words, is_generic, meets_target, month_papers  # noqa: E402
from term_names import features, fit, score  # noqa: E402

# run folder, its reading (the judgements file's infix), the months shown
RUNS = [("trending", "", 6)] + [(f"dev-e{n}", f"eval{n}-", 17) for n in range(4, 10)]
MIN_PAPERS = 30


def judgements():
    """(topic, term) -> (reading, names)."""
    judged = {}
    for f in sorted(glob.glob(os.path.join(DOCS, "trending-*judgements.csv"))):
        reading = os.path.basename(f)[len("trending-"):-len("judgements.csv")]
        with open(f, encoding="utf-8", newline="") as rows:
            for r in csv.DictReader(rows):
                judged.setdefault((r["topic"], r["term"]), (reading, r["names"] == "yes"))
    return judged


def runs():
    """[(reading, topic, month, papers, [(term, label)] ranked)] of the topic-months that count."""
    out = []
    for folder, reading, months in RUNS:
        ex = os.path.join(REPO, "data", "train", folder, "extracts")
        papers = month_papers(os.path.join(ex, "monthly_topic_stats.csv"))
        shown = sorted({m for _, m in papers})[-months:]
        terms = defaultdict(list)
        with open(os.path.join(ex, "trending_terms.csv"), encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                terms[(r["topic"], r["month"])].append((int(r["rank"]), r["term"], r["label"] or r["term"]))
        for (topic, month), n in sorted(papers.items()):
            if month in shown and n >= MIN_PAPERS:
                out.append((reading, topic, month, n, [(t, lab) for _, t, lab in sorted(terms[(topic, month)])]))
    return out


def shape(term, label):
    return ("phrase" if len(term.split()) > 1 else "word", label != label.lower())


def encoder_scores(work, judged):
    """(reading, term) -> the term's score by a fit on every other reading."""
    terms = [t.rstrip("\n") for t in open(os.path.join(work, "terms.txt"), encoding="utf-8")]
    emb = dict(zip(terms, np.loadtxt(os.path.join(work, "terms.csv"), delimiter=",")))

    def x(ts):
        return features(ts, np.array([emb[t] for t in ts]))
    keys = sorted(judged)
    readings = np.array([judged[k][0] for k in keys])
    y = np.array([judged[k][1] for k in keys], float)
    xs = x([t for _, t in keys])
    models, cuts = {}, {}
    for reading in sorted(set(readings)):
        train = readings != reading
        models[reading] = fit(xs[train], y[train])
        cuts[reading] = score(xs[train], models[reading])[y[train] == 1]
    return lambda reading, term: float(score(x([term]), models[reading])[0]), cuts


def main(work):
    judged = judgements()
    generic = generic_words(os.path.join(DOCS, "generic-words.txt"))
    months = runs()
    enc, naming_scores = encoder_scores(work, judged)
    s = functools.lru_cache(maxsize=None)(enc)

    def lower_word(q):
        def drop(reading, term, label):
            if shape(term, label) != ("word", False):
                return False
            return q >= 1 or s(reading, term) < np.quantile(naming_scores[reading], q)
        return drop

    def lower_any(qw, qp):
        def drop(reading, term, label):
            sh = shape(term, label)
            if sh[1]:
                return False
            q = qw if sh[0] == "word" else qp
            return q > 0 and s(reading, term) < np.quantile(naming_scores[reading], q)
        return drop

    rules = [("today's lists", lambda *_: False)]
    rules += [(f"lower-case word below the {int(q * 100)}th pct", lower_word(q)) for q in (0.2, 0.3, 0.4, 0.5)]
    rules += [("every lower-case word", lower_word(1))]
    rules += [(f"lower-case: word < {int(a * 100)}th, phrase < {int(b * 100)}th pct", lower_any(a, b))
              for a, b in ((0.3, 0.2), (0.4, 0.2), (0.4, 0.3), (0.5, 0.3))]
    print("| rule | topic-months met | lists met (of those listing a term) | naming / shown | read | empty |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, drop in rules:
        met = listing = listing_met = named = shown_n = read = empty = 0
        for reading, topic, month, _, terms in months:
            kept = [(t, lab) for t, lab in terms if not drop(reading, t, lab)][:TOP]
            g = sum(is_generic(t, generic) for t, _ in kept)
            ys = [judged.get((topic, t)) for t, _ in kept]
            nm = sum(1 for j in ys if j and j[1])
            ok = meets_target(g, nm, len(kept))
            met += ok
            listing += bool(kept)
            listing_met += ok and bool(kept)
            empty += not kept
            named += nm
            shown_n += len(kept)
            read += sum(1 for j in ys if j)
        print(f"| {name} | {met} of {len(months)} | {listing_met} of {listing} | {named} / {shown_n} "
              f"| {read} | {empty} |")


def embed_list(work):
    judged = judgements()
    terms = {t for _, t in judged}
    for _, _, _, _, ts in runs():
        terms.update(t for t, _ in ts)
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "terms.txt"), "w", encoding="utf-8") as f:
        f.writelines(t + "\n" for t in sorted(terms))


if __name__ == "__main__":
    if sys.argv[1] == "--embed":
        embed_list(sys.argv[2])
    else:
        main(sys.argv[1])
