from django.urls import path

from . import views

app_name = "delegates"

DELEGATE = "<int:delegate_id>/"

urlpatterns = [
    path("", views.delegate_list, name="delegate-list"),
    path("them/", views.delegate_create, name="delegate-create"),
    path(DELEGATE, views.delegate_detail, name="delegate-detail"),
    path(DELEGATE + "sua/", views.delegate_edit, name="delegate-edit"),
    path(DELEGATE + "thay-the/", views.delegate_replace, name="delegate-replace"),
    path(DELEGATE + "anh/", views.delegate_photo, name="delegate-photo"),
    path("doan/", views.delegation_list, name="delegation-list"),
    path("nhap/", views.roster_import, name="roster-import"),
    path("nhap/mau.xlsx", views.roster_template, name="roster-template"),
    path("to-thao-luan/", views.group_list, name="group-list"),
    path("to-thao-luan/in/", views.group_print, name="group-print"),
    path("to-thao-luan/<int:discussion_group_id>/", views.group_detail, name="group-detail"),
    path("to-thao-luan/<int:discussion_group_id>/phan/", views.group_assign, name="group-assign"),
    path(
        "to-thao-luan/<int:discussion_group_id>/rut/<int:member_id>/",
        views.group_remove,
        name="group-remove",
    ),
    path("co-cau/", views.statistics_page, name="statistics"),
    path("co-cau.xlsx", views.statistics_xlsx, name="statistics-xlsx"),
    path("co-cau.docx", views.statistics_docx, name="statistics-docx"),
    path("the/", views.badge_list, name="badge-list"),
    path("the/in/", views.badge_print, name="badge-print"),
    path("the/<int:batch_id>.pdf", views.badge_pdf, name="badge-pdf"),
    path("diem-danh/", views.gate, name="gate"),
    path("diem-danh/phien/", views.session_create, name="session-create"),
    path("diem-danh/si-so/", views.headcount_now, name="headcount-now"),
    path("diem-danh/<int:session_id>/quet/", views.scan, name="scan"),
    path("diem-danh/<int:session_id>/theo-ten/", views.by_name, name="check-in-by-name"),
    path("diem-danh/<int:session_id>/tim/", views.search, name="gate-search"),
    path("diem-danh/<int:session_id>/si-so/", views.session_headcount, name="headcount"),
    path("tai-khoan/", views.account_list, name="account-list"),
    path("tai-khoan/tao-tat-ca/", views.account_create_all, name="account-create-all"),
    path("tai-khoan/in-phieu/", views.slips_print, name="slips-print"),
    path(DELEGATE + "tai-khoan/", views.account_create, name="account-create"),
    path("phan-cong/", views.duty_list, name="duty-list"),
    path("phan-cong/<int:duty_id>/thoi/", views.duty_remove, name="duty-remove"),
]
