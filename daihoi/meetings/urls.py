from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="meeting-list"),
    path("them/", views.meeting_create, name="meeting-create"),
    path("<int:meeting_id>/", views.meeting_detail, name="meeting-detail"),
    path("<int:meeting_id>/sua/", views.meeting_edit, name="meeting-edit"),
    path("<int:meeting_id>/dien-bien/", views.meeting_record, name="meeting-record"),
    path("<int:meeting_id>/ket-luan/", views.conclusion_add, name="conclusion-add"),
    path(
        "<int:meeting_id>/ket-luan/<int:conclusion_id>/giao-viec/",
        views.conclusion_task,
        name="conclusion-task",
    ),
    path("<int:meeting_id>/giay-moi/", views.meeting_issue_invitation, name="issue-invitation"),
    path("<int:meeting_id>/thong-bao/", views.meeting_issue_notice, name="issue-notice"),
    path("<int:meeting_id>/huy/", views.meeting_cancel, name="meeting-cancel"),
    path("<int:meeting_id>/xoa/", views.meeting_delete, name="meeting-delete"),
    path("<int:meeting_id>/tai-lieu/", views.meeting_attach, name="meeting-attach"),
    path(
        "<int:meeting_id>/tai-lieu/<int:file_id>/",
        views.meeting_attachment,
        name="meeting-attachment",
    ),
]
