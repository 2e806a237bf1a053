"""Badges: printed by the background worker for all delegates or one delegation (or one
delegate); printing issues new tokens and revokes the badges they replace, in one transaction
with the finished PDF, so a failed job revokes nothing."""

import secrets

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.organizations.permissions import Access

from ..badge_pdf import BadgeFace, render_badges
from ..models import Badge, BadgeBatch, CheckInAction, Delegate, Delegation, token_hash
from ..permissions import ONLY_ROSTER_KEEPERS, can_keep_roster, roster_rights

PROGRESS_EVERY = 25


def badges_print(
    *, access: Access, delegation: Delegation | None = None, delegate: Delegate | None = None
) -> BadgeBatch:
    """Queues a printing; the worker makes the PDF (`tasks.print_badges`)."""
    from ..tasks import print_badges

    require(can_keep_roster(roster_rights(access)), ONLY_ROSTER_KEEPERS)
    require_same_congress(access.congress, delegation, delegate)
    with transaction.atomic():
        scope = _scope(access.congress.pk, delegation, delegate)
        total = scope.count()
        if total == 0:
            raise BusinessError("Không có đại biểu nào để in thẻ.")
        batch = BadgeBatch.objects.create(
            congress=access.congress,
            delegation=delegation,
            delegate=delegate,
            total=total,
            created_by=access.user,
        )
        record(
            access,
            CheckInAction.BADGES_PRINTED,
            batch,
            data={
                "delegation": delegation.name if delegation else "",
                "delegate": delegate.full_name if delegate else "",
                "count": total,
            },
        )
        transaction.on_commit(lambda: print_badges.enqueue(batch.pk))
    return batch


def _scope(congress_id: int, delegation: Delegation | None, delegate: Delegate | None):
    rows = Delegate.objects.filter(congress_id=congress_id, is_active=True)
    if delegate is not None:
        rows = rows.filter(pk=delegate.pk)
    elif delegation is not None:
        rows = rows.filter(delegation=delegation)
    return rows.select_related("delegation").order_by(
        "delegation__order", "delegation__name", "name_key", "pk"
    )


def batch_run(batch_id: int) -> None:
    """The worker's part: renders every badge with a fresh token, then in one transaction
    revokes the delegates' badges in force, stores the new ones and the PDF."""
    batch = BadgeBatch.objects.select_related("congress", "delegation", "delegate").get(pk=batch_id)
    if batch.state == BadgeBatch.State.DONE:
        return
    BadgeBatch.objects.filter(pk=batch.pk).update(state=BadgeBatch.State.RUNNING)
    delegates = list(_scope(batch.congress_id, batch.delegation, batch.delegate))
    tokens = {d.pk: secrets.token_urlsafe(18) for d in delegates}

    def faces():
        for d in delegates:
            photo = None
            if d.photo:
                try:
                    with d.photo.open("rb") as handle:
                        photo = handle.read()
                except OSError:
                    photo = None
            yield BadgeFace(
                token=tokens[d.pk],
                full_name=d.full_name,
                kind=d.kind,
                position=d.position,
                delegation=d.delegation.name,
                photo=photo,
            )

    def progress(n: int) -> None:
        if n % PROGRESS_EVERY == 0 or n == len(delegates):
            BadgeBatch.objects.filter(pk=batch.pk).update(done=n)

    try:
        pdf = render_badges(faces(), batch.congress.full_title, progress)
    except Exception as error:
        BadgeBatch.objects.filter(pk=batch.pk).update(
            state=BadgeBatch.State.FAILED, error=str(error)[:500]
        )
        raise
    with transaction.atomic():
        now = timezone.now()
        Badge.objects.filter(delegate_id__in=tokens, revoked_at__isnull=True).update(revoked_at=now)
        Badge.objects.bulk_create(
            [
                Badge(
                    congress_id=batch.congress_id,
                    delegate_id=pk,
                    token_hash=token_hash(t),
                    batch=batch,
                )
                for pk, t in tokens.items()
            ],
            batch_size=500,
        )
        batch.pdf.save(f"the-dai-bieu-{batch.pk}.pdf", ContentFile(pdf), save=False)
        batch.state = BadgeBatch.State.DONE
        batch.done = len(delegates)
        batch.total = len(delegates)
        batch.finished_at = now
        batch.save(update_fields=["pdf", "state", "done", "total", "finished_at"])
