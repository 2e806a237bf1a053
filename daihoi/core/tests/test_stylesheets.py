"""The stylesheets parse as written: an unclosed block swallows every rule after it (an
unclosed `@media print {` once made the later rules apply only when printing)."""

from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[1] / "static" / "core"


@pytest.mark.parametrize("name", ["app.css", "print.css"])
def test_every_block_of_the_stylesheet_is_closed(name):
    depth = 0
    for number, line in enumerate((STATIC / name).read_text(encoding="utf-8").splitlines(), 1):
        # A rule or comment written at the left margin starts at the top level.
        if line and not line[0].isspace() and not line.startswith("}"):
            assert depth == 0, f"{name}:{number} starts inside a block left open above"
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"{name}:{number} closes a block never opened"
    assert depth == 0, f"{name} ends with {depth} block(s) open"
