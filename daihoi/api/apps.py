from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "daihoi.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from . import receivers

        receivers.connect()
