"""Obstacles raised in progress reports, and their resolution by the leaders."""

from django.db import transaction

from daihoi.core.audit import record
from daihoi.core.services import require
from daihoi.organizations.permissions import Access

from ..models import ProgressAction, ProgressUpdate


@transaction.atomic
def obstacle_resolve(*, access: Access, update: ProgressUpdate, note: str = "") -> ProgressUpdate:
    """Locks the update row, then checks the obstacle is still open: of two leaders resolving
    it at once, the second changes and records nothing."""
    require(access.can_accept and update.task.congress_id == access.congress.pk)
    update = ProgressUpdate.objects.select_for_update().get(pk=update.pk)
    if update.obstacle_resolved:
        return update
    update.obstacle_resolved = True
    update.save(update_fields=["obstacle_resolved"])
    record(access, ProgressAction.OBSTACLE_RESOLVED, update, reason=note)
    return update
