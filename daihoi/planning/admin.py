from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from daihoi.core.admin import NoDeleteAdmin

from .models import Plan, Task, TaskAssignment


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin, NoDeleteAdmin):
    list_display = ("__str__", "subject", "issued_on", "congress")
    list_filter = ("congress",)
    search_fields = ("subject",)


class AssignmentInline(admin.TabularInline):
    model = TaskAssignment
    fields = ("agency", "role")
    readonly_fields = ("agency", "role")
    extra = 0
    can_delete = False


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin, NoDeleteAdmin):
    # Tasks change only through the application's services (history, assignments, locking).
    list_display = ("title", "lead_agency", "deadline", "accepted", "congress")
    list_filter = ("congress", "area", "phase", "accepted", "cancelled")
    search_fields = ("title", "search_text")
    inlines = [AssignmentInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
