"""Calibrate the topic decision and confidence on labelled events, offline.

    /work/main/.venv/bin/python scripts/calibrate_topics.py [--eval ../shared/eval] [--write]

The rules in timeline/data/topics.json stay what decides; this script asks whether numbers
fitted on labelled events (the seeds and real-dev gold, read where they lie) decide better
than the hand-set ones, scored by cross-validation across reports (GroupKFold: no report's
events are ever scored by numbers fitted on that report):

- "rules": the shipped TopicSettings defaults;
- "fitted global": lead factor, ratio to the best topic, fallback and one minimum score,
  chosen on the training reports by grid search;
- "fitted per topic": the same plus a minimum score for each topic;
- "logistic": scikit-learn's LogisticRegression over each topic's scores.

It also fits the confidence of a chosen topic (Platt scaling: a logistic regression from
the margin over its floor, its share of the best score and of the lead to "is it right"),
scored by cross-validated Brier score against a constant.

With --write it writes timeline/data/topics.calibration.json: the confidence coefficients,
and the decision numbers of a fitted variant only if its cross-validated F1 beats the
rules' by --min-gain; else the rules' own numbers. Only numbers are written, never text.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

from topic_examples import ROOT, load_examples, shipped_gazetteer

from timeline.extraction.topics import TopicClassifier, TopicSettings

OUT = ROOT / "timeline" / "data" / "topics.calibration.json"
GRID = {
    "lead_factor": (1.5, 2.0, 2.5, 3.0),
    "min_ratio": (0.15, 0.2, 0.25, 0.3, 0.35, 0.4),
    "fallback_score": (0.5, 1.0, 1.5, 2.0),
    "min_score": (2.0, 2.5, 3.0, 3.5, 4.0, 5.0),
}
TOPIC_MINIMA = (1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 8.0)


class Data:
    """Per found event and topic: lead and rest weights, and the gold label."""

    def __init__(self, eval_dir: Path) -> None:
        examples = load_examples(eval_dir)
        classifier = TopicClassifier(shipped_gazetteer().topics, TopicSettings())
        self.slugs = classifier._slugs
        found = [e for e in examples if e.text is not None]
        tallies = [classifier.tallies(e.text) for e in found]
        self.lead = np.array([[t[s].lead for s in self.slugs] for t in tallies])
        self.rest = np.array([[t[s].rest for s in self.slugs] for t in tallies])
        self.gold = np.array([[s in e.gold for s in self.slugs] for e in found])
        self.groups = np.array([e.report for e in found])
        # gold topics of events the segmenter never found: misses whatever we decide
        self.unfound = sum(len(e.gold) for e in examples if e.text is None)
        self.reports = len(set(e.report for e in examples))
        self.events = len(examples)

    def folds(self, n: int = 6):
        return GroupKFold(n_splits=n).split(self.lead, self.gold, self.groups)


def decide(d: Data, rows, lead_factor, min_ratio, fallback_score, minima) -> np.ndarray:
    """The classifier's decision rule, vectorised: which topics each event gets."""
    scores = lead_factor * d.lead[rows] + d.rest[rows]
    best = scores.max(1, keepdims=True)
    chosen = (scores >= np.maximum(minima[None, :], min_ratio * best)) & (scores > 0)
    fallback = ~chosen.any(1) & (best[:, 0] >= fallback_score) & (best[:, 0] > 0)
    chosen[np.where(fallback)[0], scores[fallback].argmax(1)] = True
    return chosen


def f1(d: Data, rows, chosen, unfound: int = 0) -> float:
    gold = d.gold[rows]
    tp, fp = (chosen & gold).sum(), (chosen & ~gold).sum()
    fn = (~chosen & gold).sum() + unfound
    return 2 * tp / (2 * tp + fp + fn)


def rules_params(d: Data, s: TopicSettings) -> tuple:
    minima = np.array([s.min_scores.get(slug, s.min_score) for slug in d.slugs])
    return s.lead_factor, s.min_ratio, s.fallback_score, minima


def fit_thresholds(d: Data, rows, per_topic: bool) -> tuple:
    n = len(d.slugs)
    best, params = -1.0, None
    for lf, ratio, fb, m in itertools.product(*GRID.values()):
        p = (lf, ratio, fb, np.full(n, m))
        score = f1(d, rows, decide(d, rows, *p))
        if score > best + 1e-9:
            best, params = score, p
    if per_topic:  # coordinate descent on each topic's minimum, twice round
        lf, ratio, fb, minima = params
        for _ in range(2):
            for t in range(n):
                for m in TOPIC_MINIMA:
                    trial = minima.copy()
                    trial[t] = m
                    score = f1(d, rows, decide(d, rows, lf, ratio, fb, trial))
                    if score > best + 1e-9:
                        best, minima = score, trial
        params = (lf, ratio, fb, minima)
    return params


def logistic_features(d: Data, rows) -> np.ndarray:
    scores = 2.5 * d.lead[rows] + d.rest[rows]
    best = np.maximum(scores.max(1, keepdims=True), 1e-9)
    return np.stack(
        [
            np.log1p(2.5 * d.lead[rows]),
            np.log1p(d.rest[rows]),
            scores / best,
            (scores == best) & (scores > 0),
        ],
        -1,
    ).astype(float)


def cross_validate(d: Data, settings: TopicSettings) -> dict[str, float]:
    everything = np.arange(len(d.gold))
    chosen = {k: np.zeros_like(d.gold) for k in ("fitted global", "fitted per topic", "logistic")}
    for train, test in d.folds():
        for name, per_topic in (("fitted global", False), ("fitted per topic", True)):
            chosen[name][test] = decide(d, test, *fit_thresholds(d, train, per_topic))
        x_train, x_test = logistic_features(d, train), logistic_features(d, test)
        for t in range(len(d.slugs)):
            if d.gold[train, t].all() or not d.gold[train, t].any():
                continue
            model = LogisticRegression(max_iter=2000).fit(x_train[:, t], d.gold[train, t])
            chosen["logistic"][test, t] = model.predict_proba(x_test[:, t])[:, 1] >= 0.5
    rules = decide(d, everything, *rules_params(d, settings))
    out = {"rules (no fitting)": f1(d, everything, rules, d.unfound)}
    out.update({name: f1(d, everything, c, d.unfound) for name, c in chosen.items()})
    return out


def confidence_rows(d: Data, params: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features and labels of every chosen topic, as the classifier computes them."""
    lf, ratio, _, minima = params
    rows = np.arange(len(d.gold))
    chosen = decide(d, rows, *params)
    scores = lf * d.lead + d.rest
    best = scores.max(1, keepdims=True)
    floors = np.maximum(minima[None, :], ratio * best)
    e, t = np.nonzero(chosen)
    x = np.stack(
        [
            np.log(np.maximum(scores[e, t], 1e-9) / floors[e, t]),
            scores[e, t] / best[e, 0],
            lf * d.lead[e, t] / scores[e, t],
        ],
        -1,
    )
    return x, d.gold[e, t], d.groups[e]


def fit_confidence(d: Data, params: tuple) -> tuple[dict[str, float], dict[str, float]]:
    x, y, groups = confidence_rows(d, params)
    predicted, constant = np.zeros(len(y)), np.zeros(len(y))
    for train, test in GroupKFold(n_splits=6).split(x, y, groups):
        model = LogisticRegression(C=1.0, max_iter=2000).fit(x[train], y[train])
        predicted[test] = model.predict_proba(x[test])[:, 1]
        constant[test] = y[train].mean()
    model = LogisticRegression(C=1.0, max_iter=2000).fit(x, y)
    coefficients = {
        "bias": float(model.intercept_[0]),
        "margin": float(model.coef_[0][0]),
        "ratio": float(model.coef_[0][1]),
        "lead_share": float(model.coef_[0][2]),
    }
    quality = {
        "chosen topics": len(y),
        "precision": float(y.mean()),
        "cv brier, calibrated": float(np.mean((predicted - y) ** 2)),
        "cv brier, constant": float(np.mean((constant - y) ** 2)),
    }
    return {k: round(v, 4) for k, v in coefficients.items()}, quality


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    parser.add_argument("--min-gain", type=float, default=0.01)
    args = parser.parse_args()

    d = Data(args.eval)
    rules = TopicSettings()
    print(f"{d.events} gold events in {d.reports} reports ({len(d.gold)} found by segmentation)")
    cv = cross_validate(d, rules)
    print("topics F1, cross-validated across reports (GroupKFold, 6 folds):")
    for name, value in cv.items():
        print(f"  {name:20s} {value:.3f}")
    fitted = {
        name: fit_thresholds(d, np.arange(len(d.gold)), per)
        for name, per in (("fitted global", False), ("fitted per topic", True))
    }
    for name, (lf, ratio, fb, minima) in fitted.items():
        per = ", ".join(f"{s} {m:g}" for s, m in zip(d.slugs, minima, strict=True))
        print(f"  {name} on all reports: lead {lf:g}, ratio {ratio:g}, fallback {fb:g}; {per}")

    winner = max(fitted, key=lambda k: cv[k])
    if cv[winner] >= cv["rules (no fitting)"] + args.min_gain:
        lf, ratio, fb, minima = fitted[winner]
        print(f"decision: {winner} (beats the rules by >= {args.min_gain})")
        decision = {"lead_factor": lf, "min_ratio": ratio, "fallback_score": fb}
        decision["min_score"] = float(np.median(minima))
        decision["min_scores"] = {
            s: float(m) for s, m in zip(d.slugs, minima, strict=True) if m != decision["min_score"]
        }
        params = fitted[winner]
    else:
        print(f"decision: the rules' own numbers (no fitted variant gains {args.min_gain})")
        decision = {
            "lead_factor": rules.lead_factor,
            "min_ratio": rules.min_ratio,
            "fallback_score": rules.fallback_score,
            "min_score": rules.min_score,
            "min_scores": {},
        }
        params = rules_params(d, rules)
    decision["quote_factor"] = rules.quote_factor

    confidence, quality = fit_confidence(d, params)
    print("confidence of a chosen topic (Platt scaling):", confidence)
    print("  " + ", ".join(f"{k} {v:.3g}" for k, v in quality.items()))
    if args.write:
        data = {
            "about": "Written by scripts/calibrate_topics.py: numbers fitted on labelled "
            "events; the patterns in topics.json decide, these weigh them.",
            "decision": decision,
            "confidence": confidence,
            "cross_validated_f1": {k: round(v, 3) for k, v in cv.items()},
        }
        OUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
