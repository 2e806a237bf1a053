"""A draft's sections, read from its headings: "Điều 1.", "I.", "1." lines.

The highest kind of heading present decides: a working rule is split by its articles (Điều), a
plan by its Roman parts (I., II.) and the numbered items under them (II.1, II.2), a plain list by
its numbers. Text before the first heading belongs to the whole draft, not to a section.
"""

import re
from dataclasses import dataclass, field

ARTICLE = re.compile(r"^(Điều)\s+(\d+)\s*[.:]?\s*(.*)$", re.IGNORECASE)
ROMAN = re.compile(r"^([IVXLC]+)\s*[.:]\s*(.*)$")
NUMBER = re.compile(r"^(\d{1,2})\s*[.)]\s+(.*)$")
HEADING_CHARS = 300


@dataclass
class ParsedSection:
    label: str
    heading: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _lines(body: str) -> list[str]:
    return [line.strip() for line in body.splitlines() if line.strip()]


def split_sections(body: str) -> list[ParsedSection]:
    lines = _lines(body)
    if any(ARTICLE.match(line) for line in lines):
        return _split(lines, _article)
    if any(ROMAN.match(line) for line in lines):
        return _split(lines, _roman_or_item)
    return _split(lines, _item)


def _article(line: str, part: str) -> tuple[str, str] | None:
    match = ARTICLE.match(line)
    return (f"Điều {match.group(2)}", match.group(3)) if match else None


def _item(line: str, part: str) -> tuple[str, str] | None:
    match = NUMBER.match(line)
    return (match.group(1), match.group(2)) if match else None


def _roman_or_item(line: str, part: str) -> tuple[str, str] | None:
    match = ROMAN.match(line)
    if match:
        return match.group(1), match.group(2)
    item = _item(line, part)
    if item and part:
        return f"{part}.{item[0]}", item[1]
    return None


def _split(lines: list[str], heading_of) -> list[ParsedSection]:
    sections: list[ParsedSection] = []
    part = ""
    for line in lines:
        found = heading_of(line, part)
        if found is None:
            if sections:
                sections[-1].lines.append(line)
            continue
        label, heading = found
        if "." not in label and not label.isdigit():
            part = label
        sections.append(ParsedSection(label, heading[:HEADING_CHARS], [line]))
    return sections
