"""The permission matrix's vocabulary, shared by `daihoi/tests/test_permission_matrix.py` and the
per-app matrix modules.

An app adds its URL names to the matrix in its own module `daihoi/<app>/tests/matrix.py`, found
by `app_matrices()`; the module defines

- `ROWS`: {url name: (method, {role: expected status})}, written with `expect(...)`;
- `objects(world, base) -> dict`: the records its URLs need, built through the app's services
  (`base` is what the shared matrix already built: the task, the meeting, the document…), as
  URL keyword arguments (`{"delegate_id": …}`);
- `KWARG_KEYS` (optional): the keyword combinations of its URLs, most specific first, tried
  before the shared ones (`[["congress_id", "delegate_id"]]`).

Every named URL outside the admin site must have a row, in the shared table or in one app's.
"""

import importlib
from pathlib import Path
from types import ModuleType

ROLES = [
    "anonymous",
    "admin",
    "secretariat",
    "leader",
    "officer",
    "officer2",
    "member",
    "editor",
    "delegate",
    "outsider",
    "parent",
    "sibling",
]

# The roles, in the order of ROLES: officer = agency that leads the matrix's task; officer2 =
# agency with no part in it; outsider = officer of another congress; editor = portal only;
# delegate = a delegate of the congress, who sees only the delegate's own area (its pages
# answer every other page 404, as to the editor);
# parent = secretariat of the congress above (the national one); sibling = secretariat of the
# congress beside it under the same parent (made by `daihoi/levels/tests/matrix.py`). Neither
# has a role in the congress itself: its own pages answer them 404; only the levels app's
# pages read from above (`levels.permissions.access_from_above`).
ALL_INSIDE = {
    "anonymous": 302,
    "editor": 404,
    "delegate": 404,
    "outsider": 404,
    "parent": 404,
    "sibling": 404,
}

MANAGERS_ONLY = dict(leader=403, officer=403, officer2=403, member=403)
SETUP_PEOPLE = {
    "anonymous": 302,
    "admin": 200,
    "secretariat": 200,
    "parent": 200,
    "sibling": 200,
}
# Only the lead agency's officer writes its detailed plan; officer2 does not see it at all.
NOT_THE_LEAD = dict(admin=403, secretariat=403, leader=403, member=403, officer2=404)


def expect(default: int, **overrides: int) -> dict[str, int]:
    """Every role gets `default`, except anonymous users (sent to log in), editors, delegates
    and other congresses' officers (404), and what `overrides` says."""
    table = {role: default for role in ROLES}
    table.update(ALL_INSIDE)
    table.update(overrides)
    return table


def app_matrices() -> list[ModuleType]:
    root = Path(__file__).resolve().parent.parent
    return [
        importlib.import_module(f"daihoi.{path.parent.parent.name}.tests.matrix")
        for path in sorted(root.glob("*/tests/matrix.py"))
    ]
