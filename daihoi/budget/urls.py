from django.urls import path

from . import views

app_name = "budget"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("dinh-muc/", views.norm_list, name="norm-list"),
    path("dinh-muc/them/", views.norm_form, name="norm-create"),
    path("dinh-muc/<int:norm_id>/sua/", views.norm_form, name="norm-edit"),
    path("dinh-muc/nhap/", views.norm_import, name="norm-import"),
    path("dinh-muc/xuat.xlsx", views.norm_export, name="norm-export"),
    path("du-tru/", views.estimate_list, name="estimate-list"),
    path("du-tru/lap/", views.estimate_create, name="estimate-create"),
    path("du-tru/<int:estimate_id>/", views.estimate_detail, name="estimate-detail"),
    path(
        "du-tru/<int:estimate_id>/bo-sung/", views.estimate_supplement, name="estimate-supplement"
    ),
    path("du-tru/<int:estimate_id>/sua/", views.estimate_edit, name="estimate-edit"),
    path("du-tru/<int:estimate_id>/khoan/them/", views.line_add, name="line-add"),
    path("du-tru/<int:estimate_id>/khoan/<int:line_id>/sua/", views.line_edit, name="line-edit"),
    path(
        "du-tru/<int:estimate_id>/khoan/<int:line_id>/xoa/", views.line_delete, name="line-delete"
    ),
    path("du-tru/<int:estimate_id>/gui/", views.estimate_submit, name="estimate-submit"),
    path("du-tru/<int:estimate_id>/tra-lai/", views.estimate_return, name="estimate-return"),
    path("du-tru/<int:estimate_id>/tham-dinh/", views.estimate_approve, name="estimate-approve"),
    path("du-tru/<int:estimate_id>/chi/", views.spending, name="spending"),
    path(
        "chung-tu/<int:spending_attachment_id>/",
        views.spending_attachment,
        name="spending-attachment",
    ),
    path("tong-hop/", views.compilation, name="compilation"),
    path("tong-hop/tong-hop-kinh-phi.xlsx", views.compilation_xlsx, name="compilation-xlsx"),
    path("tong-hop/bao-cao.docx", views.compilation_docx, name="compilation-docx"),
]
