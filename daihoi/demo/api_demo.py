"""The API in the demo: Kon Tum's Văn phòng has set up a webhook for the province's e-office
system, paused until that system is ready to receive. (API tokens are each user's own: a demo
user makes one under "Khóa API".) Idempotent: the webhook is looked up by its name."""

from typing import TYPE_CHECKING

from daihoi.api import webhooks
from daihoi.api.models import Event, Webhook

if TYPE_CHECKING:
    from .loader import _CongressLoader

WEBHOOK_NAME = "Hệ thống quản lý văn bản và điều hành tỉnh Kon Tum"


def load_api(loader: "_CongressLoader") -> int:
    if loader.spec["key"] != "kontum":
        return 0
    created = 0
    if not Webhook.objects.filter(congress=loader.congress, name=WEBHOOK_NAME).exists():
        hook = webhooks.webhook_create(
            access=loader.secretariat,
            name=WEBHOOK_NAME,
            url="https://vbdh.kontum.example/daihoi/su-kien",
            events=[Event.TASK_ASSIGNED, Event.TASK_ACCEPTED, Event.DOCUMENT_ISSUED],
        )
        webhooks.webhook_update(
            access=loader.secretariat,
            webhook=hook,
            name=hook.name,
            url=hook.url,
            events=hook.events,
            active=False,
        )
        created += 1
    return created
