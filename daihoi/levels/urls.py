from django.urls import path

from .views import rollup, schedule

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
]
