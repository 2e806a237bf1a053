"""The background jobs' queue in the admin (django-tasks-db's own admin, columns in Vietnamese)."""

from typing import Any

from django.contrib import admin
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult


class TaskQueueAdmin(DBTaskResultAdmin):
    list_display = (
        "id",
        "job",
        "status",
        "enqueued_at",
        "started_at",
        "finished_at",
        "priority",
        "queue_name",
    )

    @admin.display(description="công việc", ordering="task_path")
    def job(self, obj: DBTaskResult) -> str:
        return obj.task_name

    @admin.display(description="chi tiết lỗi")
    def formatted_traceback(self, obj: DBTaskResult) -> str:
        return super().formatted_traceback(obj)

    @admin.display(description="chạy sau")
    def display_run_after(self, obj: DBTaskResult) -> Any:
        return super().display_run_after(obj)


admin.site.unregister(DBTaskResult)
admin.site.register(DBTaskResult, TaskQueueAdmin)
