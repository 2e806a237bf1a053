"""Meals (ăn uống) by day, session and venue with special diets, and transport (xe): vehicles
with their driver, trips by day and route, and who rides each trip."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.versioning import Versioned
from daihoi.delegates.models import Delegate
from daihoi.organizations.models import Agency, Congress

MAX_VEHICLE_SEATS = 80


class MealKind(models.TextChoices):
    BREAKFAST = "breakfast", _("Bữa sáng")
    LUNCH = "lunch", _("Bữa trưa")
    DINNER = "dinner", _("Bữa tối")
    TEA = "tea", _("Giải lao giữa phiên")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Đại biểu chính thức, dự khuyết và khách mời")
    DELEGATES = "delegates", _("Đại biểu chính thức và dự khuyết")
    OFFICIAL = "official", _("Đại biểu chính thức")


AUDIENCE_KINDS: dict[str, list[str]] = {
    Audience.EVERYONE: list(Delegate.Kind.values),
    Audience.DELEGATES: [Delegate.Kind.OFFICIAL, Delegate.Kind.ALTERNATE],
    Audience.OFFICIAL: [Delegate.Kind.OFFICIAL],
}


class Meal(Versioned):
    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="meals", verbose_name=_("Đại hội")
    )
    day = models.DateField(_("ngày"))
    kind = models.CharField(_("bữa"), max_length=10, choices=MealKind.choices)
    venue = models.CharField(_("địa điểm"), max_length=200)
    audience = models.CharField(
        _("phục vụ"), max_length=10, choices=Audience.choices, default=Audience.EVERYONE
    )
    extra = models.PositiveIntegerField(
        _("suất thêm"), default=0, help_text=_("Cán bộ phục vụ, phóng viên… ngoài danh sách")
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("bữa ăn")
        verbose_name_plural = _("bữa ăn")
        ordering = ["day", "kind", "venue"]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "day", "kind", "venue"], name="meal_unique"
            ),
            models.CheckConstraint(condition=Q(extra__lte=10000), name="meal_extra_bounded"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.day:%d/%m/%Y} — {self.venue}"


class Diet(models.TextChoices):
    VEGETARIAN = "vegetarian", _("Ăn chay")
    NO_PORK = "no_pork", _("Không ăn thịt lợn")
    NO_SEAFOOD = "no_seafood", _("Không ăn hải sản")
    DIABETIC = "diabetic", _("Ăn kiêng đường")
    OTHER = "other", _("Chế độ khác")


class DietNote(models.Model):
    """A delegate's special diet (chế độ ăn riêng): personal, read by the service staff only."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    delegate = models.OneToOneField(
        Delegate, on_delete=models.CASCADE, related_name="diet", verbose_name=_("đại biểu")
    )
    diet = models.CharField(_("chế độ ăn"), max_length=12, choices=Diet.choices)
    note = models.CharField(_("ghi chú"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("chế độ ăn riêng")
        verbose_name_plural = _("chế độ ăn riêng")

    def __str__(self) -> str:
        return f"{self.delegate} — {self.get_diet_display()}"


class Vehicle(Versioned):
    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="vehicles", verbose_name=_("Đại hội")
    )
    plate = models.CharField(_("biển số"), max_length=20)
    description = models.CharField(_("loại xe"), max_length=100, help_text=_("Ví dụ: xe 45 chỗ"))
    capacity = models.PositiveSmallIntegerField(_("số chỗ cho đại biểu"))
    driver = models.CharField(_("lái xe"), max_length=150)
    driver_phone = models.CharField(_("điện thoại lái xe"), max_length=20)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("đơn vị bố trí xe"),
    )

    class Meta:
        verbose_name = _("xe")
        verbose_name_plural = _("xe")
        ordering = ["plate"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "plate"], name="vehicle_plate_unique"),
            models.CheckConstraint(
                condition=Q(capacity__gte=1) & Q(capacity__lte=MAX_VEHICLE_SEATS),
                name="vehicle_capacity_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plate} ({self.description})"


class Trip(models.Model):
    """One run of a vehicle on a day at a time along a route; its riders are `Ride` rows."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    vehicle = models.ForeignKey(
        Vehicle, on_delete=models.CASCADE, related_name="trips", verbose_name=_("xe")
    )
    day = models.DateField(_("ngày"))
    departs_at = models.TimeField(_("giờ đón"))
    route = models.CharField(_("lộ trình"), max_length=300, help_text=_("Điểm đón → điểm đến"))

    class Meta:
        verbose_name = _("chuyến xe")
        verbose_name_plural = _("chuyến xe")
        ordering = ["day", "departs_at", "vehicle__plate"]
        constraints = [
            models.UniqueConstraint(
                fields=["vehicle", "day", "departs_at"], name="trip_vehicle_time_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vehicle.plate} {self.departs_at:%H:%M} {self.day:%d/%m/%Y}"


class Ride(models.Model):
    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    trip = models.ForeignKey(Trip, on_delete=models.CASCADE, related_name="rides")
    delegate = models.ForeignKey(Delegate, on_delete=models.CASCADE, related_name="rides")
    # Copies of the trip's day and time: one delegate rides one trip at a time (a constraint).
    day = models.DateField()
    departs_at = models.TimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["delegate", "day", "departs_at"], name="ride_one_trip_at_a_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.delegate} — {self.trip}"
