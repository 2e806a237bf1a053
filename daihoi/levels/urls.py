from django.urls import path

from .views import guidance, reports, rollup, schedule

app_name = "levels"

urlpatterns = [
    path("", schedule.schedule, name="schedule"),
    path("them/", schedule.subordinate_create, name="subordinate-create"),
    path("<int:child_id>/lich/", schedule.schedule_edit, name="schedule-edit"),
    path("han/", schedule.deadline_set, name="deadline-set"),
    path("han/<int:deadline_id>/xoa/", schedule.deadline_remove, name="deadline-remove"),
    path("cap-tren/", schedule.parent_set, name="parent-set"),
    path("tong-hop/", rollup.rollup_page, name="rollup"),
    path("tong-hop.xlsx", rollup.rollup_xlsx, name="rollup-xlsx"),
    path("xem/", rollup.descendant_dashboard, name="descendant"),
    path("huong-dan/", guidance.guidance_list, name="guidance-list"),
    path("huong-dan/them/", guidance.guidance_create, name="guidance-create"),
    path("huong-dan/<int:guidance_id>/", guidance.guidance_detail, name="guidance-detail"),
    path("huong-dan/<int:guidance_id>/nhiem-vu/", guidance.item_add, name="item-add"),
    path(
        "huong-dan/<int:guidance_id>/nhiem-vu/<int:guidance_item_id>/",
        guidance.item_edit,
        name="item-edit",
    ),
    path("huong-dan/<int:guidance_id>/gui/", guidance.guidance_send, name="guidance-send"),
    path(
        "huong-dan/<int:guidance_id>/gui/<int:send_id>/",
        guidance.send_progress,
        name="send-progress",
    ),
    path("da-nhan/<int:recipient_id>/", guidance.received_detail, name="received-detail"),
    path("bao-cao/them/", reports.report_create, name="report-create"),
    path("bao-cao/cap-tren/", reports.reports_received, name="reports-received"),
    path(
        "bao-cao/cap-tren/<int:report_recipient_id>/",
        reports.report_received,
        name="report-received",
    ),
]
