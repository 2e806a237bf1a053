from django.apps import AppConfig


class LogisticsConfig(AppConfig):
    name = "daihoi.logistics"
    label = "logistics"
    verbose_name = "Hậu cần"
