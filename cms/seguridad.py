"""The client address django-axes counts login failures against."""

from django.conf import settings


def ip_del_cliente(request):
    """REMOTE_ADDR, or behind N trusted proxies the N-th address from the right.

    Each proxy appends the address it was called from to X-Forwarded-For, so the
    entries on the left are whatever the visitor sent and cannot be trusted.
    """
    proxies = settings.PROXIES_DE_CONFIANZA
    if proxies:
        saltos = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        saltos = [ip.strip() for ip in saltos if ip.strip()]
        if len(saltos) >= proxies:
            return saltos[-proxies]
    return request.META.get("REMOTE_ADDR")
