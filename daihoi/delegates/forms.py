from typing import Any

from django import forms

from daihoi.core.forms import VNDateField
from daihoi.core.versioning import VersionedFormMixin
from daihoi.organizations.forms import CongressScopedForm

from .models import Delegate, Delegation, DiscussionGroup, GroupMember
from .services.roster import DelegateFields

YES_NO = [("", "Được bầu"), ("1", "Đương nhiên")]


class DelegationForm(CongressScopedForm):
    name = forms.CharField(label="Tên đoàn", max_length=255)
    order = forms.IntegerField(label="Thứ tự", min_value=0, max_value=999, initial=0)


class DelegateForm(VersionedFormMixin, CongressScopedForm):
    kind = forms.ChoiceField(label="Loại đại biểu", choices=Delegate.Kind.choices)
    full_name = forms.CharField(label="Họ và tên", max_length=150)
    gender = forms.ChoiceField(label="Giới tính", choices=Delegate.Gender.choices)
    delegation = forms.ModelChoiceField(Delegation.objects.all(), label="Đoàn đại biểu")
    birth_year = forms.IntegerField(
        label="Năm sinh", required=False, min_value=1900, max_value=2100
    )
    ethnicity = forms.CharField(label="Dân tộc", max_length=50, required=False, initial="Kinh")
    religion = forms.CharField(label="Tôn giáo", max_length=50, required=False, initial="Không")
    education = forms.CharField(
        label="Trình độ học vấn", max_length=20, required=False, help_text="Ví dụ: 12/12"
    )
    professional_level = forms.ChoiceField(
        label="Trình độ chuyên môn",
        choices=[("", "—"), *Delegate.Professional.choices],
        required=False,
    )
    theory_level = forms.ChoiceField(
        label="Lý luận chính trị", choices=[("", "—"), *Delegate.Theory.choices], required=False
    )
    party_joined_on = VNDateField(label="Ngày vào Đảng", required=False)
    position = forms.CharField(label="Chức vụ", max_length=255, required=False)
    workplace = forms.CharField(label="Đơn vị công tác", max_length=255, required=False)
    is_ex_officio = forms.BooleanField(
        label="Đại biểu đương nhiên (bỏ trống: đại biểu được bầu)", required=False
    )
    phone = forms.CharField(label="Điện thoại", max_length=20, required=False)
    photo = forms.FileField(label="Ảnh (JPG, PNG; không bắt buộc)", required=False)

    @classmethod
    def initial_for(cls, delegate: Delegate) -> dict[str, Any]:
        values = {name: getattr(delegate, name) for name in DelegateFields.__dataclass_fields__}
        return values | {"version": delegate.version}

    def delegate_fields(self) -> DelegateFields:
        data = self.edited()
        data.pop("photo", None)
        for name in ("ethnicity", "religion", "education", "position", "workplace", "phone"):
            data[name] = data.get(name) or ""
        return DelegateFields(**data)


class ReplaceForm(CongressScopedForm):
    substitute = forms.ModelChoiceField(
        Delegate.objects.filter(is_active=True, kind=Delegate.Kind.ALTERNATE),
        label="Đại biểu dự khuyết thay thế",
    )
    reason = forms.CharField(label="Lý do", widget=forms.Textarea(attrs={"rows": 3}))
    decided_on = VNDateField(label="Ngày quyết định")


class ImportForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx) theo mẫu")


class GroupForm(CongressScopedForm):
    name = forms.CharField(label="Tên tổ", max_length=150)
    place = forms.CharField(label="Địa điểm thảo luận", max_length=255, required=False)
    order = forms.IntegerField(label="Thứ tự", min_value=0, max_value=999, initial=0)


class AssignForm(CongressScopedForm):
    delegate = forms.ModelChoiceField(Delegate.objects.filter(is_active=True), label="Đại biểu")
    role = forms.ChoiceField(label="Vai trò", choices=GroupMember.Role.choices, initial="member")


class AssignDelegationForm(CongressScopedForm):
    delegation = forms.ModelChoiceField(Delegation.objects.all(), label="Cả đoàn đại biểu")


class GroupChoiceForm(CongressScopedForm):
    group = forms.ModelChoiceField(DiscussionGroup.objects.all(), label="Tổ thảo luận")
