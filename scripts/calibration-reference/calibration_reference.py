"""Reference numbers for XaiLab.Tests/Engine/Evaluation/CalibrationTests (run once, numbers checked in).

/usr/bin/python3 scripts/calibration-reference/calibration_reference.py   (Debian: python3-sklearn 1.2.1, numpy 1.24)

40 three-class predictions (seeded, probabilities rounded to 3 decimals and held as float32 like XaiLab's), their
confidence (top-class probability) and correctness; scikit-learn's calibration_curve(strategy="uniform", n_bins=15)
gives the per-bin accuracy and mean confidence of the non-empty bins; the counts come from the same binning
(np.searchsorted over the inner edges of np.linspace(0, 1, 16)) and ECE = sum(count / N * |accuracy - confidence|).
"""
import numpy as np
from sklearn.calibration import calibration_curve

rng = np.random.default_rng(22)
n, k, bins = 40, 3, 15
logits = rng.normal(size=(n, k)) * 2.0
p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
p = np.round(p, 3).astype(np.float32)
labels = rng.integers(0, k, size=n)
# Make the model better than chance: 60% of labels follow the arg-max.
follow = rng.random(n) < 0.6
labels = np.where(follow, p.argmax(axis=1), labels)

confidence = p.max(axis=1)
correct = (p.argmax(axis=1) == labels).astype(int)
prob_true, prob_pred = calibration_curve(correct, confidence, n_bins=bins, strategy="uniform")
edges = np.linspace(0.0, 1.0, bins + 1)
binids = np.searchsorted(edges[1:-1], confidence)
counts = np.bincount(binids, minlength=bins)
nonempty = counts[counts > 0]
ece = float(np.sum(nonempty / n * np.abs(prob_true - prob_pred)))

def floats(values):
    return ", ".join(f"{v:.3f}f" for v in values)

print("probabilities:")
for row in p:
    print("    [" + floats(row) + "],")
print("labels:", ", ".join(str(int(v)) for v in labels))
print("counts:", ", ".join(str(int(c)) for c in counts))
print("accuracy (non-empty bins):", ", ".join(repr(float(v)) for v in prob_true))
print("confidence (non-empty bins):", ", ".join(repr(float(v)) for v in prob_pred))
print("ece:", repr(ece))
