"""Throughput of daihoi.extraction on ~3,000-character articles, on one core.

    python bench/extraction_speed.py [--count N] [FOLDER]

Articles are built from the development texts when FOLDER (default
<repo>/../shared/extraction-dev) exists, each padded with the next ones to ~3,000
characters; otherwise from synthetic sentences written for this benchmark. Runs a fixed
count and prints texts per second of wall-clock and of CPU time; the target is at least 500
texts per second of CPU time (the wall clock also counts other processes on a shared core).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from daihoi.extraction import extract  # noqa: E402

TARGET = 3000
# Texts per second of CPU time on one core. CPU time is the verdict because on a shared
# machine the wall clock also counts the other processes that run on the same core.
TARGET_RATE = 500

SYNTHETIC = [
    "Họp Tiểu ban Tổ chức phục vụ Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX",
    "Sáng 12/6, đồng chí Nguyễn Văn An, Phó Bí thư Thường trực Tỉnh ủy, Trưởng Tiểu ban chủ trì "
    "cuộc họp Tiểu ban Tổ chức phục vụ Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ "
    "2025-2030.",
    "Tại cuộc họp, các thành viên đã báo cáo tiến độ thực hiện nhiệm vụ được phân công.",
    "Kết luận cuộc họp, đồng chí Nguyễn Văn An yêu cầu Văn phòng Tỉnh ủy chủ trì, phối hợp với "
    "Sở Tài chính hoàn thiện dự toán kinh phí phục vụ Đại hội trước ngày 30/6.",
    "Ban Tuyên giáo Tỉnh ủy chủ động xây dựng kế hoạch tuyên truyền; hướng dẫn các cơ quan báo "
    "chí mở chuyên trang, chuyên mục chào mừng Đại hội.",
    "Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh xây dựng phương án bảo đảm an ninh, trật tự trước, "
    "trong và sau Đại hội.",
    "Sở Văn hóa, Thể thao và Du lịch triển khai trang trí, tuyên truyền trực quan tại các trục "
    "đường chính.",
    "Đề nghị các sở, ban, ngành, địa phương liên quan khẩn trương hoàn thành nhiệm vụ được giao.",
    "Chậm nhất ngày 15/7, các thành viên Tiểu ban phải gửi báo cáo kết quả về Văn phòng Tỉnh ủy.",
    "Một số đại biểu đề nghị bổ sung kinh phí cho công tác trang trí khánh tiết.",
]


def dev_texts(folder: Path) -> list[str]:
    texts = []
    for gpath in sorted((folder / "gold").glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        rel = gold.get("text") or f"texts/{gpath.stem}.txt"
        tpath = folder / rel
        if tpath.is_file():
            texts.append(tpath.read_text(encoding="utf-8"))
    return texts


def articles(pieces: list[str], n: int) -> list[str]:
    """n articles of ~3,000 characters, each a piece padded with the pieces that follow."""
    out = []
    cycle = itertools.cycle(range(len(pieces)))
    for _ in range(n):
        start = next(cycle)
        parts: list[str] = []
        size = 0
        k = start
        while size < TARGET:
            piece = pieces[k % len(pieces)]
            parts.append(piece)
            size += len(piece) + 2
            k += 1
        out.append("\n\n".join(parts)[:TARGET])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description="texts per second of daihoi.extraction")
    ap.add_argument("folder", nargs="?", default=str(REPO.parent / "shared" / "extraction-dev"))
    ap.add_argument("--count", type=int, default=1000, help="number of articles to extract")
    args = ap.parse_args()
    pieces = dev_texts(Path(args.folder))
    source = "development texts" if pieces else "synthetic sentences"
    if not pieces:
        pieces = [" ".join(SYNTHETIC)]
    docs = articles(pieces, min(args.count, 200))
    mean_len = sum(map(len, docs)) / len(docs)
    extract(docs[0])  # warm up (imports, compiled patterns)
    t0 = time.perf_counter()
    c0 = time.process_time()
    n_assign = 0
    for i in range(args.count):
        n_assign += len(extract(docs[i % len(docs)]).assignments)
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    rate, cpu_rate = args.count / elapsed, args.count / cpu
    print(f"source: {source}; {args.count} articles of {mean_len:.0f} characters on average")
    print(f"elapsed: {elapsed:.2f} s wall, {cpu:.2f} s CPU; assignments found: {n_assign}")
    verdict = "OK" if cpu_rate >= TARGET_RATE else "TOO SLOW"
    print(
        f"throughput: {rate:.0f} texts/s wall clock, {cpu_rate:.0f} texts/s of CPU time "
        f"(target >= {TARGET_RATE}) {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
