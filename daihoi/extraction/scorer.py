"""Candidates of the rules, and a learned filter over them.

The rules find candidate (agency, role, task) triples, each with the construction that found
it. The logistic filter here scores a candidate from a few plain features (that
construction, the shape of the agency, the opening of the task, markers of completed work or
of a report) and can drop the unlikely ones. ``bench/train_filter.py`` fits it and
``bench/extraction_eval.py --folds K --filter`` retrains it per fold. Cross-validated on the
development set it did not beat the rules alone, so :func:`daihoi.extraction.extract` does
not use it; it is kept to measure again as the annotated set grows.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .model import Assignment

_GENERIC_STARTS = ("các ", "những ", "từng ", "mỗi ", "tất cả ", "toàn thể ")


@dataclass(slots=True)
class Candidate:
    assignment: Assignment
    how: str  # the construction that found it (directive, subject, next-sentence, …)
    sentence: int  # index of its sentence in the text


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-6" if n <= 6 else "7+"


def features(c: Candidate) -> list[str]:
    """Names of the features that hold for a candidate."""
    a = c.assignment
    agency = a.agency.casefold()
    words = agency.split()
    task = a.task.casefold().split()
    evidence = f" {a.evidence.casefold()} "
    generic = agency.startswith(_GENERIC_STARTS)
    out = [
        f"how={c.how}",
        f"role={a.role}",
        f"how+role={c.how}+{a.role}",
        f"generic={generic}",
        f"head={words[0] if not generic else words[1] if len(words) > 1 else ''}",
        f"agency_len={_bucket(len(words))}",
        f"task_len={_bucket(len(task) // 3)}",
        f"task0={task[0] if task else ''}",
        f"lower_start={a.agency[:1].islower()}",
        f"headline={c.sentence == 0}",
        f"early={c.sentence < 3}",
        f"deadline={a.deadline is not None}",
    ]
    for marker in (" đã ", " sẽ ", " đề nghị ", " yêu cầu ", " báo cáo ", " để ", " giao "):
        if marker in evidence:
            out.append(f"has:{marker.strip()}")
    return out


@dataclass
class Filter:
    """Logistic regression over feature names; keeps a candidate whose probability of being
    right is at least ``threshold``."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5

    def probability(self, c: Candidate) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features(c))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, c: Candidate) -> bool:
        return self.probability(c) >= self.threshold


def train(
    examples: Sequence[tuple[Candidate, bool]],
    epochs: int = 40,
    rate: float = 0.1,
    l2: float = 0.01,
    threshold: float = 0.5,
    seed: int = 13,
) -> Filter:
    """Fit the filter by stochastic gradient descent on (candidate, is right) pairs."""
    model = Filter(threshold=threshold)
    rows = [(features(c), 1.0 if right else 0.0) for c, right in examples]
    order = list(range(len(rows)))
    rng = random.Random(seed)
    w = model.weights
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            feats, y = rows[k]
            z = model.bias + sum(w.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            model.bias -= rate * g
            for f in feats:
                w[f] = w.get(f, 0.0) - rate * (g + l2 * w.get(f, 0.0))
    model.weights = {f: round(v, 4) for f, v in w.items() if abs(v) >= 1e-4}
    model.bias = round(model.bias, 4)
    return model


def label(candidates: Iterable[Candidate], gold: Iterable[tuple[str, str]]) -> list[bool]:
    """Whether each candidate's (agency, role) is in the gold multiset (each gold pair used
    once); agencies compared case-folded with single spaces."""
    left: dict[tuple[str, str], int] = {}
    for g in gold:
        left[g] = left.get(g, 0) + 1
    out: list[bool] = []
    for c in candidates:
        key = (" ".join(c.assignment.agency.split()).casefold(), c.assignment.role)
        hit = left.get(key, 0) > 0
        if hit:
            left[key] -= 1
        out.append(hit)
    return out
