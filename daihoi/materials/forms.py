from django import forms

from daihoi.documents.models import Confidentiality
from daihoi.organizations.forms import CongressScopedForm
from daihoi.programme.models import Session

from .models import Material


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Session) -> str:
        return f"{obj.title} ({obj.starts_at:%d/%m/%Y})"


class UploadForm(CongressScopedForm):
    session = SessionChoiceField(Session.objects.order_by("starts_at", "pk"), label="Phiên")
    title = forms.CharField(
        label="Tên tài liệu",
        max_length=255,
        help_text="Ví dụ: Dự thảo Báo cáo chính trị trình Đại hội",
    )
    kind = forms.ChoiceField(label="Loại tài liệu", choices=Material.Kind.choices)
    confidentiality = forms.ChoiceField(
        label="Độ mật",
        choices=Confidentiality.choices,
        help_text="Tài liệu Mật, Tối mật không bao giờ được trình duyệt lưu lại.",
    )
    upload = forms.FileField(
        label="Tệp PDF hoặc Word (.docx)",
        help_text="Tệp Word được chuyển sang PDF trong ít phút; đại biểu chỉ thấy khi đã xong.",
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="Lý do rút", max_length=2000)
