"""What a video's publication sets off: its final renditions."""

from wagtail.signals import page_published

from .models import TrabajoVideo, VideoPage
from .pipeline import encolar


def al_publicar_video(sender, instance, **kwargs):
    """The authorised video gets its final renditions (once per master file)."""
    if instance.live and not instance.finales:
        encolar(instance, TrabajoVideo.FINAL)


def conectar():
    """Connect the receivers to Wagtail's signals (once: they have a dispatch_uid)."""
    page_published.connect(
        al_publicar_video, sender=VideoPage, dispatch_uid="video_finales"
    )
