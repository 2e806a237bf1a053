from django.apps import AppConfig


class VotingConfig(AppConfig):
    name = "daihoi.voting"
    label = "voting"
    verbose_name = "Biểu quyết"
