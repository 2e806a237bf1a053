"""Drafts sent for comment (dự thảo lấy ý kiến): the rounds, who was asked, what they said, and
how the drafting unit took each comment into account."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction
from daihoi.documents.models import Document, DocumentKind
from daihoi.organizations.models import Agency, Committee, Congress, Person


class Consultation(models.Model):
    """One document taken through its drafts to the adopted version."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang lấy ý kiến")
        ADOPTED = "adopted", _("Đã thông qua")

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="+", verbose_name=_("Đại hội")
    )
    title = models.CharField(_("tên dự thảo"), max_length=500)
    kind = models.CharField(
        _("loại văn bản"), max_length=8, choices=DocumentKind.choices, default=DocumentKind.QC
    )
    drafting_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị soạn thảo")
    )
    committee = models.ForeignKey(
        Committee,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tiểu ban"),
    )
    source_document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dự thảo trong sổ văn bản"),
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    # Off: each recipient sees only its own comments. On: every recipient sees the synthesis.
    synthesis_shared = models.BooleanField(_("đã chia sẻ bảng tổng hợp"), default=False)
    adopted_at = models.DateTimeField(_("thông qua lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["congress", "-created_at"], name="consultation_list_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def kind_label(self) -> str:
        return str(DocumentKind(self.kind).label)


def _draft_path(draft: "Draft", filename: str) -> str:
    return f"consultation/{draft.consultation.congress_id}/{draft.consultation_id}/{filename}"


class Draft(models.Model):
    """A version: draft 1, draft 2… sent for comment by a date, or the final adopted text."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="drafts", verbose_name=_("dự thảo")
    )
    number = models.PositiveSmallIntegerField(_("lần"))
    is_final = models.BooleanField(_("bản thông qua"), default=False)
    body = models.TextField(_("nội dung"))
    note = models.TextField(_("ghi chú"), blank=True)
    deadline = models.DateField(_("hạn góp ý"), null=True, blank=True)
    file = models.FileField(_("tệp dự thảo"), upload_to=_draft_path, max_length=300, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bản dự thảo")
        verbose_name_plural = _("bản dự thảo")
        ordering = ["consultation", "number"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="draft_number_unique"),
            # A document is adopted once: at most one final version.
            models.UniqueConstraint(
                fields=["consultation"], condition=Q(is_final=True), name="draft_one_final"
            ),
            models.CheckConstraint(
                condition=Q(is_final=True) | Q(deadline__isnull=False),
                name="draft_sent_has_deadline",
            ),
        ]

    def __str__(self) -> str:
        return "Bản thông qua" if self.is_final else f"Dự thảo lần {self.number}"

    @property
    def label(self) -> str:
        return str(self)


class Section(models.Model):
    """A part of a draft that can be commented on alone (Điều 3, II.1…)."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(_("mục"), max_length=40)
    heading = models.CharField(_("tiêu đề"), max_length=300, blank=True)
    text = models.TextField(_("nội dung"), blank=True)

    class Meta:
        ordering = ["draft", "position"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "position"], name="section_position_unique")
        ]

    def __str__(self) -> str:
        return f"{self.label}. {self.heading}".strip(". ") if self.heading else self.label


class Recipient(models.Model):
    """An agency or a person asked for comments on one draft, and whether they answered."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="recipients")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("đã góp ý lúc"), null=True, blank=True)
    agreed = models.BooleanField(_("nhất trí với dự thảo"), default=False)
    reminded_at = models.DateTimeField(_("nhắc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("nơi được lấy ý kiến")
        verbose_name_plural = _("nơi được lấy ý kiến")
        constraints = [
            models.CheckConstraint(
                condition=Q(agency__isnull=True, person__isnull=False)
                | Q(agency__isnull=False, person__isnull=True),
                name="recipient_agency_or_person",
            ),
            models.UniqueConstraint(
                fields=["draft", "agency"],
                condition=Q(agency__isnull=False),
                name="recipient_agency_unique",
            ),
            models.UniqueConstraint(
                fields=["draft", "person"],
                condition=Q(person__isnull=False),
                name="recipient_person_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.agency_id is not None and self.agency is not None:
            return self.agency.name
        return self.person.full_name if self.person is not None else ""

    @property
    def has_answered(self) -> bool:
        return self.answered_at is not None


class Resolution(models.TextChoices):
    PENDING = "pending", _("Chưa xử lý")
    ACCEPTED = "accepted", _("Tiếp thu")
    EXPLAINED = "explained", _("Giải trình")


def explained_has_reason(name: str) -> models.CheckConstraint:
    """An explanation (giải trình) always says why the comment was not taken in."""
    return models.CheckConstraint(
        condition=~Q(resolution=Resolution.EXPLAINED) | ~Q(reason=""), name=name
    )


class Resolved(models.Model):
    """How the drafting side took a comment, or a theme of like comments: accepted (tiếp thu),
    or explained (giải trình) with the reason. Comments on a draft, the group discussion's and
    the public consultation's themes all carry it; each model adds `explained_has_reason`."""

    Resolution = Resolution
    RESOLUTION_FIELDS = ("resolution", "reason", "resolved_by", "resolved_at")

    resolution = models.CharField(
        _("tiếp thu, giải trình"),
        max_length=12,
        choices=Resolution.choices,
        default=Resolution.PENDING,
    )
    reason = models.TextField(_("nội dung tiếp thu, giải trình"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_pending(self) -> bool:
        return self.resolution == Resolution.PENDING

    @property
    def badge_class(self) -> str:
        if self.resolution == Resolution.ACCEPTED:
            return "done_on_time"
        return "awaiting" if self.is_pending else "open_on_time"

    def mark(self, resolution: str, reason: str, by: Any) -> None:
        """Sets the resolution (not saved); back to pending clears who resolved it and when."""
        pending = resolution == Resolution.PENDING
        self.resolution = resolution
        self.reason = reason
        self.resolved_by = None if pending else by
        self.resolved_at = None if pending else timezone.now()


class Comment(Resolved):
    """One comment on a section or on the whole draft, and how the drafting unit took it."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="comments")
    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="comments")
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    text = models.TextField(_("ý kiến"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = _("ý kiến góp ý")
        ordering = ["draft", "id"]
        constraints = [explained_has_reason("comment_explained_has_reason")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def section_label(self) -> str:
        return self.section.label if self.section is not None else "Toàn văn"


class ConsultationAction(AuditAction):
    SENT = "consultation.sent", _("Gửi dự thảo lấy ý kiến")
    REVISED = "consultation.revised", _("Gửi dự thảo sửa đổi lấy ý kiến")
    REMINDED = "consultation.reminded", _("Nhắc góp ý dự thảo")
    SHARED = "consultation.synthesis_shared", _("Chia sẻ bảng tổng hợp ý kiến")
    UNSHARED = "consultation.synthesis_unshared", _("Thôi chia sẻ bảng tổng hợp ý kiến")
    ADOPTED = "consultation.adopted", _("Thông qua bản cuối cùng")
    COMMENTED = "consultation.commented", _("Góp ý dự thảo")
    RESOLVED = "consultation.comment_resolved", _("Tiếp thu, giải trình ý kiến")
