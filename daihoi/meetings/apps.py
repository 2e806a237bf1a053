from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "daihoi.meetings"
    label = "meetings"
    verbose_name = "Cuộc họp"
