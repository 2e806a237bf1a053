"""python -m daihoi.extraction [--today YYYY-MM-DD] FILE|-  → one JSON object on stdout."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from .extract import extract


def _today(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"ngày không hợp lệ: {value!r} (cần dạng YYYY-MM-DD)"
        ) from exc


def _read(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as fh:
            data = fh.read()
    # Pasted or uploaded text may carry broken bytes: they become U+FFFD, never an error.
    return data.decode("utf-8-sig", errors="replace")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m daihoi.extraction",
        description="Đọc văn bản thông báo/kết luận cuộc họp và đề xuất các nhiệm vụ (JSON).",
    )
    parser.add_argument("--today", type=_today, default=None, help="ngày hôm nay, YYYY-MM-DD")
    parser.add_argument("file", help="tệp văn bản UTF-8, hoặc - để đọc từ đầu vào chuẩn")
    args = parser.parse_args(argv)
    try:
        text = _read(args.file)
    except FileNotFoundError:
        print(f"Lỗi: không tìm thấy tệp '{args.file}'.", file=sys.stderr)
        return 2
    except IsADirectoryError:
        print(f"Lỗi: '{args.file}' là một thư mục, không phải tệp văn bản.", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"Lỗi: không đọc được tệp '{args.file}': {exc.strerror}.", file=sys.stderr)
        return 2
    draft = extract(text, today=args.today)
    json.dump(draft.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
