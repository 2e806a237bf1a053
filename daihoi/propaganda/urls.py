from django.urls import path

from . import views

app_name = "propaganda"

urlpatterns = [
    path("", views.item_list, name="item-list"),
    path("them/", views.item_create, name="item-create"),
    path("muc/<int:visual_id>/", views.item_detail, name="item-detail"),
    path("muc/<int:visual_id>/sua/", views.item_edit, name="item-edit"),
    path("muc/<int:visual_id>/anh/", views.photo_add, name="photo-add"),
    path("muc/<int:visual_id>/trang-thai/", views.item_state, name="item-state"),
    path("anh/<int:proof_id>/", views.photo_file, name="photo-file"),
    path("ban-do/", views.item_map, name="item-map"),
    path("khoi-tong-quan/", views.dashboard_block, name="dashboard-block"),
    path("khau-hieu/", views.slogan_list, name="slogan-list"),
    path("khau-hieu/them/", views.slogan_form, name="slogan-create"),
    path("khau-hieu/<int:slogan_id>/sua/", views.slogan_form, name="slogan-edit"),
    path("tuyen/", views.route_list, name="route-list"),
    path("tuyen/them/", views.route_form, name="route-create"),
    path("tuyen/<int:route_id>/sua/", views.route_form, name="route-edit"),
    path("tuyen/<int:route_id>/in/", views.route_print, name="route-print"),
    path("tuyen/<int:route_id>/danh-sach.xlsx", views.route_xlsx, name="route-xlsx"),
    path("bao-chi/", views.media_overview, name="media"),
    path("bao-chi/co-quan/them/", views.outlet_form, name="outlet-create"),
    path("bao-chi/co-quan/<int:outlet_id>/sua/", views.outlet_form, name="outlet-edit"),
    path("bao-chi/chuyen-muc/them/", views.column_form, name="column-create"),
    path("bao-chi/chuyen-muc/<int:column_id>/sua/", views.column_form, name="column-edit"),
    path("bao-chi/tin-bai/them/", views.piece_form, name="piece-create"),
    path("bao-chi/tin-bai/<int:piece_id>/sua/", views.piece_form, name="piece-edit"),
    path("trien-lam/", views.event_list, name="event-list"),
    path("trien-lam/them/", views.event_form, name="event-create"),
    path("trien-lam/<int:event_id>/sua/", views.event_form, name="event-edit"),
]
