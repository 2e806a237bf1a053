"""The delegates pages in the permission matrix (see `daihoi/testing/matrix.py`).

The leader's account is the head of the organising subcommittee (Tiểu ban Tổ chức phục vụ), so it
keeps the roster like the secretariat; the member reads names only; agency officers hold no
delegate duty."""

from daihoi.testing.matrix import expect

NO_DUTY = dict(officer=403, officer2=403)

ROWS = {
    "delegates:delegate-list": ("get", expect(200, **NO_DUTY)),
}


def objects(world, base: dict) -> dict:
    return {}
