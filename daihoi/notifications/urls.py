from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("cai-dat/", views.preferences, name="preferences"),
    path("chua-doc/", views.unread_badge, name="unread-badge"),
    path("da-doc-tat-ca/", views.notification_mark_all_read, name="mark-all-read"),
    path("<int:notification_id>/", views.notification_open, name="open"),
    path("<int:notification_id>/da-doc/", views.notification_mark_read, name="mark-read"),
]
