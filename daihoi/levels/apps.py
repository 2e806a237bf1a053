from django.apps import AppConfig


class LevelsConfig(AppConfig):
    name = "daihoi.levels"
    label = "levels"
    verbose_name = "Đại hội các cấp"

    def ready(self) -> None:
        from daihoi.planning import signals as planning_signals
        from daihoi.reporting import signals as reporting_signals

        from . import counts, notices

        reporting_signals.submission_returned.connect(
            notices.on_submission_returned, dispatch_uid="levels.on_submission_returned"
        )
        # Inside the writers' transactions: the guidance items' tasks still to do.
        planning_signals.tasks_done_changed.connect(
            counts.on_tasks_done_changed, dispatch_uid="levels.on_tasks_done_changed"
        )
        planning_signals.tasks_recounted.connect(
            counts.on_tasks_recounted, dispatch_uid="levels.on_tasks_recounted"
        )
