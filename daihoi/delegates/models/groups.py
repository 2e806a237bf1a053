"""Discussion groups (tổ thảo luận): delegates meet in groups, each with a leader (tổ trưởng),
deputies (tổ phó) and secretaries (thư ký)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction

from .roster import Delegate


class DiscussionGroup(models.Model):
    congress = models.ForeignKey(
        "organizations.Congress",
        on_delete=models.CASCADE,
        related_name="discussion_groups",
        verbose_name=_("Đại hội"),
    )
    name = models.CharField(_("tên tổ"), max_length=150, help_text=_("Ví dụ: Tổ thảo luận số 1"))
    place = models.CharField(_("địa điểm thảo luận"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tổ thảo luận")
        verbose_name_plural = _("tổ thảo luận")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "name"], name="discussion_group_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class GroupMember(models.Model):
    """A delegate's place in one discussion group: one group per delegate, one leader per group."""

    class Role(models.TextChoices):
        LEADER = "leader", _("Tổ trưởng")
        DEPUTY = "deputy", _("Tổ phó")
        SECRETARY = "secretary", _("Thư ký")
        MEMBER = "member", _("Thành viên")

    ROLE_ORDER = {"leader": 0, "deputy": 1, "secretary": 2, "member": 3}

    group = models.ForeignKey(
        DiscussionGroup, on_delete=models.CASCADE, related_name="members", verbose_name=_("tổ")
    )
    delegate = models.OneToOneField(
        Delegate,
        on_delete=models.CASCADE,
        related_name="group_membership",
        verbose_name=_("đại biểu"),
    )
    role = models.CharField(_("vai trò"), max_length=10, choices=Role.choices, default="member")

    class Meta:
        verbose_name = _("thành viên tổ thảo luận")
        verbose_name_plural = _("thành viên tổ thảo luận")
        constraints = [
            models.UniqueConstraint(
                fields=["group"], condition=Q(role="leader"), name="group_one_leader"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.delegate} — {self.get_role_display()}"


class GroupAction(AuditAction):
    CREATED = "discussion_group.created", _("Lập tổ thảo luận")
    UPDATED = "discussion_group.updated", _("Sửa tổ thảo luận")
    ASSIGNED = "discussion_group.assigned", _("Phân đại biểu vào tổ")
    ROLE_SET = "discussion_group.role_set", _("Đổi vai trò trong tổ")
    REMOVED = "discussion_group.removed", _("Rút đại biểu khỏi tổ")
