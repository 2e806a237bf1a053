from django.apps import AppConfig


class LevelsConfig(AppConfig):
    name = "daihoi.levels"
    label = "levels"
    verbose_name = "Đại hội các cấp"
