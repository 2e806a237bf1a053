"""Tài liệu Đại hội: the keepers' list and buttons, each reader's stamped PDF, and a delegate's
own documents."""

from . import C, Target

M = C + "/materials/{material_id}"

COVERAGE: dict[str, Target] = {
    "list": (("get", C + "/materials/"), ("get", M + "/")),
    "upload": (("post", C + "/materials/"),),
    "move": (("post", M + "/move/"),),
    "withdraw": (("post", M + "/withdraw/"),),
    "convert": (("post", M + "/convert/"),),
    "pdf": (("get", M + "/pdf/"),),
    "my-list": (("get", C + "/my-materials/"),),
    "my-pdf": (("get", C + "/my-materials/{material_id}/pdf/"),),
}
