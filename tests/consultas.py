"""The one query-count helper: how many queries a page costs a visitor."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def consultas(client, url, calentar=False):
    """The queries of one successful GET of ``url``.

    ``calentar=True`` visits it once first, so that renditions generated on a first
    visit are not counted.
    """
    if calentar:
        client.get(url)
    with CaptureQueriesContext(connection) as capturadas:
        assert client.get(url).status_code == 200
    return len(capturadas)
