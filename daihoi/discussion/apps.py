from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "daihoi.discussion"
    label = "discussion"
    verbose_name = "Thảo luận tổ"
