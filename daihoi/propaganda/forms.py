from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from daihoi.core.forms import VNDateField
from daihoi.core.versioning import VersionedFormMixin
from daihoi.organizations.models import Agency

from .models import (
    MAX_QUANTITY,
    ArtEvent,
    Column,
    ItemKind,
    ItemState,
    MediaPiece,
    Outlet,
    Route,
    Slogan,
    VisualItem,
)
from .selectors import ItemFilters, PieceFilters
from .services import ItemFields

MAX_PATH_POINTS = 200


def _coordinate(label: str, limit: int) -> forms.DecimalField:
    message = f"{label} phải nằm trong khoảng từ -{limit} đến {limit}."
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=Decimal(-limit),
        max_value=Decimal(limit),
        max_digits=9,
        decimal_places=6,
        error_messages={
            "invalid": f"{label} phải là số thập phân, ví dụ 14.350123.",
            "min_value": message,
            "max_value": message,
            "max_digits": f"{label} có quá nhiều chữ số.",
            "max_decimal_places": f"{label} chỉ lấy tối đa 6 chữ số thập phân.",
            "max_whole_digits": message,
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


class SloganForm(VersionedFormMixin, forms.Form):
    text = forms.CharField(
        label="Nội dung khẩu hiệu", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    source = forms.CharField(label="Căn cứ", max_length=255, required=False)
    position = forms.IntegerField(label="Số thứ tự", min_value=1, max_value=999, initial=1)
    approved = forms.BooleanField(label="Đang sử dụng (trong danh sách đã duyệt)", required=False)


class RouteForm(VersionedFormMixin, forms.Form):
    name = forms.CharField(label="Tên tuyến đường, địa bàn", max_length=255)
    locality = forms.CharField(label="Địa bàn (phường, xã, huyện)", max_length=255, required=False)
    path = forms.CharField(
        label="Các điểm của tuyến trên bản đồ",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "14.3545, 108.0076"}),
        help_text="Mỗi dòng một điểm: vĩ độ, kinh độ (theo thứ tự dọc tuyến).",
    )

    def clean_path(self) -> list[list[float]]:
        points = []
        lines = [line for line in (self.cleaned_data.get("path") or "").splitlines() if line]
        if len(lines) > MAX_PATH_POINTS:
            raise forms.ValidationError(f"Tối đa {MAX_PATH_POINTS} điểm cho một tuyến.")
        for number, line in enumerate(lines, start=1):
            parts = line.replace(";", ",").split(",")
            try:
                lat, lon = (Decimal(p.strip()) for p in parts)
            except (ValueError, InvalidOperation):
                raise forms.ValidationError(
                    f"Dòng {number}: hãy nhập “vĩ độ, kinh độ”, ví dụ 14.3545, 108.0076."
                ) from None
            if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not lat.is_finite():
                raise forms.ValidationError(
                    f"Dòng {number}: vĩ độ từ -90 đến 90, kinh độ từ -180 đến 180."
                )
            points.append([float(lat), float(lon)])
        return points

    @staticmethod
    def path_text(path: list[list[float]]) -> str:
        return "\n".join(f"{lat}, {lon}" for lat, lon in path)


# What an item's form edits: the fields of `services.ItemFields`.
ITEM_FIELDS = (
    "kind",
    "route",
    "location",
    "latitude",
    "longitude",
    "quantity",
    "slogan",
    "agency",
    "install_on",
    "remove_on",
    "note",
)


class ItemForm(VersionedFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=ItemKind.choices)
    route = forms.ModelChoiceField(Route.objects.none(), label="Tuyến đường, địa bàn")
    location = forms.CharField(
        label="Vị trí", max_length=255, help_text="Ví dụ: trước Quảng trường 16 tháng 3"
    )
    latitude = _coordinate("Vĩ độ", 90)
    longitude = _coordinate("Kinh độ", 180)
    quantity = forms.IntegerField(
        label="Số lượng",
        min_value=1,
        max_value=MAX_QUANTITY,
        initial=1,
        error_messages={
            "invalid": "Số lượng phải là số nguyên.",
            "min_value": "Số lượng phải lớn hơn 0.",
            "max_value": "Số lượng quá lớn; hãy kiểm tra lại.",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    slogan = forms.ModelChoiceField(
        Slogan.objects.none(),
        label="Khẩu hiệu",
        required=False,
        empty_label="— Không (cờ) —",
        help_text="Chọn trong danh sách khẩu hiệu đã duyệt.",
    )
    agency = forms.ModelChoiceField(Agency.objects.none(), label="Đơn vị thực hiện")
    install_on = VNDateField(label="Ngày lắp đặt dự kiến")
    remove_on = VNDateField(label="Ngày tháo dỡ dự kiến", required=False)
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, routes, slogans, agencies, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["route"].queryset = routes
        fields["slogan"].queryset = slogans
        fields["agency"].queryset = agencies

    @classmethod
    def initial_for(cls, item: VisualItem | None) -> dict[str, Any]:
        if item is None:
            return {}
        return {name: getattr(item, name) for name in ITEM_FIELDS} | {"version": item.version}

    def item_fields(self) -> ItemFields:
        data = self.edited()
        return ItemFields(**{name: data[name] for name in ITEM_FIELDS})


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label="Ảnh minh chứng",
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
        help_text="Chụp trực tiếp bằng điện thoại hoặc chọn ảnh JPG/PNG; giờ và nơi chụp được "
        "đọc từ ảnh.",
    )
    note = forms.CharField(label="Ghi chú", max_length=500, required=False)


class StateForm(forms.Form):
    state = forms.ChoiceField(choices=ItemState.choices)
    on = VNDateField(label="Ngày", required=False)


def _int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if 0 < number < 2**62 else None


class ItemFilterForm(forms.Form):
    route = forms.ChoiceField(label="Tuyến", required=False)
    kind = forms.ChoiceField(
        label="Loại", required=False, choices=[("", "Tất cả"), *ItemKind.choices]
    )
    state = forms.ChoiceField(
        label="Trạng thái", required=False, choices=[("", "Tất cả"), *ItemState.choices]
    )
    overdue = forms.BooleanField(label="Chậm lắp đặt", required=False)

    def __init__(self, *args: Any, routes: list[Route], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: Any = [("", "Tất cả"), *((str(r.pk), r.name) for r in routes)]
        self.fields["route"].choices = choices  # type: ignore[attr-defined]

    def filters(self) -> ItemFilters:
        if not self.is_valid():
            return ItemFilters()
        data = self.cleaned_data
        return ItemFilters(
            route=_int(data.get("route")),
            kind=data.get("kind") or "",
            state=data.get("state") or "",
            overdue=bool(data.get("overdue")),
        )


# Press and media -------------------------------------------------------------------------------


class OutletForm(VersionedFormMixin, forms.Form):
    name = forms.CharField(label="Tên cơ quan báo chí", max_length=255)
    kind = forms.ChoiceField(label="Loại hình", choices=Outlet.Kind.choices)
    website = forms.URLField(label="Trang web", required=False, assume_scheme="https")


class ColumnForm(VersionedFormMixin, forms.Form):
    outlet = forms.ModelChoiceField(Outlet.objects.none(), label="Cơ quan báo chí")
    kind = forms.ChoiceField(label="Loại", choices=Column.Kind.choices)
    name = forms.CharField(label="Tên", max_length=255)
    started_on = VNDateField(label="Ngày mở", required=False)
    schedule = forms.CharField(label="Định kỳ", max_length=120, required=False)
    link = forms.URLField(label="Đường dẫn", required=False, assume_scheme="https")

    def __init__(self, *args: Any, outlets, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outlet"].queryset = outlets  # type: ignore[attr-defined]


class PieceForm(VersionedFormMixin, forms.Form):
    outlet = forms.ModelChoiceField(Outlet.objects.none(), label="Cơ quan báo chí")
    column = forms.ModelChoiceField(
        Column.objects.none(),
        label="Chuyên trang, chuyên mục",
        required=False,
        empty_label="— Không —",
    )
    kind = forms.ChoiceField(label="Thể loại", choices=MediaPiece.Kind.choices)
    title = forms.CharField(label="Tiêu đề", max_length=500)
    planned_on = VNDateField(label="Ngày dự kiến đăng, phát")
    published_on = VNDateField(
        label="Ngày đã đăng, phát", required=False, help_text="Bỏ trống khi chưa đăng."
    )
    link = forms.URLField(label="Đường dẫn", max_length=500, required=False, assume_scheme="https")

    def __init__(self, *args: Any, outlets, columns, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["outlet"].queryset = outlets
        fields["column"].queryset = columns
        fields["column"].label_from_instance = lambda c: f"{c.outlet.name} — {c.name}"


class PieceFilterForm(forms.Form):
    outlet = forms.ChoiceField(label="Cơ quan", required=False)
    kind = forms.ChoiceField(
        label="Thể loại", required=False, choices=[("", "Tất cả"), *MediaPiece.Kind.choices]
    )
    published = forms.ChoiceField(
        label="Tình trạng",
        required=False,
        choices=[("", "Tất cả"), ("yes", "Đã đăng, phát"), ("no", "Chưa đăng, phát")],
    )

    def __init__(self, *args: Any, outlets: list[Outlet], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: Any = [("", "Tất cả"), *((str(o.pk), o.name) for o in outlets)]
        self.fields["outlet"].choices = choices  # type: ignore[attr-defined]

    def filters(self) -> PieceFilters:
        if not self.is_valid():
            return PieceFilters()
        data = self.cleaned_data
        return PieceFilters(
            outlet=_int(data.get("outlet")),
            kind=data.get("kind") or "",
            published=data.get("published") or "",
        )


class EventForm(VersionedFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=ArtEvent.Kind.choices)
    title = forms.CharField(label="Tên", max_length=500)
    venue = forms.CharField(label="Địa điểm", max_length=255)
    starts_on = VNDateField(label="Từ ngày")
    ends_on = VNDateField(label="Đến ngày", required=False)
    agency = forms.ModelChoiceField(
        Agency.objects.none(), label="Đơn vị thực hiện", required=False, empty_label="— Chưa giao —"
    )
    readiness = forms.ChoiceField(label="Mức độ sẵn sàng", choices=ArtEvent.Readiness.choices)
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, agencies, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
