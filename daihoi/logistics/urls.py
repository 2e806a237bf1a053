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
    path("noi-nghi/", views.lodging, name="lodging"),
    path("noi-nghi/them/", views.hotel_form, name="hotel-create"),
    path("noi-nghi/tu-dong/", views.lodging_auto, name="lodging-auto"),
    path("noi-nghi/xep-phong/", views.stay_assign, name="stay-assign"),
    path("noi-nghi/<int:hotel_id>/", views.hotel_detail, name="hotel-detail"),
    path("noi-nghi/<int:hotel_id>/sua/", views.hotel_form, name="hotel-edit"),
    path("noi-nghi/<int:hotel_id>/them-phong/", views.rooms_add, name="rooms-add"),
    path("noi-nghi/<int:hotel_id>/danh-sach/", views.hotel_manifest, name="hotel-manifest"),
    path(
        "noi-nghi/<int:hotel_id>/danh-sach.xlsx",
        views.hotel_manifest_xlsx,
        name="hotel-manifest-xlsx",
    ),
    path("an-uong/", views.meals, name="meals"),
    path("an-uong/them/", views.meal_form, name="meal-create"),
    path("an-uong/<int:meal_id>/sua/", views.meal_form, name="meal-edit"),
    path("an-uong/che-do-an/", views.diets, name="diets"),
    path("xe/", views.transport, name="transport"),
    path("xe/them/", views.vehicle_form, name="vehicle-create"),
    path("xe/<int:vehicle_id>/sua/", views.vehicle_form, name="vehicle-edit"),
    path("xe/<int:vehicle_id>/danh-sach/", views.vehicle_manifest, name="vehicle-manifest"),
    path("xe/chuyen/them/", views.trip_create, name="trip-create"),
    path("xe/chuyen/<int:trip_id>/", views.trip_detail, name="trip-detail"),
    path("xe/di-xe/<int:ride_id>/bo/", views.ride_remove, name="ride-remove"),
    path("xe/ai-di-xe-nao/", views.rides_day, name="rides-day"),
    path("phong/<int:room_id>/sua/", views.room_edit, name="room-edit"),
    path("xep-phong/<int:stay_id>/tra/", views.stay_release, name="stay-release"),
]
