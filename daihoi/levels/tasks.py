"""Background work of the levels: delivering a guidance and bringing its changes down."""

from django.tasks import task


@task()
def deliver_guidance(send_id: int) -> int:
    from .services.delivery import deliver

    return deliver(send_id)


@task()
def propagate_item(item_id: int) -> int:
    from .services.guidance import propagate

    return propagate(item_id)
