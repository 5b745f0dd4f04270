#!/usr/bin/env python3
"""Logistic regression (L2, Newton's method; numpy only) on the MiniLM embeddings of the labelled llm papers, then
`keyword OR score >= t` as the combined method is, on the labels' dev half. The regularization and a threshold are
chosen by 5-fold cross-validation on the papers outside the dev half; the dev figure is given at that threshold and
at the best threshold on dev itself (as the TF-IDF reference of docs/model-quality.md, session 28, chose its own).

    score.py EMBEDDINGS_CSV KEYWORD_IDS LABEL_CSV...
"""
import csv
import sys

import numpy as np


def fit(x, y, lam):
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = lam * np.r_[np.ones(len(w) - 1), 0]
    for _ in range(30):
        p = 1 / (1 + np.exp(-xb @ w))
        w -= np.linalg.solve((xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg), xb.T @ (p - y) + reg * w)
    return w


def predict(w, x):
    return 1 / (1 + np.exp(-(np.hstack([x, np.ones((len(x), 1))]) @ w)))


def f1(truth, chosen):
    tp, fp, fn = (truth & chosen).sum(), (~truth & chosen).sum(), (truth & ~chosen).sum()
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return 2 * p * r / max(p + r, 1e-9), p, r, tp, fp, fn


def read_labels(paths):
    """id -> about LLMs (True) or not, over the label files (id,label,reason)."""
    labels = {}
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            labels.update({r["id"]: r["label"] == "yes" for r in csv.DictReader(f)})
    return labels


def read_embeddings(path):
    """The ids, whether each is in the dev half, and the vectors, as EmbedLabelled writes them."""
    ids, dev, vectors = [], [], []
    for line in open(path, encoding="utf-8"):
        cells = line.rstrip().split(",")
        ids.append(cells[0]), dev.append(cells[1] == "1"), vectors.append([float(c) for c in cells[2:]])
    return ids, dev, vectors


def main():
    emb_path, kw_path, *label_paths = sys.argv[1:]
    labels = read_labels(label_paths)
    keyword = set(open(kw_path, encoding="utf-8").read().split())
    ids, dev, vectors = read_embeddings(emb_path)
    x, d = np.array(vectors), np.array(dev)
    y = np.array([labels[i] for i in ids])
    k = np.array([i in keyword for i in ids])
    print(f"papers {len(ids)}, dev half {d.sum()}, about LLMs {y.sum()}, keyword hits {k.sum()}")
    train = ~d
    folds = np.random.default_rng(0).integers(0, 5, train.sum())
    xt, yt, kt = x[train], y[train], k[train]
    thresholds = np.arange(0.05, 0.95, 0.01)
    best = None
    for lam in (0.01, 0.1, 1, 10):
        s = np.zeros(len(yt))
        for f in range(5):
            s[folds == f] = predict(fit(xt[folds != f], yt[folds != f], lam), xt[folds == f])
        score, t = max((f1(yt, (s >= t) | kt)[0], t) for t in thresholds)
        print(f"  L2 {lam}: cross-validated combined F1 {score:.4f} at threshold {t:.2f}")
        if best is None or score > best[0]:
            best = (score, lam, t)
    _, lam, t = best
    s = predict(fit(xt, yt, lam), x[d])
    print("dev half, L2 %g, threshold %.2f (cross-validated): F1 %.4f P %.3f R %.3f (tp %d fp %d fn %d)"
          % ((lam, t) + f1(y[d], (s >= t) | k[d])))
    (score, p, r, tp, fp, fn), t = max((f1(y[d], (s >= t) | k[d]), t) for t in thresholds)
    print(f"dev half, best threshold on dev {t:.2f}: F1 {score:.4f} P {p:.3f} R {r:.3f} (tp {tp} fp {fp} fn {fn})")


if __name__ == "__main__":
    main()
