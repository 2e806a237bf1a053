"""Kế hoạch, nhiệm vụ: the dashboard, plans, tasks and their reports, reviews, appraisal and
detailed plans, an agency's inbox and counts, the timelines, the congress's dates."""

from . import C, Target

T = C + "/tasks/{task_id}/"
P = C + "/plans/{plan_id}/"
ITEM = C + "/detailed-items/{item_id}/"

COVERAGE: dict[str, Target] = {
    "dashboard": (("get", C + "/dashboard/"),),
    "congress-schedule": (("post", C + "/schedule/"),),
    "task-list": (("get", C + "/tasks/"),),
    "task-create": (("post", C + "/tasks/"),),
    "task-detail": (("get", T), ("get", T + "progress/"), ("get", T + "history/")),
    "incoming-task": (("post", C + "/incoming/{incoming_id}/task/"),),
    "task-edit": (("get", T), ("put", T)),
    "task-report": (("post", T + "progress/"),),
    "task-review": (("post", T + "review/"),),
    "task-halt": (("post", T + "halt/"),),
    "task-delete": (("delete", T),),
    "appraisal-submit": (("post", T + "appraisal/"),),
    "appraisal-decide": (("get", T + "appraisal/"), ("post", T + "appraisal/decision/")),
    "appraisal-file": (("get", C + "/appraisal-files/{appraisal_file_id}/"),),
    "update-delete": (("delete", C + "/progress/{update_id}/"),),
    "inbox": (("get", C + "/inbox/"),),
    "attachment": (("get", C + "/attachments/{attachment_id}/"),),
    "obstacle-resolve": (
        ("get", C + "/obstacles/"),
        ("post", C + "/obstacles/{update_id}/resolve/"),
    ),
    "plan-list": (("get", C + "/plans/"),),
    "plan-create": (("post", C + "/plans/"),),
    "plan-detail": (("get", P), ("get", C + "/tasks/"), ("get", P + "history/")),
    "plan-edit": (("get", P), ("put", P)),
    "plan-timeline": (("get", P + "timeline/"),),
    "committee-timeline": (("get", C + "/committees/{committee_id}/timeline/"),),
    "plan-delete": (("delete", P),),
    "detailed-list": (("get", C + "/detailed-plans/"),),
    "detailed-plan": (("get", T + "detailed-plan/"),),
    "detailed-item-add": (("post", T + "detailed-plan/items/"),),
    "detailed-submit": (("post", T + "detailed-plan/send/"),),
    "detailed-review": (("post", T + "detailed-plan/review/"),),
    "detailed-item-edit": (("get", ITEM), ("put", ITEM)),
    "detailed-item-progress": (("post", ITEM + "progress/"),),
    "detailed-item-delete": (("delete", ITEM),),
    "agency-list": (("get", C + "/agency-tasks/"),),
    "agency-detail": (("get", C + "/agency-tasks/{agency_id}/"), ("get", C + "/inbox/")),
}
