from django.urls import path

from . import views

app_name = "delegates"

DELEGATE = "<int:delegate_id>/"

urlpatterns = [
    path("", views.delegate_list, name="delegate-list"),
    path("them/", views.delegate_create, name="delegate-create"),
    path(DELEGATE, views.delegate_detail, name="delegate-detail"),
    path(DELEGATE + "sua/", views.delegate_edit, name="delegate-edit"),
    path(DELEGATE + "thay-the/", views.delegate_replace, name="delegate-replace"),
    path(DELEGATE + "anh/", views.delegate_photo, name="delegate-photo"),
    path("doan/", views.delegation_list, name="delegation-list"),
    path("nhap/", views.roster_import, name="roster-import"),
    path("nhap/mau.xlsx", views.roster_template, name="roster-template"),
    path("phan-cong/", views.duty_list, name="duty-list"),
    path("phan-cong/<int:duty_id>/thoi/", views.duty_remove, name="duty-remove"),
]
