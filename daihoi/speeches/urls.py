from django.urls import path

from . import board_views, mine_views, views

app_name = "speeches"

SESSION = "phat-bieu/phien/<int:programme_session_id>/"
SPEECH = "phat-bieu/<int:speech_id>/"

urlpatterns = [
    path(SESSION, views.queue, name="queue"),
    path(SESSION + "dang-ky/", views.register, name="register"),
    path(SESSION + "moi-phat-bieu/", views.call_next, name="call-next"),
    path(SESSION + "in/", views.print_delivered, name="print-delivered"),
    path(SPEECH, views.speech_detail, name="speech-detail"),
    path(SPEECH + "toan-van/", views.speech_text, name="speech-text"),
    path(SPEECH + "doi-thu-tu/", views.speech_move, name="speech-move"),
    path(SPEECH + "duyet/", views.speech_approve, name="speech-approve"),
    path(SPEECH + "khong-duyet/", views.speech_decline, name="speech-decline"),
    path(SPEECH + "rut/", views.speech_withdraw, name="speech-withdraw"),
    path(SPEECH + "da-phat-bieu/", views.speech_deliver, name="speech-deliver"),
]

urlpatterns += [
    path("chuong-trinh/dieu-hanh/", board_views.board_page, name="board"),
    path(
        "chuong-trinh/dieu-hanh/muc/<int:programme_item_id>/",
        board_views.board_item,
        name="board-item",
    ),
]

# The delegate's own page (from the delegate's area).
urlpatterns += [
    path("phat-bieu/toi/", mine_views.mine, name="mine"),
    path(
        "phat-bieu/toi/phien/<int:programme_session_id>/",
        mine_views.mine_register,
        name="mine-register",
    ),
    path("phat-bieu/toi/<int:own_speech_id>/rut/", mine_views.mine_withdraw, name="mine-withdraw"),
    path("phat-bieu/toi/<int:own_speech_id>/toan-van/", mine_views.mine_text, name="mine-text"),
]
