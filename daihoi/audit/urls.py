from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("", views.trash_list, name="trash"),
    path("<str:kind>/<int:object_id>/khoi-phuc/", views.trash_restore, name="restore"),
]
