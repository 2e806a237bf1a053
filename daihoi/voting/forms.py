from typing import Any

from django import forms

from daihoi.core.versioning import VersionedFormMixin
from daihoi.programme.models import Session

from .models import Choice, Motion
from .services import MotionFields


class MotionForm(VersionedFormMixin, forms.Form):
    session = forms.ModelChoiceField(label="Phiên", queryset=Session.objects.none())
    kind = forms.ChoiceField(label="Loại nội dung", choices=Motion.Kind.choices)
    title = forms.CharField(
        label="Nội dung biểu quyết",
        max_length=300,
        help_text="Ví dụ: Thông qua Chương trình làm việc của Đại hội",
    )
    text = forms.CharField(
        label="Toàn văn, giải thích",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Ví dụ: số lượng Ban Chấp hành khóa mới là 51 đồng chí.",
    )
    roll_call = forms.BooleanField(
        label="Biểu quyết công khai có ghi danh",
        required=False,
        help_text=(
            "Chỉ chọn khi quy chế quy định biểu quyết ghi danh: danh sách ai biểu quyết thế nào "
            "được lưu và công bố sau khi kết thúc. Không chọn: chỉ lưu số phiếu, không ai biết "
            "đại biểu nào chọn gì."
        ),
    )

    def __init__(self, *args: Any, congress: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["session"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Session.objects.filter(congress=congress)

    def motion_fields(self) -> MotionFields:
        return MotionFields(**self.edited())


class VoteForm(forms.Form):
    choice = forms.ChoiceField(label="Biểu quyết", choices=Choice.choices)
