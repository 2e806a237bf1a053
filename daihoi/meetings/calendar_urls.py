from django.urls import path

from . import calendar_views

app_name = "calendar"

urlpatterns = [
    path("", calendar_views.calendar_settings, name="settings"),
    path("tao-moi/", calendar_views.calendar_renew, name="renew"),
    path("<str:token>.ics", calendar_views.calendar_feed, name="feed"),
]
