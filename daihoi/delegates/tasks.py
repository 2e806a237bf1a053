"""Background work of the delegates app: the badges' PDF."""

from django.tasks import task


@task()
def print_badges(batch_id: int) -> None:
    from .services.badges import batch_run

    batch_run(batch_id)
