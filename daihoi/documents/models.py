"""Official documents (văn bản): the congress's registry, numbering and files."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from daihoi.core.audit import AuditAction
from daihoi.core.softdelete import SoftDeleteModel
from daihoi.organizations.models import Agency, Congress, Person


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


class Document(SoftDeleteModel):
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
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.RESTRICT,
        related_name="+",
        verbose_name=_("người tạo"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

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
