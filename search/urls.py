"""The public search."""

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("buscar/", views.search, name="search"),
]
