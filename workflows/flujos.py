"""The office's default approval workflows, created once and editable in the admin."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Workflow, WorkflowContentType, WorkflowPage, WorkflowTask

from .models import AprobacionCuatroOjosTask

# Task name -> the groups that approve it.
TAREAS = {
    "Revisión de Coordinación": ["Coordinación"],
    "Autorización de la Titular": ["Titular"],
    "Visto bueno de la Jefatura (vista previa)": ["Coordinación"],
    "Autorización final": ["Titular"],
    # ISSSTESON P04 step 7: the head of the unit reviews and authorises the síntesis.
    "Autorización de la síntesis": ["Coordinación", "Titular"],
}

# Workflow name -> its tasks, in order.
FLUJOS = {
    "Boletín": ["Revisión de Coordinación", "Autorización de la Titular"],
    "Campaña": ["Autorización de la Titular"],
    "Video": ["Visto bueno de la Jefatura (vista previa)", "Autorización final"],
    "Página institucional": ["Autorización de la Titular"],
    # 000 step 1 and 001 §3.1: campus material goes public on the head's word.
    "Propuesta de plantel": ["Revisión de Coordinación", "Autorización de la Titular"],
    # The weekly agenda goes to the media and the state office (001 §3): a snippet
    # workflow on the ``Evento`` model.
    "Evento de la agenda": ["Autorización de la Titular"],
    # The daily síntesis informativa: a snippet workflow on ``Sintesis``; its
    # approval sends it to the Director General's list.
    "Síntesis informativa": ["Autorización de la síntesis"],
}


def _tarea(nombre):
    tarea, creada = AprobacionCuatroOjosTask.objects.get_or_create(name=nombre)
    if creada:
        tarea.groups.set(Group.objects.filter(name__in=TAREAS[nombre]))
    return tarea


@transaction.atomic
def crear_flujos():
    """The default workflows by name; existing ones stay as the office left them."""
    flujos = {}
    for nombre, tareas in FLUJOS.items():
        flujo, creado = Workflow.objects.get_or_create(name=nombre)
        if creado:
            for orden, tarea in enumerate(tareas):
                WorkflowTask.objects.create(
                    workflow=flujo, task=_tarea(tarea), sort_order=orden
                )
        flujos[nombre] = flujo
    return flujos


def asignar(pagina, flujo):
    """Make ``flujo`` govern ``pagina`` and its subtree, unless one already does."""
    WorkflowPage.objects.get_or_create(page=pagina, defaults={"workflow": flujo})


def asignar_a_modelo(modelo, flujo):
    """Make ``flujo`` govern every snippet of ``modelo`` (a snippet workflow)."""
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(modelo),
        defaults={"workflow": flujo},
    )
