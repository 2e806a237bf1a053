from django.urls import path

from . import views

app_name = "logistics"

urlpatterns = [
    path("", views.home, name="home"),
    path("san-sang/", views.readiness_list, name="readiness-list"),
    path("san-sang/tong-quan/", views.readiness_block, name="readiness-block"),
    path("san-sang/them/", views.readiness_form, name="readiness-create"),
    path("san-sang/<int:readiness_id>/", views.readiness_detail, name="readiness-detail"),
    path("san-sang/<int:readiness_id>/sua/", views.readiness_form, name="readiness-edit"),
    path("san-sang/<int:readiness_id>/cap-nhat/", views.readiness_report, name="readiness-report"),
    path("san-sang/anh/<int:photo_id>/", views.readiness_photo, name="readiness-photo"),
]
