from django.apps import AppConfig


class VotingConfig(AppConfig):
    name = "daihoi.voting"
    label = "voting"
    verbose_name = "Biểu quyết"

    def ready(self) -> None:
        from daihoi.delegates.area import DelegateLink, register_delegate_link

        register_delegate_link(
            DelegateLink(
                "voting:my-votes",
                "Biểu quyết",
                "Biểu quyết khi Đoàn Chủ tịch mở; xem kết quả đã công bố.",
                order=30,
            )
        )
