"""Thùng rác: the congress's deleted records, and restoring one."""

from . import C, Target

COVERAGE: dict[str, Target] = {
    "trash": (("get", C + "/trash/"), ("get", C + "/trash/{kind}/")),
    "restore": (("post", C + "/trash/{kind}/{object_id}/restore/"),),
}
