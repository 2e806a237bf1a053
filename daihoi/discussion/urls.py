from django.urls import path

from . import views

app_name = "discussion"

COMMENT = "y-kien/<int:group_comment_id>/"
DRAFT = "du-thao/<int:discussed_draft_id>/"
THEME = "nhom-y-kien/<int:comment_theme_id>/"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("to/<int:discussion_group_id>/", views.group_record, name="group-record"),
    path(COMMENT + "sua/", views.comment_edit, name="comment-edit"),
    path(COMMENT + "xoa/", views.comment_delete, name="comment-delete"),
    path(COMMENT + "xu-ly/", views.comment_resolve, name="comment-resolve"),
    path(DRAFT, views.synthesis, name="synthesis"),
    path(DRAFT + "gop-nhom/", views.theme_create, name="theme-create"),
    path(DRAFT + "bao-cao.docx", views.report_docx, name="report-docx"),
    path(THEME, views.theme_edit, name="theme-edit"),
    path(THEME + "bo-nhom/", views.theme_dissolve, name="theme-dissolve"),
]
