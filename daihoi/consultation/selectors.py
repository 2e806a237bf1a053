"""Reads of consultations, already restricted to what the actor may see."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet

from daihoi.organizations.permissions import Access

from . import permissions
from .models import Comment, Consultation, Draft, Recipient

# The list's filter `?cho=gop-y`: only the drafts waiting for the user's answer ("Hôm nay" links
# its count there).
AWAITING = "gop-y"


def awaiting_answer_q(access: Access, today: dt.date) -> Q:
    """Consultations whose open round still waits for the actor's answer, before its deadline."""
    newer = Draft.objects.filter(
        consultation=OuterRef("draft__consultation"), number__gt=OuterRef("draft__number")
    )
    rows = Recipient.objects.filter(
        permissions.recipient_q(access),
        ~Exists(newer),
        answered_at__isnull=True,
        draft__is_final=False,
        draft__deadline__gte=today,
        draft__consultation__status=Consultation.Status.OPEN,
    )
    return Q(pk__in=rows.values("draft__consultation_id"))


def consultations_for(
    access: Access, *, awaiting_on: dt.date | None = None
) -> QuerySet[Consultation]:
    """The list: each consultation with its drafts (numbers, deadlines, answer counts); with
    `awaiting_on`, only those waiting for the actor's answer that day."""
    drafts = Draft.objects.annotate(
        asked=Count("recipients"),
        answered=Count("recipients", filter=Q(recipients__answered_at__isnull=False)),
    ).order_by("number")
    consultations = Consultation.objects.filter(permissions.visible_q(access))
    if awaiting_on is not None:
        consultations = consultations.filter(awaiting_answer_q(access, awaiting_on))
    return (
        consultations.select_related("drafting_agency")
        .prefetch_related(Prefetch("drafts", queryset=drafts))
        .order_by("-created_at", "-id")
    )


def answer_tracking(draft: Draft) -> list[Recipient]:
    """Who was asked, who has answered (when, how many comments) and who has not: those who
    have not come first."""
    rows = (
        Recipient.objects.filter(draft=draft)
        .select_related("agency", "person")
        .annotate(
            comment_count=Count("comments"),
            pending_count=Count(
                "comments", filter=Q(comments__resolution=Comment.Resolution.PENDING)
            ),
        )
    )
    return sorted(rows, key=lambda r: (r.has_answered, r.name))


def comments_visible(access: Access, consultation: Consultation) -> QuerySet[Comment]:
    """Every comment for the drafting side or once the synthesis is shared; else the actor's."""
    comments = Comment.objects.filter(draft__consultation=consultation).select_related(
        "draft", "section", "recipient__agency", "recipient__person", "resolved_by"
    )
    if not permissions.sees_all_comments(access, consultation):
        comments = comments.filter(
            recipient__in=Recipient.objects.filter(permissions.recipient_q(access))
        )
    # "Toàn văn" (no section) first on every database.
    return comments.order_by("draft__number", F("section__position").asc(nulls_first=True), "id")


@dataclass
class DraftSummary:
    draft: Draft
    asked: int
    answered: int
    comments: int


def revision_chain(consultation: Consultation) -> list[DraftSummary]:
    """Draft 1 → draft 2 → … → the adopted text, each with its answers and comments."""
    drafts = consultation.drafts.annotate(
        asked=Count("recipients", distinct=True),
        answered=Count(
            "recipients", filter=Q(recipients__answered_at__isnull=False), distinct=True
        ),
        comment_count=Count("comments", distinct=True),
    ).order_by("number")
    return [DraftSummary(d, d.asked, d.answered, d.comment_count) for d in drafts]
