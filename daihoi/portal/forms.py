"""Forms of the portal: the editors' article and column forms, the public comment forms (with
the captcha), moderation and the Document subcommittee's grouping."""

from typing import Any

from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms

from daihoi.consultation.models import Comment, Draft, Section
from daihoi.core.forms import VNDateField
from daihoi.core.text import clean_text
from daihoi.core.versioning import VersionedFormMixin

from .models import Article, Category, Kind, Sender
from .services import ArticleFields, Decision

MAX_ID = 2**31  # ids typed into a URL or a form beyond this are nobody's (and overflow SQLite)


def posted_ids(values: list[str]) -> list[int]:
    """The ticked rows' ids of a bulk form: digits only, within range, at most 500."""
    return [int(v) for v in values if v.isdigit() and int(v) < MAX_ID][:500]


def id_or_none(value: str) -> int | None:
    return int(value) if value.isdigit() and int(value) < MAX_ID else None


CAPTCHA_HELP = "Gõ lại các ký tự trong ảnh (không phân biệt chữ hoa, chữ thường)."
CAPTCHA_ERRORS = {
    "invalid": "Mã xác nhận chưa đúng, hãy gõ lại các ký tự trong ảnh mới.",
    "required": "Chưa nhập mã xác nhận: hãy gõ các ký tự trong ảnh.",
}


class ReaderCaptchaInput(CaptchaTextInput):
    """The library's widget with a Vietnamese description of its picture."""

    template_name = "portal/_captcha_widget.html"


class ReaderCaptchaField(CaptchaField):
    """The library's captcha, with the posted key and answer cleaned by the shared text rule
    first: the key is looked up in the database, and PostgreSQL refuses a NUL in a query."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", ReaderCaptchaInput())
        super().__init__(*args, **kwargs)

    def clean(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            value = [clean_text(v, multiline=False) if isinstance(v, str) else v for v in value]
        return super().clean(value)


class CategoryForm(forms.Form):
    name = forms.CharField(label="Tên chuyên mục", max_length=120)
    position = forms.IntegerField(label="Thứ tự", min_value=0, max_value=999, initial=0)


class ArticleForm(VersionedFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Loại trang", choices=Kind.choices)
    category = forms.ModelChoiceField(
        label="Chuyên mục (cho tin tức)", queryset=Category.objects.none(), required=False
    )
    title = forms.CharField(label="Tiêu đề", max_length=300)
    summary = forms.CharField(
        label="Sa pô (tóm tắt)", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    body = forms.CharField(
        label="Nội dung",
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Mỗi đoạn một dòng.",
    )
    image = forms.FileField(
        label="Ảnh (JPG, PNG)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    image_alt = forms.CharField(label="Mô tả ảnh", max_length=300, required=False)
    attachment = forms.FileField(label="Tệp tài liệu công khai (PDF, Word)", required=False)
    comments_open = forms.BooleanField(label="Nhận bình luận của bạn đọc", required=False)

    def __init__(self, *args: Any, congress_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(congress_id=congress_id)  # type: ignore[attr-defined]

    @classmethod
    def initial_for(cls, article: Article | None) -> dict[str, Any]:
        if article is None:
            return {"kind": Kind.NEWS, "comments_open": True}
        return {
            "kind": article.kind,
            "category": article.category_id,
            "title": article.title,
            "summary": article.summary,
            "body": article.body,
            "image_alt": article.image_alt,
            "comments_open": article.comments_open,
            "version": article.version,
        }

    def fields_value(self) -> ArticleFields:
        data = self.cleaned_data
        return ArticleFields(
            kind=data["kind"],
            title=data["title"],
            body=data["body"],
            summary=data.get("summary") or "",
            category=data.get("category"),
            image_alt=data.get("image_alt") or "",
            comments_open=bool(data.get("comments_open")),
        )


class PublishForm(forms.Form):
    at = forms.DateTimeField(
        label="Hẹn giờ đăng (để trống: đăng ngay)",
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class SenderFields(forms.Form):
    """Who sends: the e-mail is never published, the phone is optional."""

    name = forms.CharField(label="Họ và tên", max_length=120)
    email = forms.EmailField(
        label="E-mail", help_text="Không công khai; chỉ để Ban biên tập liên hệ khi cần."
    )
    phone = forms.CharField(label="Điện thoại (không bắt buộc)", max_length=20, required=False)


class ReaderCommentForm(SenderFields):
    title = forms.CharField(label="Tiêu đề", max_length=200)
    content = forms.CharField(
        label="Nội dung", max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )
    captcha = ReaderCaptchaField(
        label="Mã xác nhận", help_text=CAPTCHA_HELP, error_messages=CAPTCHA_ERRORS
    )


class PublicCommentForm(SenderFields):
    sender = forms.ChoiceField(
        label="Bạn góp ý với tư cách",
        choices=[(s.value, s.label) for s in Sender if s != Sender.FRONT],
        initial=Sender.CITIZEN,
    )
    organisation = forms.CharField(
        label="Cơ quan, tổ chức hoặc nơi cư trú", max_length=200, required=False
    )
    section = forms.ModelChoiceField(
        label="Góp ý vào mục",
        queryset=Section.objects.none(),
        required=False,
        empty_label="Toàn văn dự thảo",
    )
    title = forms.CharField(label="Tiêu đề (không bắt buộc)", max_length=200, required=False)
    text = forms.CharField(
        label="Nội dung góp ý", max_length=8000, widget=forms.Textarea(attrs={"rows": 6})
    )
    captcha = ReaderCaptchaField(
        label="Mã xác nhận", help_text=CAPTCHA_HELP, error_messages=CAPTCHA_ERRORS
    )

    def __init__(self, *args: Any, draft_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = Section.objects.filter(draft_id=draft_id)  # type: ignore[attr-defined]


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            (Decision.APPROVE.value, "Duyệt"),
            (Decision.REJECT.value, "Từ chối"),
            (Decision.BAN.value, "Từ chối và chặn người gửi"),
        ]
    )
    ids = forms.TypedMultipleChoiceField(coerce=int, choices=[], required=False)
    reason = forms.CharField(max_length=300, required=False)

    def __init__(self, *args: Any, ids: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(i, i) for i in ids]  # type: ignore[attr-defined]


class OpenPublicForm(forms.Form):
    draft = forms.ModelChoiceField(label="Bản dự thảo", queryset=Draft.objects.none())
    title = forms.CharField(
        label="Tên công bố",
        max_length=300,
        required=False,
        help_text="Để trống: dùng tên dự thảo.",
    )
    intro = forms.CharField(
        label="Lời mời góp ý", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    closes_on = VNDateField(label="Hạn cuối nhận góp ý")

    def __init__(self, *args: Any, drafts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["draft"].queryset = drafts  # type: ignore[attr-defined]
        self.fields["draft"].label_from_instance = (  # type: ignore[attr-defined]
            lambda d: f"{d.consultation.title} — {d.label}"
        )


class ThemeForm(forms.Form):
    title = forms.CharField(label="Nội dung chung của nhóm", max_length=300, required=False)
    theme = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    ids = forms.TypedMultipleChoiceField(coerce=int, choices=[], required=False)

    def __init__(self, *args: Any, ids: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(i, i) for i in ids]  # type: ignore[attr-defined]


class ThemeResolveForm(forms.Form):
    resolution = forms.ChoiceField(
        label="Tiếp thu, giải trình",
        choices=[
            (Comment.Resolution.ACCEPTED.value, "Tiếp thu"),
            (Comment.Resolution.EXPLAINED.value, "Giải trình"),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Nội dung tiếp thu hoặc lý do giải trình",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class FrontForm(forms.Form):
    """The Front's consolidated comments: one text box per section and one for the whole."""

    name = forms.CharField(label="Cơ quan gửi", max_length=120, initial="Ủy ban MTTQ Việt Nam tỉnh")
    email = forms.EmailField(label="E-mail liên hệ")
    organisation = forms.CharField(
        label="Văn bản tổng hợp (số, ngày)", max_length=200, required=False
    )

    def __init__(self, *args: Any, sections: list[Section], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sections = sections
        self.fields["whole"] = forms.CharField(
            label="Ý kiến chung về toàn văn",
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        for section in sections:
            self.fields[f"section_{section.pk}"] = forms.CharField(
                label=str(section)[:120], required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def entries(self) -> list[tuple[int | None, str]]:
        data = self.cleaned_data
        found: list[tuple[int | None, str]] = [(None, data.get("whole") or "")]
        found += [(s.pk, data.get(f"section_{s.pk}") or "") for s in self.sections]
        return found
