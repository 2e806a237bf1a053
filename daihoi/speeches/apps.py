from django.apps import AppConfig


class SpeechesConfig(AppConfig):
    name = "daihoi.speeches"
    label = "speeches"
    verbose_name = "Phát biểu tại Đại hội, điều hành phiên họp"

    def ready(self) -> None:
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
