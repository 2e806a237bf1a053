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
]
