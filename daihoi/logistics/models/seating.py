"""Seating (sơ đồ chỗ ngồi): a hall of blocks, each rows × seats; delegations given to blocks;
each delegate's seat. No seat is taken twice and no delegate sits twice in a hall (constraints)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.versioning import Versioned
from daihoi.delegates.models import Delegate, Delegation
from daihoi.organizations.models import Congress

MAX_ROWS = 60
MAX_SEATS_PER_ROW = 80


class Hall(Versioned):
    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="halls", verbose_name=_("Đại hội")
    )
    name = models.CharField(_("tên hội trường"), max_length=200)

    class Meta:
        verbose_name = _("hội trường")
        verbose_name_plural = _("hội trường")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "name"], name="hall_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Block(Versioned):
    """Khối ghế: rows counted from the stage (row 1 nearest), seats from the left aisle."""

    hall = models.ForeignKey(
        Hall, on_delete=models.CASCADE, related_name="blocks", verbose_name=_("hội trường")
    )
    name = models.CharField(_("tên khối"), max_length=50, help_text=_("Ví dụ: Khối A (bên trái)"))
    order = models.PositiveSmallIntegerField(_("thứ tự từ trái sang"), default=1)
    rows = models.PositiveSmallIntegerField(_("số hàng"))
    seats_per_row = models.PositiveSmallIntegerField(_("số ghế mỗi hàng"))

    class Meta:
        verbose_name = _("khối ghế")
        verbose_name_plural = _("khối ghế")
        ordering = ["hall", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["hall", "name"], name="block_name_unique"),
            models.CheckConstraint(
                condition=Q(rows__gte=1)
                & Q(rows__lte=MAX_ROWS)
                & Q(seats_per_row__gte=1)
                & Q(seats_per_row__lte=MAX_SEATS_PER_ROW),
                name="block_size_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def capacity(self) -> int:
        return self.rows * self.seats_per_row


class BlockDelegation(models.Model):
    """A delegation seated in a block; a delegation has one block per hall."""

    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="+")
    block = models.ForeignKey(Block, on_delete=models.CASCADE, related_name="delegations")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["block", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["hall", "delegation"], name="block_delegation_once_per_hall"
            )
        ]

    def __str__(self) -> str:
        return f"{self.delegation} — {self.block}"


class Seat(models.Model):
    """A delegate's seat. The constraints are the rule: one delegate per seat, one seat per
    delegate in a hall, whatever the requests racing each other."""

    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="seats")
    block = models.ForeignKey(Block, on_delete=models.CASCADE, related_name="seats")
    row = models.PositiveSmallIntegerField(_("hàng"))
    number = models.PositiveSmallIntegerField(_("ghế số"))
    delegate = models.ForeignKey(
        Delegate, on_delete=models.CASCADE, related_name="seats", verbose_name=_("đại biểu")
    )

    class Meta:
        verbose_name = _("chỗ ngồi")
        verbose_name_plural = _("chỗ ngồi")
        ordering = ["block", "row", "number"]
        constraints = [
            models.UniqueConstraint(fields=["block", "row", "number"], name="seat_taken_once"),
            models.UniqueConstraint(fields=["hall", "delegate"], name="seat_one_per_delegate"),
            models.CheckConstraint(
                condition=Q(row__gte=1) & Q(number__gte=1), name="seat_position_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.block.name}, hàng {self.row}, ghế {self.number}"
