"""Trang của đại biểu: the delegate's own area."""

from . import C, Target

COVERAGE: dict[str, Target] = {
    "home": (("get", C + "/my-delegate-area/"),),
}
