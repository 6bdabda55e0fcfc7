"""ICS tokens: keep only the SHA-256 of each secret; existing addresses keep working."""

import hashlib

from django.db import migrations, models


def a_huellas(apps, schema_editor):
    TokenCalendario = apps.get_model("campanas", "TokenCalendario")
    for token in TokenCalendario.objects.all():
        token.huella = hashlib.sha256(token.huella.encode()).hexdigest()
        token.save(update_fields=["huella"])


def sin_vuelta(apps, schema_editor):
    # A hash cannot be turned back into its secret: going back revokes every address.
    apps.get_model("campanas", "TokenCalendario").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("campanas", "0003_cartel_de_la_campana"),
    ]

    operations = [
        migrations.RenameField(
            model_name="tokencalendario", old_name="token", new_name="huella"
        ),
        migrations.AlterField(
            model_name="tokencalendario",
            name="huella",
            field=models.CharField(
                max_length=64, unique=True, verbose_name="huella SHA-256"
            ),
        ),
        migrations.RunPython(a_huellas, sin_vuelta),
    ]
