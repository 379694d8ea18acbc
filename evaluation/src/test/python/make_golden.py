#!/usr/bin/python3
"""Writes the golden files that GoldenScikitLearnTest compares bertfit's evaluation with.

Every expected number comes from scikit-learn (Debian's python3-sklearn, 1.2.x). Cases are random
but seeded, so rerunning the script rewrites the same files:

    /usr/bin/python3 evaluation/src/test/python/make_golden.py evaluation/src/test/resources/golden

Scores are stored as small integers so that the files stay small and both sides compute the same
doubles: a multi-class row's probabilities are w / sum(w); a multi-label score is w / 10.
"""
import json
import math
import sys
import warnings

import numpy as np
from sklearn.metrics import (
    average_precision_score,
    balanced_accuracy_score,
    classification_report,
    cohen_kappa_score,
    confusion_matrix,
    hamming_loss,
    accuracy_score,
    log_loss,
    matthews_corrcoef,
    multilabel_confusion_matrix,
    roc_auc_score,
    top_k_accuracy_score,
)
from sklearn.preprocessing import label_binarize

CASES_PER_KIND = 200
NAMES = ["anger", "fear", "joy", "love", "sadness", "surprise", "admin", "analyst",
         "data_engineer", "devel_metodolog", "it_security", "x", "neutral", "positive"]
ZERO_DIVISIONS = ["warn", 0, 1]


def clean(value):
    """JSON-safe: numpy scalars to Python, NaN to None."""
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [clean(v) for v in value]
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return None if math.isnan(value) else value
    return value


def attempt(fn):
    """The value, or None where scikit-learn says the metric is undefined (raises)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return fn()
    except (ValueError, ZeroDivisionError):
        return None


def specificity(mcm, zero_division):
    out = []
    for (tn, fp), _ in mcm:
        if tn + fp == 0:
            out.append(1.0 if zero_division == 1 else 0.0)
        else:
            out.append(tn / (tn + fp))
    return out


def multiclass_case(rng, kind):
    k = {"binary": 2, "one_class": rng.randint(2, 5)}.get(kind, rng.randint(3, 8))
    if rng.rand() < 0.5:
        universe = list(range(k))
    else:
        universe = sorted(rng.choice(NAMES, size=k, replace=False).tolist())
    n = rng.randint(1 if kind == "one_class" else 2, 40)
    prior = rng.dirichlet(np.ones(k) * 0.7)
    true_pool, pred_pool = np.arange(k), np.arange(k)
    if kind == "absent":
        true_pool = rng.choice(k, size=rng.randint(1, k), replace=False)
        pred_pool = rng.choice(k, size=rng.randint(1, k), replace=False)
    if kind == "one_class":
        true_pool = np.array([rng.randint(k)])
        if rng.rand() < 0.4:
            pred_pool = true_pool
    if kind == "zero_division":
        pred_pool = rng.choice(k, size=rng.randint(1, 3), replace=False)

    def draw(pool):
        p = prior[pool] / prior[pool].sum()
        return pool[rng.choice(len(pool), size=n, p=p)]

    t = draw(true_pool)
    p = draw(pred_pool)
    if kind in ("binary", "multiclass") and rng.rand() < 0.7:
        # every class in y_true, so that one-vs-rest ROC-AUC is defined
        n = max(n, k)
        t = np.concatenate([rng.permutation(k), t])[:n]
        p = np.concatenate([p, draw(pred_pool)])[:n]
    keep = rng.rand(n) < rng.rand()
    if kind not in ("absent", "zero_division", "one_class"):
        p = np.where(keep, t, p)
    weights = rng.randint(0, 12, size=(n, k))
    weights[weights.sum(axis=1) == 0, 0] = 1
    y_true = [universe[i] for i in t]
    y_pred = [universe[i] for i in p]

    labels = None
    if kind in ("absent", "zero_division") and rng.rand() < 0.6:
        size = rng.randint(1, k + 1)
        labels = [universe[i] for i in rng.choice(k, size=size, replace=False)]
    target_names = None
    if rng.rand() < 0.25:
        count = len(labels) if labels is not None else len(sorted(set(y_true) | set(y_pred)))
        target_names = rng.choice(NAMES, size=count, replace=False).tolist()
    zero_division = ZERO_DIVISIONS[rng.randint(3)] if kind == "zero_division" or rng.rand() < 0.3 else "warn"
    digits = int(rng.randint(1, 6))
    case = dict(kind=kind, universe=universe, y_true=y_true, y_pred=y_pred, labels=labels,
                target_names=target_names, zero_division=zero_division, digits=digits,
                score_weights=weights.tolist())
    case["expected"] = multiclass_expected(case, weights)
    return case


def multiclass_expected(case, weights):
    y_true, y_pred, universe = case["y_true"], case["y_pred"], case["universe"]
    labels, zd = case["labels"], case["zero_division"]
    report_labels = labels if labels is not None else sorted(set(y_true) | set(y_pred))
    scores = weights / weights.sum(axis=1, keepdims=True)
    kw = dict(labels=labels, target_names=case["target_names"], zero_division=zd)
    e = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e["report"] = classification_report(y_true, y_pred, output_dict=True, **kw)
        e["text"] = classification_report(y_true, y_pred, digits=case["digits"], **kw)
        # scikit-learn refuses a matrix when no selected label occurs in y_true: None then
        e["confusion_matrix"] = attempt(
            lambda: confusion_matrix(y_true, y_pred, labels=report_labels))
        for norm in ("true", "pred", "all"):
            e["confusion_matrix_" + norm] = attempt(lambda: confusion_matrix(
                y_true, y_pred, labels=report_labels, normalize=norm))
        e["specificity"] = specificity(
            multilabel_confusion_matrix(y_true, y_pred, labels=report_labels), zd)
        e["matthews_corrcoef"] = matthews_corrcoef(y_true, y_pred)
        e["cohen_kappa"] = cohen_kappa_score(y_true, y_pred)
        e["cohen_kappa_linear"] = cohen_kappa_score(y_true, y_pred, weights="linear")
        e["cohen_kappa_quadratic"] = cohen_kappa_score(y_true, y_pred, weights="quadratic")
        e["balanced_accuracy"] = balanced_accuracy_score(y_true, y_pred)
        e["hamming_loss"] = hamming_loss(y_true, y_pred)
    if len(universe) == 2:
        positive = [y == universe[1] for y in y_true]
        e["roc_auc"] = attempt(lambda: roc_auc_score(positive, scores[:, 1]))
        e["average_precision"] = attempt(lambda: average_precision_score(positive, scores[:, 1]))
    else:
        for avg in ("macro", "weighted"):
            for mc in ("ovr", "ovo"):
                e[f"roc_auc_{mc}_{avg}"] = attempt(lambda: roc_auc_score(
                    y_true, scores, multi_class=mc, average=avg, labels=universe))
        onehot = label_binarize(y_true, classes=universe)
        e["average_precision_macro"] = attempt(
            lambda: average_precision_score(onehot, scores, average="macro"))
        e["top_2_accuracy"] = attempt(
            lambda: top_k_accuracy_score(y_true, scores, k=2, labels=universe))
    e["log_loss"] = attempt(lambda: log_loss(y_true, scores, labels=universe))
    return e


def multilabel_case(rng, kind):
    n_labels = rng.randint(2, 7)
    n = rng.randint(2, 30)
    density = rng.rand(n_labels) * (0.3 if "zero_division" in kind else 0.7)
    y_true = (rng.rand(n, n_labels) < density).astype(int)
    if rng.rand() < 0.6:
        # each label both present and absent, so that macro ROC-AUC is defined
        n = max(n, 2)
        y_true[0], y_true[1] = 1, 0
    if "zero_division" in kind:
        y_pred = (rng.rand(n, n_labels) < rng.rand() * 0.2).astype(int)
    else:
        flip = rng.rand(n, n_labels) < rng.rand() * 0.5
        y_pred = np.where(flip, 1 - y_true, y_true)
    labels = None
    if rng.rand() < 0.2:
        labels = sorted(rng.choice(n_labels, size=rng.randint(1, n_labels + 1), replace=False).tolist())
    target_names = None
    if rng.rand() < 0.5:
        count = len(labels) if labels is not None else n_labels
        target_names = rng.choice(NAMES, size=count, replace=False).tolist()
    zero_division = ZERO_DIVISIONS[rng.randint(3)]
    weights = rng.randint(0, 11, size=(n, n_labels))
    case = dict(kind=kind, y_true=y_true.tolist(), y_pred=y_pred.tolist(), labels=labels,
                target_names=target_names, zero_division=zero_division,
                digits=int(rng.randint(1, 6)), score_weights=weights.tolist())
    scores = weights / 10
    kw = dict(labels=labels, target_names=target_names, zero_division=zero_division)
    e = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e["report"] = classification_report(y_true, y_pred, output_dict=True, **kw)
        e["text"] = classification_report(y_true, y_pred, digits=case["digits"], **kw)
        e["multilabel_confusion_matrix"] = multilabel_confusion_matrix(y_true, y_pred, labels=labels)
        e["hamming_loss"] = hamming_loss(y_true, y_pred)
        e["subset_accuracy"] = accuracy_score(y_true, y_pred)
    for avg in ("macro", "micro"):
        e["roc_auc_" + avg] = attempt(lambda: roc_auc_score(y_true, scores, average=avg))
        e["average_precision_" + avg] = attempt(
            lambda: average_precision_score(y_true, scores, average=avg))
    case["expected"] = e
    return case


def main(out_dir):
    kinds = {
        "binary": multiclass_case,
        "multiclass": multiclass_case,
        "absent": multiclass_case,
        "zero_division": multiclass_case,
        "one_class": multiclass_case,
        "multilabel": multilabel_case,
        "multilabel_zero_division": multilabel_case,
    }
    for seed, (kind, make) in enumerate(kinds.items()):
        rng = np.random.RandomState(1000 + seed)
        cases = [clean(make(rng, kind)) for _ in range(CASES_PER_KIND)]
        with open(f"{out_dir}/{kind}.json", "w") as f:
            json.dump(cases, f, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
