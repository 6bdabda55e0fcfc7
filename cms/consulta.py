"""Reading values from a query string without trusting it."""


def entero(params, nombre, defecto=None, minimo=None, maximo=None):
    """The integer `nombre` of `params`; `defecto` if missing, invalid or out of range.

    A hand-edited address must not become a server error, so anything that is not
    a whole number within [minimo, maximo] quietly gives the default.
    """
    try:
        numero = int(params.get(nombre))
    except (TypeError, ValueError):
        return defecto
    if minimo is not None and numero < minimo:
        return defecto
    if maximo is not None and numero > maximo:
        return defecto
    return numero
