from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the service: health, metrics, request ids, login throttling, backups."""

    name = "daihoi.ops"
    label = "ops"
    verbose_name = "Vận hành"
