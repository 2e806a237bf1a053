"""Votes by show of hands on the congress floor, cast from the delegates' devices (biểu quyết).

A motion (programme, working rules, a resolution, the number of members of an elected body…)
belongs to a programme session. The presidium opens it, present delegates vote yes, no or
abstain once, the presidium closes it; the result is then frozen on the motion and never edited.

Three tables keep a vote, so that a secret vote cannot be traced back to a delegate:

- `Participation` (motion, delegate): that the delegate has voted, to refuse a second vote. It
  has no time and no choice.
- the tallies on `Motion` (`yes_count`, `no_count`, `abstain_count`): counters only, with no
  row per vote and no time of any vote.
- `RollCallVote` (motion, delegate, choice): who voted how, written ONLY for an open vote
  (biểu quyết công khai có ghi danh); a secret motion never has a row here (a check constraint
  on the service side and a test say so).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction
from daihoi.core.versioning import Versioned


class VotingAction(AuditAction):
    MOTION_CREATED = "motion.created", _("Thêm nội dung biểu quyết")
    MOTION_UPDATED = "motion.updated", _("Sửa nội dung biểu quyết")
    MOTION_DELETED = "motion.deleted", _("Xóa nội dung biểu quyết chưa mở")
    MOTION_OPENED = "motion.opened", _("Mở biểu quyết")
    MOTION_CLOSED = "motion.closed", _("Kết thúc biểu quyết, công bố kết quả")
    ROLL_CALL_VOTE = "motion.roll_call_vote", _("Đại biểu biểu quyết (ghi danh)")


class Choice(models.TextChoices):
    YES = "yes", _("Tán thành")
    NO = "no", _("Không tán thành")
    ABSTAIN = "abstain", _("Không biểu quyết")


class Motion(Versioned):
    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("Chương trình Đại hội")
        RULES = "rules", _("Quy chế làm việc")
        BODIES = "bodies", _("Đoàn Chủ tịch, Đoàn Thư ký, Ban Thẩm tra tư cách")
        ELECTION_RULES = "election_rules", _("Quy chế bầu cử")
        COUNT = "count", _("Số lượng ủy viên cơ quan được bầu")
        RESOLUTION = "resolution", _("Nghị quyết Đại hội")
        OTHER = "other", _("Nội dung khác")

    class State(models.TextChoices):
        DRAFT = "draft", _("Chưa mở")
        OPEN = "open", _("Đang biểu quyết")
        CLOSED = "closed", _("Đã kết thúc")

    congress = models.ForeignKey(
        "organizations.Congress",
        on_delete=models.CASCADE,
        related_name="motions",
        verbose_name=_("Đại hội"),
    )
    # A result outlives a session deleted from the programme's draft: the session's title is
    # copied when the vote closes.
    session = models.ForeignKey(
        "programme.Session",
        on_delete=models.SET_NULL,
        null=True,
        related_name="motions",
        verbose_name=_("phiên"),
    )
    session_title = models.CharField(_("phiên"), max_length=255, blank=True)
    kind = models.CharField(_("loại nội dung"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("nội dung biểu quyết"), max_length=300)
    text = models.TextField(_("toàn văn, giải thích"), blank=True)
    roll_call = models.BooleanField(
        _("biểu quyết công khai có ghi danh"),
        default=False,
        help_text=_("Lưu và công bố danh sách ai biểu quyết thế nào. Không chọn: chỉ lưu số."),
    )
    state = models.CharField(
        _("trạng thái"), max_length=8, choices=State.choices, default=State.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    opened_at = models.DateTimeField(_("mở lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    yes_count = models.PositiveIntegerField(_("tán thành"), default=0)
    no_count = models.PositiveIntegerField(_("không tán thành"), default=0)
    abstain_count = models.PositiveIntegerField(_("không biểu quyết"), default=0)
    # Frozen when the vote closes.
    summoned_count = models.PositiveIntegerField(_("đại biểu được triệu tập"), null=True)
    present_count = models.PositiveIntegerField(_("đại biểu có mặt"), null=True)
    passed = models.BooleanField(_("được thông qua"), null=True)

    class Meta:
        verbose_name = _("nội dung biểu quyết")
        verbose_name_plural = _("nội dung biểu quyết")
        ordering = ["-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="closed", passed__isnull=False, closed_at__isnull=False)
                | Q(~Q(state="closed"), passed__isnull=True),
                name="motion_result_only_when_closed",
            ),
            models.CheckConstraint(
                condition=~Q(state="draft") | Q(yes_count=0, no_count=0, abstain_count=0),
                name="motion_no_tally_before_opening",
            ),
            models.UniqueConstraint(
                fields=["congress"], condition=Q(state="open"), name="motion_one_open_per_congress"
            ),
        ]
        indexes = [models.Index(fields=["congress", "state"], name="motion_congress_state")]

    def __str__(self) -> str:
        return self.title

    @property
    def voted_count(self) -> int:
        return self.yes_count + self.no_count + self.abstain_count

    @property
    def yes_needed(self) -> int | None:
        """The fewest yes votes that pass it: more than half of those summoned."""
        return None if self.summoned_count is None else self.summoned_count // 2 + 1

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    @property
    def is_closed(self) -> bool:
        return self.state == self.State.CLOSED


class Participation(models.Model):
    """That a delegate has voted on a motion, and nothing more: no choice, no time."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="participations")
    delegate = models.ForeignKey("delegates.Delegate", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["motion", "delegate"], name="vote_once_per_motion"),
        ]

    def __str__(self) -> str:
        return f"Đã biểu quyết: {self.motion_id}"


class RollCallVote(models.Model):
    """Who voted how, for an open (roll-call) motion only."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="roll_call_votes")
    delegate = models.ForeignKey("delegates.Delegate", on_delete=models.CASCADE, related_name="+")
    choice = models.CharField(max_length=8, choices=Choice.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["motion", "delegate"], name="roll_call_once"),
        ]

    def __str__(self) -> str:
        return self.get_choice_display()
