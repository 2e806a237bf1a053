"""Evaluate daihoi.extraction on the development set (texts with hand-made gold).

    python bench/extraction_eval.py [FOLDER] [--misses] [--split all|dev|heldout] [--halves]
                                    [--folds K [--filter]]

FOLDER defaults to <repo>/../shared/extraction-dev. Every gold/*.json is read; its text is
texts/<name>.txt, or the file its "text" key names (relative to FOLDER). Prints per text and
overall: precision, recall and F1 of (agency, role) pairs (agency compared after NFC,
whitespace normalisation and case folding; pairs counted as a multiset), deadline accuracy
over gold assignments matched by agency and role, P/R/F1 of (agency, role, deadline) triples,
and the accuracy of each meeting field, then the same per batch (first batch, seed articles,
second batch).

``--split heldout`` scores only the texts listed in HELD_OUT below, which were kept out of
rule development (their misses were not looked at while the rules were written); ``--split
dev`` scores the others (``--misses`` never lists a held-out text's misses). ``--halves``
prints the totals of the two halves as two folds (development, held-out), of the held-out
texts of the first round alone, and of all texts, without per-text rows. ``--folds K`` deals
the texts round-robin into K folds, scores them one by one and prints the per-fold F1, its
mean and spread and the pooled numbers; with
``--filter`` the learned assignment filter (daihoi/extraction/scorer.py, not used by the
product) is retrained on the other folds before each fold is scored. Always exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from daihoi.extraction import extract  # noqa: E402
from daihoi.extraction.extract import extract_with  # noqa: E402
from daihoi.extraction.scorer import Filter  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))

FIELDS = ("date", "chair", "chair_titles", "congress_ordinal", "term", "body")
# The held-out half. Round 1 of issue 13 set aside every third text of the second batch
# (the first 13 below) before any of its rules was written; round 2 added every third of the
# other texts in name order (the last 15) before its rules were written. Misses of these texts
# are never printed while rules are written (``--misses`` refuses them); only totals are read.
# In the fifth round (01/12/2026) the spurious pairs of all of fold B were read to find their
# general causes (bench/README.md): since then fold B is development material too.
HELD_OUT_ROUND1 = frozenset(
    {"105", "109", "113", "116", "121", "125", "128", "132", "135", "140", "146", "152", "156"}
)
HELD_OUT = HELD_OUT_ROUND1 | frozenset(
    {"006", "013", "019", "025", "102", "108", "114", "118", "126", "131", "138", "143"}
    | {"153", "seed-000", "seed-003"}
)

Case = tuple[str, str, dict]  # (name, text, gold)
Extractor = Callable[[str], dict]


def norm(s: str | None) -> str | None:
    if s is None:
        return None
    return " ".join(unicodedata.normalize("NFC", s).split()).casefold()


def norm_field(value: object) -> object:
    if isinstance(value, list):
        return [norm(v) for v in value]
    if isinstance(value, str):
        return norm(value)
    return value


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def match_deadlines(gold: list[dict], pred: list[dict]) -> tuple[int, int]:
    """(gold assignments matched by agency+role, of which with the right deadline)."""
    g_by: dict[tuple, list] = defaultdict(list)
    p_by: dict[tuple, list] = defaultdict(list)
    for a in gold:
        g_by[(norm(a["agency"]), a["role"])].append(a.get("deadline"))
    for a in pred:
        p_by[(norm(a["agency"]), a["role"])].append(a.get("deadline"))
    matched = correct = 0
    for key, gd in g_by.items():
        pd = list(p_by.get(key, []))
        rest = []
        for d in gd:
            if d in pd:
                pd.remove(d)
                matched += 1
                correct += 1
            else:
                rest.append(d)
        matched += min(len(rest), len(pd))
    return matched, correct


def pairs(items: list[dict], with_deadline: bool = False) -> Counter:
    if with_deadline:
        return Counter((norm(a["agency"]), a["role"], a.get("deadline")) for a in items)
    return Counter((norm(a["agency"]), a["role"]) for a in items)


def batch_of(name: str) -> str:
    if name.startswith("seed"):
        return "seeds"
    return "batch 1" if int(name) < 100 else "batch 2"


def load_cases(folder: Path, split: str) -> list[Case]:
    cases: list[Case] = []
    for gpath in sorted((folder / "gold").glob("*.json")):
        name = gpath.stem
        if (split == "heldout") != (name in HELD_OUT) and split != "all":
            continue
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        tpath = folder / gold["text"] if gold.get("text") else folder / "texts" / f"{name}.txt"
        if not tpath.is_file():
            print(f"{name:<10} missing text {tpath}")
            continue
        cases.append((name, tpath.read_text(encoding="utf-8"), gold))
    return cases


class Score:
    def __init__(self) -> None:
        self.tot: Counter = Counter()
        self.fields: Counter = Counter()
        self.texts = 0
        self.elapsed = 0.0

    def add(self, gold: dict, pred: dict, elapsed: float) -> tuple[list[str], Counter]:
        g, p = gold["assignments"], pred["assignments"]
        gp, pp = pairs(g), pairs(p)
        tp = sum((gp & pp).values())
        tp3 = sum((pairs(g, True) & pairs(p, True)).values())
        matched, correct = match_deadlines(g, p)
        row = Counter(gold=len(g), pred=len(p), tp=tp, tp3=tp3, matched=matched, correct=correct)
        self.tot.update(row)
        self.texts += 1
        self.elapsed += elapsed
        wrong = []
        for f in FIELDS:
            if norm_field(gold["meeting"].get(f)) == norm_field(pred["meeting"].get(f)):
                self.fields[f] += 1
            else:
                wrong.append(f)
        return wrong, row

    def merge(self, other: Score) -> None:
        self.tot.update(other.tot)
        self.fields.update(other.fields)
        self.texts += other.texts
        self.elapsed += other.elapsed

    def summary(self, label: str = "") -> None:
        t, n = self.tot, max(self.texts, 1)
        P, R, F = prf(t["tp"], t["pred"], t["gold"])
        P3, R3, F3 = prf(t["tp3"], t["pred"], t["gold"])
        acc = t["correct"] / t["matched"] if t["matched"] else 0.0
        if label:
            print(f"--- {label}")
        print(f"texts: {self.texts}   gold assignments: {t['gold']}   predicted: {t['pred']}")
        print(f"(agency, role)            P={P:.3f}  R={R:.3f}  F1={F:.3f}  (tp={t['tp']})")
        print(
            f"deadline accuracy         {acc:.3f}  ({t['correct']}/{t['matched']} gold "
            "assignments matched by agency+role)"
        )
        print(f"(agency, role, deadline)  P={P3:.3f}  R={R3:.3f}  F1={F3:.3f}  (tp={t['tp3']})")
        fields = "  ".join(f"{f}={self.fields[f] / n:.3f}" for f in FIELDS)
        print("meeting fields            " + fields)
        mean = sum(self.fields.values()) / (n * len(FIELDS))
        print(f"meeting fields, mean      {mean:.3f}")
        print(f"time                      {self.elapsed * 1000 / n:.1f} ms per text")


def run(
    cases: list[Case],
    fn: Extractor,
    misses: bool,
    by_batch: dict[str, Score],
    quiet: bool = False,
) -> Score:
    score = Score()
    for name, text, gold in cases:
        t0 = time.perf_counter()
        pred = fn(text)
        elapsed = time.perf_counter() - t0
        part = by_batch.setdefault(batch_of(name), Score())
        wrong, row = part.add(gold, pred, elapsed)
        score.add(gold, pred, elapsed)
        P, R, F = prf(row["tp"], row["pred"], row["gold"])
        dl = f"{row['correct']}/{row['matched']}" if row["matched"] else "-"
        if quiet:
            continue
        print(
            f"{name:<10} {row['gold']:>4} {row['pred']:>4} {row['tp']:>3} {P:>5.2f} {R:>5.2f} "
            f"{F:>5.2f}  {dl:>5}  {', '.join(wrong) or '-'}"
        )
        if misses and name not in HELD_OUT:
            gp, pp = pairs(gold["assignments"]), pairs(pred["assignments"])
            for key, c in (gp - pp).items():
                print(f"    missed   {c}x {key}")
            for key, c in (pp - gp).items():
                print(f"    spurious {c}x {key}")
            for f in wrong:
                print(f"    {f}: gold={gold['meeting'].get(f)!r} pred={pred['meeting'].get(f)!r}")
    return score


def plain(text: str) -> dict:
    return extract(text).to_dict()


def _with_filter(model: Filter | None, text: str) -> dict:
    return extract_with(text, None, model).to_dict()


def cross_validate(
    cases: list[Case], k: int, misses: bool, by_batch: dict[str, Score], with_filter: bool
) -> Score:
    """K folds dealt round-robin, scored one by one and pooled. With the learned filter, it
    is trained on the other folds only (bench/train_filter.py) before a fold is scored; the
    rules themselves have no fitted parameters."""
    from train_filter import train  # noqa: PLC0415

    pooled = Score()
    f1s: list[float] = []
    for i in range(k):
        test = cases[i::k]
        rest = [(text, gold) for j, (_, text, gold) in enumerate(cases) if j % k != i]
        model = train(rest) if with_filter else None
        trained = f"filter trained on {len(rest)} texts, " if with_filter else ""
        print(f"=== fold {i + 1}/{k}: {trained}scoring {len(test)} texts")
        score = run(test, partial(_with_filter, model), misses, by_batch)
        P, R, F = prf(score.tot["tp"], score.tot["pred"], score.tot["gold"])
        print(f"    fold {i + 1}: P={P:.3f} R={R:.3f} F1={F:.3f}")
        f1s.append(F)
        pooled.merge(score)
    mean = sum(f1s) / k
    sd = (sum((f - mean) ** 2 for f in f1s) / k) ** 0.5
    print(f"\nper-fold F1: {' '.join(f'{f:.3f}' for f in f1s)}  mean={mean:.3f}  sd={sd:.3f}")
    return pooled


def halves(cases: list[Case]) -> None:
    """The two halves as two folds: the development half (rules written while reading its
    misses) and the held-out half (only its totals were read), then all texts. Per-text rows
    are not printed, so the held-out half's misses stay unread."""
    dev = [c for c in cases if c[0] not in HELD_OUT]
    held = [c for c in cases if c[0] in HELD_OUT]
    total = Score()
    first = [c for c in held if c[0] in HELD_OUT_ROUND1]
    parts = (
        ("fold A: development half", dev),
        ("fold B: held-out half", held),
    )
    for label, part in parts:
        score = run(part, plain, False, {}, quiet=True)
        print()
        score.summary(label)
        total.merge(score)
    print()
    run(first, plain, False, {}, quiet=True).summary(
        "of fold B, the 13 texts held out since round 1 (errors read in round 5)"
    )
    print()
    total.summary("all texts")


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[1])
    ap.add_argument("folder", nargs="?", default=str(REPO.parent / "shared" / "extraction-dev"))
    ap.add_argument("--misses", action="store_true", help="list missed and spurious pairs")
    ap.add_argument("--split", choices=("all", "dev", "heldout"), default="all")
    ap.add_argument(
        "--halves", action="store_true", help="per-half totals: development, held-out, all"
    )
    ap.add_argument("--folds", type=int, default=0, help="K-fold cross-validation")
    ap.add_argument("--filter", action="store_true", help="with --folds: learned filter per fold")
    args = ap.parse_args()
    folder = Path(args.folder)
    if not (folder / "gold").is_dir():
        print(f"Không có bộ dữ liệu đánh giá tại {folder} (development set not found); bỏ qua.")
        return 0
    cases = load_cases(folder, args.split)
    if not cases:
        print("Không có văn bản nào để đánh giá.")
        return 0
    if args.halves:
        halves(cases)
        return 0
    print(
        f"{'text':<10} {'gold':>4} {'pred':>4} {'tp':>3} {'P':>5} {'R':>5} {'F1':>5}  "
        f"{'dl':>5}  meeting fields wrong"
    )
    by_batch: dict[str, Score] = {}
    if args.folds > 1:
        total = cross_validate(cases, args.folds, args.misses, by_batch, args.filter)
    else:
        total = run(cases, plain, args.misses, by_batch)
    for name in sorted(by_batch):
        print()
        by_batch[name].summary(name)
    print()
    label = f"{args.folds}-fold cross-validation, pooled" if args.folds > 1 else "all"
    total.summary(f"{label} ({args.split})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
