"""How the unnamed-terms classifier's leave-one-reading-out AUC grows with the judged terms it is fit on (README.md,
session 39): for each reading, fit term_names.py's model on a random share of the other readings' terms (three
draws, seed 1; all of them once) and score the reading left out.

    python3 learning_curve.py TERM_NAMES_PY WORK     # WORK as make_term_names.sh leaves it (judged.tsv, judged.csv)
"""
import importlib.util
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import auc  # noqa: E402

spec = importlib.util.spec_from_file_location("tn", sys.argv[1])
tn = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tn)
work = sys.argv[2]
rows = [line.rstrip("\n").split("\t") for line in open(os.path.join(work, "judged.tsv"), encoding="utf-8")]
x = tn.features([r[2] for r in rows], np.loadtxt(os.path.join(work, "judged.csv"), delimiter=","))
y = np.array([r[3] == "yes" for r in rows], float)
readings = np.array([r[0] for r in rows])
rng = np.random.default_rng(1)
for share in (0.25, 0.5, 0.75, 1.0):
    aucs = []
    for s in dict.fromkeys(readings):
        others = np.where(readings != s)[0]
        for _ in range(3 if share < 1 else 1):
            fit_on = rng.choice(others, int(len(others) * share), replace=False)
            aucs.append(auc(tn.score(x[readings == s], tn.fit(x[fit_on], y[fit_on])), y[readings == s]))
    print(f"share {share:.2f}: ~{int(share * (len(y) - len(y) / len(set(readings))))} terms, mean AUC "
          f"{np.mean(aucs):.3f}")
