from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("", views.request_list, name="request-list"),
    path("yeu-cau/them/", views.request_create, name="request-create"),
    path("yeu-cau/<int:request_id>/", views.request_detail, name="request-detail"),
    path("yeu-cau/<int:request_id>/excel/", views.request_xlsx, name="request-xlsx"),
    path("yeu-cau/<int:request_id>/mau/", views.request_template, name="request-template"),
    path("nop/<int:submission_id>/", views.submission_detail, name="submission-detail"),
    path("nop/<int:submission_id>/gui/", views.submission_submit, name="submission-submit"),
    path("nop/<int:submission_id>/tra-lai/", views.submission_return, name="submission-return"),
    path("tep/<int:submission_file_id>/", views.submission_file, name="submission-file"),
    path("tong-hop/", views.consolidated, name="consolidated"),
    path("tong-hop/docx/", views.consolidated_docx, name="consolidated-docx"),
    path("tong-hop/excel/", views.consolidated_xlsx, name="consolidated-xlsx"),
    path("nhiem-vu/excel/", views.task_xlsx, name="task-xlsx"),
    path("nhiem-vu/nhap/", views.task_import, name="task-import"),
    path("nhiem-vu/nhap/mau/", views.import_template, name="import-template"),
    path("co-quan/excel/", views.agency_xlsx, name="agency-xlsx"),
    path("danh-gia/", views.scorecard_list, name="scorecards"),
    path("danh-gia/excel/", views.scorecard_xlsx, name="scorecard-xlsx"),
    path("canh-bao/", views.warning_list, name="warnings"),
    path("bieu-do/", views.dashboard_charts, name="dashboard-charts"),
    path("giai-trinh/", views.explanation_list, name="explanation-list"),
    path(
        "giai-trinh/nhiem-vu/<int:task_id>/",
        views.explanation_request,
        name="explanation-request",
    ),
    path(
        "giai-trinh/<int:explanation_id>/tra-loi/",
        views.explanation_answer,
        name="explanation-answer",
    ),
]
