"""The delegate's own area in the permission matrix (see `daihoi/testing/matrix.py`): its
pages answer the congress's delegate only; every other role, the administrator included,
meets 404 (the area is a person's own, not a page of the congress)."""

from daihoi.testing.matrix import ROLES

ONLY_THE_DELEGATE = {r: 404 for r in ROLES} | {"anonymous": 302, "delegate": 200}

ROWS = {
    "delegate_area:home": ("get", ONLY_THE_DELEGATE),
}


def objects(world, base: dict) -> dict:
    return {}
