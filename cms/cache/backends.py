"""The purge backend for the caching proxy (``WAGTAILFRONTENDCACHE``)."""

import logging
from urllib.error import URLError

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger(__name__)


class BackendVarnish(HTTPBackend):
    """Wagtail's HTTP purge backend; an unreachable proxy is logged, not raised."""

    def purge(self, url):
        try:
            super().purge(url)
        except (URLError, OSError) as error:
            logger.error("No se pudo purgar %s del proxy: %s", url, error)
