"""Wagtail's migrations name the tree's root «Root», its first page «Welcome to your
new Wagtail site!» and the root collection «Root»; the admin shows those names in
breadcrumbs, choosers and the history. Here they get Spanish names."""

from django.db import migrations

NOMBRES = [
    ("wagtailcore", "Page", "title", "Root", "Raíz"),
    (
        "wagtailcore",
        "Page",
        "title",
        "Welcome to your new Wagtail site!",
        "Página de bienvenida",
    ),
    ("wagtailcore", "Page", "draft_title", "Root", "Raíz"),
    (
        "wagtailcore",
        "Page",
        "draft_title",
        "Welcome to your new Wagtail site!",
        "Página de bienvenida",
    ),
    ("wagtailcore", "Collection", "name", "Root", "General"),
]


def en_espanol(apps, schema_editor):
    for app, modelo, campo, ingles, espanol in NOMBRES:
        apps.get_model(app, modelo).objects.filter(**{campo: ingles}).update(
            **{campo: espanol}
        )


def en_ingles(apps, schema_editor):
    for app, modelo, campo, ingles, espanol in NOMBRES:
        apps.get_model(app, modelo).objects.filter(**{campo: espanol}).update(
            **{campo: ingles}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_version_por_ambito"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [migrations.RunPython(en_espanol, en_ingles)]
