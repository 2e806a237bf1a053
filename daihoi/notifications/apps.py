from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "daihoi.notifications"
    label = "notifications"
    verbose_name = "Thông báo, nhắc việc"
