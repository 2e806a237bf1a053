from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "daihoi.intake"
    label = "intake"
    verbose_name = "Nhập từ văn bản"
