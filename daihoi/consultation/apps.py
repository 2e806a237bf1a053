from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    name = "daihoi.consultation"
    label = "consultation"
    verbose_name = "Lấy ý kiến dự thảo"
