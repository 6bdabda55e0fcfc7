"""RSS 2.0 and Atom feeds of the newsroom's latest live boletines."""

from django.contrib.syndication.views import Feed, add_domain
from django.utils.feedgenerator import Atom1Feed, Enclosure
from wagtail.models import Site

from home.models import InstitucionSettings

CANTIDAD = 20


class BoletinesFeed(Feed):
    """The latest 20 live boletines, the lead photo as enclosure."""

    def __init__(self, sala):
        super().__init__()
        self.sala = sala

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.dominio = Site.find_for_request(request).hostname
        return super().__call__(request, *args, **kwargs)

    def title(self):
        institucion = InstitucionSettings.for_request(self.request)
        return f"{self.sala.title} · {institucion.nombre}"

    def link(self):
        return self.sala.url

    def description(self):
        return f"Boletines informativos: {self.sala.title}"

    subtitle = description

    def items(self):
        return self.sala.publicados()[:CANTIDAD]

    def item_title(self, item):
        folio = item.folio_texto
        return f"{folio}: {item.title}" if folio else item.title

    def item_description(self, item):
        return item.sumario

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return add_domain(self.dominio, item.url, self.request.is_secure())

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def _rendicion(self, item):
        foto = item.foto_principal
        return foto.imagen.get_rendition("width-800|format-jpeg") if foto else None

    def item_enclosures(self, item):
        rendicion = self._rendicion(item)
        if rendicion is None:
            return []
        url = add_domain(self.dominio, rendicion.url, self.request.is_secure())
        return [Enclosure(url, str(rendicion.file.size), "image/jpeg")]


class BoletinesAtomFeed(BoletinesFeed):
    feed_type = Atom1Feed
