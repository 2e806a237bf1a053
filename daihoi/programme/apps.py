from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "daihoi.programme"
    label = "programme"
    verbose_name = "Chương trình Đại hội"
