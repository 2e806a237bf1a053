from django.apps import AppConfig


class PropagandaConfig(AppConfig):
    name = "daihoi.propaganda"
    label = "propaganda"
    verbose_name = "Tuyên truyền"
