from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "daihoi.workspace"
    verbose_name = "Việc hôm nay"
