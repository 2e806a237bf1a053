from django.apps import AppConfig


class BallotsConfig(AppConfig):
    name = "daihoi.ballots"
    verbose_name = "Kiểm phiếu"
