"""Forms of a congress's organisation; `CongressScopedForm` is the base every app's congress
forms use."""

from django import forms

from daihoi.accounts.models import Role

from .models import Agency, Congress, Person


class CongressScopedForm(forms.Form):
    """Limits every choice of agencies, people, plans and committees to one congress."""

    empty_label = "— Chọn —"

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.congress = congress
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                field.queryset = field.queryset.filter(congress=congress)
                if not isinstance(field, forms.ModelMultipleChoiceField):
                    field.empty_label = self.empty_label

    def choice_field(self, name: str) -> forms.ModelChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        return field


class AccountRoleForm(CongressScopedForm):
    """A user's role in the congress: with an agency for an agency's focal officer, and the
    person of the congress the account belongs to, where there is one."""

    role = forms.ChoiceField(label="Vai trò", choices=Role.choices)
    agency = forms.ModelChoiceField(
        Agency.objects.all(),
        label="Cơ quan, đơn vị",
        required=False,
        help_text="Bắt buộc với đầu mối cơ quan.",
    )
    person = forms.ModelChoiceField(
        Person.objects.select_related("agency"),
        label="Cán bộ trong danh sách của Đại hội",
        required=False,
        help_text="Gắn tài khoản với cán bộ (nếu đã có trong danh sách).",
    )

    def role_kwargs(self) -> dict:
        data = self.cleaned_data
        return {"role": data["role"], "agency": data["agency"], "person": data["person"]}


class InviteForm(AccountRoleForm):
    full_name = forms.CharField(
        label="Họ và tên",
        max_length=150,
        required=False,
        help_text="Để trống thì lấy tên của cán bộ được chọn bên dưới.",
    )
    email = forms.EmailField(
        label="Địa chỉ e-mail",
        max_length=254,
        error_messages={"invalid": "Địa chỉ e-mail không hợp lệ."},
        help_text="Thư mời đặt mật khẩu gửi đến địa chỉ này; đây cũng là tên đăng nhập.",
    )

    field_order = ["full_name", "email", "role", "agency", "person"]

    def invite_kwargs(self) -> dict:
        return {
            "email": self.cleaned_data["email"],
            "full_name": self.cleaned_data["full_name"],
            **self.role_kwargs(),
        }
