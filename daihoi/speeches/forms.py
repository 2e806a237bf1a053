from django import forms
from django.conf import settings

from daihoi.core.forms import FastSelect
from daihoi.delegates.models import Delegate
from daihoi.programme.models import Item, Session

from .services import MAX_SPEECH_MINUTES, SpeechFields


class SpeechForm(forms.Form):
    """What a registration says; the paper form's version adds the delegate."""

    item = forms.ModelChoiceField(
        label="Mục chương trình",
        queryset=Item.objects.none(),
        required=False,
        empty_label="— Nội dung chung của phiên —",
    )
    topic = forms.CharField(
        label="Chủ đề phát biểu",
        max_length=300,
        help_text="Ví dụ: Phát triển kinh tế nông nghiệp gắn với giảm nghèo bền vững",
    )
    summary = forms.CharField(
        label="Tóm tắt nội dung", max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )
    full_text = forms.CharField(
        label="Toàn văn bài phát biểu (nếu có)",
        max_length=50000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    text_file = forms.FileField(
        label="Tệp toàn văn (nếu có)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf"}),
        error_messages={"invalid": "Tệp gửi lên không đọc được; hãy chọn lại tệp."},
    )

    def __init__(self, *args, session: Session, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text_file"].help_text = (
            "Word (.docx) hoặc PDF, tối đa "
            f"{settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)} MB; chỉ Đoàn Chủ tịch, Đoàn Thư ký "
            "và đồng chí xem được."
        )
        self.fields["item"].queryset = Item.objects.filter(session=session).order_by("position")  # type: ignore[attr-defined]

    def speech_fields(self) -> SpeechFields:
        data = self.cleaned_data
        return SpeechFields(
            topic=data["topic"],
            summary=data["summary"],
            full_text=data["full_text"],
            item=data["item"],
            text_file=data.get("text_file") or None,
        )


class PaperSpeechForm(SpeechForm):
    delegate = forms.TypedChoiceField(label="Đại biểu", coerce=int, widget=FastSelect)

    field_order = ["delegate", "item", "topic", "summary", "full_text", "text_file"]

    def __init__(self, *args, session: Session, choices: list, **kwargs) -> None:
        super().__init__(*args, session=session, **kwargs)
        self.fields["delegate"].choices = choices  # type: ignore[attr-defined]
        self.session = session

    def chosen_delegate(self) -> Delegate:
        return Delegate.objects.get(pk=self.cleaned_data["delegate"])


class DeliverForm(forms.Form):
    minutes = forms.IntegerField(
        label="Thời gian thực tế (phút)",
        min_value=1,
        max_value=MAX_SPEECH_MINUTES,
        required=False,
        help_text="Bỏ trống: tính từ lúc mời phát biểu.",
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(label="Lý do", max_length=300, required=False)
