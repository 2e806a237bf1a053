from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class DaihoiUserAdmin(UserAdmin):
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Daihoi", {"fields": ("full_name",)}))
    list_display = ("username", "full_name", "email", "is_superuser", "is_active")
