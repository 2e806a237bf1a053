"""Merging a duplicate agency into the one that stays: every row that points at the duplicate
points at the kept agency afterwards, then the duplicate is deleted.

`MERGED_RELATIONS` names every relation to `Agency` and what a merge does with it;
`organizations/tests/test_agency_merge.py` fails when a model gains a foreign key to `Agency`
that is not listed here, so a new relation is never forgotten. What each policy means:

- MOVE: the rows simply point at the kept agency.
- DROP: the kept agency already has the same row (the same meeting invitation, the same
  recipient, the same group): the duplicate's copy goes.
- REFUSE: both agencies have a row that may exist only once (two answers to the same report
  request, two budget estimates, numbers from the same register): the merge is refused and says
  which; the secretariat settles it first.
- ASSIGNMENT: a task given to both keeps one assignment row, the lead one if either led it.
- PARENT: the duplicate's sub-agencies move under the kept agency, with no cycle.
"""

from collections import Counter

from django.db import models, transaction
from django.db.models import Q, UniqueConstraint

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require

from ..models import Agency, AgencyAction
from ..permissions import Access
from ..signals import agencies_merged
from .agencies import MANAGERS_ONLY

MOVE, DROP, REFUSE, ASSIGNMENT, PARENT = "move", "drop", "refuse", "assignment", "parent"

# "app_label.Model.field": (policy, what the rows are, for messages).
MERGED_RELATIONS: dict[str, tuple[str, str]] = {
    "organizations.Agency.parent": (PARENT, "cơ quan trực thuộc"),
    "organizations.Person.agency": (MOVE, "cán bộ"),
    "organizations.Participation.agency": (MOVE, "tài khoản đầu mối"),
    "organizations.AgencyGroup_agencies.agency": (DROP, "nhóm cơ quan"),
    "organizations.Agency_focal_people.agency": (DROP, "cán bộ đầu mối"),
    "organizations.Membership_supervised_agencies.agency": (DROP, "thành viên tiểu ban theo dõi"),
    "documents.Document.issuer": (REFUSE, "văn bản cùng số"),
    "documents.HistoricalDocument.issuer": (MOVE, "lịch sử văn bản"),
    "documents.Document_recipient_agencies.agency": (DROP, "nơi nhận văn bản"),
    "documents.NumberSequence.issuer": (REFUSE, "sổ đăng ký văn bản cùng loại, cùng năm"),
    "documents.IncomingDocument.issuer_agency": (MOVE, "văn bản đến"),
    "documents.HistoricalIncomingDocument.issuer_agency": (MOVE, "lịch sử văn bản đến"),
    "documents.IncomingDocument_handling_agencies.agency": (DROP, "văn bản đến giao xử lý"),
    "planning.Plan.issuer": (MOVE, "kế hoạch"),
    "planning.HistoricalPlan.issuer": (MOVE, "lịch sử kế hoạch"),
    "planning.Task.lead_agency": (MOVE, "nhiệm vụ chủ trì"),
    "planning.HistoricalTask.lead_agency": (MOVE, "lịch sử nhiệm vụ"),
    "planning.TaskAssignment.agency": (ASSIGNMENT, "phân công nhiệm vụ"),
    # Derived counts: recounted by planning on `agencies_merged`.
    "planning.TaskCount.lead_agency": (DROP, "số liệu tổng hợp nhiệm vụ"),
    "planning.ProgressUpdate.agency": (MOVE, "báo cáo tiến độ"),
    "planning.AppraisalRound.appraiser": (MOVE, "vòng thẩm định"),
    "planning.HistoricalProgressUpdate.agency": (MOVE, "lịch sử báo cáo tiến độ"),
    "meetings.Meeting_invited_agencies.agency": (DROP, "giấy mời họp"),
    "meetings.HistoricalMeeting_invited_agencies.agency": (MOVE, "lịch sử giấy mời họp"),
    "meetings.AgencyAttendance.agency": (DROP, "điểm danh cuộc họp"),
    "reporting.ReportSubmission.agency": (REFUSE, "báo cáo gửi theo cùng một yêu cầu"),
    "reporting.HistoricalReportSubmission.agency": (MOVE, "lịch sử báo cáo gửi"),
    "reporting.Explanation.agency": (MOVE, "yêu cầu giải trình"),
    "reporting.HistoricalExplanation.agency": (MOVE, "lịch sử giải trình"),
    "budget.Estimate.agency": (REFUSE, "dự trù kinh phí"),
    "budget.HistoricalEstimate.agency": (MOVE, "lịch sử dự trù kinh phí"),
    "budget.Spending.agency": (MOVE, "khoản chi"),
    "budget.HistoricalSpending.agency": (MOVE, "lịch sử khoản chi"),
    "consultation.Consultation.drafting_agency": (MOVE, "dự thảo lấy ý kiến"),
    "consultation.Recipient.agency": (REFUSE, "lượt được hỏi ý kiến cùng một dự thảo"),
    "logistics.ReadinessItem.agency": (MOVE, "mục chuẩn bị phục vụ"),
    "logistics.Vehicle.agency": (MOVE, "xe phục vụ đại biểu"),
    "propaganda.VisualItem.agency": (MOVE, "hạng mục tuyên truyền trực quan"),
    "propaganda.ArtEvent.agency": (MOVE, "triển lãm, chương trình nghệ thuật"),
}


def agency_relations() -> list[models.ForeignObjectRel]:
    """Every relation pointing at Agency (hidden ones and many-to-many tables included), through
    its foreign key: a many-to-many is reached through its table's key."""
    return [
        rel
        for rel in Agency._meta.get_fields(include_hidden=True)
        if isinstance(rel, models.ForeignObjectRel) and not rel.many_to_many
    ]


def relation_label(rel: models.ForeignObjectRel) -> str:
    return f"{rel.related_model._meta.label}.{rel.field.name}"


def _column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field.attname


def _unique_sets(model: type[models.Model], name: str) -> list[tuple[list[str], Q | None]]:
    """The other columns of each unique rule that includes `name`, with its condition."""
    sets: list[tuple[list[str], Q | None]] = []
    for constraint in model._meta.constraints:
        if isinstance(constraint, UniqueConstraint) and name in constraint.fields:
            others = [_column(model, f) for f in constraint.fields if f != name]
            sets.append((others, constraint.condition))
    for together in model._meta.unique_together:
        if name in together:
            sets.append(([_column(model, f) for f in together if f != name], None))
    return sets


def _clashes(rel: models.ForeignObjectRel, source: Agency, target: Agency) -> list[int]:
    """The duplicate's rows that would break a unique rule once moved to the kept agency."""
    model, name = rel.related_model, rel.field.name
    rows = model._base_manager.all()
    found: list[int] = []
    for others, condition in _unique_sets(model, name):
        scoped = rows.filter(condition) if condition is not None else rows
        taken = set(scoped.filter(**{name: target}).values_list(*others))
        for pk, *values in scoped.filter(**{name: source}).values_list("pk", *others):
            if tuple(values) in taken:
                found.append(pk)
    return found


def _merge_assignments(rel: models.ForeignObjectRel, source: Agency, target: Agency) -> int:
    model = rel.related_model
    clashing = model._base_manager.filter(pk__in=_clashes(rel, source, target))
    lead = model.Role.LEAD  # type: ignore[attr-defined]
    led = list(clashing.filter(role=lead).values_list("task_id", flat=True))
    model._base_manager.filter(agency=target, task_id__in=led).update(role=lead)
    dropped, _ = clashing.delete()
    return dropped


def _merge_parent(source: Agency, target: Agency) -> int:
    """Sub-agencies of the duplicate go under the kept agency; when the kept one sits below the
    duplicate, it first takes the duplicate's own parent, so no agency becomes its own ancestor."""
    ancestor = target.parent
    while ancestor is not None:
        if ancestor.pk == source.pk:
            target.parent_id = source.parent_id
            target.save(update_fields=["parent"])
            break
        ancestor = ancestor.parent
    return Agency.objects.filter(parent=source).exclude(pk=target.pk).update(parent=target)


@transaction.atomic
def agency_merge(*, access: Access, source: Agency, target: Agency) -> Agency:
    """Merges `source` (the duplicate) into `target` (kept), in the same congress."""
    require(access.can_manage, MANAGERS_ONLY)
    if source.pk == target.pk:
        raise BusinessError("Không thể gộp một cơ quan vào chính nó.", field="target")
    if source.congress_id != target.congress_id or source.congress_id != access.congress.pk:
        raise BusinessError(
            "Chỉ gộp được hai cơ quan, đơn vị của cùng một Đại hội.", field="target"
        )
    locked = {
        a.pk: a
        for a in Agency.objects.select_for_update()
        .filter(pk__in=[source.pk, target.pk])
        .order_by("pk")
    }
    source, target = locked[source.pk], locked[target.pk]
    refused = []
    for rel in agency_relations():
        policy, what = MERGED_RELATIONS.get(relation_label(rel), (REFUSE, relation_label(rel)))
        if policy == REFUSE and _clashes(rel, source, target):
            refused.append(what)
    if refused:
        raise BusinessError(
            f"Chưa gộp được: cả “{source.name}” và “{target.name}” đều có "
            f"{', '.join(refused)}. Hãy xử lý các mục trùng này trước khi gộp."
        )
    moved: Counter[str] = Counter()
    for rel in agency_relations():
        label = relation_label(rel)
        policy, _ = MERGED_RELATIONS.get(label, (REFUSE, label))
        if policy == PARENT:
            moved[label] += _merge_parent(source, target)
            continue
        if policy == ASSIGNMENT:
            _merge_assignments(rel, source, target)
        elif policy == DROP:
            rel.related_model._base_manager.filter(pk__in=_clashes(rel, source, target)).delete()
        name = rel.field.name
        moved[label] += rel.related_model._base_manager.filter(**{name: source}).update(
            **{name: target}
        )
    for name in ("short_name", "code"):
        if not getattr(target, name):
            setattr(target, name, getattr(source, name))
    target.is_finance = target.is_finance or source.is_finance
    target.is_issuer = target.is_issuer or source.is_issuer
    if target.committee_id is None and source.committee_id is not None:
        committee_id = source.committee_id
        source.committee = None
        source.save(update_fields=["committee"])
        target.committee_id = committee_id
    target.save()
    merged_name, merged_id = source.name, source.pk
    source.delete()
    agencies_merged.send(
        sender=Agency, congress_id=target.congress_id, source_id=merged_id, target_id=target.pk
    )
    record(
        access,
        AgencyAction.MERGED,
        target,
        data={"merged": merged_name, "merged_id": merged_id, "moved": dict(+moved)},
        changes=[["Gộp từ", merged_name, target.name]],
    )
    return target
