from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "daihoi.planning"
    label = "planning"
    verbose_name = "Kế hoạch, nhiệm vụ"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from daihoi.organizations.models import Congress
        from daihoi.organizations.signals import agencies_merged

        agencies_merged.connect(_recount_after_merge, dispatch_uid="planning-summary-merge")
        post_save.connect(_count_new_congress, sender=Congress, dispatch_uid="planning-summary")
        from daihoi.organizations.models import Agency, Committee

        from .models import Plan

        for model in (Agency, Plan, Committee, Congress):
            for signal in (post_save, post_delete):
                signal.connect(
                    _drop_options, sender=model, dispatch_uid=f"options-{model.__name__}"
                )


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


def _drop_options(sender: object, *, instance: object, **kwargs: object) -> None:
    """The task filters' options of the congress (`forms.filter_options`) are out of date."""
    from .forms import drop_filter_options

    congress_id = getattr(instance, "congress_id", None) or getattr(instance, "pk", None)
    if congress_id is not None:
        drop_filter_options(congress_id)
