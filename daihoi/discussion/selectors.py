"""Reads of the group discussion: the groups and drafts, one group's comments, and a draft's
synthesis (every group's comments by section, the themes, the counts)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from daihoi.consultation.models import Draft, Resolution, Section
from daihoi.delegates.models import DiscussionGroup, GroupMember
from daihoi.organizations.permissions import Access

from . import permissions
from .models import GroupComment, Theme


def drafts_of(access: Access) -> list[Draft]:
    """The latest draft sent for comment of each open document, newest document first."""
    latest: dict[int, Draft] = {}
    for draft in permissions.discussed_drafts(access).select_related("consultation"):
        kept = latest.get(draft.consultation_id)
        if kept is None or draft.number > kept.number:
            latest[draft.consultation_id] = draft
    return sorted(latest.values(), key=lambda d: (-d.consultation_id, d.pk))


def groups_of(access: Access) -> QuerySet[DiscussionGroup]:
    """The congress's groups with their comment counts and their secretaries' names."""
    return (
        DiscussionGroup.objects.filter(congress=access.congress)
        .annotate(
            comment_count=Count("comments", distinct=True),
            pending_count=Count(
                "comments", filter=Q(comments__resolution=Resolution.PENDING), distinct=True
            ),
        )
        .prefetch_related(
            Prefetch(
                "members",
                queryset=GroupMember.objects.filter(role=GroupMember.Role.SECRETARY).select_related(
                    "delegate"
                ),
                to_attr="secretaries",
            )
        )
        .order_by("order", "name")
    )


def recordable_groups(access: Access) -> QuerySet[DiscussionGroup]:
    if permissions.in_document_committee(access):
        return DiscussionGroup.objects.filter(congress=access.congress).order_by("order", "name")
    return permissions.secretary_groups(access).order_by("order", "name")


def comments_of_group(group: DiscussionGroup, draft: Draft) -> list[GroupComment]:
    return list(
        GroupComment.objects.filter(group=group, draft=draft)
        .select_related("section", "session")
        .order_by("-recorded_at", "-pk")
    )


@dataclass
class SectionBlock:
    section: Section | None
    themes: list[Theme] = field(default_factory=list)
    loose: list[GroupComment] = field(default_factory=list)
    count: int = 0

    @property
    def label(self) -> str:
        return str(self.section) if self.section is not None else "Toàn văn dự thảo"


@dataclass
class Synthesis:
    draft: Draft
    blocks: list[SectionBlock]
    by_group: list[tuple[str, int]]
    totals: dict[str, int]


def synthesis_of(draft: Draft) -> Synthesis:
    """Every group's comments on the draft, section by section (the whole text first), each
    section's themes with their comments, then the comments standing alone; counts per group,
    per section and per resolution. Four queries, whatever the number of comments."""
    comments = list(
        GroupComment.objects.filter(draft=draft)
        .select_related("group", "section", "session")
        .order_by("group__order", "group__name", "pk")
    )
    themes = {t.pk: t for t in Theme.objects.filter(draft=draft).order_by("pk")}
    for theme in themes.values():
        theme.grouped = []  # type: ignore[attr-defined]
    blocks: dict[int | None, SectionBlock] = {None: SectionBlock(None)}
    for section in Section.objects.filter(draft=draft).order_by("position"):
        blocks[section.pk] = SectionBlock(section)
    for theme in themes.values():
        blocks[theme.section_id].themes.append(theme)
    per_group: dict[str, int] = defaultdict(int)
    totals = {r.value: 0 for r in Resolution} | {"all": 0}
    for comment in comments:
        block = blocks[comment.section_id]
        block.count += 1
        if comment.theme_id is not None:
            themes[comment.theme_id].grouped.append(comment)  # type: ignore[attr-defined]
        else:
            block.loose.append(comment)
        per_group[comment.group.name] += 1
        totals[comment.resolution] += 1
        totals["all"] += 1
    groups = DiscussionGroup.objects.filter(congress_id=draft.consultation.congress_id).order_by(
        "order", "name"
    )
    by_group = [(g.name, per_group.get(g.name, 0)) for g in groups]
    return Synthesis(draft, [b for b in blocks.values() if b.count], by_group, totals)
