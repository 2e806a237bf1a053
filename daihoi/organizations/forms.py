"""Forms of a congress's organisation, and the choosers every app's forms share:
`CongressScopedForm` (choices limited to one congress), `AgencyChoiceField` and
`AgenciesOrGroupsField` (agencies, or named groups of them chosen as one)."""

from collections.abc import Iterable, Iterator
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Count, Q, QuerySet

from daihoi.accounts.models import Role
from daihoi.core.forms import VNDateField
from daihoi.core.versioning import VersionedFormMixin

from .models import Agency, AgencyGroup, Area, Committee, Congress, Membership, Person
from .services.committees import CommitteeFields, MemberDuties

GROUP_PREFIX = "g"
CHOOSE = "— Chọn —"


class CongressScopedForm(forms.Form):
    """Limits every choice of agencies, people, plans and committees to one congress."""

    empty_label = CHOOSE

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


class AgencyChoiceField(forms.ModelChoiceField):
    """One agency, shown with its short name and parent so that similar names stay apart."""

    def __init__(self, queryset: QuerySet[Agency] | None = None, **kwargs: Any) -> None:
        base = queryset if queryset is not None else Agency.objects.all()
        super().__init__(base.select_related("parent"), **kwargs)

    def label_from_instance(self, obj: Agency) -> str:
        return obj.choice_label


class ChosenAgencies(list[Agency]):
    """The agencies a chooser gave, groups expanded; `explicit` holds the ids ticked one by one."""

    def __init__(self, agencies: Iterable[Agency] = (), explicit: Iterable[int] = ()) -> None:
        super().__init__(agencies)
        self.explicit = set(explicit)

    def without(self, *agencies: Agency | None) -> "ChosenAgencies":
        """Drops the given agencies where they came only through a group: choosing "các sở,
        ban, ngành" to coordinate a task led by one of them does not make the lead coordinate."""
        dropped = {a.pk for a in agencies if a is not None} - self.explicit
        return ChosenAgencies([a for a in self if a.pk not in dropped], self.explicit)


class _AgencyOrGroupChoices(forms.models.ModelChoiceIterator):
    """The groups first, then the agencies, as two labelled sets of ticks."""

    field: "AgenciesOrGroupsField"

    def __iter__(self) -> Iterator[Any]:
        groups = [
            (f"{GROUP_PREFIX}{g.pk}", f"{g.name} ({g.size} cơ quan, đơn vị)")  # type: ignore[attr-defined]
            for g in self.field.groups()
        ]
        if groups:
            yield ("Nhóm cơ quan, đơn vị", groups)
            yield ("Từng cơ quan, đơn vị", [self.choice(obj) for obj in self.queryset])
        else:
            yield from (self.choice(obj) for obj in self.queryset)

    def __len__(self) -> int:
        return 2


class AgenciesOrGroupsField(forms.ModelMultipleChoiceField):
    """Ticks for agencies and for the congress's agency groups; cleans to the agencies, each
    group expanded to its members (a `ChosenAgencies` list), so whatever is written from it —
    task assignments, meeting invitations, report requests — is one row per agency.

    Use it wherever several agencies are chosen; in a `CongressScopedForm` its choices are
    limited to the congress like any other."""

    iterator = _AgencyOrGroupChoices
    widget = forms.CheckboxSelectMultiple

    def __init__(self, queryset: QuerySet[Agency] | None = None, **kwargs: Any) -> None:
        base = queryset if queryset is not None else Agency.objects.all()
        super().__init__(base.select_related("parent"), **kwargs)

    def label_from_instance(self, obj: Agency) -> str:
        return obj.choice_label

    def groups(self) -> QuerySet[AgencyGroup]:
        assert self.queryset is not None
        return (
            AgencyGroup.objects.filter(congress__in=self.queryset.values("congress"))
            .annotate(size=Count("agencies"))
            .order_by("name")
        )

    def clean(self, value: Any) -> ChosenAgencies:  # type: ignore[override]
        if not value:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return ChosenAgencies()
        if not isinstance(value, list | tuple):
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        wanted = [str(v) for v in value]
        group_ids = {v.removeprefix(GROUP_PREFIX) for v in wanted if v.startswith(GROUP_PREFIX)}
        agency_ids = [v for v in wanted if not v.startswith(GROUP_PREFIX)]
        if not all(g.isdigit() for g in group_ids):
            raise ValidationError("Nhóm cơ quan đã chọn không hợp lệ.", code="invalid_choice")
        groups = set(self.groups().filter(pk__in=group_ids).values_list("pk", flat=True))
        if len(groups) != len(group_ids):
            raise ValidationError(
                "Nhóm cơ quan đã chọn không còn trong Đại hội này.", code="invalid_choice"
            )
        check = self._check_values  # type: ignore[attr-defined]
        explicit = list(check(agency_ids)) if agency_ids else []
        assert self.queryset is not None
        agencies = ChosenAgencies(
            self.queryset.filter(
                Q(pk__in=[a.pk for a in explicit]) | Q(groups__in=groups)
            ).distinct(),
            explicit=[a.pk for a in explicit],
        )
        self.run_validators(agencies)
        return agencies


# The set-up pages' forms ------------------------------------------------------------------------


class CongressForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Congress
        fields = [
            "name",
            "organization",
            "level",
            "ordinal",
            "term_start",
            "term_end",
            "venue",
            "place_name",
            "document_rules",
        ]
        labels = {"name": "Tên Đại hội", "organization": "Đảng bộ / tổ chức"}
        help_texts = {"name": "Ví dụ: Đại hội đại biểu Đảng bộ tỉnh Kon Tum"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Bounds a congress can have: the ordinal prints in Roman numerals, terms are years."""
        super().__init__(*args, **kwargs)
        for name, low, high in [
            ("ordinal", 1, 200),
            ("term_start", 1930, 2100),
            ("term_end", 1930, 2100),
        ]:
            field = self.fields[name]
            assert isinstance(field, forms.IntegerField)
            field.min_value, field.max_value = low, high
            field.validators += [MinValueValidator(low), MaxValueValidator(high)]
            field.widget.attrs.update(min=low, max=high)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("term_start"), data.get("term_end")
        if start and end and end <= start:
            self.add_error("term_end", "Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.")
        return data


class CongressCreateForm(CongressForm):
    opening_date = VNDateField(label="Ngày khai mạc", required=False)
    closing_date = VNDateField(label="Ngày bế mạc", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        opening, closing = data.get("opening_date"), data.get("closing_date")
        if opening and closing and closing < opening:
            self.add_error("closing_date", "Ngày bế mạc không được trước ngày khai mạc.")
        return data


class AgencyForm(VersionedFormMixin, CongressScopedForm):
    name = forms.CharField(label="Tên cơ quan, đơn vị", max_length=255)
    short_name = forms.CharField(label="Tên viết tắt", max_length=64, required=False)
    code = forms.CharField(
        label="Ký hiệu trên văn bản", max_length=32, required=False, help_text="Ví dụ: VP, UBND"
    )
    parent = AgencyChoiceField(label="Cơ quan cấp trên", required=False)
    is_finance = forms.BooleanField(
        label="Là cơ quan tài chính (tổng hợp kinh phí)", required=False
    )


class IssuerForm(VersionedFormMixin, CongressScopedForm):
    name = forms.CharField(
        label="Tên cơ quan ban hành",
        max_length=255,
        help_text="Dòng in đậm ở góc trái, ví dụ: Văn phòng Tỉnh ủy, Tiểu ban Văn kiện",
    )
    short_name = forms.CharField(label="Tên viết tắt", max_length=64, required=False)
    code = forms.CharField(
        label="Ký hiệu trên văn bản", max_length=32, help_text="Ví dụ: TU, VPTU, UBND, TBVK"
    )
    layout = forms.ChoiceField(label="Thể thức văn bản", choices=Congress.Rules.choices)
    parent = AgencyChoiceField(
        label="Cơ quan cấp trên (dòng trên cùng)",
        required=False,
        help_text="Ví dụ: Tỉnh ủy Kon Tum, Ủy ban nhân dân tỉnh",
    )
    committee = forms.ModelChoiceField(
        Committee.objects.all(),
        label="Ban hành thay mặt tiểu ban, tổ",
        required=False,
        help_text="Chọn khi một Tiểu ban ban hành văn bản dưới tiêu đề của chính mình.",
    )


class AgencyMergeForm(CongressScopedForm):
    target = AgencyChoiceField(
        label="Gộp vào cơ quan",
        help_text="Mọi nhiệm vụ, báo cáo, giấy mời, văn bản… của cơ quan trùng chuyển sang "
        "cơ quan này; cơ quan trùng bị xóa.",
    )


class AgencyImportForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")


class AgencyGroupForm(VersionedFormMixin, CongressScopedForm):
    name = forms.CharField(
        label="Tên nhóm", max_length=255, help_text="Ví dụ: Các sở, ban, ngành tỉnh"
    )
    agencies = forms.ModelMultipleChoiceField(
        Agency.objects.select_related("parent"),
        label="Cơ quan, đơn vị trong nhóm",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agencies"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.label_from_instance = lambda obj: obj.choice_label  # type: ignore[method-assign]


class AccountRoleForm(CongressScopedForm):
    """A user's role in the congress: with an agency for an agency's focal officer, and the
    person of the congress the account belongs to, where there is one."""

    # Delegates' accounts are made from the roster (the delegates app), not here.
    role = forms.ChoiceField(
        label="Vai trò", choices=[c for c in Role.choices if c[0] != Role.DELEGATE]
    )
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


class PersonForm(VersionedFormMixin, CongressScopedForm):
    full_name = forms.CharField(label="Họ và tên", max_length=150)
    titles = forms.CharField(
        label="Chức vụ",
        max_length=500,
        required=False,
        help_text="Cách nhau bằng dấu phẩy, ví dụ: Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh",
    )
    agency = forms.ModelChoiceField(Agency.objects.all(), label="Cơ quan công tác", required=False)


class CommitteeForm(VersionedFormMixin, CongressScopedForm):
    kind = forms.ChoiceField(label="Loại", choices=Committee.Kind.choices)
    name = forms.CharField(label="Tên", max_length=255)
    parent = forms.ModelChoiceField(Committee.objects.all(), label="Trực thuộc", required=False)
    functions = forms.CharField(
        label="Chức năng", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    duties = forms.CharField(
        label="Nhiệm vụ",
        required=False,
        help_text="Mỗi nhiệm vụ một dòng",
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, committee: Committee | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if committee is not None:
            self.choice_field("parent").queryset = Committee.objects.filter(
                congress=self.congress
            ).exclude(pk=committee.pk)

    def committee_fields(self) -> CommitteeFields:
        return CommitteeFields(**self.edited())


class MemberDutiesForm(VersionedFormMixin, CongressScopedForm):
    """A member's role and what the founding decision assigns them."""

    role = forms.ChoiceField(label="Vai trò", choices=Membership.Role.choices)
    duties = forms.CharField(
        label="Nhiệm vụ được phân công",
        required=False,
        help_text="Mỗi ý một dòng",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    areas = forms.MultipleChoiceField(
        label="Lĩnh vực phụ trách",
        choices=Area.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    supervised_agencies = forms.ModelMultipleChoiceField(
        Agency.objects.all(),
        label="Cơ quan, đơn vị theo dõi",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    @classmethod
    def initial_for(cls, membership: Membership) -> dict:
        return {
            "role": membership.role,
            "duties": membership.duties,
            "areas": membership.areas,
            "supervised_agencies": list(membership.supervised_agencies.all()),
            "version": membership.version,
        }

    def member_duties(self) -> MemberDuties:
        data = self.cleaned_data
        return MemberDuties(
            role=data["role"],
            duties=data["duties"],
            areas=list(data["areas"]),
            supervised_agencies=list(data["supervised_agencies"]),
        )


class MembershipForm(MemberDutiesForm):
    """Adding a member: the person, then their role and duties."""

    person = forms.ModelChoiceField(Person.objects.all(), label="Cán bộ")
    field_order = ["person", "role", "duties", "areas", "supervised_agencies"]


class LeaderForm(CongressScopedForm):
    """Chosen among the agency's own people; a leader not yet listed is added here."""

    leader = forms.ModelChoiceField(
        Person.objects.all(), label="Lãnh đạo trực tiếp phụ trách", required=False
    )
    new_leader_name = forms.CharField(
        label="Hoặc thêm lãnh đạo chưa có trong danh sách: họ và tên",
        max_length=150,
        required=False,
    )
    new_leader_titles = forms.CharField(
        label="Chức vụ của lãnh đạo mới",
        max_length=500,
        required=False,
        help_text="Ví dụ: Phó Giám đốc Sở",
    )
    focal_people = forms.ModelMultipleChoiceField(
        Person.objects.all(),
        label="Cán bộ đầu mối",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("leader", "focal_people"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = Person.objects.filter(congress=self.congress, agency=agency)
        self.agency = agency

    def clean(self):
        data = super().clean() or {}
        if data.get("leader") and data.get("new_leader_name"):
            self.add_error(
                "new_leader_name", "Chọn một lãnh đạo trong danh sách hoặc thêm mới, không cả hai."
            )
        elif not data.get("leader") and not data.get("new_leader_name"):
            self.add_error("leader", "Chọn đồng chí lãnh đạo trực tiếp phụ trách, hoặc thêm mới.")
        return data

    @classmethod
    def initial_for(cls, agency: Agency) -> dict:
        return {"leader": agency.leader_in_charge, "focal_people": list(agency.focal_people.all())}
