"""The editor's view of a video's processing: its preview player and its jobs."""

from wagtail.admin.panels import Panel


class ProcesamientoPanel(Panel):
    """Shows approvers the low-quality preview and each job's progress or error."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "media_library/panels/procesamiento.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            video = self.instance
            if video.pk:
                origen = video.archivo_maestro.name
                context["previa"] = video.vista_previa
                context["poster"] = video.poster
                context["finales"] = video.finales
                context["trabajos"] = video.trabajos.filter(origen=origen)
            return context
