#!/usr/bin/python3
"""Writes the golden file that CalibrationGoldenTest compares bertfit's calibration figures with.

Reliability bins come from scikit-learn's calibration_curve (Debian's python3-sklearn, 1.2.x), the
Brier scores from its brier_score_loss, and the temperatures from SciPy's bounded scalar minimiser
of the negative log-likelihood. Cases are random but seeded, so rerunning rewrites the same file:

    /usr/bin/python3 evaluation/src/test/python/make_calibration_golden.py evaluation/src/test/resources/golden

A multi-class row's probabilities are w / sum(w) for small integer weights w (stored), so that both
sides compute the same doubles and many values fall exactly on bin edges.
"""
import json
import sys
import warnings

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss

CASES = 200
BINS = [1, 2, 10, 15]


def curve(outcome, probability, bins, strategy):
    """Bins of scikit-learn's calibration_curve, with the counts it weighs them by."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        prob_true, prob_pred = calibration_curve(outcome, probability, n_bins=bins, strategy=strategy)
    if strategy == "quantile":
        edges = np.percentile(probability, np.linspace(0, 1, bins + 1) * 100)
    else:
        edges = np.linspace(0.0, 1.0, bins + 1)
    counts = np.bincount(np.searchsorted(edges[1:-1], probability), minlength=len(edges))
    counts = counts[counts != 0]
    gaps = np.abs(prob_true - prob_pred)
    return {"bins": bins, "strategy": strategy, "accuracy": prob_true.tolist(),
            "confidence": prob_pred.tolist(), "counts": counts.tolist(),
            "ece": float(np.sum(counts / len(probability) * gaps)), "mce": float(np.max(gaps))}


def softmax_temperature(logits, y):
    def nll(u):
        z = logits / np.exp(u)
        z = z - z.max(axis=1, keepdims=True)
        return float(np.mean(np.log(np.exp(z).sum(axis=1)) - z[np.arange(len(y)), y]))
    return float(np.exp(minimize_scalar(nll, bounds=(np.log(1e-3), np.log(1e3)), method="bounded",
                                        options={"xatol": 1e-12}).x))


def sigmoid_temperature(logits, y):
    def nll(u):
        z = logits / np.exp(u)
        return float(np.mean(np.logaddexp(0, z) - y * z))
    return float(np.exp(minimize_scalar(nll, bounds=(np.log(1e-3), np.log(1e3)), method="bounded",
                                        options={"xatol": 1e-12}).x))


def multiclass_case(rng):
    k = int(rng.integers(2, 7))
    n = int(rng.integers(1, 150))
    weights = rng.integers(0, 9, size=(n, k))
    weights[weights.sum(axis=1) == 0, 0] = 1
    p = weights / weights.sum(axis=1, keepdims=True)
    y = rng.integers(0, k, size=n)
    predicted = p.argmax(axis=1)
    confidence = p[np.arange(n), predicted]
    correct = (predicted == y).astype(int)
    logits = np.round(rng.normal(0, 3, size=(n, k)) + 2 * np.eye(k)[y] * rng.uniform(0, 2), 2)
    return {"weights": weights.tolist(), "y": y.tolist(),
            "top_label": [curve(correct, confidence, b, s) for b in BINS for s in ("uniform", "quantile")],
            "brier": float(sum(brier_score_loss((y == c).astype(int), p[:, c]) for c in range(k))),
            "logits": logits.tolist(), "temperature": softmax_temperature(logits, y)}


def multilabel_case(rng):
    k = int(rng.integers(1, 6))
    n = int(rng.integers(1, 150))
    tenths = rng.integers(0, 11, size=(n, k))
    p = tenths / 10
    y = rng.integers(0, 2, size=(n, k))
    logits = np.round(rng.normal(0, 3, size=n) + (2 * y[:, 0] - 1) * rng.uniform(0, 3), 2)
    return {"tenths": tenths.tolist(), "y": y.tolist(),
            "labels": [[curve(y[:, c], p[:, c], b, s) for b in BINS for s in ("uniform", "quantile")]
                       for c in range(k)],
            "brier": float(np.mean([brier_score_loss(y[:, c], p[:, c]) for c in range(k)])),
            "label_brier": [float(brier_score_loss(y[:, c], p[:, c])) for c in range(k)],
            "logits": logits.tolist(), "temperature": sigmoid_temperature(logits, y[:, 0])}


def main():
    out = sys.argv[1]
    rng = np.random.default_rng(20261202)
    cases = {"multiclass": [multiclass_case(rng) for _ in range(CASES)],
             "multilabel": [multilabel_case(rng) for _ in range(CASES)]}
    with open(f"{out}/calibration.json", "w") as f:
        json.dump(cases, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
