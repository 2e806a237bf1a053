"""Plans (kế hoạch) and the areas and phases tasks are filed under."""

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from daihoi.core.softdelete import SoftDeleteModel
from daihoi.core.versioning import Versioned
from daihoi.organizations.models import Agency, Committee, Congress

if TYPE_CHECKING:
    pass


class Phase(models.TextChoices):
    BEFORE = "before", _("Trước Đại hội")
    DURING = "during", _("Trong Đại hội")
    AFTER = "after", _("Sau Đại hội")
    THROUGHOUT = "throughout", _("Trước, trong và sau Đại hội")


class Plan(Versioned, SoftDeleteModel):
    """Kế hoạch: an official plan holding tasks; it may concretise a parent plan."""

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="plans", verbose_name=_("Đại hội")
    )
    committee = models.ForeignKey(
        Committee,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("tiểu ban"),
    )
    number = models.PositiveIntegerField(_("số"))
    issuer_code = models.CharField(
        _("ký hiệu cơ quan ban hành"), max_length=32, help_text=_("Ví dụ: UBND, TU, VPTU")
    )
    issuer = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="issued_plans",
        verbose_name=_("cơ quan ban hành"),
    )
    issued_on = models.DateField(_("ngày ban hành"))
    year = models.PositiveSmallIntegerField(editable=False)
    subject = models.CharField(_("trích yếu"), max_length=500)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("cụ thể hóa kế hoạch"),
    )
    # Its entry in the congress's registry of official documents (kind KH).
    document = models.OneToOneField(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan",
        verbose_name=_("văn bản"),
    )
    # By when each lead agency sends its detailed plan for its tasks (a task may set its own).
    detailed_plan_due = models.DateField(_("hạn nộp kế hoạch chi tiết"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["year"])

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-issued_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "issuer_code", "year", "number"], name="plan_number_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="plan_number_positive"),
        ]

    def __str__(self) -> str:
        return f"Kế hoạch số {self.symbol}"

    def save(self, *args, **kwargs) -> None:
        self.year = self.issued_on.year
        super().save(*args, **kwargs)

    @property
    def symbol(self) -> str:
        """State layout "268/KH-UBND"; Party layout "06-KH/TU"."""
        rules = self.issuer.layout if self.issuer is not None else self.congress.document_rules
        if rules == Congress.Rules.STATE:
            return f"{self.number:02d}/KH-{self.issuer_code}"
        return f"{self.number:02d}-KH/{self.issuer_code}"
