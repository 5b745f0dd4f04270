#!/usr/bin/env python3
"""Leave one judged set out: a logistic regression on MiniLM's embedding of each judged term (and two flags: a
2-gram, has a digit) is fit on the other sets and scores the one left out. Prints its AUC, and what a cut at the
training sets' 10th percentile of naming terms' scores would drop. numpy only.

    python3 loso.py WORK [L2]
"""
import sys

import numpy as np


def fit(x, y, l2, iterations=2000, rate=0.5):
    w = np.zeros(x.shape[1])
    b = 0.0
    for _ in range(iterations):
        g = 1 / (1 + np.exp(-(x @ w + b))) - y
        w -= rate * (x.T @ g / len(y) + l2 * w / len(y))
        b -= rate * g.mean()
    return w, b


def auc(scores, y):
    pos, neg = scores[y == 1], scores[y == 0]
    return np.mean([(p > n) + 0.5 * (p == n) for p in pos for n in neg])


def main(work, l2):
    rows = [line.rstrip("\n").split("\t") for line in open(f"{work}/rows.tsv", encoding="utf-8")]
    emb = np.loadtxt(f"{work}/embeddings.csv", delimiter=",")
    flags = np.array([[len(r[2].split()) == 2, any(c.isdigit() for c in r[2])] for r in rows], float)
    x = np.hstack([emb, flags])
    y = np.array([r[3] == "yes" for r in rows], float)
    sets = np.array([r[0] for r in rows])
    print("set  terms naming  AUC   dropped: naming / not   naming among kept (all)")
    for s in ["dev", "e1", "e2", "e3", "e4", "e5"]:
        train, test = sets != s, sets == s
        w, b = fit(x[train], y[train], l2)
        p = 1 / (1 + np.exp(-(x[test] @ w + b)))
        cut = np.quantile(1 / (1 + np.exp(-(x[train] @ w + b)))[y[train] == 1], 0.10)
        yt, drop = y[test], p < cut
        print(f"{s:4} {test.sum():5} {int(yt.sum()):6} {auc(p, yt):.2f}   {int((drop & (yt == 1)).sum()):7} / "
              f"{int((drop & (yt == 0)).sum()):<3}        {int((~drop & (yt == 1)).sum())}/{int((~drop).sum())} "
              f"({int(yt.sum())}/{test.sum()})")


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 1.0)
