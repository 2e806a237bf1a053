"""The draft returned by the extractor: plain dataclasses, serialisable to the JSON shape."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

LEAD = "lead"
COORDINATE = "coordinate"


@dataclass
class Meeting:
    date: str | None = None
    chair: str | None = None
    chair_titles: list[str] = field(default_factory=list)
    congress_ordinal: str | None = None
    term: str | None = None
    body: str | None = None


@dataclass
class Assignment:
    agency: str
    role: str
    task: str
    deadline: str | None
    evidence: str


@dataclass
class Draft:
    meeting: Meeting = field(default_factory=Meeting)
    assignments: list[Assignment] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "meeting": asdict(self.meeting),
            "assignments": [asdict(a) for a in self.assignments],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
