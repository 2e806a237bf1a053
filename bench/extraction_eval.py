"""Evaluate daihoi.extraction on the development set (texts with hand-made gold).

    python bench/extraction_eval.py [FOLDER] [--misses]

FOLDER defaults to <repo>/../shared/extraction-dev. Every gold/*.json is read; its text is
texts/<name>.txt, or the file its "text" key names (relative to FOLDER). Prints per text and
overall: precision, recall and F1 of (agency, role) pairs (agency compared after NFC,
whitespace normalisation and case folding; pairs counted as a multiset), deadline accuracy
over gold assignments matched by agency and role, P/R/F1 of (agency, role, deadline) triples,
and the accuracy of each meeting field. Always exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from daihoi.extraction import extract  # noqa: E402

FIELDS = ("date", "chair", "chair_titles", "congress_ordinal", "term", "body")


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
        k = min(len(rest), len(pd))
        matched += k
    return matched, correct


def pairs(items: list[dict], with_deadline: bool = False) -> Counter:
    if with_deadline:
        return Counter((norm(a["agency"]), a["role"], a.get("deadline")) for a in items)
    return Counter((norm(a["agency"]), a["role"]) for a in items)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("folder", nargs="?", default=str(REPO.parent / "shared" / "extraction-dev"))
    ap.add_argument("--misses", action="store_true", help="list missed and spurious pairs")
    args = ap.parse_args()
    folder = Path(args.folder)
    gold_dir = folder / "gold"
    if not gold_dir.is_dir():
        print(f"Không có bộ dữ liệu đánh giá tại {folder} (development set not found); bỏ qua.")
        return 0
    tot = Counter()
    field_ok = Counter()
    n_texts = 0
    elapsed = 0.0
    print(
        f"{'text':<10} {'gold':>4} {'pred':>4} {'tp':>3} {'P':>5} {'R':>5} {'F1':>5}  "
        f"{'dl':>5}  meeting fields wrong"
    )
    for gpath in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        tpath = (
            folder / gold["text"] if gold.get("text") else folder / "texts" / f"{gpath.stem}.txt"
        )
        if not tpath.is_file():
            print(f"{gpath.stem:<10} missing text {tpath}")
            continue
        text = tpath.read_text(encoding="utf-8")
        t0 = time.perf_counter()
        pred = extract(text).to_dict()
        elapsed += time.perf_counter() - t0
        n_texts += 1
        g, p = gold["assignments"], pred["assignments"]
        gp, pp = pairs(g), pairs(p)
        tp = sum((gp & pp).values())
        gt, pt = pairs(g, True), pairs(p, True)
        tp3 = sum((gt & pt).values())
        matched, correct = match_deadlines(g, p)
        tot.update(gold=len(g), pred=len(p), tp=tp, tp3=tp3, matched=matched, correct=correct)
        wrong = []
        for f in FIELDS:
            if norm_field(gold["meeting"].get(f)) == norm_field(pred["meeting"].get(f)):
                field_ok[f] += 1
            else:
                wrong.append(f)
        P, R, F = prf(tp, len(p), len(g))
        dl = f"{correct}/{matched}" if matched else "-"
        print(
            f"{gpath.stem:<10} {len(g):>4} {len(p):>4} {tp:>3} {P:>5.2f} {R:>5.2f} {F:>5.2f}  "
            f"{dl:>5}  {', '.join(wrong) or '-'}"
        )
        if args.misses:
            for key, c in (gp - pp).items():
                print(f"    missed   {c}x {key}")
            for key, c in (pp - gp).items():
                print(f"    spurious {c}x {key}")
            for f in wrong:
                print(f"    {f}: gold={gold['meeting'].get(f)!r} pred={pred['meeting'].get(f)!r}")
    if not n_texts:
        print("Không có văn bản nào để đánh giá.")
        return 0
    P, R, F = prf(tot["tp"], tot["pred"], tot["gold"])
    P3, R3, F3 = prf(tot["tp3"], tot["pred"], tot["gold"])
    print()
    print(f"texts: {n_texts}   gold assignments: {tot['gold']}   predicted: {tot['pred']}")
    print(f"(agency, role)            P={P:.3f}  R={R:.3f}  F1={F:.3f}  (tp={tot['tp']})")
    acc = tot["correct"] / tot["matched"] if tot["matched"] else 0.0
    print(
        f"deadline accuracy         {acc:.3f}  ({tot['correct']}/{tot['matched']} gold "
        "assignments matched by agency+role)"
    )
    print(f"(agency, role, deadline)  P={P3:.3f}  R={R3:.3f}  F1={F3:.3f}  (tp={tot['tp3']})")
    print(
        "meeting fields            " + "  ".join(f"{f}={field_ok[f] / n_texts:.3f}" for f in FIELDS)
    )
    mean = sum(field_ok.values()) / (n_texts * len(FIELDS))
    print(f"meeting fields, mean      {mean:.3f}")
    print(f"time                      {elapsed * 1000 / n_texts:.1f} ms per text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
