"""The private storage as the archive's file fields and views use it.

``STORAGES["archivo"]`` (``cms/settings/environment.py``) is looked up at every
call, not once when the models load, so the fields follow whatever that alias is
now (a folder, a private S3 prefix). :func:`descarga` is the only way out for a
user: a permission-checked view streams the file, or redirects to a presigned URL.
"""

from django.core.files.storage import Storage, storages
from django.http import FileResponse
from django.shortcuts import redirect
from django.utils.deconstruct import deconstructible

ALIAS = "archivo"


@deconstructible(path="archivo.almacenamiento.AlmacenDelArchivo")
class AlmacenDelArchivo(Storage):
    """Django's storage API, delegated to ``storages["archivo"]`` at each call."""

    @property
    def real(self):
        return storages[ALIAS]

    def __getattr__(self, nombre):
        return getattr(storages[ALIAS], nombre)

    def open(self, name, mode="rb"):
        return self.real.open(name, mode)

    def save(self, name, content, max_length=None):
        return self.real.save(name, content, max_length=max_length)

    def delete(self, name):
        return self.real.delete(name)

    def exists(self, name):
        return self.real.exists(name)

    def size(self, name):
        return self.real.size(name)

    def url(self, name, *args, **kwargs):
        return self.real.url(name, *args, **kwargs)

    def path(self, name):
        return self.real.path(name)

    def listdir(self, path):
        return self.real.listdir(path)

    def generate_filename(self, filename):
        return self.real.generate_filename(filename)

    def get_available_name(self, name, max_length=None):
        return self.real.get_available_name(name, max_length=max_length)

    def get_valid_name(self, name):
        return self.real.get_valid_name(name)

    def get_modified_time(self, name):
        return self.real.get_modified_time(name)


almacen = AlmacenDelArchivo()


def almacen_privado():
    """The file fields' ``storage`` (a callable, so migrations name it)."""
    return almacen


def descarga(archivo, nombre):
    """A stored file for a user already checked: a presigned URL on S3, else bytes."""
    try:
        url = archivo.storage.url(
            archivo.name,
            parameters={
                "ResponseContentDisposition": f'attachment; filename="{nombre}"'
            },
        )
    except NotImplementedError:
        return FileResponse(archivo.open("rb"), as_attachment=True, filename=nombre)
    return redirect(url)
