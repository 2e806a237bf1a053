"""Elections by secret paper ballot and their counting (kiểm phiếu).

An election (bầu cử) has its number to elect, its candidates in the order the ballot prints
them, the delegates summoned and the ballots issued and collected. The vote-counting board (Ban
Kiểm phiếu) works at two stations, A and B: each enters every paper ballot on its own — the
ballot's number and the names crossed out, or that it is invalid and why. A ballot counts once
both stations' latest entries of its number agree (`counting.py`).

Nothing here names a delegate: a ballot is its number and its marks. The entries name the board
member who typed them, never who voted.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction
from daihoi.core.versioning import Versioned
from daihoi.organizations.models import Congress


class BallotAction(AuditAction):
    ELECTION_CREATED = "election.created", _("Tạo cuộc bầu cử")
    ELECTION_UPDATED = "election.updated", _("Sửa cuộc bầu cử")
    BOARD_MEMBER_ADDED = "election.board_member_added", _("Phân công thành viên Ban Kiểm phiếu")
    BOARD_MEMBER_REMOVED = "election.board_member_removed", _("Thôi phân công kiểm phiếu")
    BALLOT_ENTERED = "election.ballot_entered", _("Nhập phiếu bầu")
    MINUTES_PDF_REQUESTED = "election.minutes_pdf_requested", _("Yêu cầu bản PDF biên bản")


class Election(Versioned):
    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="elections", verbose_name=_("Đại hội")
    )
    title = models.CharField(_("tên cuộc bầu cử"), max_length=255)
    seats = models.PositiveSmallIntegerField(_("số lượng cần bầu"))
    summoned = models.PositiveIntegerField(_("số đại biểu được triệu tập"))
    excused = models.PositiveIntegerField(
        _("số đại biểu được trừ khi tính kết quả"),
        default=0,
        help_text=_(
            "Cấp ủy viên cấp triệu tập và đại biểu chính thức vắng mặt suốt thời gian Đại hội "
            "không có đại biểu dự khuyết thay thế."
        ),
    )
    issued = models.PositiveIntegerField(_("số phiếu phát ra"))
    collected = models.PositiveIntegerField(_("số phiếu thu vào"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    minutes_pdf = models.FileField(_("biên bản (PDF)"), upload_to="ballots/", blank=True)
    # The tally the stored PDF was made from (`counting.Tally.fingerprint`); a PDF of another
    # state of the count is stale and not offered.
    minutes_pdf_of = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("cuộc bầu cử")
        verbose_name_plural = _("cuộc bầu cử")
        ordering = ["congress", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(seats__gte=1), name="ballots_election_seats"),
            models.CheckConstraint(
                condition=Q(issued__lte=F("summoned")), name="ballots_election_issued_le_summoned"
            ),
            models.CheckConstraint(
                condition=Q(collected__isnull=True) | Q(collected__lte=F("issued")),
                name="ballots_election_collected_le_issued",
            ),
            models.CheckConstraint(
                condition=Q(excused__lt=F("summoned")), name="ballots_election_excused_lt_summoned"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def base(self) -> int:
        """The number a candidate must get more than half of (see `counting.elected_rule`)."""
        return self.summoned - self.excused


class Candidate(models.Model):
    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="candidates", verbose_name=_("bầu cử")
    )
    position = models.PositiveSmallIntegerField(_("thứ tự trên phiếu"))
    full_name = models.CharField(_("họ và tên"), max_length=150)

    class Meta:
        verbose_name = _("người trong danh sách bầu cử")
        verbose_name_plural = _("danh sách bầu cử")
        ordering = ["election", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "position"], name="ballots_candidate_position_unique"
            )
        ]

    def __str__(self) -> str:
        return self.full_name


class Station(models.TextChoices):
    A = "A", _("Tổ A")
    B = "B", _("Tổ B")


class BoardMember(models.Model):
    """A user of the congress on the vote-counting board of one election, at one station."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="board", verbose_name=_("bầu cử")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("ai")
    )
    station = models.CharField(_("tổ nhập phiếu"), max_length=1, choices=Station.choices)

    class Meta:
        verbose_name = _("thành viên Ban Kiểm phiếu")
        verbose_name_plural = _("Ban Kiểm phiếu")
        ordering = ["election", "station", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["election", "user"], name="ballots_board_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_station_display()}: {self.user}"


class InvalidReason(models.TextChoices):
    """Why a ballot is not valid. The first four are what the board sees on the paper and
    chooses; the last two follow from the names crossed out and are never chosen by hand."""

    NOT_ISSUED = "not_issued", _("Phiếu không do Ban Kiểm phiếu phát ra, không có dấu Đại hội")
    ADDED_NAME = "added_name", _("Phiếu ghi thêm tên người ngoài danh sách bầu cử")
    MARKED = "marked", _("Phiếu có ký hiệu riêng, đánh dấu hoặc ghi thêm nội dung khác")
    TORN = "torn", _("Phiếu bị rách, không còn nguyên vẹn để xác định")
    TOO_MANY = "too_many", _("Phiếu để lại nhiều tên hơn số lượng cần bầu")
    ALL_CROSSED = "all_crossed", _("Phiếu gạch tên tất cả người trong danh sách")


CHOSEN_REASONS = [
    InvalidReason.NOT_ISSUED,
    InvalidReason.ADDED_NAME,
    InvalidReason.MARKED,
    InvalidReason.TORN,
]


class Entry(models.Model):
    """One station's reading of one paper ballot. `round` counts re-entries: 0 the first
    reading; when the two stations' readings of a round differ, both enter it again in the
    next round, and the latest round both have entered decides."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="entries")
    station = models.CharField(max_length=1, choices=Station.choices)
    number = models.PositiveIntegerField(_("số phiếu"))
    round = models.PositiveSmallIntegerField(default=0)
    invalid_reason = models.CharField(
        _("lý do không hợp lệ"), max_length=16, choices=InvalidReason.choices, blank=True
    )
    crossed = models.ManyToManyField(Candidate, related_name="+", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lượt nhập phiếu")
        verbose_name_plural = _("lượt nhập phiếu")
        ordering = ["election", "number", "round", "station"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "station", "number", "round"],
                name="ballots_entry_once_per_station_and_round",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="ballots_entry_number"),
        ]

    def __str__(self) -> str:
        return f"Phiếu số {self.number}, {self.get_station_display()}, lần {self.round + 1}"
