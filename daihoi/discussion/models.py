"""Group discussion (thảo luận tổ): what each discussion group said about the draft documents,
section by section, and how the Document subcommittee took it.

A group's secretary records the group's comments during the discussion session; the Document
subcommittee gathers comments from several groups that say the same thing into a theme (nhóm ý
kiến) with a summary, and marks the theme, or a comment standing alone, accepted (tiếp thu) or
explained (giải trình). A comment in a theme carries the theme's resolution (copied by the
services), so every count reads the comments' own column.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from daihoi.consultation.models import Draft, Resolved, Section, explained_has_reason
from daihoi.core.audit import AuditAction
from daihoi.core.versioning import Versioned
from daihoi.delegates.models import DiscussionGroup
from daihoi.organizations.models import Congress
from daihoi.programme.models import Session


class Theme(Versioned, Resolved):
    """Nhóm ý kiến: comments of several groups on one section that say the same thing."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="discussion_themes")
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    summary = models.TextField(_("nội dung nhóm ý kiến"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nhóm ý kiến")
        verbose_name_plural = _("nhóm ý kiến")
        ordering = ["draft", "section__position", "id"]
        constraints = [explained_has_reason("discussion_theme_explained_has_reason")]

    def __str__(self) -> str:
        return self.summary[:80]


class GroupComment(Versioned, Resolved):
    """One comment of a discussion group on a draft (a section of it, or the whole text), as its
    secretary wrote it in the minutes."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(
        DiscussionGroup, on_delete=models.CASCADE, related_name="comments", verbose_name=_("tổ")
    )
    draft = models.ForeignKey(
        Draft, on_delete=models.CASCADE, related_name="group_comments", verbose_name=_("dự thảo")
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="group_comments",
        verbose_name=_("mục"),
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phiên thảo luận"),
    )
    text = models.TextField(_("ý kiến"))
    # How many delegates of the group shared the view, where the minutes say so.
    supporters = models.PositiveSmallIntegerField(
        _("số đại biểu cùng ý kiến"), null=True, blank=True
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến thảo luận tổ")
        verbose_name_plural = _("ý kiến thảo luận tổ")
        ordering = ["draft", "section__position", "group__order", "id"]
        indexes = [
            models.Index(fields=["draft", "group"], name="group_comment_draft_idx"),
            models.Index(fields=["group", "-recorded_at"], name="group_comment_group_idx"),
        ]
        constraints = [explained_has_reason("group_comment_explained_has_reason")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def section_label(self) -> str:
        return self.section.label if self.section is not None else "Toàn văn"


class DiscussionAction(AuditAction):
    RECORDED = "group_comment.recorded", _("Ghi ý kiến thảo luận tổ")
    EDITED = "group_comment.edited", _("Sửa ý kiến thảo luận tổ")
    DELETED = "group_comment.deleted", _("Xóa ý kiến thảo luận tổ")
    RESOLVED = "group_comment.resolved", _("Tiếp thu, giải trình ý kiến thảo luận tổ")
    THEME_CREATED = "discussion_theme.created", _("Lập nhóm ý kiến")
    THEME_UPDATED = "discussion_theme.updated", _("Sửa, tiếp thu, giải trình nhóm ý kiến")
    THEME_DISSOLVED = "discussion_theme.dissolved", _("Bỏ nhóm ý kiến")
