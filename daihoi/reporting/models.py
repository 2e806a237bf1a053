import datetime as dt
import secrets
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from daihoi.core.audit import AuditAction
from daihoi.core.models import WorkerJob
from daihoi.core.uploads import StoredUpload
from daihoi.organizations.models import Agency, Congress
from daihoi.planning.models import Task


class ReportRequestAction(AuditAction):
    CREATED = "report_request.created", _("Yêu cầu báo cáo")


class SubmissionAction(AuditAction):
    SUBMITTED = "submission.submitted", _("Gửi báo cáo")
    RESUBMITTED = "submission.resubmitted", _("Gửi lại báo cáo")
    RETURNED = "submission.returned", _("Trả lại")


class ExplanationAction(AuditAction):
    REQUESTED = "explanation.requested", _("Yêu cầu giải trình")
    ANSWERED = "explanation.answered", _("Giải trình")


class TaskImportAction(AuditAction):
    CONFIRMED = "task_import.confirmed", _("Nhập nhiệm vụ từ tệp Excel")
    UPLOADED = "task_import.uploaded", _("Tải lên tệp Excel nhiệm vụ để kiểm tra")
    SAVE_ASKED = "task_import.save_asked", _("Xác nhận lưu nhiệm vụ từ tệp Excel")


class ColumnKind(models.TextChoices):
    """What a column of a request's table takes."""

    NUMBER = "number", _("Số")
    TEXT = "text", _("Chữ")


def _request_template_path(instance: "ReportRequest", filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    return f"reporting/{instance.congress_id}/mau-{secrets.token_hex(8)}{suffix}"


class ReportRequest(models.Model):
    """Yêu cầu báo cáo: what a set of agencies must send the secretariat, by when.

    `columns` is the table the agencies fill when the secretariat wants figures: a list of
    {"label": "Số đảng viên", "kind": "number" | "text", "optional": bool}; each agency fills
    one row, every column not marked optional.
    """

    congress = models.ForeignKey(
        Congress,
        on_delete=models.CASCADE,
        related_name="report_requests",
        verbose_name=_("Đại hội"),
    )
    title = models.CharField(_("tên báo cáo"), max_length=300)
    instructions = models.TextField(_("nội dung, yêu cầu"), blank=True)
    deadline = models.DateField(_("hạn gửi"))
    columns = models.JSONField(_("bảng số liệu"), default=list, blank=True)
    template_file = models.FileField(
        _("mẫu báo cáo"), upload_to=_request_template_path, max_length=300, blank=True
    )
    template_name = models.CharField(max_length=255, blank=True)
    to_congresses_below = models.BooleanField(
        _("gửi các Đại hội cấp dưới"),
        default=False,
        help_text=_("Mỗi Đại hội cấp dưới trả lời qua Văn phòng của mình."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("yêu cầu báo cáo")
        verbose_name_plural = _("yêu cầu báo cáo")
        ordering = ["-deadline", "-id"]
        indexes = [models.Index(fields=["congress", "deadline"], name="report_request_deadline")]

    def __str__(self) -> str:
        return self.title

    @property
    def column_labels(self) -> list[str]:
        return [c["label"] for c in self.columns]

    @property
    def column_summary(self) -> str:
        """ "Số đảng viên (số); Ghi chú (không bắt buộc)": each column with what it takes."""
        parts = []
        for c in self.columns:
            notes = [str(ColumnKind.NUMBER.label).lower()] if c["kind"] == ColumnKind.NUMBER else []
            notes += ["không bắt buộc"] if c.get("optional") else []
            parts.append(c["label"] + (f" ({', '.join(notes)})" if notes else ""))
        return "; ".join(parts)


class SubmissionState(models.TextChoices):
    """Where one agency's report stands, from the dates alone (never stored by hand)."""

    ON_TIME = "on_time", _("Đã gửi đúng hạn")
    LATE = "late", _("Đã gửi quá hạn")
    WAITING = "waiting", _("Chưa gửi, còn hạn")
    MISSING = "missing", _("Chưa gửi, quá hạn")


def submission_state_q(
    state: str, today: dt.date, prefix: str = "", deadline: str = "request__deadline"
) -> Q:
    """A plain condition on columns for each state, so lists filter and tables count in SQL.

    `prefix` reaches the submission through a relation ("submissions__"); `deadline` names the
    request's deadline as seen from where the query starts ("deadline" from the request).
    """
    Status = ReportSubmission.Status
    submitted = Q(**{prefix + "status": Status.SUBMITTED})
    not_sent = Q(**{prefix + "status__in": [Status.PENDING, Status.RETURNED]})
    match state:
        case SubmissionState.ON_TIME:
            return submitted & Q(**{prefix + "submitted_on__lte": F(deadline)})
        case SubmissionState.LATE:
            return submitted & Q(**{prefix + "submitted_on__gt": F(deadline)})
        case SubmissionState.WAITING:
            return not_sent & Q(**{deadline + "__gte": today})
        case SubmissionState.MISSING:
            return not_sent & Q(**{deadline + "__lt": today})
    raise ValueError(f"Unknown submission state {state!r}")


class ReportSubmission(models.Model):
    """One agency's answer to a request; created empty for every agency asked."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chưa gửi")
        SUBMITTED = "submitted", _("Đã gửi")
        RETURNED = "returned", _("Trả lại để bổ sung")

    request = models.ForeignKey(ReportRequest, on_delete=models.CASCADE, related_name="submissions")
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="report_submissions",
        verbose_name=_("đơn vị"),
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    text = models.TextField(_("nội dung báo cáo"), blank=True)
    values = models.JSONField(_("số liệu"), default=list, blank=True)
    # The day of the latest sending (Asia/Ho_Chi_Minh); a return clears it, as with tasks.
    submitted_on = models.DateField(_("ngày gửi"), null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    return_comment = models.TextField(_("ý kiến trả lại"), blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("báo cáo của đơn vị")
        verbose_name_plural = _("báo cáo của đơn vị")
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["request", "agency"], name="submission_unique"),
            models.CheckConstraint(
                condition=~Q(status="submitted") | Q(submitted_on__isnull=False),
                name="submission_sent_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "status"], name="submission_agency_status"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.request}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def answerer_name(self) -> str:
        """Who answers: the agency, or, for a request to the congresses below, the congress
        its answering office belongs to."""
        if self.agency.congress_id != self.request.congress_id:
            return self.agency.congress.name
        return self.agency.name

    @property
    def is_returned(self) -> bool:
        return self.status == self.Status.RETURNED

    def state(self, today: dt.date) -> SubmissionState:
        deadline = self.request.deadline
        if self.status == self.Status.SUBMITTED and self.submitted_on is not None:
            return (
                SubmissionState.ON_TIME if self.submitted_on <= deadline else SubmissionState.LATE
            )
        return SubmissionState.WAITING if deadline >= today else SubmissionState.MISSING

    @property
    def labelled_values(self) -> list[tuple[str, str]]:
        labels = self.request.column_labels
        values = list(self.values) + [""] * (len(labels) - len(self.values))
        return list(zip(labels, values, strict=False))


def _submission_file_path(instance: "SubmissionFile", filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    return f"reporting/{dt.date.today():%Y/%m}/{secrets.token_hex(8)}{suffix}"


class SubmissionFile(StoredUpload):
    submission = models.ForeignKey(ReportSubmission, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=_submission_file_path, max_length=300)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp báo cáo")
        verbose_name_plural = _("tệp báo cáo")
        ordering = ["uploaded_at", "id"]


class Explanation(models.Model):
    """Yêu cầu giải trình: a leader asks the lead agency why an overdue task is late."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="explanations")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="explanations", verbose_name=_("đơn vị")
    )
    reason = models.TextField(_("nội dung yêu cầu giải trình"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("nội dung giải trình"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("yêu cầu giải trình")
        verbose_name_plural = _("yêu cầu giải trình")
        ordering = ["-requested_at", "-id"]
        constraints = [
            # One open request per task at a time; answered ones stay as the record.
            models.UniqueConstraint(
                fields=["task"], condition=Q(answered_at__isnull=True), name="explanation_one_open"
            ),
        ]

    def __str__(self) -> str:
        return f"Giải trình: {self.task}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class DailySnapshot(models.Model):
    """The task counts of one congress at the end of one day, so charts over time stay true."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="snapshots")
    day = models.DateField()
    open_on_time = models.PositiveIntegerField(default=0)
    open_overdue = models.PositiveIntegerField(default=0)
    done_on_time = models.PositiveIntegerField(default=0)
    done_late = models.PositiveIntegerField(default=0)
    on_hold = models.PositiveIntegerField(default=0)
    dropped = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    taken_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("số liệu trong ngày")
        verbose_name_plural = _("số liệu trong ngày")
        ordering = ["congress", "day"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "day"], name="snapshot_one_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.congress_id} {self.day}"

    @property
    def open_total(self) -> int:
        return self.open_on_time + self.open_overdue


def _task_import_path(instance: "TaskImportJob", filename: str) -> str:
    return f"reporting/{instance.congress_id}/nhap-{secrets.token_hex(8)}.xlsx"


class TaskImportJob(WorkerJob):
    """One XLSX task import done by the background worker: the stored file is read and checked
    (`rows`, `errors`), shown as a preview, then saved all or none once confirmed. `done` of
    `total` is the reading's progress."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ đọc tệp")
        READING = "reading", _("Đang đọc và kiểm tra")
        PREVIEWED = "previewed", _("Đã kiểm tra, chờ xác nhận lưu")
        REJECTED = "rejected", _("Tệp có lỗi, chưa lưu")
        SAVING = "saving", _("Đang lưu")
        SAVED = "saved", _("Đã lưu")
        FAILED = "failed", _("Không lưu được")

    RUNNING = (State.QUEUED, State.READING, State.SAVING)

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(upload_to=_task_import_path, max_length=300)
    file_name = models.CharField(max_length=255, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    rows = models.JSONField(default=list, blank=True)
    errors = models.JSONField(default=list, blank=True)
    new_count = models.PositiveIntegerField(default=0)
    changed_count = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"Nhập {self.file_name} ({self.get_state_display()})"

    @property
    def running(self) -> bool:
        return self.state in self.RUNNING
