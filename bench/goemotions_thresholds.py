"""GoEmotions thresholds from `bertfit predict` outputs, recomputed with scikit-learn (bench/RESULTS.md).

Tunes each label's threshold on dev for its F1 (the lowest of the best cuts, as `bertfit thresholds`), then
prints test macro F1 at 0.5, tuned, and with floors on dev positives whose labels fall back to 0.5 or to one
threshold tuned for micro F1 over all labels pooled.

Usage: /usr/bin/python3 bench/goemotions_thresholds.py DATASET_DIR DEV_PREDICTIONS.jsonl TEST_PREDICTIONS.jsonl
"""
import json
import sys

import numpy as np
from sklearn.metrics import f1_score


def load(tsv, predictions, names):
    with open(tsv, encoding="utf-8") as rows:
        gold = [row.rstrip("\n").split("\t")[1] for row in rows]
    y = np.zeros((len(gold), len(names)), dtype=int)
    p = np.zeros((len(gold), len(names)))
    with open(predictions, encoding="utf-8") as lines:
        for i, (labels, line) in enumerate(zip(gold, lines)):
            y[i, [int(label) for label in labels.split(",")]] = 1
            scores = json.loads(line)["scores"]
            p[i] = [scores[name] for name in names]
    return y, p


def best_threshold(y, p):
    best_f1, best = -1.0, 0.5
    for t in np.unique(p):
        predicted = p >= t
        tp = np.sum(predicted & (y == 1))
        f1 = 2 * tp / (predicted.sum() + y.sum()) if tp else 0.0
        if f1 > best_f1:
            best_f1, best = f1, t
    return best


def macro(y, p, thresholds):
    return f1_score(y, (p >= thresholds).astype(int), average="macro", zero_division=0)


def main(dataset, dev_predictions, test_predictions):
    with open(f"{dataset}/labels.txt", encoding="utf-8") as lines:
        names = [line.strip() for line in lines if line.strip()]
    y_dev, p_dev = load(f"{dataset}/dev.tsv", dev_predictions, names)
    y_test, p_test = load(f"{dataset}/test.tsv", test_predictions, names)
    tuned = np.array([best_threshold(y_dev[:, j], p_dev[:, j]) for j in range(len(names))])
    grid = np.round(np.arange(0.01, 0.9, 0.005), 3)
    pooled = max(grid, key=lambda t: f1_score(y_dev, (p_dev >= t).astype(int), average="micro", zero_division=0))
    positives = y_dev.sum(axis=0)
    print(f"test macro F1 at 0.5: {macro(y_test, p_test, np.full(len(names), 0.5)):.4f}")
    print(f"pooled threshold (best dev micro F1): {pooled}")
    for floor in (10, 20, 40):
        under = positives < floor
        half = macro(y_test, p_test, np.where(under, 0.5, tuned))
        pooled_fallback = macro(y_test, p_test, np.where(under, pooled, tuned))
        kept = ", ".join(names[j] for j in np.flatnonzero(under)) or "none"
        print(f"floor {floor} (under it: {kept}): test macro F1 {half:.4f} falling back to 0.5, "
              f"{pooled_fallback:.4f} to the pooled threshold")
    for j in np.flatnonzero(positives < 40):
        print(f"  {names[j]}: {positives[j]} dev positives, tuned {tuned[j]:.4f}, "
              f"highest test probability {p_test[:, j].max():.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
