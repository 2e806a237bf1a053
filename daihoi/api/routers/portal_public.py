"""The public portal's reads, for other systems (a provincial portal syndicating the articles):
no token, and only what the public pages show — published articles, approved comments, the
drafts open to the people. Every answer is served from the portal's shared cache as its pages
are (renewed on every publication, edit or moderation), so a caller cannot go around it."""

import datetime as dt
import json
from collections.abc import Callable
from typing import Any, Literal

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from ninja import Router, Schema
from ninja.pagination import CursorPagination

from daihoi.organizations.models import Congress
from daihoi.portal import cache, selectors
from daihoi.portal.forms import MAX_ID
from daihoi.portal.models import Article, Category, Kind, PublicConsultation

from ..common import Detail, answers

router = Router(tags=["Cổng thông tin (công khai)"], auth=None)

P = "/{congress_id}"
PAGE_SIZE = 20
FILE_MAX_AGE = cache.PUBLIC_MAX_AGE * 10


class CategoryOut(Schema):
    id: int
    name: str


class ArticleOut(Schema):
    """A published article as the lists show it; `image_url` the picture's public address."""

    id: int
    kind: str
    kind_label: str
    title: str
    summary: str
    published_at: dt.datetime | None
    category: CategoryOut | None
    image_url: str | None
    image_alt: str


class CommentOut(Schema):
    """An approved reader comment (the sender's e-mail and phone are never published)."""

    id: int
    name: str
    title: str
    content: str
    created_at: dt.datetime


class ArticleDetailOut(ArticleOut):
    body: str
    paragraphs: list[str]
    attachment_url: str | None
    attachment_name: str
    comments_open: bool
    comments: list[CommentOut]


class ConsultationOut(Schema):
    id: int
    title: str
    intro: str
    closes_on: dt.date
    is_open: bool


class CongressOut(Schema):
    id: int
    name: str
    ordinal_roman: str


class HomeOut(Schema):
    """The portal's home page: the latest news, programme and results, drafts open for comment."""

    congress: CongressOut
    categories: list[CategoryOut]
    news: list[ArticleOut]
    programme: list[ArticleOut]
    results: list[ArticleOut]
    consultations: list[ConsultationOut]


class ArticlePage(Schema):
    previous: str | None
    next: str | None
    results: list[ArticleOut]


class SectionOut(Schema):
    """A section of the draft and how many approved comments it has."""

    id: int
    position: int
    label: str
    heading: str
    text: str
    approved: int


class ConsultationDetailOut(ConsultationOut):
    sections: list[SectionOut]


class PublicCommentOut(Schema):
    """An approved comment on the draft: who (name, as what, organisation) and what."""

    id: int
    name: str
    sender: str
    sender_label: str
    organisation: str
    title: str
    text: str


def _json(data: Any) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )


# The query parameters the public reads take (the page links carry them on).
READS = ("kind", "category", "cursor", "section")


def _cached(request: HttpRequest, congress_id: int, build: Callable[[], Any]) -> HttpResponse:
    """The answer from the portal's cache (as a public page), or built and kept."""
    return cache.cached_page(request, congress_id, lambda: _json(build()), READS)


def _congress(congress_id: int) -> Congress:
    congress = Congress.objects.filter(pk=congress_id).first()
    if congress is None:
        raise Http404
    return congress


def _file_url(request: HttpRequest, article: Article, which: str) -> str | None:
    if not getattr(article, which):
        return None
    return request.build_absolute_uri(
        f"/api/v1/portal/{article.congress_id}/articles/{article.pk}/{which}/"
    )


def _article(request: HttpRequest, article: Article) -> dict[str, Any]:
    category = article.category
    return {
        "id": article.pk,
        "kind": article.kind,
        "kind_label": str(Kind(article.kind).label),
        "title": article.title,
        "summary": article.summary,
        "published_at": article.published_at,
        "category": {"id": category.pk, "name": category.name} if category else None,
        "image_url": _file_url(request, article, "image"),
        "image_alt": article.image_alt,
    }


def _rows(request: HttpRequest, articles: Any) -> list[dict[str, Any]]:
    return [_article(request, a) for a in articles]


def _consultation(public: PublicConsultation) -> dict[str, Any]:
    fields = ("id", "title", "intro", "closes_on", "is_open")
    return {name: getattr(public, name) for name in fields}


def _categories(congress_id: int) -> list[dict[str, Any]]:
    return [{"id": c.pk, "name": c.name} for c in selectors.categories(congress_id)]


@router.get(P + "/", response=answers(HomeOut), summary="Trang chủ cổng thông tin (công khai)")
def portal_home(request: HttpRequest, congress_id: int) -> HttpResponse:
    def build() -> dict[str, Any]:
        congress = _congress(congress_id)
        latest = selectors.public_articles
        return {
            "congress": {
                "id": congress.pk,
                "name": congress.name,
                "ordinal_roman": congress.ordinal_roman,
            },
            "categories": _categories(congress_id),
            "news": _rows(request, latest(congress_id, Kind.NEWS)[:9]),
            "programme": _rows(request, latest(congress_id, Kind.PROGRAMME)[:3]),
            "results": _rows(request, latest(congress_id, Kind.RESULT)[:3]),
            "consultations": [
                _consultation(p) for p in selectors.open_public_consultations(congress_id)[:3]
            ],
        }

    return _cached(request, congress_id, build)


def _page(request: HttpRequest, articles: QuerySet[Article], cursor: str | None) -> dict:
    paginator = CursorPagination(ordering=("-published_at", "-id"), page_size=PAGE_SIZE)
    page = paginator.paginate_queryset(
        articles, pagination=CursorPagination.Input(cursor=cursor), request=request
    )
    return page | {"results": _rows(request, page["results"])}


@router.get(
    P + "/articles/",
    response=answers(ArticlePage),
    summary="Bài đã đăng, mới nhất trước (lọc theo loại trang, chuyên mục)",
    description=(
        "Như các trang chuyên mục, chương trình, tài liệu, kết quả và RSS của cổng thông tin: "
        "chỉ bài đã đăng. `kind`: news, programme, document, result; `category`: mã chuyên "
        "mục (không có: 404). Phân trang bằng con trỏ (`cursor`)."
    ),
)
def portal_articles(
    request: HttpRequest,
    congress_id: int,
    kind: Literal["news", "programme", "document", "result"] | None = None,
    category: int | None = None,
    cursor: str | None = None,
) -> HttpResponse:
    def build() -> dict[str, Any]:
        _congress(congress_id)
        articles = selectors.public_articles(congress_id, kind)
        if category is not None:
            found = (
                Category.objects.filter(pk=category, congress_id=congress_id).first()
                if 0 < category < MAX_ID
                else None
            )
            if found is None:
                raise Http404
            articles = articles.filter(category=found)
        return _page(request, articles, cursor)

    return _cached(request, congress_id, build)


@router.get(
    P + "/articles/{article_id}/",
    response=answers(ArticleDetailOut),
    summary="Một bài đã đăng, với các bình luận đã duyệt",
)
def portal_article(request: HttpRequest, congress_id: int, article_id: int) -> HttpResponse:
    def build() -> dict[str, Any]:
        found = selectors.public_article(congress_id, article_id)
        if found is None:
            raise Http404
        comments = selectors.approved_comments(found)
        return _article(request, found) | {
            "body": found.body,
            "paragraphs": found.paragraphs,
            "attachment_url": _file_url(request, found, "attachment"),
            "attachment_name": found.attachment_name if found.attachment else "",
            "comments_open": found.comments_open,
            "comments": [
                {f: getattr(c, f) for f in ("id", "name", "title", "content", "created_at")}
                for c in comments
            ],
        }

    return _cached(request, congress_id, build)


def _file(congress_id: int, article_id: int, which: str) -> FileResponse:
    """A published article's picture or document, as the public page serves it."""
    found = selectors.public_article(congress_id, article_id)
    stored = getattr(found, which, None) if found is not None else None
    if found is None or not stored:
        raise Http404
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    attached = which == "attachment"
    response = FileResponse(handle, as_attachment=attached)
    if attached:
        response["Content-Disposition"] = f'attachment; filename="{found.attachment_name}"'
    response["Cache-Control"] = f"public, max-age={FILE_MAX_AGE}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@router.get(
    P + "/articles/{article_id}/image/",
    response=answers(Detail),
    summary="Ảnh của bài đã đăng",
)
def portal_article_image(request: HttpRequest, congress_id: int, article_id: int) -> FileResponse:
    return _file(congress_id, article_id, "image")


@router.get(
    P + "/articles/{article_id}/attachment/",
    response=answers(Detail),
    summary="Tệp tài liệu công khai của bài đã đăng",
)
def portal_article_attachment(
    request: HttpRequest, congress_id: int, article_id: int
) -> FileResponse:
    return _file(congress_id, article_id, "attachment")


@router.get(
    P + "/consultations/",
    response=answers(list[ConsultationOut]),
    summary="Các dự thảo công bố lấy ý kiến nhân dân (hạn cuối muộn nhất trước)",
)
def portal_consultations(request: HttpRequest, congress_id: int) -> HttpResponse:
    def build() -> list[dict[str, Any]]:
        _congress(congress_id)
        return [_consultation(p) for p in selectors.open_public_consultations(congress_id)]

    return _cached(request, congress_id, build)


def _public(congress_id: int, public_id: int) -> PublicConsultation:
    found = PublicConsultation.objects.filter(pk=public_id, congress_id=congress_id).first()
    if found is None:
        raise Http404
    return found


@router.get(
    P + "/consultations/{public_id}/",
    response=answers(ConsultationDetailOut),
    summary="Một dự thảo lấy ý kiến nhân dân: các mục và số ý kiến đã duyệt của mỗi mục",
)
def portal_consultation(request: HttpRequest, congress_id: int, public_id: int) -> HttpResponse:
    def build() -> dict[str, Any]:
        public = _public(congress_id, public_id)
        fields = ("id", "position", "label", "heading", "text", "approved")
        return _consultation(public) | {
            "sections": [
                {f: getattr(s, f) for f in fields} for s in selectors.sections_with_counts(public)
            ]
        }

    return _cached(request, congress_id, build)


@router.get(
    P + "/consultations/{public_id}/comments/",
    response=answers(list[PublicCommentOut]),
    summary="Các ý kiến đã duyệt về một mục của dự thảo (không có `section`: về toàn văn)",
)
def portal_consultation_comments(
    request: HttpRequest, congress_id: int, public_id: int, section: int | None = None
) -> HttpResponse:
    def build() -> list[dict[str, Any]]:
        public = _public(congress_id, public_id)
        known = section is None or (
            0 < section < MAX_ID and public.draft.sections.filter(pk=section).exists()
        )
        if not known:
            raise Http404
        return [
            {
                "id": c.pk,
                "name": c.submission.name,
                "sender": c.submission.sender,
                "sender_label": c.submission.get_sender_display(),
                "organisation": c.submission.organisation,
                "title": c.title,
                "text": c.text,
            }
            for c in selectors.approved_public_comments(public, section)
        ]

    return _cached(request, congress_id, build)
