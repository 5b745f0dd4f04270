#!/usr/bin/env python3
"""Writes the list of terms that name nothing (data/reference/unnamed_terms.txt) from a sentence encoder's reading
of them: a logistic regression on all-MiniLM-L6-v2's embedding of a term (and two flags: a 2-gram, has a digit),
fit on every trending term a person judged in nine readings (docs/trending-judgements.csv and
docs/trending-eval..eval8-judgements.csv as make_term_names.sh takes them from one commit, into WORK/readings:
does it name a method, model, dataset, task or object of its topic), scores each candidate term; a candidate that
scores below the 10th percentile of the judged naming terms' scores is listed; then a term a person read is listed
or not by the readings' majority (verdicts below), from the readings in WORK/verdicts (those of a later commit
than the fit's: a reading can decide its terms before the encoder is fit on it). Prints the leave-one-reading-out
figures of the same fit first (the choice of L2 1 and the 10th percentile: docs/experiments/term-names). numpy only.

    python3 term_names.py --readings        # the readings' file names under docs/, one a line
    python3 term_names.py --judged WORK     # WORK/judged.tsv, judged.txt and verdicts.tsv from WORK/readings, verdicts
    python3 term_names.py WORK OUT_TXT

WORK holds judged.tsv (reading, topic, term, names, about the topic), verdicts.tsv (the same, of the verdicts'
readings), judged.csv (the judged terms' embeddings, a row each), candidates.txt and candidates.csv (the same for the
candidates), as make_term_names.sh leaves them.
"""
import csv
import os
import re
import sys

import numpy as np

DOCS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "docs")


def readings(docs=DOCS):
    """Reading name -> judgement file in docs: the development months ("dev"), every held-out set ("e1", "e2", ...,
    in order: docs/trending-evalN-judgements.csv, found rather than listed, so that a new reading is never left out)
    and the extra labels ("x42") last."""
    held_out = sorted((int(m.group(1) or 1), f) for f in os.listdir(docs)
                      if (m := re.fullmatch(r"trending-eval(\d*)-judgements\.csv", f)))
    return {"dev": "trending-judgements.csv", **{f"e{n}": f for n, f in held_out},
            "x42": "trending-extra-judgements.csv"}


READINGS = readings()
L2 = 1.0
# A note saying a term was judged against its own topic ("the topic's own vocabulary", "the topic itself")
TOPIC_RELATIVE = re.compile(r"\bthe topic(?:'s| itself)")
CUT_QUANTILE = 0.10


def judged(work):
    """Writes WORK/judged.tsv and WORK/judged.txt (each judged term once a topic, as first judged) from the readings
    in WORK/readings, and WORK/verdicts.tsv the same way from those in WORK/verdicts."""
    for folder, name in (("readings", "judged.tsv"), ("verdicts", "verdicts.tsv")):
        rows = list(first_judged(os.path.join(work, folder)))
        with open(os.path.join(work, name), "w", encoding="utf-8") as out:
            out.writelines("\t".join(r) + "\n" for r in rows)
        if folder == "readings":
            with open(os.path.join(work, "judged.txt"), "w", encoding="utf-8") as terms:
                terms.writelines(r[2] + "\n" for r in rows)


def first_judged(folder):
    """(reading, topic, term, names, about the topic) of the readings in folder, each (topic, term) once, as first
    judged; the last is "1" when the reader's note says the term names nothing because it restates its topic ("the
    topic's own vocabulary", "the topic itself", "the topic's word and a generic noun"), else "0"."""
    seen = set()
    for name, f in READINGS.items():
        path = os.path.join(folder, f)
        if not os.path.exists(path):  # read after the commit the readings are taken from
            continue
        with open(path, encoding="utf-8", newline="") as src:
            for r in csv.DictReader(src):
                if (r["topic"], r["term"]) not in seen:
                    seen.add((r["topic"], r["term"]))
                    about_topic = bool(TOPIC_RELATIVE.search(r.get("note") or ""))
                    yield name, r["topic"], r["term"], r["names"], "1" if about_topic else "0"


def features(terms, embeddings):
    flags = np.array([[len(t.split()) == 2, any(c.isdigit() for c in t)] for t in terms], float)
    return np.hstack([embeddings, flags])


def fit(x, y, l2=L2, iterations=2000, rate=0.5):
    w = np.zeros(x.shape[1])
    b = 0.0
    for _ in range(iterations):
        g = 1 / (1 + np.exp(-(x @ w + b))) - y
        w -= rate * (x.T @ g / len(y) + l2 * w / len(y))
        b -= rate * g.mean()
    return w, b


def score(x, model):
    w, b = model
    return 1 / (1 + np.exp(-(x @ w + b)))


def cut_of(x, y, model):
    return np.quantile(score(x, model)[y == 1], CUT_QUANTILE)


def leave_one_reading_out(x, y, readings, l2=L2):
    """For each reading, fit on the others: its name, its terms' scores and labels, and which of them the cut lists."""
    for s in dict.fromkeys(readings):
        train, test = readings != s, readings == s
        model = fit(x[train], y[train], l2)
        scores = score(x[test], model)
        yield s, scores, y[test], scores < cut_of(x[train], y[train], model)


def main(work, out):
    rows = [line.rstrip("\n").split("\t") for line in open(os.path.join(work, "judged.tsv"), encoding="utf-8")]
    x = features([r[2] for r in rows], np.loadtxt(os.path.join(work, "judged.csv"), delimiter=","))
    y = np.array([r[3] == "yes" for r in rows], float)
    readings = np.array([r[0] for r in rows])
    print("left out  terms  naming  listed: naming / not  naming among the rest", file=sys.stderr)
    for s, _, yt, listed in leave_one_reading_out(x, y, readings):
        print(f"{s:8} {len(yt):6} {int(yt.sum()):7}  {int((listed & (yt == 1)).sum()):8} / "
              f"{int((listed & (yt == 0)).sum()):<4}  {int((~listed & (yt == 1)).sum())}/{int((~listed).sum())}",
              file=sys.stderr)
    model = fit(x, y)
    cut = cut_of(x, y, model)
    candidates = [line.rstrip("\n") for line in open(os.path.join(work, "candidates.txt"), encoding="utf-8")]
    p = score(features(candidates, np.loadtxt(os.path.join(work, "candidates.csv"), delimiter=",")), model)
    by_encoder = {t for t, s in zip(candidates, p) if s < cut}
    verdict = verdicts(line.rstrip("\n").split("\t")
                       for line in open(os.path.join(work, "verdicts.tsv"), encoding="utf-8"))
    listed = sorted({t for t in by_encoder if verdict.get(t) is not True}
                    | {t for t, names in verdict.items() if names is False})
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(t + "\n" for t in listed)
    print(f"{len(by_encoder)} of {len(candidates)} candidate terms name nothing (score < {cut:.4f}); the readings "
          f"list {len(set(listed) - by_encoder)} more and keep {len(by_encoder - set(listed))} of them: "
          f"{len(listed)} -> {out}", file=sys.stderr)


def verdicts(rows):
    """Term -> False when most of the topics a person read it in judged it naming nothing, True when most judged it
    naming, absent on a tie. What a person read decides over what the encoder guesses: the fit above gets some of its
    own training terms wrong ("long horizon", judged in seven readings, five times naming nothing, scores above the
    cut; "facts", twice naming, below it). A judgement that a term names nothing because it restates its topic ("qa"
    in question answering, "contrastive loss" in contrastive learning) says nothing of the term in another topic, and
    the list is every topic's: it does not count."""
    votes = {}
    for _, _, term, names, about_topic in rows:
        if names == "yes":
            votes[term] = votes.get(term, 0) + 1
        elif about_topic == "0":
            votes[term] = votes.get(term, 0) - 1
    return {t: v > 0 for t, v in votes.items() if v != 0}


if __name__ == "__main__":
    if sys.argv[1] == "--readings":
        print("\n".join(READINGS.values()))
    elif sys.argv[1] == "--judged":
        judged(sys.argv[2])
    else:
        main(sys.argv[1], sys.argv[2])
