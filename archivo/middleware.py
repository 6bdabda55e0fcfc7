"""Turn a refused deletion into an admin message instead of a server error."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .resguardo import RegistroEnResguardo


class ResguardoMiddleware:
    """Views without a before-delete hook (images, documents) end up here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, RegistroEnResguardo):
            return None
        messages.error(request, exception.mensaje)
        anterior = request.META.get("HTTP_REFERER", "")
        if anterior and url_has_allowed_host_and_scheme(
            anterior, allowed_hosts={request.get_host()}
        ):
            return redirect(anterior)
        return redirect(reverse("wagtailadmin_home"))
