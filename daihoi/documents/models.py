"""Official documents (văn bản): the congress's registry, numbering and files."""

from typing import TYPE_CHECKING, Any, ClassVar, Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from daihoi.core.audit import AuditAction
from daihoi.core.softdelete import AliveManager, SoftDeleteModel
from daihoi.core.versioning import Versioned
from daihoi.organizations.models import Agency, Congress, Person

if TYPE_CHECKING:
    from daihoi.organizations.permissions import Access


class DocumentKind(models.TextChoices):
    """Type codes of Decree 30/2020 Appendix III and HD 36-HD/VPTW; the value is the code."""

    NQ = "NQ", _("Nghị quyết")
    QD = "QĐ", _("Quyết định")
    CT = "CT", _("Chỉ thị")
    KL = "KL", _("Kết luận")
    QC = "QC", _("Quy chế")
    QYD = "QyĐ", _("Quy định")
    TT = "TT", _("Thông tri")
    TC = "TC", _("Thông cáo")
    TB = "TB", _("Thông báo")
    HD = "HD", _("Hướng dẫn")
    CTR = "CTr", _("Chương trình")
    KH = "KH", _("Kế hoạch")
    PA = "PA", _("Phương án")
    DA = "ĐA", _("Đề án")
    BC = "BC", _("Báo cáo")
    BB = "BB", _("Biên bản")
    TTR = "TTr", _("Tờ trình")
    CV = "CV", _("Công văn")
    GM = "GM", _("Giấy mời")
    GGT = "GGT", _("Giấy giới thiệu")


def _file_path(document: "Document", filename: str) -> str:
    return f"documents/{document.congress_id}/{document.year or 'du-thao'}/{filename}"


class Confidentiality(models.TextChoices):
    """Độ mật: a document marked Mật or Tối mật is read only by the people named on it."""

    NORMAL = "normal", _("Thường")
    SECRET = "secret", _("Mật")
    TOP_SECRET = "top_secret", _("Tối mật")


class Urgency(models.TextChoices):
    """Độ khẩn of a document."""

    NORMAL = "normal", _("Thường")
    URGENT = "urgent", _("Khẩn")
    VERY_URGENT = "very_urgent", _("Thượng khẩn")
    FLASH = "flash", _("Hỏa tốc")


def readable_q(model: type[models.Model], user: Any) -> Q:
    """The one secrecy rule, for outgoing and incoming documents alike: not marked secret, or
    naming `user` as a reader. (A subquery, not a join, so no row is repeated.)"""
    field = model.readers.field  # type: ignore[attr-defined]
    named = field.remote_field.through.objects.filter(
        **{field.m2m_reverse_field_name(): user.pk}
    ).values(field.m2m_field_name())
    return Q(confidentiality=Confidentiality.NORMAL) | Q(pk__in=named)


class SecrecyQuerySet(models.QuerySet[Any]):
    def readable_by(self, user: Any) -> Self:
        """Documents not marked secret, and the secret ones naming `user` (`readable_q`)."""
        return self.filter(readable_q(self.model, user))


class Confidential(models.Model):
    """A confidentiality mark and, for Mật/Tối mật, the people allowed to read the document."""

    confidentiality = models.CharField(
        _("độ mật"), max_length=12, choices=Confidentiality.choices, default=Confidentiality.NORMAL
    )
    readers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("người được xem văn bản mật"),
    )

    class Meta:
        abstract = True

    @property
    def is_secret(self) -> bool:
        return self.confidentiality != Confidentiality.NORMAL

    def readable_by(self, user: Any) -> bool:
        """The object-level form of `SecrecyQuerySet.readable_by` (one query for a secret one)."""
        return not self.is_secret or self.readers.filter(pk=user.pk).exists()


class DocumentQuerySet(SecrecyQuerySet):
    def visible_to(self, access: "Access") -> "DocumentQuerySet":
        """What the actor may read, the one rule of every read of the registry: members see
        their whole congress, an agency officer what was issued to the agency; of the secret
        documents, only those naming the actor."""
        qs = self.filter(congress=access.congress)
        if not access.sees_whole_congress:
            if access.agency_id is None:
                return qs.none()
            sent = Document.recipient_agencies.through.objects.filter(agency_id=access.agency_id)
            qs = qs.filter(
                status__in=[Document.Status.ISSUED, Document.Status.SUPERSEDED],
                pk__in=sent.values("document_id"),
            )
        return qs.readable_by(access.user)


DocumentManager = AliveManager.from_queryset(DocumentQuerySet)


class Document(Versioned, Confidential, SoftDeleteModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")
        SUPERSEDED = "superseded", _("Đã bị thay thế")

    class Origin(models.TextChoices):
        DRAFTED = "drafted", _("Soạn thảo trên hệ thống")
        REGISTERED = "registered", _("Vào sổ văn bản ban hành nơi khác")

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="documents", verbose_name=_("Đại hội")
    )
    kind = models.CharField(_("loại văn bản"), max_length=8, choices=DocumentKind.choices)
    issuer = models.ForeignKey(
        Agency,
        on_delete=models.RESTRICT,
        related_name="issued_documents",
        verbose_name=_("cơ quan ban hành"),
    )
    # Taken from the issuer when the number is given, so a later change of the agency's
    # code never alters the symbol of a document already issued.
    issuer_code = models.CharField(_("ký hiệu cơ quan ban hành"), max_length=32, blank=True)
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    symbol = models.CharField(_("số, ký hiệu"), max_length=64, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    subject = models.CharField(_("trích yếu"), max_length=500)
    body = models.TextField(_("nội dung"), blank=True, help_text=_("Mỗi đoạn một dòng"))
    recipients = models.TextField(
        _("nơi nhận"), blank=True, help_text=_("Mỗi nơi nhận một dòng, ví dụ: Như trên")
    )
    recipient_agencies = models.ManyToManyField(
        Agency,
        blank=True,
        related_name="received_documents",
        verbose_name=_("cơ quan được xem văn bản"),
    )
    signer = models.ForeignKey(
        Person,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="signed_documents",
        verbose_name=_("người ký"),
    )
    signer_title = models.CharField(
        _("chức vụ người ký"), max_length=150, blank=True, help_text=_("Ví dụ: PHÓ CHỦ TỊCH")
    )
    authority = models.CharField(
        _("thẩm quyền ký"),
        max_length=150,
        blank=True,
        help_text=_("Ví dụ: TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, T/M BAN THƯỜNG VỤ"),
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    origin = models.CharField(
        _("nguồn"), max_length=12, choices=Origin.choices, default=Origin.DRAFTED
    )
    replaces = models.ForeignKey(
        "self",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("thay thế văn bản"),
    )
    docx = models.FileField(_("tệp DOCX"), upload_to=_file_path, max_length=300, blank=True)
    pdf = models.FileField(_("tệp PDF"), upload_to=_file_path, max_length=300, blank=True)
    # The signed scan of a document issued on paper, uploaded when it is registered or later.
    scan = models.FileField(
        _("bản ký số / bản chụp"), upload_to=_file_path, max_length=300, blank=True
    )
    scan_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.RESTRICT,
        related_name="+",
        verbose_name=_("người tạo"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    objects: ClassVar[DocumentManager] = DocumentManager()

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-issued_on", "-number", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "issuer", "kind", "year", "number"],
                name="document_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")  # Status.DRAFT: Meta cannot see the nested class
                | Q(number__gte=1, year__isnull=False, issued_on__isnull=False),
                name="document_issued_has_number_and_date",
            ),
        ]
        indexes = [
            models.Index(fields=["congress", "-issued_on"], name="document_registry_idx"),
        ]

    def __str__(self) -> str:
        label = DocumentKind(self.kind).label
        if self.symbol:
            return f"{label} số {self.symbol}"
        return f"{label} (dự thảo): {self.subject}"

    @property
    def kind_label(self) -> str:
        return str(DocumentKind(self.kind).label)

    @property
    def is_issued(self) -> bool:
        """In force: issued and not yet superseded."""
        return self.status == self.Status.ISSUED

    @property
    def status_class(self) -> str:
        """The badge colour of the status in lists."""
        if self.status == self.Status.ISSUED:
            return "done_on_time"
        return "awaiting" if self.is_draft else "dropped"

    @property
    def is_registered(self) -> bool:
        return self.origin == self.Origin.REGISTERED

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]

    @property
    def body_paragraphs(self) -> list[str]:
        return [line.strip() for line in self.body.splitlines() if line.strip()]


class DocumentAction(AuditAction):
    """What services record in the audit trail about a document."""

    DRAFTED = "document.drafted", _("Tạo dự thảo văn bản")
    UPDATED = "document.updated", _("Sửa dự thảo văn bản")
    ISSUED = "document.issued", _("Ban hành văn bản")
    SUPERSEDED = "document.superseded", _("Bị thay thế bởi văn bản khác")
    REGISTERED = "document.registered", _("Vào sổ văn bản")
    REGISTRATION_CORRECTED = "document.registration_corrected", _("Sửa thông tin vào sổ")
    PDF_STORED = "document.pdf_stored", _("Tạo bản PDF")
    SCAN_ATTACHED = "document.scan_attached", _("Đính kèm bản ký")
    READERS_SET = "document.readers_set", _("Đặt người được xem văn bản mật")
    DELETED = "document.deleted", _("Xóa dự thảo")
    RESTORED = "document.restored", _("Khôi phục dự thảo")


class NumberSequence(models.Model):
    """The last number an office gave to one kind of document in one year.

    Locked with SELECT … FOR UPDATE inside the issuing transaction, so two officers
    issuing at the same moment wait for each other and get consecutive numbers.
    """

    issuer = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=DocumentKind.choices)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sổ đăng ký số văn bản")
        verbose_name_plural = _("sổ đăng ký số văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "kind", "year"], name="number_sequence_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year}: {self.last_number}"


def _incoming_path(document: "IncomingDocument", filename: str) -> str:
    return f"documents/{document.congress_id}/den/{document.year}/{filename}"


class IncomingQuerySet(SecrecyQuerySet):
    def visible_to(self, access: "Access") -> "IncomingQuerySet":
        """What the actor may read of the register of documents received: the whole-congress
        roles read it all, an agency officer what their agency handles; of the secret ones,
        only those naming the actor."""
        qs = self.filter(congress=access.congress)
        if not access.sees_whole_congress:
            if access.agency_id is None:
                return qs.none()
            handled = IncomingDocument.handling_agencies.through.objects.filter(
                agency_id=access.agency_id
            )
            qs = qs.filter(pk__in=handled.values("incomingdocument_id"))
        return qs.readable_by(access.user)


IncomingManager = AliveManager.from_queryset(IncomingQuerySet)


class IncomingDocument(Versioned, Confidential, SoftDeleteModel):
    """An entry of the register of documents received (sổ văn bản đến)."""

    congress = models.ForeignKey(
        Congress,
        on_delete=models.RESTRICT,
        related_name="incoming_documents",
        verbose_name=_("Đại hội"),
    )
    # Số đến: consecutive per congress and year of receipt, given by `incoming_register`.
    arrival_number = models.PositiveIntegerField(_("số đến"))
    year = models.PositiveSmallIntegerField(_("năm"))
    received_on = models.DateField(_("ngày đến"))
    sender_symbol = models.CharField(_("số, ký hiệu"), max_length=64, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer_agency = models.ForeignKey(
        Agency,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="sent_documents",
        verbose_name=_("cơ quan ban hành (trong danh sách)"),
    )
    issuer_name = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    subject = models.CharField(_("trích yếu"), max_length=500)
    urgency = models.CharField(
        _("độ khẩn"), max_length=12, choices=Urgency.choices, default=Urgency.NORMAL
    )
    file = models.FileField(_("tệp văn bản"), upload_to=_incoming_path, max_length=300, blank=True)
    file_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    handling_agencies = models.ManyToManyField(
        Agency,
        blank=True,
        related_name="incoming_to_handle",
        verbose_name=_("đơn vị xử lý"),
    )
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.RESTRICT,
        related_name="+",
        verbose_name=_("người vào sổ"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    objects: ClassVar[IncomingManager] = IncomingManager()

    class Meta:
        verbose_name = _("văn bản đến")
        verbose_name_plural = _("văn bản đến")
        ordering = ["-year", "-arrival_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "year", "arrival_number"], name="incoming_number_unique"
            ),
            models.CheckConstraint(condition=Q(arrival_number__gte=1), name="incoming_number_1"),
        ]
        indexes = [
            models.Index(fields=["congress", "-received_on"], name="incoming_register_idx"),
        ]

    def __str__(self) -> str:
        return f"Văn bản đến số {self.arrival_number}/{self.year}"

    @property
    def is_urgent(self) -> bool:
        return self.urgency != Urgency.NORMAL

    @property
    def issuer_label(self) -> str:
        return self.issuer_agency.name if self.issuer_agency is not None else self.issuer_name


class ArrivalSequence(models.Model):
    """The last arrival number of a congress's register in one year; locked like
    `NumberSequence` (`numbering.take_next`)."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sổ văn bản đến")
        verbose_name_plural = _("sổ văn bản đến")
        constraints = [
            models.UniqueConstraint(fields=["congress", "year"], name="arrival_sequence_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class IncomingAction(AuditAction):
    """What services record in the audit trail about a document received."""

    REGISTERED = "incoming.registered", _("Vào sổ văn bản đến")
    UPDATED = "incoming.updated", _("Sửa thông tin văn bản đến")
    FILE_ATTACHED = "incoming.file_attached", _("Đính kèm tệp văn bản đến")
    READERS_SET = "incoming.readers_set", _("Đặt người được xem văn bản mật")
    TASKED = "incoming.tasked", _("Giao xử lý văn bản đến thành nhiệm vụ")
    DELETED = "incoming.deleted", _("Xóa văn bản đến")
    RESTORED = "incoming.restored", _("Khôi phục văn bản đến")
