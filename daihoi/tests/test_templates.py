"""Templates stay readable: short lines, and styles in the stylesheet rather than inline."""

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1]
MAX_LINE = 160
INLINE_STYLE = re.compile(r"""\sstyle\s*=\s*["']""")


def _templates() -> list[object]:
    return [
        pytest.param(path, id=str(path.relative_to(PACKAGE)))
        for path in sorted(p for p in PACKAGE.rglob("*.html") if "templates" in p.parts)
    ]


def _offences(path: Path) -> list[str]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if len(line) > MAX_LINE:
            found.append(f"{number}: {len(line)} characters")
        if INLINE_STYLE.search(line):
            found.append(f"{number}: inline style=")
    return found


@pytest.mark.parametrize("path", _templates())
def test_template_lines_are_short_and_carry_no_inline_style(path: Path):
    assert _offences(path) == []
