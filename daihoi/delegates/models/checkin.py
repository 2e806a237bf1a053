"""The congress days as far as the gate knows them: sessions, badges carrying a revocable token,
batches of badges printed in the background, and arrivals checked in per session."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction
from daihoi.core.models import WorkerJob

from .roster import Delegate, Delegation


class CongressSession(models.Model):
    """A sitting of the congress (phiên trù bị, phiên khai mạc, phiên thứ hai…) that delegates
    check in to. Kept minimal here until a congress-days app owns the programme."""

    congress = models.ForeignKey(
        "organizations.Congress",
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("Đại hội"),
    )
    name = models.CharField(_("tên phiên"), max_length=150)
    starts_at = models.DateTimeField(_("bắt đầu"))

    class Meta:
        verbose_name = _("phiên Đại hội")
        verbose_name_plural = _("phiên Đại hội")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "name"], name="congress_session_unique"),
        ]

    def __str__(self) -> str:
        return self.name


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class BadgeBatch(WorkerJob):
    """One printing of badges (all delegates, or one delegation) as a PDF made by the worker."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang in")
        DONE = "done", _("Đã xong")
        FAILED = "failed", _("Lỗi")

    congress = models.ForeignKey(
        "organizations.Congress", on_delete=models.CASCADE, related_name="+"
    )
    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    delegate = models.ForeignKey(
        Delegate, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    pdf = models.FileField(upload_to="delegates/badges/", max_length=300, blank=True)
    error = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"In thẻ {self.created_at:%d/%m/%Y %H:%M}"


class Badge(models.Model):
    """A delegate's badge: its QR code carries a random token of which only the SHA-256 is kept.
    Printing again revokes the older badge; a delegate has at most one badge in force."""

    congress = models.ForeignKey(
        "organizations.Congress", on_delete=models.CASCADE, related_name="+"
    )
    delegate = models.ForeignKey(Delegate, on_delete=models.CASCADE, related_name="badges")
    token_hash = models.CharField(max_length=64, unique=True)
    batch = models.ForeignKey(
        BadgeBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="badges"
    )
    issued_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["delegate"], condition=Q(revoked_at__isnull=True), name="badge_one_in_force"
            ),
        ]

    def __str__(self) -> str:
        return f"Thẻ của {self.delegate}"


class CheckIn(models.Model):
    """A delegate's arrival at one session; a second scan finds this row and changes nothing."""

    class Method(models.TextChoices):
        SCAN = "scan", _("Quét mã")
        NAME = "name", _("Tìm theo tên")

    congress = models.ForeignKey(
        "organizations.Congress", on_delete=models.CASCADE, related_name="+"
    )
    session = models.ForeignKey(CongressSession, on_delete=models.CASCADE, related_name="check_ins")
    delegate = models.ForeignKey(Delegate, on_delete=models.CASCADE, related_name="check_ins")
    # Copied from the delegate, so the headcount per delegation reads one table.
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="+")
    method = models.CharField(max_length=8, choices=Method.choices)
    checked_at = models.DateTimeField(auto_now_add=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "delegate"], name="check_in_once"),
        ]

    def __str__(self) -> str:
        return f"{self.delegate} — {self.session}"


class CheckInAction(AuditAction):
    SESSION_CREATED = "congress_session.created", _("Thêm phiên Đại hội")
    CHECKED_IN = "delegate.checked_in", _("Điểm danh đại biểu")
    BADGES_PRINTED = "delegate.badges_printed", _("In thẻ đại biểu (thu hồi thẻ cũ)")
