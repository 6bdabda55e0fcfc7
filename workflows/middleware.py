"""410 Gone, with a notice, for content taken down for an error."""

from django.template.response import TemplateResponse

from .models import Retiro


class RetiradoPorErrorMiddleware:
    """Turn the 404 of a page taken down for an error into 410 with a notice."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        respuesta = self.get_response(request)
        if respuesta.status_code != 404:
            return respuesta
        retiro = (
            Retiro.objects.filter(url=request.path, republicado_en=None)
            .order_by("-retirado_en")
            .first()
        )
        if retiro is None:
            return respuesta
        aviso = TemplateResponse(
            request, "workflows/retirado.html", {"retiro": retiro}, status=410
        )
        return aviso.render()
