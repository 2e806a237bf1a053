from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "daihoi.discussion"
    label = "discussion"
    verbose_name = "Thảo luận tổ"

    def ready(self) -> None:
        from daihoi.delegates.area import DelegateLink, register_delegate_link

        register_delegate_link(
            DelegateLink(
                "discussion:overview",
                "Thảo luận tổ",
                "Dự thảo đang thảo luận; thư ký tổ ghi ý kiến của tổ.",
                order=40,
            )
        )
