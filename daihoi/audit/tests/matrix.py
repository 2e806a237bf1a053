"""The trash in the permission matrix (see `daihoi/testing/matrix.py`). Its pages' rows are the
shared matrix's (`audit:trash`, `audit:restore`, on the matrix's plan in the trash); the API
lists the trash one kind at a time, named in the URL."""

ROWS: dict[str, tuple[str, dict[str, int]]] = {}

KWARG_KEYS = [["congress_id", "kind"]]


def objects(world, base: dict) -> dict:
    return {}
