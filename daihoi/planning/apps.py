from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "daihoi.planning"
    label = "planning"
    verbose_name = "Kế hoạch, nhiệm vụ"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from daihoi.organizations.models import Congress
        from daihoi.organizations.signals import agencies_merged

        agencies_merged.connect(_recount_after_merge, dispatch_uid="planning-summary-merge")
        post_save.connect(_count_new_congress, sender=Congress, dispatch_uid="planning-summary")


def _recount_after_merge(sender: object, *, congress_id: int, **kwargs: object) -> None:
    """A merge moved tasks between lead agencies with one UPDATE: count the congress again."""
    from . import summary

    summary.rebuild(congress_id)


def _count_new_congress(
    sender: object, *, instance: object, created: bool, **kwargs: object
) -> None:
    from . import summary

    if created and not kwargs.get("raw"):
        summary.start_counting(instance.pk)  # type: ignore[attr-defined]
