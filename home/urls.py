"""The institution's public URLs outside the page tree."""

from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("tema.css", views.tema_css, name="tema_css"),
]
