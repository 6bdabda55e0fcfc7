"""An upload the storage refuses is an error message for the editor, not a 500."""

import logging

from botocore.exceptions import BotoCoreError, ClientError
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _de_almacenamiento(error):
    """Whether ``error`` comes from the S3 client."""
    return isinstance(error, BotoCoreError | ClientError)


class ErrorDeAlmacenamientoMiddleware:
    """Admin requests that fail in S3 (or on a full disk) say so and change nothing.

    The file goes to storage when its row is saved, before the INSERT, inside the
    admin view's transaction: when the storage fails, no row is written.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not request.path.startswith("/admin/"):
            return None
        if not (
            _de_almacenamiento(exception)
            or (isinstance(exception, OSError) and request.FILES)
        ):
            return None
        logger.exception("El almacenamiento rechazó %s", request.path)
        mensaje = _(
            "No se pudo guardar el archivo en el almacenamiento de medios; no se "
            "guardó nada. Intenta de nuevo en unos minutos o avisa a sistemas."
        )
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return JsonResponse(
                {"success": False, "error_message": mensaje}, status=503
            )
        messages.error(request, mensaje)
        return redirect(request.get_full_path())
