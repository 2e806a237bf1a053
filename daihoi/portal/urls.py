from django.urls import path

from .views import drafting, public, staff

app_name = "portal"

PUBLIC = "cong-thong-tin/<int:congress_id>/"
STAFF = "dai-hoi/<int:congress_id>/cong-thong-tin/"
DRAFTING = "dai-hoi/<int:congress_id>/lay-y-kien-nhan-dan/"

urlpatterns = [
    # The public portal: no login.
    path(PUBLIC, public.home, name="home"),
    path(PUBLIC + "chuyen-muc/<int:category_id>/", public.category, name="category"),
    path(PUBLIC + "trang/<slug:slug>/", public.kind_list, name="kind-list"),
    path(PUBLIC + "bai-viet/<int:article_id>/", public.article, name="article"),
    path(PUBLIC + "bai-viet/<int:article_id>/anh", public.article_image, name="article-image"),
    path(
        PUBLIC + "bai-viet/<int:article_id>/tai-lieu",
        public.article_attachment,
        name="article-attachment",
    ),
    path(
        PUBLIC + "bai-viet/<int:article_id>/binh-luan/",
        public.article_comment,
        name="article-comment",
    ),
    path(PUBLIC + "rss.xml", public.rss, name="rss"),
    path(PUBLIC + "gop-y/", public.consultations, name="consultations"),
    path(PUBLIC + "gop-y/<int:public_id>/", public.consultation, name="consultation"),
    path(
        PUBLIC + "gop-y/<int:public_id>/y-kien/",
        public.consultation_comment,
        name="consultation-comment",
    ),
    # The editors' side.
    path(STAFF, staff.article_list, name="staff-articles"),
    path(STAFF + "bai-viet/moi/", staff.article_edit, name="staff-article-create"),
    path(STAFF + "bai-viet/<int:article_id>/", staff.article_edit, name="staff-article-edit"),
    path(
        STAFF + "bai-viet/<int:article_id>/dang/",
        staff.article_publish,
        name="staff-article-publish",
    ),
    path(
        STAFF + "bai-viet/<int:article_id>/go/",
        staff.article_unpublish,
        name="staff-article-unpublish",
    ),
    path(STAFF + "chuyen-muc/", staff.category_list, name="staff-categories"),
    path(STAFF + "kiem-duyet/", staff.moderation, name="staff-moderation"),
    path(STAFF + "kiem-duyet/xu-ly/", staff.moderation_apply, name="staff-moderation-apply"),
    # The Document subcommittee's side of the public consultation.
    path(DRAFTING, drafting.public_list, name="public-list"),
    path(DRAFTING + "cong-bo/", drafting.public_open, name="public-open"),
    path(DRAFTING + "<int:public_id>/", drafting.public_manage, name="public-manage"),
    path(DRAFTING + "<int:public_id>/nhom/", drafting.theme_save, name="theme-save"),
    path(
        DRAFTING + "<int:public_id>/nhom/<int:theme_id>/",
        drafting.theme_resolve,
        name="theme-resolve",
    ),
    path(DRAFTING + "<int:public_id>/mat-tran/", drafting.front_enter, name="front-enter"),
    path(
        DRAFTING + "<int:public_id>/tong-hop.docx", drafting.synthesis_docx, name="synthesis-docx"
    ),
]
