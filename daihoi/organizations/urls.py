from django.urls import path

from . import views

app_name = "organizations"
SETUP = "dai-hoi/<int:congress_id>/thiet-lap/"

CONGRESS = "dai-hoi/<int:congress_id>/"
COMMITTEE = CONGRESS + "tieu-ban/<int:committee_id>/"

urlpatterns = [
    path("", views.home, name="home"),
    path(CONGRESS + "tieu-ban/", views.committee_list, name="committee-list"),
    path(CONGRESS + "tieu-ban/them/", views.committee_edit, name="committee-create"),
    path(COMMITTEE, views.committee_detail, name="committee-detail"),
    path(COMMITTEE + "sua/", views.committee_edit, name="committee-edit"),
    path(COMMITTEE + "thanh-vien/them/", views.membership_add, name="membership-add"),
    path(
        COMMITTEE + "thanh-vien/<int:membership_id>/",
        views.membership_edit,
        name="membership-edit",
    ),
    path(
        COMMITTEE + "thanh-vien/<int:membership_id>/rut/",
        views.membership_remove,
        name="membership-remove",
    ),
    path(CONGRESS + "can-bo/", views.person_list, name="person-list"),
    path(CONGRESS + "can-bo/them/", views.person_create, name="person-create"),
    path(CONGRESS + "can-bo/<int:person_id>/sua/", views.person_edit, name="person-edit"),
    path(CONGRESS + "lanh-dao-phu-trach/", views.leader_list, name="leader-list"),
    path(
        CONGRESS + "lanh-dao-phu-trach/<int:agency_id>/",
        views.leader_edit,
        name="leader-edit",
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
    # Set-up ("Thiết lập"): the congress, issuing offices, agencies, agency groups.
    path("dai-hoi/moi/", views.setup.congress_create, name="congress-create"),
    path(f"{SETUP}", views.setup.congress_setup, name="congress-setup"),
    path(f"{SETUP}sua/", views.setup.congress_edit, name="congress-edit"),
    path(f"{SETUP}co-quan-ban-hanh/", views.setup.issuer_list, name="issuer-list"),
    path(f"{SETUP}co-quan-ban-hanh/them/", views.setup.issuer_form, name="issuer-create"),
    path(
        f"{SETUP}co-quan-ban-hanh/<int:agency_id>/sua/",
        views.setup.issuer_form,
        name="issuer-edit",
    ),
    path(f"{SETUP}co-quan/", views.setup.agency_list, name="agency-setup"),
    path(f"{SETUP}co-quan/them/", views.setup.agency_form, name="agency-create"),
    path(f"{SETUP}co-quan/nhap/", views.setup.agency_import, name="agency-import"),
    path(f"{SETUP}co-quan/mau.xlsx", views.setup.agency_import_template, name="agency-template"),
    path(f"{SETUP}co-quan/<int:agency_id>/sua/", views.setup.agency_form, name="agency-edit"),
    path(f"{SETUP}co-quan/<int:agency_id>/gop/", views.setup.agency_merge, name="agency-merge"),
    path(f"{SETUP}nhom/", views.setup.group_list, name="group-list"),
    path(f"{SETUP}nhom/them/", views.setup.group_form, name="group-create"),
    path(f"{SETUP}nhom/<int:group_id>/sua/", views.setup.group_form, name="group-edit"),
    path(f"{SETUP}nhom/<int:group_id>/xoa/", views.setup.group_delete, name="group-delete"),
]
