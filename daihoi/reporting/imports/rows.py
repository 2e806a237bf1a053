"""A checked sheet row and the file's result: what the preview shows and the confirm step saves.
The rows travel signed between the two steps, so the server keeps no state in between."""

import datetime as dt
from dataclasses import dataclass, field

from daihoi.core import spreadsheets
from daihoi.core.exceptions import BusinessError
from daihoi.planning.models import Area, Phase

SIGNING_SALT = "daihoi.reporting.task-import"


@dataclass
class ImportRow:
    line: int
    code: int | None = None  # the task's id: this row updates that task
    task_version: int | None = None  # the version previewed; a later edit refuses the save
    title: str = ""
    lead_id: int | None = None
    lead_name: str = ""
    coordinating_ids: list[int] = field(default_factory=list)
    coordinating_names: list[str] = field(default_factory=list)
    appraising_id: int | None = None
    appraising_name: str = ""
    area: str = ""
    phase: str = ""
    plan_id: int | None = None
    plan_label: str = ""
    start_date: str = ""  # ISO, so the row travels in a signed payload
    deadline: str = ""  # resolved against the opening day when given as D-n
    deadline_offset: int | None = None
    description: str = ""
    changes: list[list[str]] = field(default_factory=list)  # [field, old, new] for an update
    errors: list[str] = field(default_factory=list)

    @property
    def is_update(self) -> bool:
        return self.code is not None

    @property
    def unchanged(self) -> bool:
        return self.is_update and not self.changes and not self.errors

    @property
    def area_label(self) -> str:
        return str(Area(self.area).label) if self.area else ""

    @property
    def phase_label(self) -> str:
        return str(Phase(self.phase).label) if self.phase else ""

    @property
    def deadline_display(self) -> str:
        deadline = self.date("deadline")
        shown = deadline.strftime("%d/%m/%Y") if deadline else ""
        if self.deadline_offset is not None:
            shown = f"{offset_label(self.deadline_offset)} ({shown})"
        return shown

    def date(self, name: str) -> dt.date | None:
        value = getattr(self, name)
        return dt.date.fromisoformat(value) if value else None


@dataclass
class ImportResult:
    rows: list[ImportRow]
    errors: list[str]  # for the whole file ("Tệp không phải…")

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors and not any(r.errors for r in self.rows)

    @property
    def row_errors(self) -> list[str]:
        return [f"Dòng {r.line}: {'; '.join(r.errors)}." for r in self.rows if r.errors]

    @property
    def new_count(self) -> int:
        return sum(1 for r in self.rows if not r.is_update)

    @property
    def changed_count(self) -> int:
        return sum(1 for r in self.rows if r.is_update and r.changes)


class TaskImportError(BusinessError):
    """Bad rows; nothing was saved. `errors` names each sheet row."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(f"Tệp có {len(errors)} lỗi, chưa lưu nhiệm vụ nào.", field="file")
        self.errors = errors


def offset_label(offset: int) -> str:
    return f"D{'−' if offset < 0 else '+'}{abs(offset)}"


def sign_rows(rows: list[ImportRow]) -> str:
    """The checked rows, signed, so the confirm step needs no server-side state."""
    return spreadsheets.sign_rows(rows, SIGNING_SALT)


def unsign_rows(token: str, max_age: int = 3600) -> list[ImportRow]:
    return [ImportRow(**item) for item in spreadsheets.unsign_rows(token, SIGNING_SALT, max_age)]
