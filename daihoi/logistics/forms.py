"""Logistics forms; choices limited to the congress (`CongressScopedForm`)."""

from django import forms
from django.db.models import QuerySet

from daihoi.core.forms import MultipleFileField, VNDateField, VNTimeField
from daihoi.core.versioning import VersionedFormMixin
from daihoi.delegates.models import Delegate, Delegation
from daihoi.organizations.forms import AgencyChoiceField, CongressScopedForm

from .models import (
    Audience,
    Block,
    Diet,
    GenderRule,
    MealKind,
    ReadinessArea,
    ReadinessState,
    Room,
    Vehicle,
)
from .services import ItemFields


class ReadinessItemForm(VersionedFormMixin, CongressScopedForm):
    area = forms.ChoiceField(label="Lĩnh vực", choices=ReadinessArea.choices)
    title = forms.CharField(label="Hạng mục", max_length=300)
    agency = AgencyChoiceField(label="Cơ quan chịu trách nhiệm")
    deadline = VNDateField(label="Hạn hoàn thành", required=False)
    note = forms.CharField(
        label="Ghi chú", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def fields_value(self) -> ItemFields:
        return ItemFields(**self.edited())


class ReadinessReportForm(forms.Form):
    state = forms.ChoiceField(label="Tình trạng", choices=ReadinessState.choices)
    note = forms.CharField(
        label="Ghi chú, vướng mắc",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    photos = MultipleFileField(
        label="Ảnh minh chứng (JPG, PNG hoặc bản chụp PDF)",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photos"].widget.attrs["accept"] = ".jpg,.jpeg,.png,.pdf"


class ReadinessFilterForm(forms.Form):
    area = forms.ChoiceField(
        label="Lĩnh vực", required=False, choices=[("", "Tất cả"), *ReadinessArea.choices]
    )
    state = forms.ChoiceField(
        label="Tình trạng", required=False, choices=[("", "Tất cả"), *ReadinessState.choices]
    )
    late = forms.BooleanField(label="Chỉ hạng mục quá hạn", required=False)


# Lodging ---------------------------------------------------------------------------------------


class DelegateChoiceField(forms.ModelChoiceField):
    """An active delegate of the congress, shown with the delegation."""

    def label_from_instance(self, obj) -> str:
        return f"{obj.full_name} — {obj.delegation.name}"


class RoomChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        rule = obj.get_gender_rule_display()
        return f"{obj.hotel.name} — phòng {obj.number} ({obj.capacity} người, {rule})"


def active_delegates(congress) -> QuerySet[Delegate]:
    return (
        Delegate.objects.filter(congress=congress, is_active=True)
        .select_related("delegation")
        .order_by("delegation__order", "delegation__name", "name_key")
    )


class HotelForm(VersionedFormMixin, forms.Form):
    name = forms.CharField(label="Tên nơi nghỉ", max_length=200)
    address = forms.CharField(label="Địa chỉ", max_length=300, required=False)
    phone = forms.CharField(label="Điện thoại lễ tân", max_length=30, required=False)
    contact = forms.CharField(label="Người liên hệ", max_length=150, required=False)


class RoomsForm(forms.Form):
    numbers = forms.CharField(
        label="Số phòng", max_length=500, help_text="Ví dụ: 101-110, 201, 202"
    )
    capacity = forms.IntegerField(label="Số người mỗi phòng", min_value=1, max_value=20, initial=2)
    gender_rule = forms.ChoiceField(label="Dành cho", choices=GenderRule.choices)


class RoomForm(VersionedFormMixin, forms.Form):
    number = forms.CharField(label="Số phòng", max_length=20)
    capacity = forms.IntegerField(label="Số người tối đa", min_value=1, max_value=20)
    gender_rule = forms.ChoiceField(label="Dành cho", choices=GenderRule.choices)
    note = forms.CharField(label="Ghi chú", max_length=200, required=False)


class StayForm(forms.Form):
    delegate = DelegateChoiceField(Delegate.objects.none(), label="Đại biểu")
    room = RoomChoiceField(Room.objects.none(), label="Phòng")
    first_night = VNDateField(label="Đêm đầu", required=False, help_text="Bỏ trống: cả kỳ Đại hội")
    last_night = VNDateField(label="Đêm cuối", required=False)
    reason = forms.CharField(label="Lý do (khi chuyển phòng)", max_length=300, required=False)

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.choice("delegate").queryset = active_delegates(congress)
        self.choice("room").queryset = Room.objects.filter(hotel__congress=congress).select_related(
            "hotel"
        )

    def choice(self, name: str) -> forms.ModelChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        return field


class NightForm(forms.Form):
    night = VNDateField(label="Đêm", required=False)


# Meals and transport ---------------------------------------------------------------------------


class MealForm(VersionedFormMixin, forms.Form):
    day = VNDateField(label="Ngày")
    kind = forms.ChoiceField(label="Bữa", choices=MealKind.choices)
    venue = forms.CharField(label="Địa điểm", max_length=200)
    audience = forms.ChoiceField(label="Phục vụ", choices=Audience.choices)
    extra = forms.IntegerField(
        label="Suất thêm (phục vụ, phóng viên…)", min_value=0, max_value=10000, initial=0
    )
    note = forms.CharField(label="Ghi chú", max_length=300, required=False)


class DietForm(forms.Form):
    delegate = DelegateChoiceField(Delegate.objects.none(), label="Đại biểu")
    diet = forms.ChoiceField(
        label="Chế độ ăn",
        choices=[("", "Bình thường (bỏ chế độ riêng)"), *Diet.choices],
        required=False,
    )
    note = forms.CharField(label="Ghi chú", max_length=200, required=False)

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["delegate"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = active_delegates(congress)


class VehicleForm(VersionedFormMixin, CongressScopedForm):
    plate = forms.CharField(label="Biển số", max_length=20)
    description = forms.CharField(label="Loại xe", max_length=100, help_text="Ví dụ: xe 45 chỗ")
    capacity = forms.IntegerField(label="Số chỗ cho đại biểu", min_value=1, max_value=80)
    driver = forms.CharField(label="Lái xe", max_length=150)
    driver_phone = forms.CharField(label="Điện thoại lái xe", max_length=20)
    agency = AgencyChoiceField(label="Đơn vị bố trí xe", required=False)


class TripForm(CongressScopedForm):
    vehicle = forms.ModelChoiceField(Vehicle.objects.all(), label="Xe")
    day = VNDateField(label="Ngày")
    departs_at = VNTimeField(label="Giờ đón")
    route = forms.CharField(label="Lộ trình", max_length=300, help_text="Điểm đón → điểm đến")


class RidersForm(forms.Form):
    delegation = forms.ModelChoiceField(
        Delegation.objects.none(), label="Cả đoàn đại biểu", required=False
    )
    delegate = DelegateChoiceField(
        Delegate.objects.none(), label="Hoặc một đại biểu", required=False
    )

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        delegation = self.fields["delegation"]
        delegate = self.fields["delegate"]
        assert isinstance(delegation, forms.ModelChoiceField)
        assert isinstance(delegate, forms.ModelChoiceField)
        delegation.queryset = Delegation.objects.filter(congress=congress)
        delegate.queryset = active_delegates(congress)

    def clean(self):
        data = super().clean() or {}
        if not data.get("delegation") and not data.get("delegate"):
            raise forms.ValidationError("Hãy chọn một đoàn hoặc một đại biểu.")
        return data


class DayForm(forms.Form):
    day = VNDateField(label="Ngày", required=False)


# Seating ---------------------------------------------------------------------------------------


class HallForm(VersionedFormMixin, forms.Form):
    name = forms.CharField(label="Tên hội trường", max_length=200)


class BlockForm(VersionedFormMixin, forms.Form):
    name = forms.CharField(label="Tên khối", max_length=50, help_text="Ví dụ: Khối A (bên trái)")
    order = forms.IntegerField(label="Thứ tự từ trái sang", min_value=1, max_value=50, initial=1)
    rows = forms.IntegerField(label="Số hàng", min_value=1, max_value=60)
    seats_per_row = forms.IntegerField(label="Số ghế mỗi hàng", min_value=1, max_value=80)


class BlockDelegationsForm(forms.Form):
    delegations = forms.ModelMultipleChoiceField(
        Delegation.objects.none(),
        label="Các đoàn ngồi ở khối này",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["delegations"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = Delegation.objects.filter(congress=congress)


class SeatForm(forms.Form):
    delegate = DelegateChoiceField(Delegate.objects.none(), label="Đại biểu")
    block = forms.ModelChoiceField(Block.objects.none(), label="Khối")
    row = forms.IntegerField(label="Hàng", min_value=1, max_value=60)
    number = forms.IntegerField(label="Ghế số", min_value=1, max_value=80)

    def __init__(self, *args, hall, **kwargs):
        super().__init__(*args, **kwargs)
        delegate = self.fields["delegate"]
        block = self.fields["block"]
        assert isinstance(delegate, forms.ModelChoiceField)
        assert isinstance(block, forms.ModelChoiceField)
        delegate.queryset = active_delegates(hall.congress)
        block.queryset = Block.objects.filter(hall=hall)
