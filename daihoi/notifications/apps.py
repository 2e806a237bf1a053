from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "daihoi.notifications"
    label = "notifications"
    verbose_name = "Thông báo, nhắc việc"

    def ready(self) -> None:
        from . import receivers

        receivers.connect()
