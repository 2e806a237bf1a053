"""Planning's audit action codes."""

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction

if TYPE_CHECKING:
    pass


# What the services record in the audit trail -------------------------------------------------


class PlanAction(AuditAction):
    CREATED = "plan.created", _("Tạo kế hoạch")
    UPDATED = "plan.updated", _("Sửa kế hoạch")
    DELETED = "plan.deleted", _("Xóa kế hoạch")
    RESTORED = "plan.restored", _("Khôi phục kế hoạch")


class TaskAction(AuditAction):
    CREATED = "task.created", _("Giao nhiệm vụ")
    UPDATED = "task.updated", _("Sửa nhiệm vụ")
    PROGRESS_REPORTED = "task.progress_reported", _("Cập nhật tiến độ")
    COMPLETION_REPORTED = "task.completion_reported", _("Báo cáo hoàn thành, chờ xác nhận")
    ACCEPTED = "task.accepted", _("Xác nhận hoàn thành")
    RETURNED = "task.returned", _("Trả lại")
    DEADLINE_MOVED = "task.deadline_moved", _("Hạn dời theo ngày khai mạc")
    PAUSED = "task.paused", _("Tạm dừng")
    CANCELLED = "task.cancelled", _("Hủy nhiệm vụ")
    RESUMED = "task.resumed", _("Tiếp tục thực hiện")
    DELETED = "task.deleted", _("Xóa nhiệm vụ")
    RESTORED = "task.restored", _("Khôi phục nhiệm vụ")


class ProgressAction(AuditAction):
    OBSTACLE_RESOLVED = "progress.obstacle_resolved", _("Đã tháo gỡ vướng mắc")
    DELETED = "progress.deleted", _("Xóa báo cáo tiến độ")
    RESTORED = "progress.restored", _("Khôi phục báo cáo tiến độ")


class AppraisalAction(AuditAction):
    SUBMITTED = "appraisal.submitted", _("Gửi sản phẩm đề nghị thẩm định")
    APPROVED = "appraisal.approved", _("Thẩm định thông qua")
    RETURNED = "appraisal.returned", _("Thẩm định trả lại")


class DetailedPlanAction(AuditAction):
    ITEM_ADDED = "detailed_plan.item_added", _("Thêm công việc vào kế hoạch chi tiết")
    ITEM_UPDATED = "detailed_plan.item_updated", _("Sửa công việc trong kế hoạch chi tiết")
    ITEM_DELETED = "detailed_plan.item_deleted", _("Bỏ công việc khỏi kế hoạch chi tiết")
    ITEM_PROGRESS = "detailed_plan.item_progress", _("Cập nhật tiến độ công việc")
    SUBMITTED = "detailed_plan.submitted", _("Gửi kế hoạch chi tiết xin phê duyệt")
    RETURNED = "detailed_plan.returned", _("Trả lại kế hoạch chi tiết")
    APPROVED = "detailed_plan.approved", _("Phê duyệt kế hoạch chi tiết")


class ScheduleAction(AuditAction):
    RESCHEDULED = "congress.rescheduled", _("Đổi ngày Đại hội; hạn theo ngày khai mạc dời theo")
