from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "daihoi.portal"
    verbose_name = "Cổng thông tin Đại hội"
