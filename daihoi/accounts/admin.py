from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from daihoi.core.admin import NoDeleteAdmin

from .models import Invitation, User


@admin.register(User)
class DaihoiUserAdmin(UserAdmin, NoDeleteAdmin):
    """An account is locked (is_active off), not deleted: its history points at it."""

    fieldsets = (*(UserAdmin.fieldsets or ()), ("Họ và tên đầy đủ", {"fields": ("full_name",)}))
    list_display = ("username", "full_name", "email", "is_superuser", "is_active", "last_login")
    search_fields = ("username", "full_name", "email")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read only: invitations are made and sent from the congress's Accounts page."""

    list_display = ("user", "invited_by", "created_at", "sent_at", "expires_at", "accepted_at")
    search_fields = ("user__username", "user__email", "user__full_name")
    readonly_fields = ("user", "invited_by", "intro", "created_at", "sent_at", "expires_at")
    exclude = ("token_hash",)

    def has_add_permission(self, request, obj=None) -> bool:
        return False
