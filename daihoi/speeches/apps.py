from django.apps import AppConfig


class SpeechesConfig(AppConfig):
    name = "daihoi.speeches"
    label = "speeches"
    verbose_name = "Phát biểu tại Đại hội, điều hành phiên họp"
