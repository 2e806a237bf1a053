"""Reads of the portal: the public's (published only) and the staff's (their congress only)."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from daihoi.consultation.models import Draft, Section
from daihoi.organizations.permissions import Access

from .models import (
    Article,
    Category,
    Kind,
    Moderation,
    PublicComment,
    PublicConsultation,
    ReaderComment,
    Sender,
    Submission,
    Theme,
)

LIST_COLUMNS = ("id", "congress_id", "kind", "title", "summary", "image", "image_alt")


def public_articles(congress_id: int, kind: str | None = None) -> QuerySet[Article]:
    """Published articles of a congress, newest first, with only what a list shows."""
    articles = Article.objects.published().filter(congress_id=congress_id)
    if kind is not None:
        articles = articles.filter(kind=kind)
    return (
        articles.select_related("category")
        .only(*LIST_COLUMNS, "published_at", "category__name")
        .order_by("-published_at", "-id")
    )


def public_article(congress_id: int, article_id: int) -> Article | None:
    return (
        Article.objects.published()
        .filter(congress_id=congress_id, pk=article_id)
        .select_related("category", "congress")
        .first()
    )


def approved_comments(article: Article) -> QuerySet[ReaderComment]:
    return (
        article.comments.filter(status=Moderation.APPROVED)
        .only("id", "article_id", "name", "title", "content", "created_at")
        .order_by("created_at", "id")
    )


def categories(congress_id: int) -> list[Category]:
    return list(Category.objects.filter(congress_id=congress_id))


def open_public_consultations(congress_id: int) -> QuerySet[PublicConsultation]:
    return PublicConsultation.objects.filter(congress_id=congress_id).order_by("-closes_on", "-id")


def sections_with_counts(public: PublicConsultation) -> list[Section]:
    counts = dict(
        PublicComment.objects.filter(
            submission__consultation=public, submission__status=Moderation.APPROVED
        )
        .values_list("section_id")
        .annotate(n=Count("id"))
        .values_list("section_id", "n")
    )
    sections = list(Section.objects.filter(draft_id=public.draft_id).order_by("position"))
    for section in sections:
        section.approved = counts.get(section.pk, 0)  # type: ignore[attr-defined]
    return sections


def approved_public_comments(
    public: PublicConsultation, section_id: int | None
) -> QuerySet[PublicComment]:
    comments = PublicComment.objects.filter(
        submission__consultation=public, submission__status=Moderation.APPROVED
    )
    comments = (
        comments.filter(section_id=section_id)
        if section_id is not None
        else comments.filter(section__isnull=True)
    )
    return comments.select_related("submission").order_by("id")


# The staff side -------------------------------------------------------------------------------


def staff_articles(access: Access, kind: str = "") -> QuerySet[Article]:
    articles = Article.objects.filter(congress=access.congress)
    if kind in Kind.values:
        articles = articles.filter(kind=kind)
    return (
        articles.select_related("category")
        .annotate(pending=Count("comments", filter=Q(comments__status=Moderation.PENDING)))
        .order_by("-updated_at", "-id")
    )


def moderation_queue(access: Access, status: str) -> QuerySet[ReaderComment]:
    return (
        ReaderComment.objects.filter(article__congress=access.congress, status=status)
        .select_related("article")
        .order_by("-created_at", "-id")
    )


def submission_queue(access: Access, status: str) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(consultation__congress=access.congress, status=status)
        .select_related("consultation")
        .prefetch_related(
            Prefetch("comments", queryset=PublicComment.objects.select_related("section"))
        )
        .order_by("-created_at", "-id")
    )


def drafts_to_publish(access: Access) -> QuerySet[Draft]:
    return (
        Draft.objects.filter(
            consultation__congress=access.congress,
            consultation__status="open",
            is_final=False,
            public__isnull=True,
        )
        .select_related("consultation")
        .order_by("-created_at")
    )


def public_consultations(access: Access) -> QuerySet[PublicConsultation]:
    return (
        PublicConsultation.objects.filter(congress=access.congress)
        .select_related("draft__consultation")
        .annotate(
            received=Count("submissions", distinct=True),
            approved=Count(
                "submissions",
                filter=Q(submissions__status=Moderation.APPROVED),
                distinct=True,
            ),
        )
        .order_by("-closes_on", "-id")
    )


def approved_for_grouping(public: PublicConsultation) -> list[PublicComment]:
    return list(
        PublicComment.objects.filter(
            submission__consultation=public, submission__status=Moderation.APPROVED
        )
        .select_related("submission", "section", "theme")
        .order_by("section__position", "id")
    )


def themes_of(public: PublicConsultation) -> list[Theme]:
    return list(
        Theme.objects.filter(consultation=public)
        .select_related("section")
        .annotate(size=Count("comments"))
        .order_by("section__position", "id")
    )


@dataclass
class SectionCount:
    label: str
    by_sender: dict[str, int] = field(default_factory=dict)

    @property
    def cells(self) -> list[int]:
        """The counts in the order of SENDERS."""
        return [self.by_sender.get(key, 0) for key, _ in SENDERS]

    @property
    def total(self) -> int:
        return sum(self.by_sender.values())


def counts_by_section(public: PublicConsultation) -> list[SectionCount]:
    """Approved comments per section (and the whole draft) and per group of commenters."""
    rows = (
        PublicComment.objects.filter(
            submission__consultation=public, submission__status=Moderation.APPROVED
        )
        .values_list("section_id", "submission__sender")
        .annotate(n=Count("id"))
    )
    table: dict[int | None, dict[str, int]] = {}
    for section_id, sender, n in rows:
        table.setdefault(section_id, {})[sender] = n
    result = [SectionCount("Toàn văn", table.get(None, {}))]
    for section in Section.objects.filter(draft_id=public.draft_id).order_by("position"):
        result.append(SectionCount(str(section), table.get(section.pk, {})))
    return result


SENDERS = [(s.value, str(s.label)) for s in Sender]
