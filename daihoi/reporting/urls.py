from django.urls import path

from .views import exports, imports, oversight, requests

app_name = "reporting"

urlpatterns = [
    path("", requests.request_list, name="request-list"),
    path("yeu-cau/them/", requests.request_create, name="request-create"),
    path("yeu-cau/<int:request_id>/", requests.request_detail, name="request-detail"),
    path("yeu-cau/<int:request_id>/excel/", requests.request_xlsx, name="request-xlsx"),
    path("yeu-cau/<int:request_id>/tong-hop/", requests.request_docx, name="request-docx"),
    path("yeu-cau/<int:request_id>/mau/", requests.request_template, name="request-template"),
    path("nop/<int:submission_id>/", requests.submission_detail, name="submission-detail"),
    path("nop/<int:submission_id>/gui/", requests.submission_submit, name="submission-submit"),
    path("nop/<int:submission_id>/tra-lai/", requests.submission_return, name="submission-return"),
    path("tep/<int:submission_file_id>/", requests.submission_file, name="submission-file"),
    path("tong-hop/", exports.consolidated, name="consolidated"),
    path("tong-hop/docx/", exports.consolidated_docx, name="consolidated-docx"),
    path("tong-hop/excel/", exports.consolidated_xlsx, name="consolidated-xlsx"),
    path("nhiem-vu/excel/", exports.task_xlsx, name="task-xlsx"),
    path("nhiem-vu/nhap/", imports.task_import, name="task-import"),
    path("nhiem-vu/nhap/mau/", imports.import_template, name="import-template"),
    path("nhiem-vu/nhap/<int:import_job_id>/", imports.task_import_job, name="task-import-job"),
    path(
        "nhiem-vu/nhap/<int:import_job_id>/tien-do/",
        imports.task_import_progress,
        name="task-import-progress",
    ),
    path(
        "nhiem-vu/nhap/<int:import_job_id>/luu/",
        imports.task_import_confirm,
        name="task-import-confirm",
    ),
    path("co-quan/excel/", exports.agency_xlsx, name="agency-xlsx"),
    path("danh-gia/", oversight.scorecard_list, name="scorecards"),
    path("danh-gia/excel/", oversight.scorecard_xlsx, name="scorecard-xlsx"),
    path("canh-bao/", oversight.warning_list, name="warnings"),
    path("bieu-do/", oversight.dashboard_charts, name="dashboard-charts"),
    path("giai-trinh/", oversight.explanation_list, name="explanation-list"),
    path(
        "giai-trinh/nhiem-vu/<int:task_id>/khoi/",
        oversight.task_explanations,
        name="task-explanations",
    ),
    path(
        "giai-trinh/nhiem-vu/<int:task_id>/",
        oversight.explanation_request,
        name="explanation-request",
    ),
    path(
        "giai-trinh/<int:explanation_id>/tra-loi/",
        oversight.explanation_answer,
        name="explanation-answer",
    ),
]
