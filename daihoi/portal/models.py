"""The congress's public portal: articles (news, programme, public documents, results), reader
comments held for moderation, bans, and the public side of a draft's consultation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daihoi.consultation.models import Draft, Resolved, Section, explained_has_reason
from daihoi.core.audit import AuditAction
from daihoi.core.versioning import Versioned
from daihoi.organizations.models import Congress


class Category(models.Model):
    """A news column (chuyên mục): Hoạt động chuẩn bị, Văn kiện, Nhân sự…"""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("tên chuyên mục"), max_length=120)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")
        ordering = ["congress", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "name"], name="portal_category_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Kind(models.TextChoices):
    NEWS = "news", _("Tin tức")
    PROGRAMME = "programme", _("Chương trình Đại hội")
    DOCUMENT = "document", _("Tài liệu công khai")
    RESULT = "result", _("Kết quả Đại hội")


def _article_path(article: "Article", filename: str) -> str:
    return f"portal/{article.congress_id}/{filename}"


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self, now=None) -> "ArticleQuerySet":
        """What the public reads: published, and its publication time has come."""
        return self.filter(is_published=True, published_at__lte=now or timezone.now())


class Article(Versioned):
    """A page of the portal. Published with a time: a future time schedules it."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("loại trang"), max_length=12, choices=Kind.choices, default=Kind.NEWS)
    category = models.ForeignKey(
        Category,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("chuyên mục"),
    )
    title = models.CharField(_("tiêu đề"), max_length=300)
    summary = models.TextField(_("sa pô (tóm tắt)"), blank=True)
    body = models.TextField(_("nội dung"))
    image = models.FileField(_("ảnh"), upload_to=_article_path, max_length=300, blank=True)
    image_alt = models.CharField(_("mô tả ảnh (cho người khiếm thị)"), max_length=300, blank=True)
    attachment = models.FileField(
        _("tệp tài liệu"), upload_to=_article_path, max_length=300, blank=True
    )
    attachment_name = models.CharField(max_length=255, blank=True)
    is_published = models.BooleanField(_("đã đăng"), default=False)
    published_at = models.DateTimeField(_("thời điểm đăng"), null=True, blank=True)
    comments_open = models.BooleanField(_("nhận bình luận"), default=True)
    view_count = models.PositiveIntegerField(_("lượt xem"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(
                fields=["congress", "kind", "is_published", "-published_at"],
                name="portal_article_public_idx",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(published_at__isnull=False),
                name="portal_published_has_time",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def state_label(self) -> str:
        if not self.is_published:
            return "Nháp"
        assert self.published_at is not None
        return "Đã hẹn giờ đăng" if self.published_at > timezone.now() else "Đã đăng"

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n") if p.strip()]


class Moderation(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Từ chối")


class Posted(models.Model):
    """What a member of the public sends: who (the e-mail and phone never published), from
    where, and the editors' decision."""

    name = models.CharField(_("họ và tên"), max_length=120)
    email = models.EmailField(_("e-mail (không công khai)"), max_length=254)
    phone = models.CharField(_("điện thoại (không bắt buộc)"), max_length=20, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    status = models.CharField(
        _("kiểm duyệt"), max_length=10, choices=Moderation.choices, default=Moderation.PENDING
    )
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class ReaderComment(Posted):
    """A reader's comment under an article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    title = models.CharField(_("tiêu đề"), max_length=200)
    content = models.TextField(_("nội dung"), max_length=4000)

    class Meta:
        verbose_name = _("bình luận của bạn đọc")
        verbose_name_plural = _("bình luận của bạn đọc")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="portal_comment_idx")
        ]

    def __str__(self) -> str:
        return self.title


class Ban(models.Model):
    """An address or e-mail whose comments the congress's portal refuses."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    reason = models.CharField(_("lý do"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chặn bình luận")
        verbose_name_plural = _("chặn bình luận")
        indexes = [
            models.Index(fields=["congress", "email"], name="portal_ban_email_idx"),
            models.Index(fields=["congress", "ip"], name="portal_ban_ip_idx"),
        ]

    def __str__(self) -> str:
        return self.email or str(self.ip)


class PublicConsultation(models.Model):
    """A draft of the consultation app (its sections) opened to everyone until a closing day."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    draft = models.OneToOneField(
        Draft, on_delete=models.PROTECT, related_name="public", verbose_name=_("bản dự thảo")
    )
    title = models.CharField(_("tên công bố"), max_length=300)
    intro = models.TextField(_("lời mời góp ý"), blank=True)
    closes_on = models.DateField(_("hạn cuối nhận góp ý"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lấy ý kiến nhân dân")
        verbose_name_plural = _("lấy ý kiến nhân dân")
        ordering = ["-closes_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return timezone.localdate() <= self.closes_on


class Sender(models.TextChoices):
    CITIZEN = "citizen", _("Nhân dân")
    DELEGATE = "delegate", _("Đại biểu")
    AGENCY = "agency", _("Cơ quan, tổ chức")
    FRONT = "front", _("Mặt trận Tổ quốc (tổng hợp)")


class Submission(Posted):
    """One sender's comments on a public draft: a citizen's on one section, or the Front's
    consolidated comments entered as one submission."""

    consultation = models.ForeignKey(
        PublicConsultation, on_delete=models.CASCADE, related_name="submissions"
    )
    sender = models.CharField(
        _("người góp ý là"), max_length=10, choices=Sender.choices, default=Sender.CITIZEN
    )
    organisation = models.CharField(_("cơ quan, tổ chức, địa chỉ"), max_length=200, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("lượt góp ý công khai")
        verbose_name_plural = _("lượt góp ý công khai")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name


class Theme(Resolved):
    """A group of like comments (nhóm ý kiến) and how the Document subcommittee takes it."""

    consultation = models.ForeignKey(
        PublicConsultation, on_delete=models.CASCADE, related_name="themes"
    )
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("nội dung nhóm ý kiến"), max_length=300)

    class Meta:
        verbose_name = _("nhóm ý kiến")
        verbose_name_plural = _("nhóm ý kiến")
        ordering = ["consultation", "id"]
        constraints = [explained_has_reason("portal_theme_explained_has_reason")]

    def __str__(self) -> str:
        return self.title


class PublicComment(models.Model):
    """One comment of a submission, on a section or on the whole draft (no section)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="comments")
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("tiêu đề"), max_length=200, blank=True)
    text = models.TextField(_("nội dung góp ý"), max_length=8000)
    theme = models.ForeignKey(
        Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )

    class Meta:
        verbose_name = _("ý kiến góp ý công khai")
        verbose_name_plural = _("ý kiến góp ý công khai")
        ordering = ["submission", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def section_label(self) -> str:
        return self.section.label if self.section is not None else "Toàn văn"


class PortalAction(AuditAction):
    ARTICLE_CREATED = "portal.article_created", _("Viết bài")
    ARTICLE_UPDATED = "portal.article_updated", _("Sửa bài")
    ARTICLE_PUBLISHED = "portal.article_published", _("Đăng bài")
    ARTICLE_UNPUBLISHED = "portal.article_unpublished", _("Gỡ bài")
    CATEGORY_SAVED = "portal.category_saved", _("Lưu chuyên mục")
    POSTED = "portal.posted", _("Bạn đọc gửi ý kiến")
    MODERATED = "portal.moderated", _("Kiểm duyệt bình luận, góp ý")
    BANNED = "portal.banned", _("Chặn người gửi")
    CONSULTATION_OPENED = "portal.consultation_opened", _("Công bố dự thảo lấy ý kiến nhân dân")
    FRONT_ENTERED = "portal.front_entered", _("Nhập ý kiến tổng hợp của Mặt trận")
    THEME_SAVED = "portal.theme_saved", _("Nhóm ý kiến góp ý")
    THEME_RESOLVED = "portal.theme_resolved", _("Tiếp thu, giải trình nhóm ý kiến")
