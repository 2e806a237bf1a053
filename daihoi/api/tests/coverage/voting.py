"""Biểu quyết: nội dung của Đoàn Chủ tịch, số đã biểu quyết, kết quả; phiếu của đại biểu."""

from . import C, Target

M = C + "/motions/{motion_id}"

COVERAGE: dict[str, Target] = {
    "motion-list": (("get", C + "/motions/"),),
    "motion-create": (("post", C + "/motions/"),),
    "motion-detail": (("get", M + "/"),),
    "motion-edit": (("put", M + "/"),),
    "motion-live": (("get", M + "/live/"),),
    "motion-open": (("post", M + "/open/"),),
    "motion-close": (("post", M + "/close/"),),
    "motion-delete": (("delete", M + "/"),),
    "my-votes": (("get", C + "/my-votes/"),),
    "ballot": (("get", C + "/my-votes/{motion_id}/"), ("post", C + "/my-votes/{motion_id}/")),
}
