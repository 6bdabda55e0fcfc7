"""Existing installations: the campus workflow gains the Titular's authorisation,
and campus enlaces lose «change» on their section (000 step 1, 001 §3.1).

``crear_flujos()`` leaves existing workflows as the office left them, so this
brings a running site to the new rule once; it reuses the «Autorización de la
Titular» task the Boletín workflow already has, and does nothing where either
is missing.
"""

from django.db import migrations
from django.db.models import Max

TITULAR = "Autorización de la Titular"


def agregar_titular(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    flujo = Workflow.objects.filter(name="Propuesta de plantel").first()
    tarea = Task.objects.filter(name=TITULAR).first()
    if flujo and tarea and not flujo.workflow_tasks.filter(task=tarea).exists():
        ultimo = flujo.workflow_tasks.aggregate(m=Max("sort_order"))["m"]
        WorkflowTask.objects.create(
            workflow=flujo, task=tarea, sort_order=(ultimo or 0) + 1
        )
    GroupPagePermission.objects.filter(
        group__name__startswith="Enlaces — ",
        permission__codename="change_page",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0003_retiro"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(agregar_titular, migrations.RunPython.noop)]
