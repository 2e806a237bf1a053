from django.urls import path

from . import views

app_name = "intake"

urlpatterns = [
    path("", views.import_start, name="start"),
    path("xac-nhan/", views.import_confirm, name="confirm"),
]
