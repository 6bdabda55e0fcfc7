"""Records and retention: content registers itself with :func:`registrar`."""
