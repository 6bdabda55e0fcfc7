"""The desk's public URLs: the Director General's signed reading link."""

from django.urls import path

from .views_sintesis import lectura_view

app_name = "monitoreo"

urlpatterns = [
    path("sintesis/<str:firma>/", lectura_view, name="sintesis_lectura"),
]
