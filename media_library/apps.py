from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaLibraryConfig(AppConfig):
    name = "media_library"
    verbose_name = _("Mediateca")

    def ready(self):
        from wagtail.signals import page_published

        from .models import VideoPage

        page_published.connect(
            al_publicar_video, sender=VideoPage, dispatch_uid="video_finales"
        )


def al_publicar_video(sender, instance, **kwargs):
    """The authorised video gets its final renditions (once per master file)."""
    from .models import TrabajoVideo
    from .video import encolar

    if instance.live and not instance.finales:
        encolar(instance, TrabajoVideo.FINAL)
