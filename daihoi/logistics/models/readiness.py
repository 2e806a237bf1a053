"""Service readiness (công tác chuẩn bị phục vụ): checklist items per area, each with the agency
responsible, its state, a deadline and photos proving the work is done."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.uploads import StoredUpload
from daihoi.core.versioning import Versioned
from daihoi.organizations.models import Agency, Congress


class ReadinessArea(models.TextChoices):
    HALL = "hall", _("Trang trí hội trường, khánh tiết")
    FLAGS = "flags", _("Cờ, pano, khẩu hiệu tuyên truyền")
    SECURITY = "security", _("An ninh, trật tự")
    HEALTH = "health", _("Y tế, phòng chống dịch")
    SANITATION = "sanitation", _("Vệ sinh môi trường")
    CULTURE = "culture", _("Chương trình văn hóa, văn nghệ")
    FACILITIES = "facilities", _("Cơ sở vật chất, âm thanh, ánh sáng")
    BOARD = "board", _("Ăn, nghỉ, đi lại")


class ReadinessState(models.TextChoices):
    TODO = "todo", _("Chưa triển khai")
    DOING = "doing", _("Đang chuẩn bị")
    READY = "ready", _("Đã sẵn sàng")
    PROBLEM = "problem", _("Có vướng mắc")


class ReadinessItem(Versioned):
    congress = models.ForeignKey(
        Congress,
        on_delete=models.CASCADE,
        related_name="readiness_items",
        verbose_name=_("Đại hội"),
    )
    area = models.CharField(_("lĩnh vực"), max_length=16, choices=ReadinessArea.choices)
    title = models.CharField(_("hạng mục"), max_length=300)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="readiness_items",
        verbose_name=_("cơ quan chịu trách nhiệm"),
    )
    state = models.CharField(
        _("tình trạng"), max_length=10, choices=ReadinessState.choices, default=ReadinessState.TODO
    )
    deadline = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("hạng mục chuẩn bị phục vụ")
        verbose_name_plural = _("hạng mục chuẩn bị phục vụ")
        ordering = ["area", "deadline", "pk"]
        indexes = [models.Index(fields=["congress", "area", "state"], name="readiness_area_idx")]

    def __str__(self) -> str:
        return self.title

    def is_late(self, today: dt.date) -> bool:
        return (
            self.state != ReadinessState.READY
            and self.deadline is not None
            and self.deadline < today
        )


def late_q(today: dt.date) -> Q:
    """Items not ready whose deadline has passed: a plain condition, so counts stay in SQL."""
    return ~Q(state=ReadinessState.READY) & Q(deadline__lt=today)


def _photo_path(instance: "ReadinessPhoto", filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    return f"readiness/{dt.date.today():%Y/%m}/{instance.item_id}-{instance.pk or 'n'}{suffix}"


class ReadinessPhoto(StoredUpload):
    """A photo (or scanned record) proving a checklist item's state."""

    item = models.ForeignKey(ReadinessItem, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=_photo_path, max_length=300)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ảnh minh chứng")
        verbose_name_plural = _("ảnh minh chứng")
        ordering = ["uploaded_at", "pk"]
