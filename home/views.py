"""The institution's theme as a stylesheet."""

from django.shortcuts import render

from home.models import InstitucionSettings


def tema_css(request):
    """The site's colours as CSS custom properties.

    A stylesheet rather than an inline ``<style>``: the Content-Security-Policy
    allows no inline styles, and Varnish keeps it like any page (purged with the
    whole site when the institution's settings change).
    """
    institucion = InstitucionSettings.for_request(request)
    return render(
        request, "home/tema.css", {"inst": institucion}, content_type="text/css"
    )
