from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "daihoi.reporting"
    label = "reporting"
    verbose_name = "Báo cáo, giám sát"
