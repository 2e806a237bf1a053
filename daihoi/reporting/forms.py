from django import forms

from daihoi.core.forms import MultipleFileField, VNDateField
from daihoi.core.text import fold
from daihoi.organizations.forms import AgenciesOrGroupsField, CongressScopedForm

from .models import ColumnKind, ReportRequest, ReportSubmission, SubmissionState

NUMBER_MARKS = {"so", "number"}
OPTIONAL_MARKS = {"khong bat buoc", "tuy chon", "optional"}


class ReportRequestForm(CongressScopedForm):
    title = forms.CharField(
        label="Tên báo cáo",
        max_length=300,
        help_text="Ví dụ: Báo cáo số liệu phục vụ xây dựng Báo cáo chính trị",
    )
    deadline = VNDateField(label="Hạn gửi")
    instructions = forms.CharField(
        label="Nội dung, yêu cầu",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
    )
    agencies = AgenciesOrGroupsField(label="Cơ quan, đơn vị phải báo cáo")
    columns = forms.CharField(
        label="Bảng số liệu cần điền (không bắt buộc)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "Số đảng viên | số\nGhi chú"}),
        help_text=(
            "Mỗi dòng một cột; cột nhận số thì ghi thêm “| số”, cột đơn vị có thể bỏ trống "
            "thì ghi thêm “| không bắt buộc” (ví dụ: Kinh phí | số | không bắt buộc)."
        ),
        max_length=5000,
    )
    template = forms.FileField(
        label="Mẫu báo cáo (không bắt buộc)",
        required=False,
        help_text="Word, Excel hoặc PDF các đơn vị tải về để điền.",
    )

    def clean_columns(self) -> list[dict]:
        columns = []
        for line in self.cleaned_data["columns"].splitlines():
            label, *marks = line.split("|")
            folded = {fold(m) for m in marks}
            if label.strip():
                columns.append(
                    {
                        "label": label.strip(),
                        "kind": ColumnKind.NUMBER if folded & NUMBER_MARKS else ColumnKind.TEXT,
                        "optional": bool(folded & OPTIONAL_MARKS),
                    }
                )
        return columns


class SubmissionForm(forms.Form):
    text = forms.CharField(
        label="Nội dung báo cáo",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=50000,
    )
    # A declared field: the form metaclass takes it off the class, so BaseForm.files is untouched.
    files = MultipleFileField(label="Tệp báo cáo", required=False)  # type: ignore[assignment]

    def __init__(self, *args, request: ReportRequest, **kwargs):
        super().__init__(*args, **kwargs)
        for i, column in enumerate(request.columns):
            self.fields[f"value_{i}"] = forms.CharField(
                label=column["label"] + (" (không bắt buộc)" if column.get("optional") else ""),
                required=False,
                max_length=500,
                widget=forms.TextInput(attrs={"inputmode": "decimal"})
                if column["kind"] == ColumnKind.NUMBER
                else forms.TextInput(),
            )
        self.column_count = len(request.columns)

    def values(self) -> list[str]:
        return [self.cleaned_data.get(f"value_{i}", "") for i in range(self.column_count)]

    @staticmethod
    def initial_for(submission: ReportSubmission) -> dict[str, str]:
        """The answer as last saved, so a returned report is corrected rather than retyped."""
        values = {f"value_{i}": value for i, value in enumerate(submission.values)}
        return values | {"text": submission.text}


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label="Ý kiến trả lại", widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )


class StateFilterForm(forms.Form):
    state = forms.ChoiceField(
        label="Tình hình", required=False, choices=[("", "Tất cả"), *SubmissionState.choices]
    )


class ConsolidatedForm(forms.Form):
    as_of = VNDateField(label="Tính đến ngày")


class TaskImportForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")


class ExplanationRequestForm(forms.Form):
    reason = forms.CharField(
        label="Nội dung yêu cầu giải trình",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )


class ExplanationAnswerForm(forms.Form):
    answer = forms.CharField(
        label="Nội dung giải trình", widget=forms.Textarea(attrs={"rows": 3}), max_length=10000
    )
