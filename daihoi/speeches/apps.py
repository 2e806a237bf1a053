from django.apps import AppConfig


class SpeechesConfig(AppConfig):
    name = "daihoi.speeches"
    label = "speeches"
    verbose_name = "Phát biểu tại Đại hội, điều hành phiên họp"

    def ready(self) -> None:
        from daihoi.delegates.area import DelegateLink, register_delegate_link
        from daihoi.programme.board import BoardPanel, register_board_panel
        from daihoi.voting.selectors import board_context

        # The open vote on the presidium's board (voting sits above this app in the layers).
        register_board_panel(
            BoardPanel(
                "voting",
                "voting/board_slot.html",
                lambda access, session: board_context(access.congress),
                order=10,
            )
        )
        register_delegate_link(
            DelegateLink(
                "speeches:mine",
                "Đăng ký phát biểu",
                "Đăng ký phát biểu tại các phiên, xem thứ tự của mình trong danh sách.",
                order=20,
            )
        )
