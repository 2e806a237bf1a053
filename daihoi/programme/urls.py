from django.urls import path

from . import views

app_name = "programme"

SESSION = "phien/<int:programme_session_id>/"
ITEM = "muc/<int:programme_item_id>/"

urlpatterns = [
    path("", views.programme, name="programme"),
    path("ban-hanh/", views.publish, name="publish"),
    path("ban/<int:release_number>/", views.release_detail, name="release-detail"),
    path("in/", views.print_programme, name="print-programme"),
    path("in-kich-ban/", views.print_script, name="print-script"),
    path("phien/them/", views.session_form, name="session-create"),
    path(SESSION, views.session_detail, name="session-detail"),
    path(SESSION + "sua/", views.session_form, name="session-edit"),
    path(SESSION + "xoa/", views.session_delete, name="session-delete"),
    path(SESSION + "muc/them/", views.item_form, name="item-create"),
    path(SESSION + ITEM + "sua/", views.item_form, name="item-edit"),
    path(ITEM + "xoa/", views.item_delete, name="item-delete"),
    path(ITEM + "doi-thu-tu/", views.item_move, name="item-move"),
    path(ITEM + "kich-ban/them/", views.cue_form, name="cue-create"),
    path(ITEM + "kich-ban/<int:cue_id>/sua/", views.cue_form, name="cue-edit"),
    path("kich-ban/<int:cue_id>/xoa/", views.cue_delete, name="cue-delete"),
]
