"""A network connector for the tests: two fixed comments, no internet."""

import datetime

from django.utils import timezone

from monitoreo.conectores import Conector


class RedDePrueba(Conector):
    red = "facebook"

    def comentarios(self, desde):
        cuando = timezone.make_aware(datetime.datetime(2026, 11, 23, 10))
        return [
            {
                "publicada_en": cuando,
                "texto": "Queja: no responden en el plantel del CEPRU",
                "autor": "Rosa Ibarra",
                "url": "https://www.facebook.com/cepru/posts/1?comment_id=9",
            },
            {
                "publicada_en": cuando,
                "texto": "Felicidades al CEPRU por la feria de ciencias",
                "autor": "Luis Soto",
                "url": "https://www.facebook.com/cepru/posts/1?comment_id=10",
            },
        ]
