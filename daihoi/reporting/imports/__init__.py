"""Tasks from an XLSX sheet with Vietnamese headers: check every row, then save all or none.

One module per step (the blank template, reading and checking, saving); callers write
`from daihoi.reporting import imports; imports.read_tasks(...)`.
"""

from .reading import read_tasks
from .rows import (
    ImportResult,
    ImportRow,
    TaskImportError,
    offset_label,
    sign_rows,
    unsign_rows,
)
from .saving import tasks_import
from .template import template_xlsx

__all__ = [
    "ImportResult",
    "ImportRow",
    "TaskImportError",
    "offset_label",
    "read_tasks",
    "sign_rows",
    "tasks_import",
    "template_xlsx",
    "unsign_rows",
]
