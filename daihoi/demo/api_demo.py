"""The API in the demo: Kon Tum's Văn phòng has a read-only API token for its document system
(the token itself is printed once, by the run that makes it) and a webhook set up for the
province's e-office system, paused until that system is ready to receive. Idempotent: each is
looked up by its name."""

from typing import TYPE_CHECKING

from daihoi.api import services as api_services
from daihoi.api import webhooks
from daihoi.api.models import ApiToken, Event, Scope, Webhook

if TYPE_CHECKING:
    from .loader import _CongressLoader

TOKEN_NAME = "Hệ thống quản lý văn bản và điều hành tỉnh (thử)"
WEBHOOK_NAME = "Hệ thống quản lý văn bản và điều hành tỉnh Kon Tum"


def load_api(loader: "_CongressLoader") -> int:
    if loader.spec["key"] != "kontum":
        return 0
    created = 0
    user = loader.secretariat.user
    if not ApiToken.objects.filter(user=user, name=TOKEN_NAME).exists():
        _, raw = api_services.token_create(user=user, name=TOKEN_NAME, scope=Scope.READ, days=90)
        loader.result.notes.append(
            f"Khóa API mẫu (chỉ đọc) của {user.username}, chỉ hiện lần này: {raw}"
        )
        created += 1
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
