from django.urls import path

from . import views

app_name = "ballots"

ELECTION = "<int:election_id>/"

urlpatterns = [
    path("", views.election_list, name="election-list"),
    path("them/", views.election_form, name="election-create"),
    path(ELECTION, views.election_detail, name="election-detail"),
    path(ELECTION + "sua/", views.election_form, name="election-edit"),
    path(ELECTION + "ban-kiem-phieu/them/", views.board_add, name="board-add"),
    path(
        ELECTION + "ban-kiem-phieu/<int:board_member_id>/xoa/",
        views.board_remove,
        name="board-remove",
    ),
    path(ELECTION + "nhap-phieu/", views.ballot_entry, name="ballot-entry"),
    path(ELECTION + "bien-ban.docx", views.minutes_docx_download, name="minutes-docx"),
    path(ELECTION + "bien-ban-pdf/", views.minutes_pdf_request, name="minutes-pdf-request"),
    path(ELECTION + "bien-ban.pdf", views.minutes_pdf_download, name="minutes-pdf"),
]
