"""The moment an event is recorded as having happened: now, or a past one.

Loading an office's history (the demo's two years of boletines, an import from
an earlier site) publishes through the same handlers as today's work; inside
:func:`ocurrido_el` the folio, the record and its snapshot carry that past
moment instead of the clock's, so indicators and inventories read true dates.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import timezone

_momento = ContextVar("momento_historico", default=None)


@contextmanager
def ocurrido_el(cuando):
    """Record what happens inside the block as having happened at ``cuando``."""
    token = _momento.set(cuando)
    try:
        yield cuando
    finally:
        _momento.reset(token)


def ahora():
    """The moment to record: the one set by :func:`ocurrido_el`, else now."""
    return _momento.get() or timezone.now()
