"""What the last approval will do, for its confirmation."""

from django import template

from .. import publicacion

register = template.Library()


@register.simple_tag
def resumen_de_publicacion(task_state):
    """«Se publicará en … y se enviará a N destinatarios de las listas …»."""
    return publicacion.resumen(task_state.revision)
