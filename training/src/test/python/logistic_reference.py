#!/usr/bin/python3
"""scikit-learn's logistic regression on the features and classes read as JSON from stdin.

Input: {"x": [[...], ...], "y": [...], "C": 1.0, "tol": 1e-4, "solver": "liblinear"}.
Output: {"decision": [[...], ...], "predictions": [...], "n_iter": [...]}, the decision function
of every row (one column for two classes) and the predicted classes.
"""
import json
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

request = json.load(sys.stdin)
x = np.asarray(request["x"], dtype=np.float64)
y = np.asarray(request["y"])
model = LogisticRegression(
    solver=request["solver"], C=request["C"], tol=request["tol"], max_iter=10000
).fit(x, y)
decision = model.decision_function(x)
json.dump(
    {
        "decision": np.atleast_2d(decision.T).T.tolist(),
        "predictions": model.predict(x).tolist(),
        "n_iter": np.atleast_1d(model.n_iter_).tolist(),
    },
    sys.stdout,
)
