from django.apps import AppConfig


class LevelsConfig(AppConfig):
    name = "daihoi.levels"
    label = "levels"
    verbose_name = "Đại hội các cấp"

    def ready(self) -> None:
        from daihoi.reporting import signals as reporting_signals

        from . import notices

        reporting_signals.submission_returned.connect(
            notices.on_submission_returned, dispatch_uid="levels.on_submission_returned"
        )
