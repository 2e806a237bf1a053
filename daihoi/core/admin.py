"""What every admin page of the project shares."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest


class NoDeleteAdmin(admin.ModelAdmin):
    """The system administrator sees and corrects rows here but deletes nothing.

    Deleting in the application goes through its services: soft deletion to the trash with an
    audit entry (tasks, plans, meetings, documents), merging agencies, removing memberships or
    roles, locking accounts. A delete here would bypass all of that (and cascade: a congress
    takes everything with it, a committee its memberships), so the admin offers none — neither
    the button nor the "delete selected" action."""

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class NoDeleteInline(admin.TabularInline):
    can_delete = False
