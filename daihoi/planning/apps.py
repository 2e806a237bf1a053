from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "daihoi.planning"
    label = "planning"
    verbose_name = "Kế hoạch, nhiệm vụ"
