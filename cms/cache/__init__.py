"""The caching proxy (Varnish) and the memory of derived lists, one module per concern.

- ``backends``: the purge backend Wagtail's ``frontend_cache`` uses;
- ``purgas``: what a change purges and sending the PURGE;
- ``memoria``: the public content's version and ``memorizar``;
- ``signal_handlers``: the events that move the version and purge;
- ``middleware``: the ``Cache-Control`` a response leaves with.

Public pages say ``Cache-Control: public`` with a long ``s-maxage`` for the proxy and a
short ``max-age`` for browsers; anything for a logged-in user, a preview or the admin
says ``private, no-cache``. Purges go out after the publishing transaction commits,
from the request itself: a PURGE to a local Varnish is a loopback call of about a
millisecond, a task queue would add its polling delay to the sub-second target, and a
proxy that does not answer is logged, never undoing the publication. (Wagtail's own
handler still enqueues a task that purges the page itself; ours meets the target.)

The VCL (``deploy/varnish/default.vcl``) reads a PURGE of a path as "this path with
any query string" (every page of a listing) and a PURGE of ``/*`` as "the whole site".
"""
