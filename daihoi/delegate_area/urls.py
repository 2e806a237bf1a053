from django.urls import path

from . import views

app_name = "delegate_area"

urlpatterns = [
    path("", views.home, name="home"),
]
