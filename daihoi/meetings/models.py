import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from daihoi.core.audit import AuditAction
from daihoi.core.softdelete import SoftDeleteModel
from daihoi.core.uploads import StoredUpload
from daihoi.core.versioning import Versioned
from daihoi.organizations.models import Agency, Committee, Congress, Person
from daihoi.planning.models import ProgressUpdate, Task


class Meeting(Versioned, SoftDeleteModel):
    class Kind(models.TextChoices):
        SUBCOMMITTEE = "subcommittee", _("Phiên họp tiểu ban")
        CONFERENCE = "conference", _("Hội nghị")
        BRIEFING = "briefing", _("Họp giao ban")
        WORKING = "working", _("Làm việc")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến")
        HELD = "held", _("Đã họp")
        CANCELLED = "cancelled", _("Hoãn, hủy")

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("Đại hội")
    )
    committee = models.ForeignKey(
        Committee,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("tiểu ban"),
    )
    title = models.CharField(_("tên cuộc họp"), max_length=300)
    kind = models.CharField(_("hình thức"), max_length=16, choices=Kind.choices)
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    place = models.CharField(_("địa điểm"), max_length=255)
    chair = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="chaired_meetings", verbose_name=_("chủ trì")
    )
    invited_people = models.ManyToManyField(
        Person, blank=True, related_name="meeting_invitations", verbose_name=_("thành phần mời")
    )
    invited_agencies = models.ManyToManyField(
        Agency, blank=True, related_name="meeting_invitations", verbose_name=_("cơ quan được mời")
    )
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    minutes = models.TextField(_("biên bản"), blank=True)
    invitation = models.ForeignKey(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("giấy mời"),
    )
    notice = models.ForeignKey(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thông báo kết luận"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[invited_people, invited_agencies])

    class Meta:
        verbose_name = _("cuộc họp")
        verbose_name_plural = _("cuộc họp")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["congress", "starts_at"], name="meeting_calendar")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_planned(self) -> bool:
        return self.status == self.Status.PLANNED

    @property
    def awaits_record(self) -> bool:
        """Planned, and its start has passed: someone should record attendance and minutes."""
        return self.is_planned and self.starts_at < timezone.now()

    def notice_refusal(self, now: dt.datetime | None = None) -> str:
        """Why a Thông báo kết luận cannot be issued yet, or "" when it can: the meeting must
        have taken place and been recorded as held (the service and the page read this)."""
        now = now or timezone.now()
        if self.status == self.Status.CANCELLED:
            return "Cuộc họp đã hoãn, hủy: không ra Thông báo kết luận."
        if self.starts_at > now:
            day = timezone.localtime(self.starts_at)
            return (
                f"Cuộc họp dự kiến diễn ra ngày {day:%d/%m/%Y}, chưa họp: chưa ra được "
                "Thông báo kết luận."
            )
        if self.status != self.Status.HELD:
            return (
                "Cuộc họp chưa được ghi nhận là đã họp: hãy ghi nhận thành phần dự và biên bản "
                "(Điểm danh, biên bản) trước khi ra Thông báo kết luận."
            )
        return ""

    @property
    def can_issue_notice(self) -> bool:
        return not self.notice_refusal()


class MeetingAction(AuditAction):
    """What services record in the audit trail about a meeting."""

    PLANNED = "meeting.planned", _("Lên lịch cuộc họp")
    UPDATED = "meeting.updated", _("Sửa thông tin cuộc họp")
    RECORDED = "meeting.recorded", _("Ghi nhận thành phần dự và biên bản")
    ATTACHED = "meeting.attached", _("Đính kèm tài liệu")
    CANCELLED = "meeting.cancelled", _("Hoãn, hủy cuộc họp")
    INVITATION_ISSUED = "meeting.invitation_issued", _("Ban hành giấy mời")
    NOTICE_ISSUED = "meeting.notice_issued", _("Ban hành thông báo kết luận")
    DELETED = "meeting.deleted", _("Xóa cuộc họp")
    RESTORED = "meeting.restored", _("Khôi phục cuộc họp")


class ConclusionAction(AuditAction):
    """What services record in the audit trail about a conclusion of a meeting."""

    ADDED = "conclusion.added", _("Thêm kết luận")
    UPDATED = "conclusion.updated", _("Sửa kết luận")
    TASKED = "conclusion.tasked", _("Giao thành nhiệm vụ")


class AgendaItem(models.Model):
    class Origin(models.TextChoices):
        MANUAL = "manual", _("Nội dung do người lập thêm")
        OBSTACLE = "obstacle", _("Vướng mắc đơn vị nêu")
        FOLLOW_UP = "follow_up", _("Kết luận trước chưa hoàn thành")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(_("nội dung"), max_length=500)
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.MANUAL)
    source_update = models.ForeignKey(
        ProgressUpdate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source_conclusion = models.ForeignKey(
        "Conclusion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_proposed(self) -> bool:
        """Put on the agenda from an obstacle or an earlier conclusion, not typed in."""
        return self.origin != self.Origin.MANUAL


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Có mặt")
        EXCUSED = "excused", _("Vắng có lý do")
        ABSENT = "absent", _("Vắng")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(max_length=8, choices=Status.choices)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_status_display()}"

    @property
    def status_class(self) -> str:
        """The badge colour of the attendance status."""
        return {self.Status.PRESENT: "done_on_time", self.Status.ABSENT: "open_overdue"}.get(
            self.Status(self.status), ""
        )


class AgencyAttendance(models.Model):
    """How an invited agency took part: its people came, or it sent a representative
    (ủy quyền: someone named in free text, who need not be in the registry), or it did not."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Có mặt")
        REPRESENTED = "represented", _("Ủy quyền")
        EXCUSED = "excused", _("Vắng có lý do")
        ABSENT = "absent", _("Vắng")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agency_attendance")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=12, choices=Status.choices)
    representative = models.CharField(_("người được ủy quyền"), max_length=200, blank=True)
    representative_title = models.CharField(_("chức vụ"), max_length=200, blank=True)

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "agency"], name="agency_attendance_unique"),
            models.CheckConstraint(
                condition=~Q(status="represented") | ~Q(representative=""),
                name="agency_attendance_names_representative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.describe()}"

    @property
    def is_represented(self) -> bool:
        return self.status == self.Status.REPRESENTED

    def describe(self) -> str:
        """ "Ủy quyền: Nguyễn Văn B, Phó Giám đốc" or the status alone."""
        if not self.is_represented:
            return str(self.Status(self.status).label)
        who = ", ".join(part for part in (self.representative, self.representative_title) if part)
        return f"Ủy quyền: {who}"

    @property
    def status_class(self) -> str:
        """The badge colour of the attendance status."""
        return {
            self.Status.PRESENT: "done_on_time",
            self.Status.REPRESENTED: "coordinate",
            self.Status.ABSENT: "open_overdue",
        }.get(self.Status(self.status), "")


class Conclusion(models.Model):
    """A numbered conclusion of the chair; it may become one task, linked both ways."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="conclusions")
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    text = models.TextField(_("nội dung kết luận"))
    task = models.OneToOneField(
        Task,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conclusion",
        verbose_name=_("nhiệm vụ"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kết luận")
        verbose_name_plural = _("kết luận")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="conclusion_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"


def _attachment_path(instance: "MeetingAttachment", filename: str) -> str:
    from pathlib import Path

    return f"meetings/{instance.meeting_id}/{secrets.token_hex(8)}{Path(filename).suffix.lower()}"


class MeetingAttachment(StoredUpload):
    """A document attached to a meeting (report, draft, slides), served only through a view."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=_attachment_path, max_length=300)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]


class CalendarFeed(models.Model):
    """A private, revocable calendar URL: whoever holds the token reads that user's calendar."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Lịch của {self.user}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.token:
            self.token = secrets.token_urlsafe(32)
        super().save(*args, **kwargs)
