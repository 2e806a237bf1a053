"""Budget estimates (dự trù kinh phí), spending norms and actual spending. Money is whole đồng."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from daihoi.core.audit import AuditAction
from daihoi.core.uploads import StoredUpload
from daihoi.core.versioning import Versioned
from daihoi.organizations.models import Agency, Congress
from daihoi.planning.models import Task

# Beyond these an amount is a typing mistake, not a congress budget line.
MAX_QUANTITY = 1_000_000
MAX_UNIT_PRICE = 100_000_000_000  # 100 tỷ đồng
MAX_AMOUNT = 1_000_000_000_000  # 1.000 tỷ đồng


class Category(models.TextChoices):
    """Nhóm chi, the columns of Finance's compiled table."""

    MEETING = "meeting", _("Hội nghị, cuộc họp")
    PRINTING = "printing", _("In ấn, tài liệu")
    DECORATION = "decoration", _("Trang trí, khánh tiết")
    PROPAGANDA = "propaganda", _("Tuyên truyền, văn nghệ")
    BOARD = "board", _("Ăn, nghỉ, đi lại")
    ALLOWANCE = "allowance", _("Bồi dưỡng, phụ cấp")
    EQUIPMENT = "equipment", _("Trang thiết bị, vật tư")
    SECURITY = "security", _("An ninh, y tế")
    OTHER = "other", _("Chi khác")


class EstimateAction(AuditAction):
    """The budget's action codes in the audit trail."""

    NORM_CREATED = "norm.created", _("Thêm định mức chi")
    NORM_UPDATED = "norm.updated", _("Sửa định mức chi")
    NORM_IMPORTED = "norm.imported", _("Nhập định mức từ tệp Excel")
    CREATED = "estimate.created", _("Lập dự trù kinh phí")
    UPDATED = "estimate.updated", _("Sửa thông tin dự trù")
    LINE_ADDED = "estimate.line_added", _("Thêm khoản chi")
    LINE_UPDATED = "estimate.line_updated", _("Sửa khoản chi")
    LINE_DELETED = "estimate.line_deleted", _("Xóa khoản chi")
    SUBMITTED = "estimate.submitted", _("Gửi Sở Tài chính")
    RETURNED = "estimate.returned", _("Trả lại để hoàn thiện")
    APPROVED = "estimate.approved", _("Thẩm định")
    SPENDING_RECORDED = "estimate.spending_recorded", _("Ghi nhận chi")
    SUPPLEMENT_CREATED = "estimate.supplement_created", _("Lập dự trù bổ sung")


class Norm(Versioned):
    """Định mức, chế độ chi: the highest unit price Finance accepts for an item."""

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="norms", verbose_name=_("Đại hội")
    )
    code = models.CharField(_("mã"), max_length=20, help_text=_("Ví dụ: DM01"))
    name = models.CharField(_("nội dung chi"), max_length=255)
    category = models.CharField(
        _("nhóm chi"), max_length=16, choices=Category.choices, default=Category.OTHER
    )
    unit = models.CharField(_("đơn vị tính"), max_length=40, help_text=_("người/ngày, bộ, trang…"))
    max_unit_price = models.BigIntegerField(_("mức chi tối đa (đồng)"))
    legal_basis = models.CharField(
        _("căn cứ"), max_length=255, blank=True, help_text=_("Ví dụ: Nghị quyết số 12/2019/NQ-HĐND")
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("định mức chi")
        verbose_name_plural = _("định mức chi")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "code"], name="norm_code_unique"),
            models.CheckConstraint(
                condition=Q(max_unit_price__gte=0) & Q(max_unit_price__lte=MAX_UNIT_PRICE),
                name="norm_price_in_range",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="norm_validity_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class Estimate(Versioned):
    """One agency's budget estimate for its congress work: one original per agency and congress,
    then, once it is approved, any number of supplements (dự trù bổ sung) numbered 1, 2, …"""

    class Kind(models.TextChoices):
        ORIGINAL = "original", _("Dự trù")
        SUPPLEMENT = "supplement", _("Dự trù bổ sung")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang lập")
        SUBMITTED = "submitted", _("Đã gửi Sở Tài chính")
        RETURNED = "returned", _("Trả lại để hoàn thiện")
        APPROVED = "approved", _("Đã thẩm định")

    EDITABLE = (Status.DRAFT, Status.RETURNED)
    SEEN_BY_FINANCE = (Status.SUBMITTED, Status.RETURNED, Status.APPROVED)

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="estimates", verbose_name=_("Đại hội")
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="estimates", verbose_name=_("đơn vị")
    )
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices, default=Kind.ORIGINAL)
    supplement_to = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supplements",
        verbose_name=_("bổ sung cho dự trù"),
    )
    # 0 for the original; "Bổ sung lần n" for the n-th supplement of the agency's estimate.
    sequence = models.PositiveSmallIntegerField(_("lần bổ sung"), default=0)
    title = models.CharField(_("tên dự trù"), max_length=255)
    note = models.TextField(_("thuyết minh"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    # Sums of the lines, kept by the services so lists and totals never add up rows again.
    requested_total = models.BigIntegerField(_("tổng đề nghị"), default=0)
    approved_total = models.BigIntegerField(_("tổng thẩm định"), null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    return_comment = models.TextField(_("ý kiến trả lại"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("dự trù kinh phí")
        verbose_name_plural = _("dự trù kinh phí")
        ordering = ["agency__name", "sequence"]
        constraints = [
            # Meta cannot see `Kind`; "original" is Kind.ORIGINAL.
            models.UniqueConstraint(
                fields=["congress", "agency"],
                condition=Q(kind="original"),
                name="estimate_one_per_agency",
            ),
            models.UniqueConstraint(
                fields=["supplement_to", "sequence"], name="estimate_supplement_numbered"
            ),
            models.CheckConstraint(
                condition=(Q(kind="original") & Q(supplement_to__isnull=True) & Q(sequence=0))
                | (~Q(kind="original") & Q(supplement_to__isnull=False) & Q(sequence__gte=1)),
                name="estimate_supplement_linked",
            ),
            models.CheckConstraint(
                condition=Q(requested_total__gte=0), name="estimate_total_not_negative"
            ),
            models.CheckConstraint(
                # Meta cannot see `Status`; this is Status.APPROVED.
                condition=~Q(status="approved") | Q(approved_total__isnull=False),
                name="estimate_approved_has_total",
            ),
        ]
        indexes = [models.Index(fields=["congress", "status"], name="estimate_status_idx")]

    def __str__(self) -> str:
        return f"{self.title} — {self.agency}"

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def is_supplement(self) -> bool:
        return self.kind == Estimate.Kind.SUPPLEMENT

    @property
    def kind_label(self) -> str:
        """How notices and pages name it: "dự trù" or "dự trù bổ sung"."""
        return str(Estimate.Kind(self.kind).label).lower()

    @property
    def supplement_label(self) -> str:
        return f"Bổ sung lần {self.sequence}" if self.is_supplement else ""

    @property
    def status_class(self) -> str:
        """The badge colour of the state, shared with the task badges."""
        return STATUS_CLASSES[Estimate.Status(self.status)]

    @property
    def status_label(self) -> str:
        return str(Estimate.Status(self.status).label)


STATUS_CLASSES = {
    Estimate.Status.DRAFT: "on_hold",
    Estimate.Status.SUBMITTED: "awaiting",
    Estimate.Status.RETURNED: "open_overdue",
    Estimate.Status.APPROVED: "done_on_time",
}


class EstimateLine(Versioned):
    estimate = models.ForeignKey(Estimate, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField(_("số thứ tự"), default=1)
    content = models.CharField(_("nội dung chi"), max_length=500)
    task = models.ForeignKey(
        Task,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_lines",
        verbose_name=_("nhiệm vụ"),
    )
    norm = models.ForeignKey(
        Norm,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lines",
        verbose_name=_("định mức áp dụng"),
    )
    category = models.CharField(
        _("nhóm chi"), max_length=16, choices=Category.choices, default=Category.OTHER
    )
    unit = models.CharField(_("đơn vị tính"), max_length=40)
    quantity = models.PositiveIntegerField(_("số lượng"))
    unit_price = models.BigIntegerField(_("đơn giá (đồng)"))
    amount = models.BigIntegerField(_("thành tiền (đồng)"))
    # Set by the services from the norm at the time of saving; Finance sees the flag.
    over_norm = models.BooleanField(_("vượt định mức"), default=False)
    notes = models.TextField(_("ghi chú, giải trình"), blank=True)
    approved_amount = models.BigIntegerField(_("số thẩm định (đồng)"), null=True, blank=True)
    approval_reason = models.TextField(_("lý do điều chỉnh"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dòng dự trù")
        verbose_name_plural = _("dòng dự trù")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=1) & Q(quantity__lte=MAX_QUANTITY),
                name="line_quantity_in_range",
            ),
            models.CheckConstraint(
                condition=Q(unit_price__gte=0) & Q(unit_price__lte=MAX_UNIT_PRICE),
                name="line_price_in_range",
            ),
            models.CheckConstraint(
                condition=Q(amount=F("quantity") * F("unit_price")), name="line_amount_computed"
            ),
            models.CheckConstraint(
                condition=Q(approved_amount__isnull=True) | Q(approved_amount__gte=0),
                name="line_approved_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.content

    @property
    def norm_ceiling(self) -> int | None:
        """The most the norm allows for this line's quantity."""
        if self.norm is None:
            return None
        return self.norm.max_unit_price * self.quantity


class Spending(models.Model):
    """Actual spending recorded by the agency against an approved line."""

    line = models.ForeignKey(
        EstimateLine, on_delete=models.PROTECT, related_name="spendings", verbose_name=_("khoản")
    )
    # Copied from the line, so the dashboard sums spending per agency without joining lines.
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="spendings")
    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="spendings")
    spent_on = models.DateField(_("ngày chi"))
    content = models.CharField(_("nội dung"), max_length=500)
    amount = models.BigIntegerField(_("số tiền (đồng)"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("khoản chi")
        verbose_name_plural = _("khoản chi")
        ordering = ["-spent_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=1) & Q(amount__lte=MAX_AMOUNT),
                name="spending_amount_in_range",
            ),
        ]
        indexes = [models.Index(fields=["congress", "agency"], name="spending_agency_idx")]

    def __str__(self) -> str:
        return self.content


def _spending_file_path(instance: "SpendingAttachment", filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    return (
        f"budget/{dt.date.today():%Y/%m}/{instance.spending_id}-{instance.spending.line_id}{suffix}"
    )


class SpendingAttachment(StoredUpload):
    spending = models.ForeignKey(Spending, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=_spending_file_path, max_length=300)

    class Meta:
        verbose_name = _("chứng từ đính kèm")
        verbose_name_plural = _("chứng từ đính kèm")
