#!/usr/bin/env python3
"""The TF-IDF llm model's scores with MiniLM's, on the labels' dev half: each alone (keyword OR score >= t), their
geometric mean, and a logistic regression on both logits fitted by 5-fold cross-validation on the dev half. The
MiniLM classifier is fitted on the papers outside the dev half, as the TF-IDF model was trained; thresholds are
chosen on the dev half, as `arxiv-digest evaluate` chooses the TF-IDF model's.

    ensemble.py EMBEDDINGS_CSV TFIDF_SCORES_CSV KEYWORD_IDS LABEL_CSV...

With --test LABEL_CSV (papers that must be in the embeddings and scores too, none of them in the LABEL_CSVs): the
choices frozen on the dev half, read once on those papers: keyword OR tfidf >= T1 (the threshold `evaluate`
chose on dev for this model), keyword OR sqrt(tfidf * minilm) >= T2, and the stacked model fitted on the whole
dev half at T3; --frozen T1 T2 T3 (session 31's: 0.02 0.13 0.33).
"""
import sys

import numpy as np

from score import f1, fit, predict, read_embeddings, read_labels


def main():
    args = sys.argv[1:]
    test_path = None
    if "--test" in args:
        i = args.index("--test")
        test_path = args[i + 1]
        del args[i:i + 2]
    frozen = (0.02, 0.13, 0.33)  # tfidf, sqrt(tfidf * minilm), stacked: chosen on the dev half (session 31)
    if "--frozen" in args:
        i = args.index("--frozen")
        frozen = tuple(float(v) for v in args[i + 1:i + 4])
        del args[i:i + 4]
    ft, fs, fk = frozen
    emb_path, tfidf_path, kw_path, *label_paths = args
    labels = read_labels(label_paths)
    keyword = set(open(kw_path, encoding="utf-8").read().split())
    tfidf = {}
    for line in open(tfidf_path, encoding="utf-8"):
        i, s = line.strip().split(",")
        tfidf[i] = float(s)
    ids, dev, vectors = read_embeddings(emb_path)
    test = {}
    if test_path:
        test = read_labels([test_path])
        assert not set(test) & set(labels), "test papers among the choosing labels"
    held = np.array([i in test for i in ids])
    keep = np.array([i in labels or i in test for i in ids])
    ids = [i for i, h in zip(ids, keep) if h]
    x, d, held = np.array(vectors)[keep], np.array(dev)[keep] & ~held[keep], held[keep]
    y = np.array([labels[i] if i in labels else test[i] for i in ids])
    k = np.array([i in keyword for i in ids])
    t = np.array([tfidf.get(i, 0.0) for i in ids])  # not scored: outside the topic's categories
    fitted = ~d & ~held
    e = predict(fit(x[fitted], y[fitted], 0.1), x)  # L2 0.1: score.py's cross-validated choice
    logit = lambda p: np.log(np.clip(p, 1e-6, 1 - 1e-6) / (1 - np.clip(p, 1e-6, 1 - 1e-6)))
    if test_path:
        yh, kh = y[held], k[held]
        print(f"read once on {held.sum()} papers of {test_path} ({yh.sum()} about LLMs), choices frozen on dev:")
        print("  keyword alone: F1 %.4f P %.3f R %.3f (tp %d fp %d fn %d)" % f1(yh, kh))
        print("  keyword OR tfidf >= %.3f: F1 %.4f P %.3f R %.3f (tp %d fp %d fn %d)"
              % ((ft,) + f1(yh, (t[held] >= ft) | kh)))
        print("  keyword OR sqrt(tfidf * minilm) >= %.3f: F1 %.4f P %.3f R %.3f (tp %d fp %d fn %d)"
              % ((fs,) + f1(yh, (np.sqrt(t[held] * e[held]) >= fs) | kh)))
        z = np.c_[logit(t), logit(e)]
        w = fit(z[d], y[d], 0.01)
        print("  keyword OR stacked >= %.3f: F1 %.4f P %.3f R %.3f (tp %d fp %d fn %d)"
              % ((fk,) + f1(yh, (predict(w, z[held]) >= fk) | kh)))
        return
    yd, kd, td, ed = y[d], k[d], t[d], e[d]

    def show(name, score, grid):
        print(f"{name}:")
        for g in grid:
            print("  threshold %.3f: F1 %.4f P %.3f R %.3f (tp %d fp %d fn %d)" % ((g,) + f1(yd, (score >= g) | kd)))

    show("keyword OR tfidf", td, [0.005, 0.01, 0.02, 0.03, 0.05])
    show("keyword OR minilm", ed, [0.3, 0.4, 0.5, 0.6])
    show("keyword OR sqrt(tfidf * minilm)", np.sqrt(td * ed), np.arange(0.05, 0.31, 0.02))
    z = np.c_[logit(td), logit(ed)]
    folds = np.random.default_rng(1).integers(0, 5, len(yd))
    stacked = np.zeros(len(yd))
    for f in range(5):
        stacked[folds == f] = predict(fit(z[folds != f], yd[folds != f], 0.01), z[folds == f])
    (score, p, r, tp, fp, fn), g = max((f1(yd, (stacked >= g) | kd), g) for g in np.arange(0.05, 0.95, 0.01))
    print(f"keyword OR stacked (cross-validated on dev), best threshold {g:.2f}: F1 {score:.4f} P {p:.3f} R {r:.3f} "
          f"(tp {tp} fp {fp} fn {fn})")


if __name__ == "__main__":
    main()
