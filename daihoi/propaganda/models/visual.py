"""The visual propaganda register: approved slogans, routes, items on the streets, photo proof."""

import datetime as dt
import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction
from daihoi.core.uploads import StoredUpload
from daihoi.core.versioning import Versioned
from daihoi.organizations.models import Agency, Congress

# Beyond this a quantity is a typing mistake (a province hangs a few thousand flags per route).
MAX_QUANTITY = 100_000


class VisualAction(AuditAction):
    SLOGAN_CREATED = "slogan.created", _("Thêm khẩu hiệu")
    SLOGAN_UPDATED = "slogan.updated", _("Sửa khẩu hiệu")
    ROUTE_CREATED = "route.created", _("Thêm tuyến đường, địa bàn")
    ROUTE_UPDATED = "route.updated", _("Sửa tuyến đường, địa bàn")
    ITEM_CREATED = "visual_item.created", _("Đăng ký hạng mục tuyên truyền trực quan")
    ITEM_UPDATED = "visual_item.updated", _("Sửa hạng mục tuyên truyền trực quan")
    ITEM_STATE_CHANGED = "visual_item.state_changed", _("Đổi trạng thái hạng mục")
    PHOTO_ADDED = "visual_item.photo_added", _("Thêm ảnh minh chứng")


class Slogan(Versioned):
    """Khẩu hiệu: a slogan of the approved list; only approved ones go on new items."""

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="slogans", verbose_name=_("Đại hội")
    )
    text = models.CharField(_("nội dung khẩu hiệu"), max_length=500)
    source = models.CharField(
        _("căn cứ"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Hướng dẫn của Ban Tuyên giáo Trung ương"),
    )
    position = models.PositiveSmallIntegerField(_("số thứ tự"), default=1)
    approved = models.BooleanField(_("đang sử dụng"), default=True)

    class Meta:
        verbose_name = _("khẩu hiệu")
        verbose_name_plural = _("khẩu hiệu")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "text"], name="slogan_unique_text"),
        ]

    def __str__(self) -> str:
        return self.text


class Route(Versioned):
    """Tuyến đường, địa bàn: where items hang. `path` is its line on the map, [[lat, lon], …]."""

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="routes", verbose_name=_("Đại hội")
    )
    name = models.CharField(_("tên tuyến đường, địa bàn"), max_length=255)
    locality = models.CharField(_("địa bàn (phường, xã, huyện)"), max_length=255, blank=True)
    path = models.JSONField(_("các điểm của tuyến"), default=list, blank=True)

    class Meta:
        verbose_name = _("tuyến đường, địa bàn")
        verbose_name_plural = _("tuyến đường, địa bàn")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "name"], name="route_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class ItemKind(models.TextChoices):
    PANEL = "panel", _("Pano")
    BANNER = "banner", _("Băng rôn")
    NATIONAL_FLAG = "national_flag", _("Cờ Tổ quốc")
    PARTY_FLAG = "party_flag", _("Cờ Đảng")
    LED = "led", _("Màn hình LED")

    @classmethod
    def carries_slogan(cls, kind: str) -> bool:
        """A pano, a banner or a screen shows a slogan; a flag does not."""
        return kind in (cls.PANEL, cls.BANNER, cls.LED)


class ItemState(models.TextChoices):
    PLANNED = "planned", _("Chưa lắp đặt")
    INSTALLED = "installed", _("Đã lắp đặt")
    REMOVED = "removed", _("Đã tháo dỡ")
    CANCELLED = "cancelled", _("Hủy")


def overdue_install_q(today: dt.date) -> Q:
    """Planned and its install day has passed: the dashboard's "chậm lắp đặt"."""
    return Q(state=ItemState.PLANNED, install_on__lt=today)


def overdue_removal_q(today: dt.date) -> Q:
    return Q(state=ItemState.INSTALLED, remove_on__lt=today)


class VisualItem(Versioned):
    """One line of the register: a kind, on a route at a place, so many of them, one slogan.

    Its route, slogan and agency are RESTRICT: none can be deleted from under an item, but a
    congress deleted whole takes its items with it."""

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="visual_items", verbose_name=_("Đại hội")
    )
    kind = models.CharField(_("loại"), max_length=16, choices=ItemKind.choices)
    route = models.ForeignKey(
        Route, on_delete=models.RESTRICT, related_name="items", verbose_name=_("tuyến đường")
    )
    location = models.CharField(_("vị trí"), max_length=255)
    latitude = models.DecimalField(
        _("vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    quantity = models.PositiveIntegerField(_("số lượng"), default=1)
    slogan = models.ForeignKey(
        Slogan,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("khẩu hiệu"),
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.RESTRICT,
        related_name="visual_items",
        verbose_name=_("đơn vị thực hiện"),
    )
    install_on = models.DateField(_("ngày lắp đặt dự kiến"))
    remove_on = models.DateField(_("ngày tháo dỡ dự kiến"), null=True, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=12, choices=ItemState.choices, default=ItemState.PLANNED
    )
    installed_on = models.DateField(_("ngày đã lắp đặt"), null=True, blank=True)
    removed_on = models.DateField(_("ngày đã tháo dỡ"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hạng mục tuyên truyền trực quan")
        verbose_name_plural = _("hạng mục tuyên truyền trực quan")
        ordering = ["route_id", "install_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(remove_on__isnull=True) | Q(remove_on__gte=F("install_on")),
                name="visual_item_removal_after_install",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="visual_item_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="visual_item_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(quantity__gte=1), name="visual_item_quantity_positive"
            ),
        ]
        indexes = [
            models.Index(fields=["congress", "state", "install_on"], name="visual_item_due_idx"),
            models.Index(fields=["route", "install_on"], name="visual_item_route_idx"),
            models.Index(
                fields=["congress", "route", "install_on", "id"], name="visual_item_list_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.location}"

    def is_overdue(self, today: dt.date) -> bool:
        return self.state == ItemState.PLANNED and self.install_on < today

    def removal_overdue(self, today: dt.date) -> bool:
        return (
            self.state == ItemState.INSTALLED
            and self.remove_on is not None
            and self.remove_on < today
        )

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def _photo_path(instance: "ItemPhoto", filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    return f"propaganda/{dt.date.today():%Y/%m}/{instance.item_id}-{uuid.uuid4().hex[:12]}{suffix}"


class ItemPhoto(StoredUpload):
    """Ảnh minh chứng: when and where the photo was taken, read from its EXIF when present."""

    class TakenFrom(models.TextChoices):
        EXIF = "exif", _("Theo dữ liệu ảnh (EXIF)")
        UPLOAD = "upload", _("Theo thời điểm tải lên")

    item = models.ForeignKey(VisualItem, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=_photo_path, max_length=300)
    taken_at = models.DateTimeField(_("thời điểm chụp"))
    taken_from = models.CharField(max_length=8, choices=TakenFrom.choices)
    latitude = models.DecimalField(
        _("vĩ độ nơi chụp"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("kinh độ nơi chụp"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ảnh minh chứng")
        verbose_name_plural = _("ảnh minh chứng")
        ordering = ["-taken_at", "-id"]

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None
