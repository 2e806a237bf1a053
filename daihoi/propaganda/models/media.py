"""Press and media output: outlets, their pages and columns, the pieces planned and published;
exhibitions and the art programme."""

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction
from daihoi.core.versioning import Versioned
from daihoi.organizations.models import Agency, Congress


class MediaAction(AuditAction):
    OUTLET_CREATED = "outlet.created", _("Thêm cơ quan báo chí")
    OUTLET_UPDATED = "outlet.updated", _("Sửa cơ quan báo chí")
    COLUMN_CREATED = "media_column.created", _("Mở chuyên trang, chuyên mục")
    COLUMN_UPDATED = "media_column.updated", _("Sửa chuyên trang, chuyên mục")
    PIECE_CREATED = "media_piece.created", _("Đăng ký tin, bài, chương trình")
    PIECE_UPDATED = "media_piece.updated", _("Sửa tin, bài, chương trình")
    EVENT_CREATED = "art_event.created", _("Thêm triển lãm, chương trình nghệ thuật")
    EVENT_UPDATED = "art_event.updated", _("Sửa triển lãm, chương trình nghệ thuật")


class Outlet(Versioned):
    """Cơ quan báo chí: a newspaper, a radio-television station, a portal."""

    class Kind(models.TextChoices):
        NEWSPAPER = "newspaper", _("Báo in, báo điện tử")
        BROADCAST = "broadcast", _("Phát thanh, truyền hình")
        PORTAL = "portal", _("Cổng, trang thông tin điện tử")
        OTHER = "other", _("Khác")

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="outlets", verbose_name=_("Đại hội")
    )
    name = models.CharField(_("tên cơ quan báo chí"), max_length=255)
    kind = models.CharField(_("loại hình"), max_length=12, choices=Kind.choices)
    website = models.URLField(_("địa chỉ trang web"), blank=True)

    class Meta:
        verbose_name = _("cơ quan báo chí")
        verbose_name_plural = _("cơ quan báo chí")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "name"], name="outlet_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Column(Versioned):
    """Chuyên trang, chuyên mục or a standing programme an outlet opens for the congress."""

    class Kind(models.TextChoices):
        PAGE = "page", _("Chuyên trang")
        COLUMN = "column", _("Chuyên mục")
        PROGRAMME = "programme", _("Chương trình")

    outlet = models.ForeignKey(
        Outlet, on_delete=models.CASCADE, related_name="columns", verbose_name=_("cơ quan báo chí")
    )
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("tên"), max_length=255)
    started_on = models.DateField(_("ngày mở"), null=True, blank=True)
    schedule = models.CharField(
        _("định kỳ"), max_length=120, blank=True, help_text=_("Ví dụ: thứ Hai hằng tuần")
    )
    link = models.URLField(_("đường dẫn"), blank=True)

    class Meta:
        verbose_name = _("chuyên trang, chuyên mục")
        verbose_name_plural = _("chuyên trang, chuyên mục")
        ordering = ["outlet__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["outlet", "name"], name="column_unique_name"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} “{self.name}”"


class MediaPiece(Versioned):
    """A news item, article, reportage, programme or publication: planned, then published."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Tin, bài")
        REPORTAGE = "reportage", _("Phóng sự")
        PROGRAMME = "programme", _("Chương trình phát sóng")
        PUBLICATION = "publication", _("Ấn phẩm")

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="media_pieces", verbose_name=_("Đại hội")
    )
    outlet = models.ForeignKey(
        Outlet, on_delete=models.RESTRICT, related_name="pieces", verbose_name=_("cơ quan báo chí")
    )
    column = models.ForeignKey(
        Column,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pieces",
        verbose_name=_("chuyên trang, chuyên mục"),
    )
    kind = models.CharField(_("thể loại"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("tiêu đề"), max_length=500)
    planned_on = models.DateField(_("ngày dự kiến đăng, phát"))
    published_on = models.DateField(_("ngày đã đăng, phát"), null=True, blank=True)
    link = models.URLField(_("đường dẫn"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("tin, bài, chương trình")
        verbose_name_plural = _("tin, bài, chương trình")
        ordering = ["-planned_on", "-id"]
        indexes = [
            models.Index(fields=["congress", "planned_on"], name="media_piece_planned_idx"),
            models.Index(fields=["congress", "published_on"], name="media_piece_published_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_on is not None


class ArtEvent(Versioned):
    """Triển lãm, trưng bày, chương trình nghệ thuật: venue, dates and how ready it is."""

    class Kind(models.TextChoices):
        EXHIBITION = "exhibition", _("Triển lãm")
        DISPLAY = "display", _("Trưng bày")
        PERFORMANCE = "performance", _("Chương trình nghệ thuật")

    class Readiness(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa triển khai")
        PREPARING = "preparing", _("Đang chuẩn bị")
        REHEARSED = "rehearsed", _("Đã tổng duyệt")
        READY = "ready", _("Sẵn sàng")
        DONE = "done", _("Đã tổ chức")

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="art_events", verbose_name=_("Đại hội")
    )
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("tên"), max_length=500)
    venue = models.CharField(_("địa điểm"), max_length=255)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="art_events",
        verbose_name=_("đơn vị thực hiện"),
    )
    readiness = models.CharField(
        _("mức độ sẵn sàng"),
        max_length=12,
        choices=Readiness.choices,
        default=Readiness.NOT_STARTED,
    )
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("triển lãm, chương trình nghệ thuật")
        verbose_name_plural = _("triển lãm, chương trình nghệ thuật")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="art_event_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_behind(self, today: dt.date) -> bool:
        """Starts within a week (or has started) and is not yet ready."""
        not_ready = self.readiness in (self.Readiness.NOT_STARTED, self.Readiness.PREPARING)
        return not_ready and self.starts_on <= today + dt.timedelta(days=7)
