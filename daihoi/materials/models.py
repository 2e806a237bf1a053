"""Congress documents for delegates (tài liệu Đại hội): per programme session, in order, each
with its confidentiality mark, kept as a PDF (a Word file is turned into one by the worker).
A withdrawn document is gone for delegates at once and stays on file with who withdrew it."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction
from daihoi.documents.models import Confidentiality
from daihoi.programme.models import Session


def _pdf_path(instance: "Material", filename: str) -> str:
    # A random name under a path no web server serves: the file is read through the views only.
    return f"materials/{instance.congress_id}/{secrets.token_hex(16)}.pdf"


def _source_path(instance: "Material", filename: str) -> str:
    return f"materials/{instance.congress_id}/nguon/{secrets.token_hex(16)}.docx"


class Material(models.Model):
    class Kind(models.TextChoices):
        POLITICAL_REPORT = "political_report", _("Dự thảo Báo cáo chính trị")
        REVIEW_REPORT = "review_report", _("Báo cáo kiểm điểm")
        RESOLUTION = "resolution", _("Dự thảo Nghị quyết")
        PERSONNEL = "personnel", _("Danh sách nhân sự")
        RULES = "rules", _("Quy chế, chương trình")
        OTHER = "other", _("Tài liệu khác")

    class State(models.TextChoices):
        CONVERTING = "converting", _("Đang chuyển sang PDF")
        READY = "ready", _("Sẵn sàng")
        FAILED = "failed", _("Không chuyển được sang PDF")

    congress = models.ForeignKey(
        "organizations.Congress", on_delete=models.CASCADE, related_name="+"
    )
    # RESTRICT: a session with documents is not deleted from the programme (history stays);
    # deleting the whole congress deletes both.
    session = models.ForeignKey(
        Session, on_delete=models.RESTRICT, related_name="materials", verbose_name=_("phiên")
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    kind = models.CharField(_("loại tài liệu"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("tên tài liệu"), max_length=255)
    confidentiality = models.CharField(
        _("độ mật"), max_length=12, choices=Confidentiality.choices, default=Confidentiality.NORMAL
    )
    state = models.CharField(max_length=12, choices=State.choices, default=State.READY)
    pdf = models.FileField(upload_to=_pdf_path, max_length=300, blank=True)
    source = models.FileField(upload_to=_source_path, max_length=300, blank=True)
    pages = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("rút lúc"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    withdrawal_reason = models.TextField(_("lý do rút"), blank=True)

    class Meta:
        verbose_name = _("tài liệu Đại hội")
        verbose_name_plural = _("tài liệu Đại hội")
        ordering = ["session__starts_at", "session_id", "position", "pk"]
        indexes = [models.Index(fields=["session", "withdrawn_at", "position"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_secret(self) -> bool:
        return self.confidentiality != Confidentiality.NORMAL

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class MaterialAction(AuditAction):
    UPLOADED = "material.uploaded", _("Tải lên tài liệu Đại hội")
    CONVERTED = "material.converted", _("Chuyển tài liệu sang PDF")
    CONVERSION_RETRIED = "material.conversion_retried", _("Chuyển lại tài liệu sang PDF")
    MOVED = "material.moved", _("Đổi thứ tự tài liệu")
    WITHDRAWN = "material.withdrawn", _("Rút tài liệu")
    DOWNLOADED = "material.downloaded", _("Tải bản có dấu tên người nhận")
