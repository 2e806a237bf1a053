import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from daihoi.core.forms import VNDateField, VNTimeField
from daihoi.core.versioning import VersionedFormMixin

from .models import Cue, Session
from .services import CueFields, ItemFields, SessionFields

_LINES = forms.Textarea(attrs={"rows": 4})


class SessionForm(VersionedFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Loại phiên", choices=Session.Kind.choices)
    title = forms.CharField(
        label="Tên phiên", max_length=255, help_text="Ví dụ: Phiên khai mạc Đại hội"
    )
    date = VNDateField(label="Ngày")
    start_time = VNTimeField(label="Giờ bắt đầu")
    end_time = VNTimeField(label="Giờ kết thúc")
    place = forms.CharField(label="Địa điểm", max_length=255, required=False)
    presidium = forms.CharField(
        label="Đoàn Chủ tịch điều hành",
        required=False,
        widget=_LINES,
        help_text="Mỗi dòng một đồng chí.",
    )
    secretaries = forms.CharField(
        label="Đoàn Thư ký", required=False, widget=_LINES, help_text="Mỗi dòng một đồng chí."
    )
    audience = forms.ChoiceField(
        label="Thành phần triệu tập",
        choices=[("", "Theo loại phiên"), *Session.Audience.choices],
        required=False,
        help_text=(
            "Để trống: phiên khai mạc, bế mạc triệu tập cả khách mời; phiên trù bị, phiên làm "
            "việc chỉ đại biểu chính thức. Đại biểu đã được thay thế không được triệu tập; "
            "đại biểu dự khuyết chỉ được triệu tập khi đã thay thế đại biểu chính thức."
        ),
    )

    @classmethod
    def initial_for(cls, session: Session) -> dict[str, Any]:
        starts = timezone.localtime(session.starts_at)
        return {
            "kind": session.kind,
            "title": session.title,
            "date": starts.date(),
            "start_time": starts.time(),
            "end_time": timezone.localtime(session.ends_at).time(),
            "place": session.place,
            "presidium": session.presidium,
            "secretaries": session.secretaries,
            "audience": session.audience,
            "version": session.version,
        }

    def session_fields(self) -> SessionFields:
        data = self.cleaned_data

        def at(time: dt.time) -> dt.datetime:
            return timezone.make_aware(dt.datetime.combine(data["date"], time))

        return SessionFields(
            kind=data["kind"],
            title=data["title"],
            starts_at=at(data["start_time"]),
            ends_at=at(data["end_time"]),
            place=data["place"],
            presidium=data["presidium"],
            secretaries=data["secretaries"],
            audience=data.get("audience") or "",
        )


class ItemForm(VersionedFormMixin, forms.Form):
    title = forms.CharField(
        label="Nội dung", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    starts_at = VNTimeField(label="Giờ", required=False)
    minutes = forms.IntegerField(
        label="Thời lượng (phút)", required=False, min_value=1, max_value=600
    )
    presenter = forms.CharField(label="Người trình bày, điều hành", max_length=255, required=False)

    def item_fields(self) -> ItemFields:
        return ItemFields(**self.edited())


class CueForm(VersionedFormMixin, forms.Form):
    at = VNTimeField(label="Giờ", required=False)
    kind = forms.ChoiceField(label="Loại", choices=Cue.Kind.choices, initial=Cue.Kind.SPEECH)
    actor = forms.CharField(
        label="Người thực hiện", max_length=255, help_text="Ví dụ: Người dẫn chương trình"
    )
    text = forms.CharField(label="Lời dẫn, việc làm", widget=forms.Textarea(attrs={"rows": 3}))
    note = forms.CharField(
        label="Ghi chú cho bộ phận kỹ thuật",
        max_length=500,
        required=False,
        help_text="Ví dụ: bật nhạc Quốc ca; chiếu phim tài liệu 7 phút",
    )

    def cue_fields(self) -> CueFields:
        return CueFields(**self.edited())


class PublishForm(forms.Form):
    note = forms.CharField(
        label="Nội dung thay đổi so với bản trước",
        max_length=500,
        required=False,
        help_text="Ví dụ: đổi giờ phiên bế mạc; thêm phát biểu của đại biểu Trung ương",
    )
