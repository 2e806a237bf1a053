from django.urls import path

from . import detailed_views, views

app_name = "planning"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("lich/", views.congress_schedule, name="congress-schedule"),
    path("nhiem-vu/", views.task_list, name="task-list"),
    path("nhiem-vu/them/", views.task_create, name="task-create"),
    path("nhiem-vu/<int:task_id>/", views.task_detail, name="task-detail"),
    path(
        "van-ban-den/<int:incoming_id>/giao-nhiem-vu/",
        views.incoming_task_create,
        name="incoming-task",
    ),
    path("nhiem-vu/<int:task_id>/sua/", views.task_edit, name="task-edit"),
    path("nhiem-vu/<int:task_id>/bao-cao/", views.task_report, name="task-report"),
    path("nhiem-vu/<int:task_id>/xac-nhan/", views.task_review, name="task-review"),
    path("nhiem-vu/<int:task_id>/trang-thai/", views.task_halt, name="task-halt"),
    path("nhiem-vu/<int:task_id>/xoa/", views.task_delete, name="task-delete"),
    path("nhiem-vu/<int:task_id>/tham-dinh/gui/", views.appraisal_submit, name="appraisal-submit"),
    path(
        "nhiem-vu/<int:task_id>/tham-dinh/y-kien/", views.appraisal_decide, name="appraisal-decide"
    ),
    path("tep-tham-dinh/<int:appraisal_file_id>/", views.appraisal_file, name="appraisal-file"),
    path("bao-cao-tien-do/<int:update_id>/xoa/", views.update_delete, name="update-delete"),
    path("don-vi-cua-toi/", views.agency_inbox, name="inbox"),
    path("tep/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path("vuong-mac/<int:update_id>/thao-go/", views.obstacle_resolve, name="obstacle-resolve"),
    path("ke-hoach/", views.plan_list, name="plan-list"),
    path("ke-hoach/them/", views.plan_form, name="plan-create"),
    path("ke-hoach/<int:plan_id>/", views.plan_detail, name="plan-detail"),
    path("ke-hoach/<int:plan_id>/sua/", views.plan_form, name="plan-edit"),
    path("ke-hoach/<int:plan_id>/dong-thoi-gian/", views.plan_timeline, name="plan-timeline"),
    path(
        "tieu-ban/<int:committee_id>/dong-thoi-gian/",
        views.committee_timeline,
        name="committee-timeline",
    ),
    path("ke-hoach/<int:plan_id>/xoa/", views.plan_delete, name="plan-delete"),
    path("ke-hoach-chi-tiet/", detailed_views.detailed_list, name="detailed-list"),
    path(
        "nhiem-vu/<int:task_id>/ke-hoach-chi-tiet/",
        detailed_views.detailed_plan,
        name="detailed-plan",
    ),
    path(
        "nhiem-vu/<int:task_id>/ke-hoach-chi-tiet/them-cong-viec/",
        detailed_views.detailed_item_add,
        name="detailed-item-add",
    ),
    path(
        "nhiem-vu/<int:task_id>/ke-hoach-chi-tiet/gui/",
        detailed_views.detailed_submit,
        name="detailed-submit",
    ),
    path(
        "nhiem-vu/<int:task_id>/ke-hoach-chi-tiet/xet-duyet/",
        detailed_views.detailed_review,
        name="detailed-review",
    ),
    path(
        "ke-hoach-chi-tiet/cong-viec/<int:item_id>/sua/",
        detailed_views.detailed_item_edit,
        name="detailed-item-edit",
    ),
    path(
        "ke-hoach-chi-tiet/cong-viec/<int:item_id>/tien-do/",
        detailed_views.detailed_item_progress,
        name="detailed-item-progress",
    ),
    path(
        "ke-hoach-chi-tiet/cong-viec/<int:item_id>/xoa/",
        detailed_views.detailed_item_delete,
        name="detailed-item-delete",
    ),
    path("co-quan/", views.agency_list, name="agency-list"),
    path("co-quan/<int:agency_id>/", views.agency_detail, name="agency-detail"),
]
