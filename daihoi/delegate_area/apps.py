from django.apps import AppConfig


class DelegateAreaConfig(AppConfig):
    name = "daihoi.delegate_area"
    label = "delegate_area"
    verbose_name = "Trang của đại biểu"
