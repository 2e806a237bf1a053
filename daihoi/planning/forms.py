from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator

from daihoi.core.forms import DeadlineField, FastSelect, MultipleFileField, VNDateField
from daihoi.core.versioning import VersionedFormMixin
from daihoi.organizations.forms import (
    AgenciesOrGroupsField,
    AgencyChoiceField,
    ChosenAgencies,
    CongressScopedForm,
)
from daihoi.organizations.models import Agency, Committee, Person

from .models import (
    AppraisalState,
    Area,
    HaltState,
    Phase,
    Plan,
    Task,
    TaskAssignment,
)
from .selectors import TaskFilters
from .services import TaskFields
from .status import StatusClass


class PlanForm(VersionedFormMixin, CongressScopedForm):
    number = forms.IntegerField(label="Số", min_value=1, max_value=99999)
    issuer_code = forms.CharField(
        label="Ký hiệu cơ quan ban hành", max_length=32, help_text="Ví dụ: UBND, TU, VPTU"
    )
    issuer = forms.ModelChoiceField(
        Agency.objects.filter(is_issuer=True), label="Cơ quan ban hành", required=False
    )
    issued_on = VNDateField(label="Ngày ban hành")
    subject = forms.CharField(
        label="Trích yếu", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    committee = forms.ModelChoiceField(Committee.objects.all(), label="Tiểu ban", required=False)
    parent = forms.ModelChoiceField(Plan.objects.all(), label="Cụ thể hóa kế hoạch", required=False)
    detailed_plan_due = VNDateField(
        label="Hạn nộp kế hoạch chi tiết",
        required=False,
        help_text="Đơn vị chủ trì mỗi nhiệm vụ gửi kế hoạch chi tiết trước ngày này.",
    )


class TaskForm(CongressScopedForm):
    title = forms.CharField(
        label="Nội dung nhiệm vụ", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    description = forms.CharField(
        label="Mô tả, yêu cầu", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    lead_agency = AgencyChoiceField(label="Đơn vị chủ trì")
    coordinating_agencies = AgenciesOrGroupsField(label="Đơn vị phối hợp", required=False)
    appraising_agency = AgencyChoiceField(label="Đơn vị thẩm định", required=False)
    leader_in_charge = forms.ModelChoiceField(
        Person.objects.all(), label="Lãnh đạo phụ trách", required=False
    )
    area = forms.ChoiceField(label="Lĩnh vực", choices=Area.choices)
    phase = forms.ChoiceField(label="Giai đoạn", choices=Phase.choices)
    start_date = VNDateField(label="Ngày bắt đầu", required=False)
    deadline = DeadlineField(
        label="Hạn hoàn thành",
        help_text="Ngày cụ thể (dd/mm/yyyy) hoặc theo ngày khai mạc, ví dụ D-30 là 30 ngày "
        "trước khai mạc; hạn theo ngày khai mạc tự dời khi Đại hội đổi ngày.",
    )
    plan = forms.ModelChoiceField(Plan.objects.all(), label="Thuộc kế hoạch", required=False)
    committee = forms.ModelChoiceField(
        Committee.objects.all(), label="Tiểu ban theo dõi", required=False
    )
    parent = forms.ModelChoiceField(Task.objects.all(), label="Nhiệm vụ cha", required=False)
    detailed_plan_due = VNDateField(
        label="Hạn nộp kế hoạch chi tiết",
        required=False,
        help_text="Để trống thì theo hạn chung của kế hoạch.",
    )
    key_item = forms.BooleanField(
        label="Nhiệm vụ trọng tâm",
        required=False,
        help_text="Nhiệm vụ trọng tâm được đánh dấu và xếp lên đầu các danh sách.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.choice_field("parent").queryset = Task.objects.filter(congress=self.congress).only(
            "id", "title"
        )
        self.choice_field("plan").queryset = Plan.objects.filter(
            congress=self.congress
        ).select_related("congress")

    def clean(self):
        data = super().clean() or {}
        lead = data.get("lead_agency")
        appraiser = data.get("appraising_agency")
        coordinating = (data.get("coordinating_agencies") or ChosenAgencies()).without(
            lead, appraiser
        )
        data["coordinating_agencies"] = coordinating
        if lead and lead in coordinating:
            self.add_error(
                "coordinating_agencies", "Đơn vị phối hợp không được trùng với đơn vị chủ trì."
            )
        if appraiser and (appraiser == lead or appraiser in coordinating):
            self.add_error(
                "appraising_agency", "Đơn vị thẩm định phải khác đơn vị chủ trì và phối hợp."
            )
        deadline, offset = data.get("deadline") or (None, None)
        start = data.get("start_date")
        if offset is not None and self.congress.opening_date is None:
            self.add_error(
                "deadline", "Đại hội chưa có ngày khai mạc nên chưa thể đặt hạn dạng D-…"
            )
        if offset is not None and self.congress.opening_date is not None:
            import datetime as dt

            deadline = self.congress.opening_date + dt.timedelta(days=offset)
        if start and deadline and deadline < start:
            self.add_error("deadline", "Hạn hoàn thành không được trước ngày bắt đầu.")
        return data

    def task_fields(self) -> TaskFields:
        """The edited fields as the services take them; call after `is_valid()`."""
        data = self.cleaned_data
        deadline, offset = data["deadline"]
        return TaskFields(
            title=data["title"],
            description=data["description"],
            lead_agency=data["lead_agency"],
            coordinating_agencies=tuple(data["coordinating_agencies"]),
            appraising_agency=data["appraising_agency"],
            leader_in_charge=data["leader_in_charge"],
            area=data["area"],
            phase=data["phase"],
            start_date=data["start_date"],
            deadline=deadline,
            deadline_offset_days=offset,
            plan=data["plan"],
            committee=data["committee"],
            parent=data["parent"],
            key_item=bool(data.get("key_item")),
            detailed_plan_due=data.get("detailed_plan_due"),
        )

    @classmethod
    def initial_for(cls, task: Task) -> dict:
        roles = {a.agency_id: a.role for a in task.assignments.all()}
        return {
            "title": task.title,
            "description": task.description,
            "lead_agency": task.lead_agency_id,
            "coordinating_agencies": [
                pk for pk, r in roles.items() if r == TaskAssignment.Role.COORDINATE
            ],
            "appraising_agency": next(
                (pk for pk, r in roles.items() if r == TaskAssignment.Role.APPRAISE), None
            ),
            "leader_in_charge": task.leader_in_charge_id,
            "area": task.area,
            "phase": task.phase,
            "start_date": task.start_date,
            "deadline": (
                task.deadline if task.deadline_offset_days is None else None,
                task.deadline_offset_days,
            ),
            "plan": task.plan_id,
            "committee": task.committee_id,
            "parent": task.parent_id,
            "key_item": task.key_item,
            "detailed_plan_due": task.detailed_plan_due,
            "version": task.version,
        }


class ProgressForm(forms.Form):
    text = forms.CharField(
        label="Nội dung báo cáo", widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )
    percent = forms.IntegerField(
        label="Tiến độ (%)",
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        error_messages={
            # Validator messages are %-formatted, hence the doubled percent sign.
            "min_value": "Tiến độ phải từ 0 đến 100%%.",
            "max_value": "Tiến độ phải từ 0 đến 100%%.",
            "invalid": "Tiến độ phải là một số từ 0 đến 100.",
        },
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5}),
    )
    obstacle = forms.CharField(
        label="Khó khăn, vướng mắc cần Tiểu ban tháo gỡ",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    reports_completion = forms.BooleanField(
        label="Báo cáo hoàn thành nhiệm vụ (chờ lãnh đạo xác nhận)", required=False
    )
    attachments = MultipleFileField(label="Tệp đính kèm", required=False)

    def clean(self):
        data = super().clean() or {}
        if data.get("reports_completion") and data.get("percent") not in (None, 100):
            self.add_error("percent", "Báo cáo hoàn thành thì tiến độ phải là 100%.")
        return data


class ReviewForm(forms.Form):
    ACCEPT, RETURN = "accept", "return"
    decision = forms.ChoiceField(choices=[(ACCEPT, "Xác nhận"), (RETURN, "Trả lại")])
    comment = forms.CharField(
        label="Ý kiến", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean() or {}
        if data.get("decision") == self.RETURN and not (data.get("comment") or "").strip():
            self.add_error("comment", "Khi trả lại nhiệm vụ phải ghi rõ ý kiến.")
        return data


class AppraisalSubmitForm(forms.Form):
    text = forms.CharField(
        label="Sản phẩm, nội dung đề nghị thẩm định",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
    )
    attachments = MultipleFileField(label="Tệp sản phẩm (dự thảo, tờ trình…)", required=False)


class AppraisalDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Kết luận thẩm định",
        choices=[
            (AppraisalState.APPROVED.value, "Thông qua"),
            (AppraisalState.RETURNED.value, "Trả lại để hoàn thiện"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Vui lòng chọn thông qua hoặc trả lại."},
    )
    opinion = forms.CharField(
        label="Ý kiến thẩm định (bắt buộc khi trả lại)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
    )

    def clean(self):
        data = super().clean() or {}
        if (
            data.get("decision") == AppraisalState.RETURNED
            and not (data.get("opinion") or "").strip()
        ):
            self.add_error("opinion", "Khi trả lại phải ghi rõ ý kiến thẩm định.")
        return data


# Options of the task filters, per congress -------------------------------------------------------

OPTION_FIELDS = ("agency", "plan", "committee")
# With Redis (production: every web server shares it) a change drops the options at once; the
# local-memory cache of a development server is one process, but bound it all the same.
OPTIONS_SECONDS = 86400 if "redis" in settings.CACHES["default"]["BACKEND"].lower() else 60


def _options_version_key(congress_id: int) -> str:
    return f"planning:filter-options-version:{congress_id}"


def filter_options(form: CongressScopedForm) -> dict[str, list[tuple[str, str]]]:
    """(value, label) of the agencies, plans and committees the form offers, read from the
    cache (two round trips) or from the form's own querysets (then cached)."""
    version = cache.get_or_set(_options_version_key(form.congress.pk), 1, None)
    key = f"planning:filter-options:{form.congress.pk}:{version}"
    found = cache.get(key)
    if found is None:
        found = {}
        for name in OPTION_FIELDS:
            field = form.choice_field(name)
            assert field.queryset is not None
            found[name] = [
                (str(obj.pk), str(field.label_from_instance(obj))) for obj in field.queryset
            ]
        cache.set(key, found, OPTIONS_SECONDS)
    return found


def drop_filter_options(congress_id: int) -> None:
    """Called on every save or delete of an agency, plan, committee or congress."""
    key = _options_version_key(congress_id)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, None)


class TaskFilterForm(CongressScopedForm):
    """The task list's filters. Every <select> is written as one string (`FastSelect`), and
    the agency, plan and committee options come from `filter_options`, cached per congress and
    dropped whenever an agency, plan, committee or the congress itself is saved or deleted."""

    empty_label = "Tất cả"
    q = forms.CharField(label="Tìm kiếm", required=False)
    status = forms.ChoiceField(
        label="Tình trạng",
        required=False,
        choices=[("", "Tất cả"), ("open", "Đang thực hiện (mọi loại)"), *StatusClass.choices],
        widget=FastSelect,
    )
    agency = forms.ModelChoiceField(
        Agency.objects.all(), label="Đơn vị", required=False, widget=FastSelect
    )
    role = forms.ChoiceField(
        label="Vai trò",
        required=False,
        choices=[("", "Mọi vai trò"), *TaskAssignment.Role.choices],
        widget=FastSelect,
    )
    area = forms.ChoiceField(
        label="Lĩnh vực", required=False, choices=[("", "Tất cả"), *Area.choices], widget=FastSelect
    )
    phase = forms.ChoiceField(
        label="Giai đoạn",
        required=False,
        choices=[("", "Tất cả"), *Phase.choices],
        widget=FastSelect,
    )
    plan = forms.ModelChoiceField(
        Plan.objects.all(), label="Kế hoạch", required=False, widget=FastSelect
    )
    committee = forms.ModelChoiceField(
        Committee.objects.all(), label="Tiểu ban", required=False, widget=FastSelect
    )
    deadline_from = VNDateField(label="Hạn từ ngày", required=False)
    deadline_to = VNDateField(label="đến ngày", required=False)
    awaiting = forms.BooleanField(label="Chờ xác nhận", required=False)
    returned = forms.BooleanField(label="Bị trả lại", required=False)
    obstacle = forms.BooleanField(label="Có vướng mắc", required=False)
    appraisal = forms.ChoiceField(
        label="Thẩm định",
        required=False,
        choices=[("", "Tất cả"), *AppraisalState.choices],
        widget=FastSelect,
    )
    key_item = forms.BooleanField(label="Trọng tâm", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.choice_field("plan").queryset = Plan.objects.filter(
            congress=self.congress
        ).select_related("congress", "issuer")
        options = filter_options(self)
        for name, choices in options.items():
            self.fields[name].widget.choices = [("", self.empty_label), *choices]

    def active_count(self) -> int:
        """How many filters the user set, shown on the folded filter panel of a phone."""
        if not self.is_bound:
            return 0
        return sum(1 for name in self.fields if str(self.data.get(name, "")).strip())

    def filters(self) -> TaskFilters:
        """The filters chosen, for `selectors.tasks_visible_to`; an invalid form filters nothing."""
        data = self.cleaned_data if self.is_valid() else {}
        return TaskFilters(
            status=data.get("status") or "",
            agency=data["agency"].pk if data.get("agency") else None,
            role=data.get("role") or "",
            area=data.get("area") or "",
            phase=data.get("phase") or "",
            plan=data["plan"].pk if data.get("plan") else None,
            committee=data["committee"].pk if data.get("committee") else None,
            deadline_from=data.get("deadline_from"),
            deadline_to=data.get("deadline_to"),
            q=data.get("q") or "",
            awaiting=bool(data.get("awaiting")),
            returned=bool(data.get("returned")),
            obstacle=bool(data.get("obstacle")),
            appraisal=data.get("appraisal") or "",
            key_item=bool(data.get("key_item")),
        )


class RescheduleForm(forms.Form):
    opening_date = VNDateField(label="Ngày khai mạc")
    closing_date = VNDateField(label="Ngày bế mạc", required=False)
    move_starts = forms.BooleanField(
        label="Dời cả ngày bắt đầu",
        required=False,
        help_text="Nhiệm vụ có hạn mới trước ngày bắt đầu thì ngày bắt đầu dời về hạn mới.",
    )

    def clean(self):
        data = super().clean() or {}
        opening, closing = data.get("opening_date"), data.get("closing_date")
        if opening and closing and closing < opening:
            self.add_error("closing_date", "Ngày bế mạc không được trước ngày khai mạc.")
        return data


class HaltForm(forms.Form):
    state = forms.ChoiceField(choices=HaltState.choices)
    reason = forms.CharField(required=False, max_length=500)
