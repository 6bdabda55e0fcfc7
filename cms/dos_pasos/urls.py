"""The two-step screens, under /admin/dos-pasos/."""

from django.urls import path

from . import views

app_name = "dos_pasos"

urlpatterns = [
    path("verificar/", views.verificar_view, name="verificar"),
    path("configurar/", views.configurar_view, name="configurar"),
    path("codigos/", views.codigos_view, name="codigos"),
]
