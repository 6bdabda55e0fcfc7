from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo institution and ``setup_demo``: dev and test settings only."""

    name = "demo"
    verbose_name = "Demostración"
