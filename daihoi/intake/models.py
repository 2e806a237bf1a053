"""Intake keeps no tables of its own: a confirmed draft becomes a meeting, conclusions and tasks.

What it declares here is its audit action code.
"""

from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction


class IntakeAction(AuditAction):
    CONFIRMED = "intake.confirmed", _("Nhập nhiệm vụ từ văn bản")
