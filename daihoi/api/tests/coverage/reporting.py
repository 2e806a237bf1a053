"""Báo cáo: requests and submissions, the consolidated report, exports, oversight, the import."""

from . import C, Target

R = C + "/report-requests/{request_id}"
S = C + "/submissions/{submission_id}"
JOB = C + "/task-imports/{import_job_id}/"

COVERAGE: dict[str, Target] = {
    # The secretariat's list of requests; an agency's list of what it was asked.
    "request-list": (("get", C + "/report-requests/"),),
    "request-create": (("post", C + "/report-requests/"),),
    "request-detail": (("get", R + "/"), ("get", R + "/submissions/")),
    "request-xlsx": (("get", R + "/xlsx/"),),
    "request-docx": (("get", R + "/docx/"),),
    "request-template": (("get", R + "/template/"),),
    "submission-detail": (("get", S + "/"), ("get", S + "/history/")),
    "submission-submit": (("post", S + "/submit/"),),
    "submission-return": (("post", S + "/return/"),),
    "submission-file": (("get", C + "/submission-files/{submission_file_id}/"),),
    "consolidated": (("get", C + "/consolidated/"),),
    "consolidated-docx": (("get", C + "/consolidated/docx/"),),
    "consolidated-xlsx": (("get", C + "/consolidated/xlsx/"),),
    "task-xlsx": (("get", C + "/exports/tasks/"),),
    "task-import": (("get", C + "/task-imports/"), ("post", C + "/task-imports/")),
    "import-template": (("get", C + "/task-import-template/"),),
    "task-import-job": (("get", JOB),),
    # The page polls a fragment; the job's own state, done and total say the same.
    "task-import-progress": (("get", JOB),),
    "task-import-confirm": (("post", JOB + "confirm/"),),
    "agency-xlsx": (("get", C + "/exports/agencies/"),),
    "scorecards": (("get", C + "/scorecards/"),),
    "scorecard-xlsx": (("get", C + "/exports/scorecards/"),),
    "warnings": (("get", C + "/warnings/"),),
    "dashboard-charts": (("get", C + "/dashboard/charts/"),),
    "explanation-list": (("get", C + "/explanations/"),),
    "task-explanations": (("get", C + "/tasks/{task_id}/explanations/"),),
    "explanation-request": (("post", C + "/tasks/{task_id}/explanations/"),),
    "explanation-answer": (("post", C + "/explanations/{explanation_id}/answer/"),),
}
