"""The campaigns' public URLs outside the page tree."""

from django.urls import path

from . import views

app_name = "campanas"

urlpatterns = [
    path("calendario/<str:token>.ics", views.ics_view, name="calendario_ics"),
]
