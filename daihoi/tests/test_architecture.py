"""The shape of the code: apps import each other only through public names, downwards."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
# Dependencies point down this list (README "Layout"); an app imports only apps above it.
LAYERS = [
    # extraction is a library of plain Python that imports no other app, so any app may use it
    # (intake for text import, meetings for a conclusion's proposed task).
    ["core", "formats", "extraction"],
    ["accounts"],
    ["organizations"],
    ["documents"],
    ["consultation"],  # drafts for comment: documents' drafts and layout, organizations' people
    ["planning"],
    ["meetings"],
    ["reporting", "budget", "notifications"],
    ["delegates"],  # roster, discussion groups, statistics, badges, check-in
    # the programme and its running script (sessions, items, cues); each session is one of the
    # check-in's sessions, and it says which of the roster's delegates are summoned to it
    ["programme"],
    ["materials"],  # documents for delegates per programme session (watermarked PDFs)
    # the delegate's own area: programme, sessions, documents, and the links other apps register
    ["delegate_area"],
    ["discussion"],  # group discussion: the groups' comments on the drafts, their synthesis
    ["voting"],  # votes on the congress floor: programme sessions, delegates present
    ["ballots"],  # elections by secret paper ballot: two-station entry, the count, the minutes
    ["workspace"],  # "Hôm nay": reads the selectors of planning, meetings and reporting
    ["logistics"],  # lodging, meals, transport, seating, readiness: reads the roster
    ["speeches"],  # registrations to speak and the presidium's board: programme, roster
    ["levels"],  # congresses at every level: schedule, guidance down, reports up, roll-up
    ["propaganda"],  # visual propaganda and press output: agencies, committees
    ["intake"],
    ["portal"],  # the public portal: articles, reader comments, consultation's public side
    ["audit"],
    ["api"],  # the JSON API and webhooks: the other apps' selectors, forms and services
    ["demo"],
    ["ops"],
    ["testing"],  # factories for the tests: may build anything
]
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}
# Plain Python with no Django, so it can be tested and benchmarked alone.
DJANGO_FREE = {"extraction"}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) < 2 or "migrations" in parts:
            continue
        yield path, parts[0], "tests" in parts


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.lineno, node.module, [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "daihoi" or len(parts) < 2:
        return None
    return parts[1]


def test_no_module_imports_a_private_name_from_another_app():
    offences = []
    for path, app, _ in _modules():
        for line, module, names in _imports(path):
            other = _app_of(module)
            if other is None or other == app:
                continue
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            private += [p for p in module.split(".") if p.startswith("_") and p != "__init__"]
            if private:
                offences.append(f"{path.relative_to(PACKAGE)}:{line} {module} {private}")
    assert offences == []


def test_apps_import_only_apps_above_them():
    offences = []
    for path, app, is_test in _modules():
        if app not in RANK or is_test:
            continue
        for line, module, _names in _imports(path):
            other = _app_of(module)
            if other is None or other == app or other not in RANK:
                continue
            if RANK[other] > RANK[app]:
                offences.append(f"{path.relative_to(PACKAGE)}:{line} imports daihoi.{other}")
    assert offences == []


def test_extraction_does_not_import_django():
    offences = []
    for path, app, _ in _modules():
        if app not in DJANGO_FREE:
            continue
        for line, module, _names in _imports(path):
            if module.split(".")[0] == "django" or _app_of(module) not in (None, app):
                offences.append(f"{path.relative_to(PACKAGE)}:{line} {module}")
    assert offences == []


def test_every_app_is_placed_in_a_layer():
    apps = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert apps - {"tests"} <= set(RANK)
