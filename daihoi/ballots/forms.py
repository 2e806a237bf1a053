import re
from typing import Any

from django import forms

from daihoi.accounts.models import User
from daihoi.core.versioning import VersionedFormMixin

from .models import CHOSEN_REASONS, Candidate, Election, InvalidReason, Station
from .services import MAX_BALLOTS, ElectionFields

_POSITION = re.compile(r"[0-9]{1,4}")


class ElectionForm(VersionedFormMixin, forms.Form):
    title = forms.CharField(
        label="Tên cuộc bầu cử",
        max_length=255,
        help_text="Ví dụ: Bầu Ban Chấp hành Đảng bộ tỉnh khóa XVI",
    )
    seats = forms.IntegerField(label="Số lượng cần bầu", min_value=1, max_value=1000)
    candidates = forms.CharField(
        label="Danh sách bầu cử",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=(
            "Mỗi dòng một họ và tên. Hệ thống xếp theo thứ tự chữ cái của tên (rồi tên đệm, "
            "họ) như in trên phiếu bầu."
        ),
    )
    summoned = forms.IntegerField(
        label="Số đại biểu được triệu tập", min_value=1, max_value=MAX_BALLOTS
    )
    excused = forms.IntegerField(
        label="Số đại biểu được trừ khi tính kết quả",
        initial=0,
        min_value=0,
        max_value=MAX_BALLOTS,
        help_text=(
            "Cấp ủy viên cấp triệu tập và đại biểu chính thức vắng mặt suốt thời gian Đại hội, "
            "không có đại biểu dự khuyết thay thế."
        ),
    )
    issued = forms.IntegerField(label="Số phiếu phát ra", min_value=0, max_value=MAX_BALLOTS)
    collected = forms.IntegerField(
        label="Số phiếu thu vào",
        required=False,
        min_value=0,
        max_value=MAX_BALLOTS,
        help_text="Ban Kiểm phiếu đếm khi mở hòm phiếu; kết quả chỉ chính thức khi đã nhập "
        "và đối chiếu đủ số phiếu này.",
    )

    @classmethod
    def initial_for(cls, election: Election, candidates: list[Candidate]) -> dict[str, Any]:
        return {
            "title": election.title,
            "seats": election.seats,
            "candidates": "\n".join(c.full_name for c in candidates),
            "summoned": election.summoned,
            "excused": election.excused,
            "issued": election.issued,
            "collected": election.collected,
            "version": election.version,
        }

    def election_fields(self) -> ElectionFields:
        data = self.cleaned_data
        return ElectionFields(
            title=data["title"],
            seats=data["seats"],
            summoned=data["summoned"],
            excused=data["excused"] or 0,
            issued=data["issued"],
            collected=data["collected"],
            candidates=tuple(data["candidates"].splitlines()),
        )


def _display_name(user: User) -> str:
    return user.display_name


class BoardMemberForm(forms.Form):
    user: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Thành viên", queryset=User.objects.none(), empty_label="— Chọn —"
    )
    station = forms.ChoiceField(label="Tổ nhập phiếu", choices=Station.choices)

    def __init__(self, *args: Any, users: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["user"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = users
        field.label_from_instance = _display_name  # type: ignore[assignment,method-assign]


class EntryForm(forms.Form):
    """One paper ballot: its number, the names crossed out (ticked boxes, or their numbers
    on the ballot typed in one line), or the board's reason it is invalid."""

    number = forms.IntegerField(
        label="Số phiếu",
        min_value=1,
        max_value=MAX_BALLOTS,
        widget=forms.NumberInput(attrs={"autofocus": True, "inputmode": "numeric"}),
    )
    positions = forms.CharField(
        label="Số thứ tự các tên bị gạch",
        required=False,
        max_length=2000,
        help_text="Gõ nhanh, cách nhau bởi dấu cách: 2 5 7. Các ô đánh dấu bên dưới tự cập nhật.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    crossed = forms.MultipleChoiceField(
        label="Tên bị gạch", required=False, widget=forms.CheckboxSelectMultiple
    )
    invalid_reason = forms.ChoiceField(
        label="Phiếu không hợp lệ vì",
        required=False,
        choices=[("", "— Phiếu đọc được: tính theo tên bị gạch —")]
        + [(r.value, r.label) for r in CHOSEN_REASONS],
    )

    def __init__(self, *args: Any, candidates: list[Candidate], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.candidates = candidates
        crossed = self.fields["crossed"]
        assert isinstance(crossed, forms.MultipleChoiceField)
        crossed.choices = [(str(c.pk), f"{c.position}. {c.full_name}") for c in candidates]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        by_position = {c.position: c.pk for c in self.candidates}
        ids = {int(pk) for pk in data.get("crossed") or []}
        for word in (data.get("positions") or "").replace(",", " ").split():
            if not _POSITION.fullmatch(word) or int(word) not in by_position:
                self.add_error(
                    "positions", f"Không có tên số {word[:10]} trên phiếu (1–{len(by_position)})."
                )
                break
            ids.add(by_position[int(word)])
        data["crossed_ids"] = sorted(ids)
        return data


REASON_LABELS = dict(InvalidReason.choices)
