from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="document-list"),
    path("them/", views.document_create, name="document-create"),
    path("vao-so/", views.document_register, name="document-register"),
    path("<int:document_id>/", views.document_detail, name="document-detail"),
    path("<int:document_id>/sua/", views.document_edit, name="document-edit"),
    path("<int:document_id>/ban-hanh/", views.document_issue, name="document-issue"),
    path("<int:document_id>/thay-the/", views.document_replace, name="document-replace"),
    path("<int:document_id>/docx/", views.document_docx, name="document-docx"),
    path("<int:document_id>/pdf/", views.document_pdf, name="document-pdf"),
    path("<int:document_id>/xoa/", views.document_delete, name="document-delete"),
    path("<int:document_id>/ban-ky/", views.document_scan, name="document-scan"),
    path(
        "<int:document_id>/ban-ky/tai-len/", views.document_attach_scan, name="document-attach-scan"
    ),
    path("<int:document_id>/do-mat/", views.document_readers, name="document-readers"),
    path("den/", views.incoming_list, name="incoming-list"),
    path("den/xlsx/", views.incoming_export, name="incoming-export"),
    path("den/vao-so/", views.incoming_register, name="incoming-register"),
    path("den/<int:incoming_id>/", views.incoming_detail, name="incoming-detail"),
    path("den/<int:incoming_id>/sua/", views.incoming_edit, name="incoming-edit"),
    path("den/<int:incoming_id>/tep/", views.incoming_file, name="incoming-file"),
    path("den/<int:incoming_id>/xoa/", views.incoming_delete, name="incoming-delete"),
    path(
        "tieu-ban/<int:committee_id>/quyet-dinh-thanh-lap/",
        views.committee_founding,
        name="committee-founding",
    ),
]
