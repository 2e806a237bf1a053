from django.urls import path

from . import views

app_name = "organizations"

urlpatterns = [
    path("", views.home, name="home"),
    path("dai-hoi/<int:congress_id>/tieu-ban/", views.committee_list, name="committee-list"),
    path(
        "dai-hoi/<int:congress_id>/tieu-ban/<int:committee_id>/",
        views.committee_detail,
        name="committee-detail",
    ),
    path("dai-hoi/<int:congress_id>/tai-khoan/", views.account_list, name="account-list"),
    path("dai-hoi/<int:congress_id>/tai-khoan/moi/", views.account_invite, name="account-invite"),
    path(
        "dai-hoi/<int:congress_id>/tai-khoan/<int:account_id>/",
        views.account_detail,
        name="account-detail",
    ),
    path(
        "dai-hoi/<int:congress_id>/tai-khoan/<int:account_id>/vai-tro/",
        views.account_role,
        name="account-role",
    ),
    path(
        "dai-hoi/<int:congress_id>/tai-khoan/<int:account_id>/khoa/",
        views.account_deactivate,
        name="account-deactivate",
    ),
    path(
        "dai-hoi/<int:congress_id>/tai-khoan/<int:account_id>/mo-khoa/",
        views.account_reactivate,
        name="account-reactivate",
    ),
    path(
        "dai-hoi/<int:congress_id>/tai-khoan/<int:account_id>/dat-lai-mat-khau/",
        views.account_password_reset,
        name="account-password-reset",
    ),
    path(
        "dai-hoi/<int:congress_id>/tai-khoan/<int:account_id>/gui-lai-loi-moi/",
        views.account_reinvite,
        name="account-reinvite",
    ),
    path(
        "dai-hoi/<int:congress_id>/tai-khoan/<int:account_id>/go-khoi-dai-hoi/",
        views.account_remove,
        name="account-remove",
    ),
]
