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
]
