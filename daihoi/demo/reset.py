"""Removes the demo congresses with everything made in them, so `load_demo --reset` can start
again from today's dates. The order matters: rows that protect others (PROTECT foreign keys) go
first, as each comment says."""

from django.contrib.auth import get_user_model
from django.db import transaction

from daihoi.accounts.models import Role
from daihoi.budget.models import Estimate, Norm, Spending
from daihoi.consultation.models import Consultation
from daihoi.core.models import AuditEntry
from daihoi.documents.models import Document, IncomingDocument
from daihoi.levels import counts as guidance_counts
from daihoi.levels.models import GuidanceTask
from daihoi.logistics.models import ReadinessItem, Stay, Vehicle
from daihoi.meetings.models import Meeting
from daihoi.organizations.models import Congress, Participation
from daihoi.planning import tree_counts
from daihoi.planning.models import Plan, ProgressUpdate, Task
from daihoi.portal.models import PublicConsultation
from daihoi.reporting.models import ReportRequest

from . import data
from .levels_demo import subordinate_ids


def demo_congresses():
    """The demo congresses present in the database, in the order of `data.CONGRESSES`."""
    found = []
    for spec in data.CONGRESSES:
        congress = Congress.objects.filter(
            organization=spec["organization"], ordinal=spec["ordinal"]
        ).first()
        if congress is not None:
            found.append(congress)
    return found


@transaction.atomic
def reset_demo() -> int:
    """Deletes the demo congresses with everything in them (the logins stay). Returns how many."""
    congresses = demo_congresses()
    # The congresses made below the demo's own go first, deepest first.
    ids = subordinate_ids([c.pk for c in congresses]) + [c.pk for c in congresses]
    task_ids = list(Task.objects.filter(congress_id__in=ids).values_list("pk", flat=True))
    # The tasks go by bulk delete, past the writes that keep the totals: what is kept outside
    # the demo (the subtree totals of a congress it was placed under, the open counts of a
    # guidance sent into it from above) is summed again at the end.
    placed_outside = (
        Congress.objects.filter(pk__in=ids).exclude(parent=None).exclude(parent_id__in=ids).exists()
    )
    items_from_outside = set(
        GuidanceTask.objects.filter(task_id__in=task_ids)
        .exclude(item__guidance__congress_id__in=ids)
        .values_list("item_id", flat=True)
    )
    Meeting.objects.filter(congress_id__in=ids).delete()
    # A checklist item protects its agency; a stay its room; a vehicle its agency.
    ReadinessItem.objects.filter(congress_id__in=ids).delete()
    Stay.objects.filter(congress_id__in=ids).delete()
    Vehicle.objects.filter(congress_id__in=ids).delete()
    # A draft opened to the public is protected by its public side: that goes first.
    PublicConsultation.objects.filter(congress_id__in=ids).delete()
    # Its recipients protect the agencies and people they name.
    Consultation.objects.filter(congress_id__in=ids).delete()
    # A submission protects its agency: the requests go before the agencies.
    ReportRequest.objects.filter(congress_id__in=ids).delete()
    # Spending protects the approved lines it was paid against: remove it first.
    Spending.objects.filter(agency__congress_id__in=ids).delete()
    Estimate.objects.filter(congress_id__in=ids).delete()
    Norm.objects.filter(congress_id__in=ids).delete()
    # A document received protects its congress; the tasks given from it only lose the link.
    IncomingDocument.all_objects.filter(congress_id__in=ids).delete()
    Document.objects.filter(congress_id__in=ids, replaces__isnull=False).delete()
    Document.objects.filter(congress_id__in=ids).delete()
    # Delete tasks first: they protect the agencies they are assigned to.
    ProgressUpdate.objects.filter(task_id__in=task_ids).delete()
    Task.objects.filter(pk__in=task_ids).delete()
    Task.history.model.objects.filter(congress_id__in=ids).delete()
    ProgressUpdate.history.model.objects.filter(task_id__in=task_ids).delete()
    Plan.history.model.objects.filter(congress_id__in=ids).delete()
    # The delegates' accounts are the demo's own (made from its rosters): they go with it.
    delegate_users = set(
        Participation.objects.filter(congress_id__in=ids, role=Role.DELEGATE).values_list(
            "user_id", flat=True
        )
    )
    Participation.objects.filter(congress_id__in=ids).delete()
    # The audit trail protects its actors; the demo's trail goes with the demo congresses.
    AuditEntry.objects.filter(congress_id__in=ids).delete()
    # A parent protects the congresses below it: unlink the tree before deleting it.
    Congress.objects.filter(pk__in=ids).update(parent=None)
    Congress.objects.filter(pk__in=ids).delete()
    get_user_model().objects.filter(pk__in=delegate_users).delete()
    if placed_outside:
        tree_counts.rebuild_subtrees()
    guidance_counts.recount(items_from_outside)
    return len(congresses)
