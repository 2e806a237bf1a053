"""Articles and columns: written, scheduled, published and withdrawn by the congress's editors."""

import datetime as dt
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.uploads import validate_attachment
from daihoi.core.versioning import check_version
from daihoi.organizations.permissions import Access

from .. import cache
from ..models import Article, Category, Kind, PortalAction
from ..permissions import EDITORS_ONLY, can_edit

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")
NOT_AN_IMAGE = "Ảnh phải là tệp JPG hoặc PNG; tệp “{name}” không phải là ảnh."


def validate_image(upload: UploadedFile, field: str = "image") -> None:
    """A picture only: JPG or PNG whose content opens as one (core.uploads' checks)."""
    name = upload.name or ""
    if not name.lower().endswith(IMAGE_SUFFIXES):
        raise BusinessError(NOT_AN_IMAGE.format(name=name), field=field)
    try:
        validate_attachment(upload)
    except BusinessError as error:
        raise BusinessError(error.message, field=field) from None


@transaction.atomic
def category_save(
    *, access: Access, name: str, position: int = 0, category: Category | None = None
) -> Category:
    require(can_edit(access, access.congress.pk), EDITORS_ONLY)
    name = name.strip()
    if not name:
        raise BusinessError("Hãy nhập tên chuyên mục.", field="name")
    clash = Category.objects.filter(congress=access.congress, name__iexact=name)
    if category is not None:
        clash = clash.exclude(pk=category.pk)
    if clash.exists():
        raise BusinessError("Đã có chuyên mục cùng tên.", field="name")
    category = category or Category(congress=access.congress)
    category.name = name
    category.position = position
    category.save()
    record(access, PortalAction.CATEGORY_SAVED, category)
    cache.renew(access.congress.pk)
    return category


@dataclass(frozen=True)
class ArticleFields:
    kind: str
    title: str
    body: str
    summary: str = ""
    category: Category | None = None
    image_alt: str = ""
    comments_open: bool = True


def _apply(article: Article, fields: ArticleFields) -> list[list[str]]:
    changes = []
    for name in ("kind", "title", "body", "summary", "category", "image_alt", "comments_open"):
        old, new = getattr(article, name), getattr(fields, name)
        if old != new:
            label = str(getattr(Article._meta.get_field(name), "verbose_name", name))
            changes.append([label, str(old or "")[:80], str(new or "")[:80]])
            setattr(article, name, new)
    return changes


@transaction.atomic
def article_save(
    *,
    access: Access,
    fields: ArticleFields,
    article: Article | None = None,
    image: UploadedFile | None = None,
    attachment: UploadedFile | None = None,
    expected_version: int | None = None,
) -> Article:
    """Writes a new article (a draft) or saves an edit. Locks the article when editing; a
    published one is replaced in the public cache when the transaction commits."""
    require(can_edit(access, access.congress.pk), EDITORS_ONLY)
    if fields.kind not in Kind.values:
        raise BusinessError("Loại trang không hợp lệ.", field="kind")
    if not fields.title.strip():
        raise BusinessError("Hãy nhập tiêu đề.", field="title")
    if not fields.body.strip():
        raise BusinessError("Hãy nhập nội dung bài.", field="body")
    if fields.category is not None and fields.category.congress_id != access.congress.pk:
        raise BusinessError("Chuyên mục không thuộc Đại hội này.", field="category")
    if fields.kind == Kind.NEWS and fields.category is None:
        raise BusinessError("Tin tức cần chọn chuyên mục.", field="category")
    if image is not None:
        validate_image(image)
        if not (fields.image_alt.strip() or (article and article.image_alt)):
            raise BusinessError(
                "Hãy mô tả ngắn nội dung ảnh (cho người đọc bằng phần mềm đọc màn hình).",
                field="image_alt",
            )
    if attachment is not None:
        try:
            validate_attachment(attachment)
        except BusinessError as error:
            raise BusinessError(error.message, field="attachment") from None
    if article is None:
        article = Article(congress=access.congress, created_by=access.user)
        action = PortalAction.ARTICLE_CREATED
    else:
        article = Article.objects.select_for_update().get(pk=article.pk)
        check_version(article, expected_version, "Bài viết")
        action = PortalAction.ARTICLE_UPDATED
    changes = _apply(article, fields)
    if image is not None:
        article.image = image
        changes.append(["Ảnh", "", image.name or ""])
    if attachment is not None:
        article.attachment = attachment
        article.attachment_name = (attachment.name or "tai-lieu")[:255]
        changes.append(["Tệp tài liệu", "", article.attachment_name])
    article.save()
    record(access, action, article, changes=changes)
    cache.renew(access.congress.pk)
    return article


@transaction.atomic
def article_publish(*, access: Access, article: Article, at: dt.datetime | None = None) -> Article:
    """Publishes now, or at `at` (scheduled). Locks the article."""
    require(can_edit(access, article.congress_id), EDITORS_ONLY)
    locked = Article.objects.select_for_update().get(pk=article.pk)
    when = at or timezone.now()
    if at is not None and at < timezone.now() - dt.timedelta(minutes=5):
        raise BusinessError("Giờ hẹn đăng đã qua; hãy chọn một thời điểm sắp tới.", field="at")
    locked.is_published = True
    locked.published_at = when
    locked.version += 1
    locked.save(update_fields=["is_published", "published_at", "version", "updated_at"])
    shown = timezone.localtime(when).strftime("%H:%M %d/%m/%Y")
    record(access, PortalAction.ARTICLE_PUBLISHED, locked, data={"at": shown})
    cache.renew(locked.congress_id)
    return locked


@transaction.atomic
def article_unpublish(*, access: Access, article: Article) -> Article:
    """Takes the article off the public pages (back to a draft). Locks the article."""
    require(can_edit(access, article.congress_id), EDITORS_ONLY)
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if not locked.is_published:
        raise BusinessError("Bài này chưa được đăng.")
    locked.is_published = False
    locked.published_at = None
    locked.version += 1
    locked.save(update_fields=["is_published", "published_at", "version", "updated_at"])
    record(access, PortalAction.ARTICLE_UNPUBLISHED, locked)
    cache.renew(locked.congress_id)
    return locked
