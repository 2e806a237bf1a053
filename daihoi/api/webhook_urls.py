from django.urls import path

from . import webhook_views

app_name = "webhooks"

urlpatterns = [
    path("", webhook_views.webhook_list, name="webhook-list"),
    path("<int:webhook_id>/", webhook_views.webhook_detail, name="webhook-detail"),
    path("<int:webhook_id>/xoa/", webhook_views.webhook_delete, name="webhook-delete"),
]
