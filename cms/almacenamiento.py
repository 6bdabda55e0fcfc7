"""The private storage's local form: files outside ``MEDIA_ROOT``, with no address.

Exports, actas and the records' write-once store live here (``STORAGES["archivo"]``,
see ``cms/settings/environment.py``). Nothing serves this folder: a file leaves it
only through a view that checks the user's permission. On S3 the same alias is a
private prefix whose URLs are always presigned.
"""

from django.core.files.storage import FileSystemStorage


class AlmacenamientoPrivadoLocal(FileSystemStorage):
    """A folder with no public URL (``url()`` refuses, as Django's base storage)."""

    def url(self, name, *args, **kwargs):
        """Private files have no address; a permission-checked view streams them."""
        raise NotImplementedError("El almacenamiento privado no tiene URL pública.")
