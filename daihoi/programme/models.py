"""The congress's programme (chương trình) and its running script (kịch bản điều hành).

The programme is worked on as one draft: sessions (phiên), their items in order, and under each
item the script's lines — who speaks or acts, at what time, with the cues for sound, music,
flags and film. Publishing freezes the draft as a numbered release; the latest release is the
current programme, the one printed and read by delegates; earlier releases stay readable.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction
from daihoi.core.versioning import Versioned
from daihoi.delegates.models import CongressSession
from daihoi.organizations.models import Congress


class ProgrammeAction(AuditAction):
    SESSION_CREATED = "programme.session_created", _("Thêm phiên")
    SESSION_UPDATED = "programme.session_updated", _("Sửa phiên")
    SESSION_DELETED = "programme.session_deleted", _("Xóa phiên")
    ITEM_SAVED = "programme.item_saved", _("Lưu mục chương trình")
    ITEM_DELETED = "programme.item_deleted", _("Xóa mục chương trình")
    ITEM_MOVED = "programme.item_moved", _("Đổi thứ tự mục")
    CUE_SAVED = "programme.cue_saved", _("Lưu dòng kịch bản")
    CUE_DELETED = "programme.cue_deleted", _("Xóa dòng kịch bản")
    PUBLISHED = "programme.published", _("Ban hành chương trình")


class Session(Versioned):
    class Kind(models.TextChoices):
        PREPARATORY = "preparatory", _("Phiên trù bị")
        OPENING = "opening", _("Phiên khai mạc")
        WORKING = "working", _("Phiên làm việc")
        CLOSING = "closing", _("Phiên bế mạc")

    class Audience(models.TextChoices):
        """Who is summoned (triệu tập) to the session; see `selectors.summoned_delegates`."""

        DELEGATES = "delegates", _("Đại biểu chính thức")
        DELEGATES_AND_GUESTS = "delegates_and_guests", _("Đại biểu chính thức và khách mời")

    congress = models.ForeignKey(
        Congress,
        on_delete=models.CASCADE,
        related_name="programme_sessions",
        verbose_name=_("Đại hội"),
    )
    kind = models.CharField(_("loại phiên"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("tên phiên"), max_length=255)
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    presidium = models.TextField(
        _("Đoàn Chủ tịch điều hành"), blank=True, help_text=_("Mỗi dòng một đồng chí.")
    )
    secretaries = models.TextField(
        _("Đoàn Thư ký"), blank=True, help_text=_("Mỗi dòng một đồng chí.")
    )
    audience = models.CharField(
        _("thành phần triệu tập"),
        max_length=24,
        choices=Audience.choices,
        default=Audience.DELEGATES,
    )
    # The same sitting as the gate knows it: delegates check in to this row. Made and kept in
    # step (name, start) by the programme's services, so "checked in to this session" is one
    # query from a programme session.
    # RESTRICT: the gate's session is not deleted alone while the programme has it, yet both
    # go when their congress is deleted.
    checkin_session = models.OneToOneField(
        CongressSession,
        on_delete=models.RESTRICT,
        related_name="programme_session",
        verbose_name=_("phiên điểm danh"),
    )

    class Meta:
        verbose_name = _("phiên")
        verbose_name_plural = _("phiên")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="programme_session_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Item(Versioned):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="items", verbose_name=_("phiên")
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    starts_at = models.TimeField(_("giờ"), null=True, blank=True)
    minutes = models.PositiveSmallIntegerField(_("thời lượng (phút)"), null=True, blank=True)
    title = models.CharField(_("nội dung"), max_length=500)
    presenter = models.CharField(_("người trình bày, điều hành"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("mục chương trình")
        verbose_name_plural = _("mục chương trình")
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "position"], name="programme_item_position_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Cue(Versioned):
    """One line of the running script under an item."""

    class Kind(models.TextChoices):
        SPEECH = "speech", _("Lời dẫn, phát biểu")
        ACTION = "action", _("Nghi thức, hoạt động")
        SOUND = "sound", _("Âm thanh")
        MUSIC = "music", _("Nhạc")
        FLAG = "flag", _("Chào cờ")
        FILM = "film", _("Phim, hình ảnh")
        LIGHT = "light", _("Ánh sáng, sân khấu")

    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="cues", verbose_name=_("mục chương trình")
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    at = models.TimeField(_("giờ"), null=True, blank=True)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices, default=Kind.SPEECH)
    actor = models.CharField(_("người thực hiện"), max_length=255)
    text = models.TextField(_("lời dẫn, việc làm"))
    note = models.CharField(_("ghi chú cho bộ phận kỹ thuật"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("dòng kịch bản")
        verbose_name_plural = _("dòng kịch bản")
        ordering = ["item", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "position"], name="programme_cue_position_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.actor}: {self.text[:40]}"


class Release(models.Model):
    """A published version of the programme: its number, when, by whom, and the programme as it
    stood (`content`, built by `selectors.programme_content`)."""

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="programme_releases"
    )
    number = models.PositiveSmallIntegerField(_("bản số"))
    published_at = models.DateTimeField(_("ban hành lúc"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    note = models.CharField(_("nội dung thay đổi"), max_length=500, blank=True)
    content = models.JSONField(_("chương trình"))

    class Meta:
        verbose_name = _("bản chương trình")
        verbose_name_plural = _("bản chương trình")
        ordering = ["congress", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "number"], name="programme_release_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Chương trình — bản số {self.number}"
