from django.urls import path

from . import views

app_name = "workspace"

urlpatterns = [
    path("", views.today, name="today"),
    path("trach-nhiem-cua-toi/", views.my_duties, name="my-duties"),
]
