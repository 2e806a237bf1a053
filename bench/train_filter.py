"""Train the learned assignment filter of daihoi.extraction on the development set.

    python bench/train_filter.py [FOLDER]

Runs the rules over every text of FOLDER (default <repo>/../shared/extraction-dev, read as
bench/extraction_eval.py reads it), labels each candidate assignment right or wrong against
the gold (agency, role) pairs, fits the logistic filter of daihoi/extraction/scorer.py and
prints its heaviest weights. bench/extraction_eval.py --folds K --filter calls ``train`` per
fold; the package ships no trained filter (see bench/README.md).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from daihoi.extraction.extract import read_text  # noqa: E402
from daihoi.extraction.scorer import Candidate, Filter, label  # noqa: E402
from daihoi.extraction.scorer import train as fit  # noqa: E402

# Keep a candidate unless the model is fairly sure it is wrong: the rules are right far more
# often than not, and a missed task costs the user more than one to delete.
THRESHOLD = 0.35


def examples(texts: Sequence[tuple[str, dict]]) -> list[tuple[Candidate, bool]]:
    out: list[tuple[Candidate, bool]] = []
    for text, gold in texts:
        read = read_text(text, None)
        if read is None:
            continue
        cands = read[1]
        pairs = [(" ".join(a["agency"].split()).casefold(), a["role"]) for a in gold["assignments"]]
        out.extend(zip(cands, label(cands, pairs), strict=True))
    return out


def train(texts: Sequence[tuple[str, dict]]) -> Filter:
    return fit(examples(texts), threshold=THRESHOLD)


def main() -> int:
    sys.path.insert(0, str(REPO / "bench"))
    from extraction_eval import load_cases  # noqa: PLC0415

    ap = argparse.ArgumentParser(description="train the assignment filter")
    ap.add_argument("folder", nargs="?", default=str(REPO.parent / "shared" / "extraction-dev"))
    args = ap.parse_args()
    folder = Path(args.folder)
    if not (folder / "gold").is_dir():
        print(f"development set not found at {folder}; nothing to train on.")
        return 0
    cases = load_cases(folder, "all")
    data = examples([(text, gold) for _, text, gold in cases])
    model = fit(data, threshold=THRESHOLD)
    right = sum(1 for _, y in data if y)
    print(
        f"texts: {len(cases)}  candidates: {len(data)}  right: {right}  wrong: {len(data) - right}"
    )
    for name, value in sorted(model.weights.items(), key=lambda kv: -abs(kv[1]))[:15]:
        print(f"  {value:+.3f}  {name}")
    dropped = sum(1 for c, _ in data if not model.keep(c))
    print(f"bias {model.bias:+.3f}; candidates dropped on the training texts: {dropped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
