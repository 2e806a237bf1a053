"""Registrations to speak (đăng ký phát biểu) at a programme session, and the floor's state.

A delegate registers (or the secretariat registers for them from the paper form) with a topic
and a summary; the presidium orders the list, approves or declines, calls the next speaker and
records the speech as delivered with its actual length, or withdrawn. A delegate has at most one
registration in a session that is waiting, approved, speaking or delivered (a database
constraint); a declined or withdrawn one may be followed by a new one.

`Floor` keeps, per congress, the programme item the presidium has announced as the current one.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction
from daihoi.delegates.models import Delegate
from daihoi.organizations.models import Congress
from daihoi.programme.models import Item, Session


class SpeechAction(AuditAction):
    REGISTERED = "speech.registered", _("Đăng ký phát biểu")
    MOVED = "speech.moved", _("Đổi thứ tự phát biểu")
    APPROVED = "speech.approved", _("Duyệt phát biểu")
    DECLINED = "speech.declined", _("Không duyệt phát biểu")
    CALLED = "speech.called", _("Mời phát biểu")
    DELIVERED = "speech.delivered", _("Đã phát biểu")
    WITHDRAWN = "speech.withdrawn", _("Rút đăng ký phát biểu")
    FLOOR_ITEM = "floor.item_set", _("Chuyển mục chương trình đang điều hành")
    TEXT_DOWNLOADED = "speech.text_downloaded", _("Tải tệp toàn văn bài phát biểu")


def _text_path(instance: "Speech", filename: str) -> str:
    # A random name under a path no web server serves: the file is read through the views only.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"speeches/{instance.congress_id}/{secrets.token_hex(16)}.{suffix}"


class Speech(models.Model):
    class State(models.TextChoices):
        REQUESTED = "requested", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        CALLED = "called", _("Đang phát biểu")
        DELIVERED = "delivered", _("Đã phát biểu")
        DECLINED = "declined", _("Không duyệt")
        WITHDRAWN = "withdrawn", _("Đã rút")

    class Source(models.TextChoices):
        DELEGATE = "delegate", _("Đại biểu tự đăng ký")
        PAPER = "paper", _("Phiếu đăng ký giấy")

    # In the queue: still to speak, or speaking.
    WAITING = (State.REQUESTED, State.APPROVED, State.CALLED)
    # A delegate holds one of these at most once per session.
    HELD = (*WAITING, State.DELIVERED)

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="speeches", verbose_name=_("phiên")
    )
    item = models.ForeignKey(
        Item,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="speeches",
        verbose_name=_("mục chương trình"),
    )
    delegate = models.ForeignKey(
        Delegate, on_delete=models.CASCADE, related_name="speeches", verbose_name=_("đại biểu")
    )
    topic = models.CharField(_("chủ đề"), max_length=300)
    summary = models.TextField(_("tóm tắt nội dung"))
    full_text = models.TextField(_("toàn văn"), blank=True)
    # The full text as the delegate wrote it (DOCX or PDF), besides the typed summary and text.
    text_file = models.FileField(
        _("tệp toàn văn"), upload_to=_text_path, max_length=300, blank=True
    )
    text_file_name = models.CharField(_("tên tệp toàn văn"), max_length=255, blank=True)
    text_file_size = models.PositiveIntegerField(default=0)
    position = models.PositiveIntegerField(_("thứ tự"))
    state = models.CharField(
        _("trạng thái"), max_length=12, choices=State.choices, default=State.REQUESTED
    )
    source = models.CharField(_("nguồn đăng ký"), max_length=10, choices=Source.choices)
    decline_reason = models.CharField(_("lý do không duyệt"), max_length=300, blank=True)
    registered_at = models.DateTimeField(auto_now_add=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    called_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    minutes = models.PositiveSmallIntegerField(_("thời gian phát biểu (phút)"), null=True)

    class Meta:
        verbose_name = _("phát biểu")
        verbose_name_plural = _("phát biểu")
        ordering = ["session", "position", "pk"]
        indexes = [models.Index(fields=["session", "state", "position"])]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "delegate"],
                condition=Q(state__in=["requested", "approved", "called", "delivered"]),
                name="speech_once_per_session",
            ),
            models.UniqueConstraint(
                fields=["session"], condition=Q(state="called"), name="speech_one_speaker_at_a_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.delegate} — {self.topic}"

    @property
    def is_waiting(self) -> bool:
        return self.state in self.WAITING


class Floor(models.Model):
    """The item of the programme the presidium has announced as the current one (one row per
    congress, made at the first announcement)."""

    congress = models.OneToOneField(Congress, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(Item, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("mục đang điều hành")
        verbose_name_plural = _("mục đang điều hành")

    def __str__(self) -> str:
        return str(self.item or "—")
