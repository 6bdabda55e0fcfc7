from django.db import migrations, models
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast


def llenar(apps, schema_editor):
    """Each existing boletín's first submission, from the workflow table."""
    BoletinPage = apps.get_model("boletines", "BoletinPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    primero = (
        WorkflowState.objects.filter(
            base_content_type__model="page",
            object_id=Cast(OuterRef("pk"), CharField()),
        )
        .order_by("created_at")
        .values("created_at")[:1]
    )
    BoletinPage.objects.update(primer_envio=Subquery(primero))


class Migration(migrations.Migration):
    dependencies = [
        ("boletines", "0010_fecha_del_folio"),
    ]

    operations = [
        migrations.AddField(
            model_name="boletinpage",
            name="primer_envio",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                null=True,
                verbose_name="enviado a aprobación por primera vez",
            ),
        ),
        migrations.RunPython(llenar, migrations.RunPython.noop),
    ]
