#!/usr/bin/python3
"""Writes the golden file that BinaryCurvesPointsTest compares bertfit's curve points with.

Points come from scikit-learn's roc_curve (drop_intermediate=False) and precision_recall_curve
(Debian's python3-sklearn, 1.2.x). Scores are tenths, so ties are frequent; some cases have no
positive or no negative. Cases are random but seeded, so rerunning rewrites the same file:

    /usr/bin/python3 evaluation/src/test/python/make_curves_golden.py evaluation/src/test/resources/golden

NaN (a rate with a zero denominator) is written as null.
"""
import json
import math
import sys
import warnings

import numpy as np
from sklearn.metrics import precision_recall_curve, roc_curve

CASES = 200


def plain(values):
    return [None if math.isnan(v) else float(v) for v in values]


def case(rng, i):
    n = int(rng.integers(1, 60))
    score = rng.integers(0, 11, size=n) / 10
    y = rng.integers(0, 2, size=n)
    if i % 20 == 0:
        y[:] = i % 40 == 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fpr, tpr, roc_thresholds = roc_curve(y, score, drop_intermediate=False)
        precision, recall, pr_thresholds = precision_recall_curve(y, score)
    return {"y": y.tolist(), "score": score.tolist(),
            "fpr": plain(fpr), "tpr": plain(tpr), "roc_thresholds": plain(roc_thresholds[1:]),
            "precision": plain(precision), "recall": plain(recall),
            "pr_thresholds": plain(pr_thresholds)}


def main():
    out = sys.argv[1]
    rng = np.random.default_rng(20261220)
    with open(f"{out}/curves.json", "w") as f:
        json.dump([case(rng, i) for i in range(CASES)], f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
