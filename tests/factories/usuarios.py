"""People of the office, each in the group of their role."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory


class UsuarioFactory(DjangoModelFactory):
    """A user; ``rol="Coordinación"`` (a group name of workflows.roles) adds the group.

    Traits: ``superusuario``.
    """

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    class Params:
        superusuario = factory.Trait(is_staff=True, is_superuser=True)

    username = factory.Sequence(lambda n: f"persona{n}")
    first_name = "Ana"
    last_name = "López Treviño"
    email = factory.LazyAttribute(lambda u: f"{u.username}@cepru.gob.mx")
    password = factory.django.Password("Prueba-1234")

    @factory.post_generation
    def rol(obj, create, extracted, **kwargs):
        """The role groups named, one name or several."""
        if not create or not extracted:
            return
        nombres = [extracted] if isinstance(extracted, str) else list(extracted)
        obj.groups.add(*Group.objects.filter(name__in=nombres))
