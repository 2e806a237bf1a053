"""The editors' side of a congress's portal: articles (write, edit with the version read, the
picture and the public document, publish now or at a time, take down), columns, and the
moderation of reader comments and public-consultation comments. The congress's editors, its
secretariat and the administrator; everyone else meets 404, as on the pages."""

import datetime as dt
from typing import Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, File, Form, Query, Router, Schema, Status, UploadedFile

from daihoi.core.exceptions import BusinessError
from daihoi.organizations.permissions import Access
from daihoi.portal import selectors, services
from daihoi.portal.forms import MAX_ID, ArticleForm, CategoryForm, ModerationForm, PublishForm
from daihoi.portal.models import Article, Kind, Moderation, ReaderComment, Submission
from daihoi.portal.permissions import access_article, access_portal

from ..auth import user_of
from ..common import VERSION_NOTE, answers, form_data, listed, valid, write

router = Router(tags=["Cổng thông tin (biên tập)"])

P = "/{congress_id}/portal"
NO_FILE = "Hãy chọn ảnh hoặc tệp tài liệu để tải lên."


def _access(request: HttpRequest, congress_id: int) -> Access:
    """The caller's standing on the portal's staff side (404 for anyone else, as the pages)."""
    return access_portal(user_of(request), congress_id)


class CategoryOut(Schema):
    id: int
    name: str
    position: int


class ArticleStaffOut(Schema):
    """An article as the editors' list shows it; `state_label` "Nháp", "Đã hẹn giờ đăng" or
    "Đã đăng"; `pending` its reader comments awaiting moderation."""

    id: int
    kind: str
    kind_label: str
    category: CategoryOut | None
    title: str
    summary: str
    is_published: bool
    published_at: dt.datetime | None
    state_label: str
    comments_open: bool
    view_count: int
    pending: int = 0
    version: int
    updated_at: dt.datetime

    @staticmethod
    def resolve_kind_label(article: Article) -> str:
        return str(Kind(article.kind).label)


class ArticleDetailOut(ArticleStaffOut):
    body: str
    image_alt: str
    has_image: bool
    attachment_name: str

    @staticmethod
    def resolve_has_image(article: Article) -> bool:
        return bool(article.image)

    @staticmethod
    def resolve_attachment_name(article: Article) -> str:
        return article.attachment_name if article.attachment else ""


class ArticleIn(Schema):
    """As the page "Bài viết": `kind` news, programme, document or result; `category` the
    column's id (required for news); `title` and `body` (one paragraph a line) required;
    `comments_open` false when left out, as an unticked box."""

    kind: str
    category: int | None = None
    title: str | None = None
    summary: str | None = None
    body: str | None = None
    image_alt: str | None = None
    comments_open: bool = False


class ArticleUpdateIn(ArticleIn):
    version: int | None = None


class ArticleFilesIn(Schema):
    image_alt: str | None = None
    version: int | None = None


class PublishIn(Schema):
    """`at`: the time to publish (dd/mm/yyyy hh:mm or yyyy-mm-ddThh:mm); none: now."""

    at: str | None = None


class CategoryIn(Schema):
    name: str
    position: int = 0


class ReaderCommentOut(Schema):
    """A reader's comment in the moderation queue (e-mail and address for the editors only)."""

    id: int
    article_id: int
    article_title: str = Field(alias="article.title")
    name: str
    email: str
    phone: str
    ip: str | None
    title: str
    content: str
    status: str
    created_at: dt.datetime


class SubmissionCommentOut(Schema):
    id: int
    section_label: str
    title: str
    text: str


class SubmissionOut(Schema):
    """A public-consultation submission in the moderation queue, with its comments."""

    id: int
    consultation_id: int
    consultation_title: str = Field(alias="consultation.title")
    name: str
    email: str
    phone: str
    ip: str | None
    sender: str
    organisation: str
    status: str
    created_at: dt.datetime
    comments: list[SubmissionCommentOut]


class ModerationIn(Schema):
    """`queue`: comments (bình luận bài viết) or submissions (góp ý dự thảo); `decision`:
    approve, reject, or ban (reject and bar the senders' e-mails and addresses)."""

    queue: Literal["comments", "submissions"] = "comments"
    ids: list[int]
    decision: str
    reason: str | None = None


class Moderated(Schema):
    count: int


STATES = Literal["pending", "approved", "rejected"]


def _detail(acting: Access, article_id: int) -> Article:
    return access_article(acting, article_id)


@listed(
    router,
    P + "/articles/",
    ArticleStaffOut,
    "Bài viết của cổng thông tin (sửa gần nhất trước; lọc theo loại trang `kind`)",
    ordering=("-updated_at", "-id"),
)
def portal_staff_articles(
    request: HttpRequest, congress_id: int, kind: str = ""
) -> QuerySet[Article]:
    return selectors.staff_articles(_access(request, congress_id), kind).order_by()


def _article_form(request: HttpRequest, acting: Access, data: object, files: object) -> ArticleForm:
    return valid(ArticleForm(data, files, congress_id=acting.congress.pk))


@router.post(
    P + "/articles/",
    response=answers(ArticleDetailOut, 201),
    summary="Viết bài mới (bản nháp; multipart, kèm ảnh và tệp tài liệu nếu có)",
)
def portal_article_create(
    request: HttpRequest,
    congress_id: int,
    payload: Form[ArticleIn],
    image: File[UploadedFile | None] = None,
    attachment: File[UploadedFile | None] = None,
) -> Status:
    acting = _access(request, congress_id)
    form = _article_form(request, acting, request.POST, request.FILES)
    article = write(
        request,
        lambda: services.article_save(
            access=acting,
            fields=form.fields_value(),
            image=form.cleaned_data.get("image") or None,
            attachment=form.cleaned_data.get("attachment") or None,
        ),
    )
    return Status(201, _detail(acting, article.pk))


@router.get(
    P + "/articles/{article_id}/", response=answers(ArticleDetailOut), summary="Một bài viết"
)
def portal_staff_article(request: HttpRequest, congress_id: int, article_id: int) -> Article:
    return _detail(_access(request, congress_id), article_id)


@router.put(
    P + "/articles/{article_id}/",
    response=answers(ArticleDetailOut),
    summary="Sửa bài viết (ảnh và tệp giữ nguyên)",
    description=VERSION_NOTE,
)
def portal_article_edit(
    request: HttpRequest, congress_id: int, article_id: int, payload: ArticleUpdateIn
) -> Article:
    acting = _access(request, congress_id)
    article = access_article(acting, article_id)
    form = _article_form(request, acting, form_data(payload), None)
    write(
        request,
        lambda: services.article_save(
            access=acting,
            article=article,
            fields=form.fields_value(),
            expected_version=payload.version,
        ),
    )
    return _detail(acting, article_id)


@router.post(
    P + "/articles/{article_id}/files/",
    response=answers(ArticleDetailOut),
    summary="Thay ảnh (kèm mô tả ảnh) hoặc tệp tài liệu công khai của bài (multipart)",
    description=VERSION_NOTE,
)
def portal_article_files(
    request: HttpRequest,
    congress_id: int,
    article_id: int,
    payload: Form[ArticleFilesIn],
    image: File[UploadedFile | None] = None,
    attachment: File[UploadedFile | None] = None,
) -> Article:
    acting = _access(request, congress_id)
    article = access_article(acting, article_id)
    if image is None and attachment is None:
        raise BusinessError(NO_FILE, field="image")
    fields = services.ArticleFields(
        kind=article.kind,
        title=article.title,
        body=article.body,
        summary=article.summary,
        category=article.category,
        image_alt=(payload.image_alt or "").strip() or article.image_alt,
        comments_open=article.comments_open,
    )
    write(
        request,
        lambda: services.article_save(
            access=acting,
            article=article,
            fields=fields,
            image=image,
            attachment=attachment,
            expected_version=payload.version,
        ),
    )
    return _detail(acting, article_id)


@router.post(
    P + "/articles/{article_id}/publish/",
    response=answers(ArticleDetailOut),
    summary="Đăng bài ngay, hoặc hẹn giờ đăng (`at`)",
)
def portal_article_publish(
    request: HttpRequest, congress_id: int, article_id: int, payload: PublishIn
) -> Article:
    acting = _access(request, congress_id)
    article = access_article(acting, article_id)
    form = valid(PublishForm(form_data(payload)))
    at = form.cleaned_data.get("at")
    if at is not None and timezone.is_naive(at):
        at = timezone.make_aware(at)
    write(request, lambda: services.article_publish(access=acting, article=article, at=at))
    return _detail(acting, article_id)


@router.post(
    P + "/articles/{article_id}/unpublish/",
    response=answers(ArticleDetailOut),
    summary="Gỡ bài khỏi cổng thông tin (trở lại bản nháp)",
)
def portal_article_unpublish(request: HttpRequest, congress_id: int, article_id: int) -> Article:
    acting = _access(request, congress_id)
    article = access_article(acting, article_id)
    write(request, lambda: services.article_unpublish(access=acting, article=article))
    return _detail(acting, article_id)


@router.get(
    P + "/categories/",
    response=answers(list[CategoryOut]),
    summary="Chuyên mục của cổng thông tin",
)
def portal_categories(request: HttpRequest, congress_id: int) -> list:
    return selectors.categories(_access(request, congress_id).congress.pk)


@router.post(P + "/categories/", response=answers(CategoryOut, 201), summary="Thêm chuyên mục")
def portal_category_create(request: HttpRequest, congress_id: int, payload: CategoryIn) -> Status:
    acting = _access(request, congress_id)
    form = valid(CategoryForm({"position": payload.position} | form_data(payload)))
    category = write(request, lambda: services.category_save(access=acting, **form.cleaned_data))
    return Status(201, category)


class StateQuery(Schema):
    state: STATES = "pending"


@listed(
    router,
    P + "/moderation/comments/",
    ReaderCommentOut,
    "Bình luận của bạn đọc theo trạng thái kiểm duyệt (mới nhất trước)",
    ordering=("-created_at", "-id"),
)
def portal_comment_queue(
    request: HttpRequest, congress_id: int, filters: Query[StateQuery]
) -> QuerySet[ReaderComment]:
    acting = _access(request, congress_id)
    return selectors.moderation_queue(acting, Moderation(filters.state)).order_by()


@listed(
    router,
    P + "/moderation/submissions/",
    SubmissionOut,
    "Góp ý dự thảo của nhân dân theo trạng thái kiểm duyệt (mới nhất trước)",
    ordering=("-created_at", "-id"),
)
def portal_submission_queue(
    request: HttpRequest, congress_id: int, filters: Query[StateQuery]
) -> QuerySet[Submission]:
    acting = _access(request, congress_id)
    return selectors.submission_queue(acting, Moderation(filters.state)).order_by()


QUEUES: dict[str, type[ReaderComment] | type[Submission]] = {
    "comments": ReaderComment,
    "submissions": Submission,
}


@router.post(
    P + "/moderation/",
    response=answers(Moderated),
    summary="Duyệt, từ chối hoặc chặn người gửi các ý kiến đã chọn",
)
def portal_moderate(request: HttpRequest, congress_id: int, payload: ModerationIn) -> dict:
    acting = _access(request, congress_id)
    data = {"decision": payload.decision, "ids": payload.ids, "reason": payload.reason or ""}
    form = valid(ModerationForm(data, ids=[i for i in payload.ids if 0 < i < MAX_ID][:500]))
    count = write(
        request,
        lambda: services.moderate(
            access=acting,
            model=QUEUES[payload.queue],
            ids=form.cleaned_data["ids"],
            decision=form.cleaned_data["decision"],
            reason=form.cleaned_data.get("reason", ""),
        ),
    )
    return {"count": count}
