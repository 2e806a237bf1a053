"""Lodging (nơi nghỉ): hotels, their rooms with a capacity and a gender rule, the delegates' stays
(nights from the first to the last) and every move kept as history."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.versioning import Versioned
from daihoi.delegates.models import Delegate
from daihoi.organizations.models import Congress

MAX_ROOM_CAPACITY = 20


class Hotel(Versioned):
    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="hotels", verbose_name=_("Đại hội")
    )
    name = models.CharField(_("tên nơi nghỉ"), max_length=200)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại lễ tân"), max_length=30, blank=True)
    contact = models.CharField(_("người liên hệ"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("nơi nghỉ")
        verbose_name_plural = _("nơi nghỉ")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "name"], name="hotel_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class GenderRule(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")
    ANY = "any", _("Không phân biệt")


class Room(Versioned):
    hotel = models.ForeignKey(
        Hotel, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("nơi nghỉ")
    )
    number = models.CharField(_("số phòng"), max_length=20)
    capacity = models.PositiveSmallIntegerField(_("số người tối đa"), default=2)
    gender_rule = models.CharField(
        _("dành cho"), max_length=8, choices=GenderRule.choices, default=GenderRule.ANY
    )
    note = models.CharField(_("ghi chú"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("phòng")
        verbose_name_plural = _("phòng")
        ordering = ["hotel", "number"]
        constraints = [
            models.UniqueConstraint(fields=["hotel", "number"], name="room_number_unique"),
            models.CheckConstraint(
                condition=Q(capacity__gte=1) & Q(capacity__lte=MAX_ROOM_CAPACITY),
                name="room_capacity_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"Phòng {self.number}"

    def admits(self, gender: str) -> bool:
        return self.gender_rule == GenderRule.ANY or self.gender_rule == gender


class Stay(models.Model):
    """A delegate's room for the nights from `first_night` to `last_night` (both included).

    One stay per delegate: a move changes the room (and leaves a `StayMove`), so the room's
    occupants on a night are the stays covering it, never more than its capacity."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    delegate = models.OneToOneField(
        Delegate, on_delete=models.CASCADE, related_name="stay", verbose_name=_("đại biểu")
    )
    room = models.ForeignKey(
        Room, on_delete=models.PROTECT, related_name="stays", verbose_name=_("phòng")
    )
    first_night = models.DateField(_("đêm đầu"))
    last_night = models.DateField(_("đêm cuối"))

    class Meta:
        verbose_name = _("xếp phòng")
        verbose_name_plural = _("xếp phòng")
        indexes = [models.Index(fields=["room", "first_night", "last_night"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_night__gte=F("first_night")), name="stay_nights_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.delegate} — {self.room}"

    def nights(self) -> list[dt.date]:
        days = (self.last_night - self.first_night).days + 1
        return [self.first_night + dt.timedelta(days=n) for n in range(days)]


class StayMove(models.Model):
    """One change of a delegate's room: assigned (no `from_room`), moved, or released (no
    `to_room`). The lodging's history, kept beside the audit trail for the manifests."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    delegate = models.ForeignKey(Delegate, on_delete=models.CASCADE, related_name="stay_moves")
    from_room = models.ForeignKey(
        Room, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    to_room = models.ForeignKey(
        Room, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(_("lý do"), max_length=300, blank=True)
    moved_at = models.DateTimeField(auto_now_add=True)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-moved_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.delegate_id}: {self.from_room_id} → {self.to_room_id}"
