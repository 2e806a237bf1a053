from django.urls import path

from . import views

app_name = "consultation"

urlpatterns = [
    path("", views.consultation_list, name="consultation-list"),
    path("them/", views.consultation_create, name="consultation-create"),
    path("<int:consultation_id>/", views.consultation_detail, name="consultation-detail"),
    path("<int:consultation_id>/gop-y/", views.comment_submit, name="comment-submit"),
    path(
        "<int:consultation_id>/y-kien/<int:comment_id>/",
        views.comment_resolve,
        name="comment-resolve",
    ),
    path("<int:consultation_id>/nhac/", views.consultation_remind, name="consultation-remind"),
    path("<int:consultation_id>/chia-se/", views.consultation_share, name="consultation-share"),
    path("<int:consultation_id>/du-thao-moi/", views.draft_revise, name="draft-revise"),
    path("<int:consultation_id>/thong-qua/", views.consultation_adopt, name="consultation-adopt"),
    path("<int:consultation_id>/tong-hop.docx", views.synthesis_docx, name="synthesis-docx"),
    path("<int:consultation_id>/ban/<int:draft_id>/", views.draft_detail, name="draft-detail"),
    path("<int:consultation_id>/ban/<int:draft_id>/tep/", views.draft_file, name="draft-file"),
]
