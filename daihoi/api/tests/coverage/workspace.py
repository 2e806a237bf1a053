"""Hôm nay, Trách nhiệm của tôi."""

from . import C, Target

COVERAGE: dict[str, Target] = {
    "today": (("get", C + "/today/"),),
    "my-duties": (("get", C + "/my-duties/"),),
}
