"""Webhooks: the secretariat's subscriptions per congress, the events they hear, and the
signed deliveries the worker makes and retries with backoff.

A delivery is a POST of JSON with the headers `X-Daihoi-Event`, `X-Daihoi-Delivery` and
`X-Daihoi-Signature: sha256=<hex>`, the HMAC-SHA256 of the raw body keyed with the webhook's
secret. A 2xx answer is delivered; anything else (or no answer in `TIMEOUT` seconds) is tried
again after 30 s, 2 min, 8 min, 32 min and about 2 h, then marked failed.
"""

import datetime as dt
import hashlib
import hmac
import json
import secrets
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.organizations.permissions import Access

from .models import Delivery, Event, Webhook, WebhookAction

MAX_ATTEMPTS = 6
FIRST_WAIT_SECONDS = 30
TIMEOUT = 10
ONLY_SECRETARIAT = "Chỉ Thường trực / Văn phòng mới cấu hình webhook."


def access_webhook(access: Access, webhook_id: int) -> Webhook:
    """A webhook of the congress: 404 for a missing one or another congress's."""
    found = Webhook.objects.filter(pk=webhook_id, congress=access.congress).first()
    if found is None:
        raise Http404
    return found


def backoff(attempts: int) -> dt.timedelta:
    """The wait after the `attempts`-th failed try: 30 s, 2 min, 8 min, 32 min, 2 h 8 min."""
    return dt.timedelta(seconds=FIRST_WAIT_SECONDS * 4 ** (attempts - 1))


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


# The secretariat's settings -------------------------------------------------------------------


def _checked(url: str, events: Sequence[str]) -> tuple[str, list[str]]:
    url = url.strip()
    if not url.startswith(("https://", "http://")):
        raise BusinessError("Địa chỉ nhận phải bắt đầu bằng https:// hoặc http://.", field="url")
    chosen = [e for e in Event.values if e in set(events)]
    if not chosen:
        raise BusinessError("Hãy chọn ít nhất một sự kiện.", field="events")
    return url, chosen


@transaction.atomic
def webhook_create(*, access: Access, name: str, url: str, events: Sequence[str]) -> Webhook:
    require(access.can_manage, ONLY_SECRETARIAT)
    url, chosen = _checked(url, events)
    webhook = Webhook.objects.create(
        congress=access.congress,
        name=name.strip(),
        url=url,
        events=chosen,
        secret=secrets.token_urlsafe(32),
        created_by=access.user,
    )
    record(access, WebhookAction.CREATED, webhook, data={"url": url, "events": chosen})
    return webhook


@transaction.atomic
def webhook_update(
    *, access: Access, webhook: Webhook, name: str, url: str, events: Sequence[str], active: bool
) -> Webhook:
    require(access.can_manage and webhook.congress_id == access.congress.pk, ONLY_SECRETARIAT)
    webhook = Webhook.objects.select_for_update().get(pk=webhook.pk)
    url, chosen = _checked(url, events)
    webhook.name, webhook.url, webhook.events, webhook.active = name.strip(), url, chosen, active
    webhook.save()
    record(access, WebhookAction.UPDATED, webhook, data={"url": url, "events": chosen})
    return webhook


@transaction.atomic
def webhook_delete(*, access: Access, webhook: Webhook) -> None:
    require(access.can_manage and webhook.congress_id == access.congress.pk, ONLY_SECRETARIAT)
    record(access, WebhookAction.DELETED, webhook)
    webhook.delete()


# Events ----------------------------------------------------------------------------------------


def emit(congress_id: int, event: Event, key: str, data: dict[str, Any]) -> list[Delivery]:
    """One delivery per active webhook of the congress that listens to `event`, each queued for
    the worker once committed; an event already told to a webhook (same key) is not told again."""
    made = []
    for webhook in Webhook.objects.filter(congress_id=congress_id, active=True):
        if event.value not in webhook.events:
            continue
        try:
            with transaction.atomic():
                delivery = Delivery.objects.create(
                    webhook=webhook,
                    event=event.value,
                    dedupe_key=f"{event.value}:{key}"[:120],
                    payload={},
                )
        except IntegrityError:
            continue
        delivery.payload = {
            "event": event.value,
            "delivery": delivery.pk,
            "congress": congress_id,
            "occurred_at": timezone.now().isoformat(),
            "data": data,
        }
        delivery.save(update_fields=["payload"])
        made.append(delivery)
    for delivery in made:
        _enqueue(delivery.pk, None)
    return made


def _enqueue(delivery_id: int, run_after: dt.datetime | None) -> None:
    from .tasks import deliver_webhook

    job = deliver_webhook.using(run_after=run_after) if run_after else deliver_webhook
    transaction.on_commit(lambda: job.enqueue(delivery_id))


# Delivery (the worker) -------------------------------------------------------------------------


def _post(webhook: Webhook, delivery: Delivery) -> tuple[int | None, str]:
    body = json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":")).encode()
    request = urllib.request.Request(
        webhook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "daihoi-webhook/1",
            "X-Daihoi-Event": delivery.event,
            "X-Daihoi-Delivery": str(delivery.pk),
            "X-Daihoi-Signature": sign(webhook.secret, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError) as error:
        return None, str(getattr(error, "reason", error))[:300]


def delivery_attempt(*, delivery_id: int) -> str:
    """One try of a delivery; on failure the next one is queued after the backoff. A delivery
    already delivered or given up (a job run twice) is left alone."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update().select_related("webhook").filter(pk=delivery_id)
        ).first()
        if delivery is None or delivery.state != Delivery.State.PENDING:
            return "skipped"
        if not delivery.webhook.active:
            delivery.state = Delivery.State.FAILED
            delivery.last_error = "Webhook đã tạm ngừng."
            delivery.save()
            return "failed"
        status, error = _post(delivery.webhook, delivery)
        delivery.attempts += 1
        delivery.last_status = status
        delivery.last_error = error
        if status is not None and 200 <= status < 300:
            delivery.state = Delivery.State.DELIVERED
            delivery.delivered_at = timezone.now()
            delivery.next_attempt_at = None
        elif delivery.attempts >= MAX_ATTEMPTS:
            delivery.state = Delivery.State.FAILED
            delivery.next_attempt_at = None
        else:
            delivery.next_attempt_at = timezone.now() + backoff(delivery.attempts)
            _enqueue(delivery.pk, delivery.next_attempt_at)
        delivery.save()
        return str(delivery.state)


def site_url() -> str:
    return str(settings.SITE_URL)
