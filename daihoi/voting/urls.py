from django.urls import path

from . import views

app_name = "voting"

MOTION = "<int:motion_id>/"

urlpatterns = [
    path("", views.motion_list, name="motion-list"),
    path("them/", views.motion_form, name="motion-create"),
    path(MOTION, views.motion_detail, name="motion-detail"),
    path(MOTION + "sua/", views.motion_form, name="motion-edit"),
    path(MOTION + "so-luong/", views.motion_live, name="motion-live"),
    path(MOTION + "mo/", views.motion_open, name="motion-open"),
    path(MOTION + "ket-thuc/", views.motion_close, name="motion-close"),
    path(MOTION + "xoa/", views.motion_delete, name="motion-delete"),
    path("cua-toi/", views.my_votes, name="my-votes"),
    path(MOTION + "bo-phieu/", views.ballot, name="ballot"),
]
