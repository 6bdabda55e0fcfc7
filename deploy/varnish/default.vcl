vcl 4.1;
# Varnish in front of gunicorn: caches anonymous GETs of the public site, never the
# admin, previews or anyone logged in, and accepts PURGE from this machine only.
# Wagtail (VARNISH_URL, cms/cache_publico.py) sends PURGE /ruta/ on publish: that
# path with any query string goes (every page of a listing); PURGE /* empties the site.

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

acl purgadores {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Django takes X-Forwarded-Proto: https as "this visit came over TLS"
    # (cms/settings/production.py), so a client must never set it: it is dropped
    # and set again only for the listener the TLS terminator uses, started as
    # `varnishd -a https=127.0.0.1:6443,PROXY -a http=:80 ...`.
    unset req.http.X-Forwarded-Proto;
    if (local.socket == "https") {
        set req.http.X-Forwarded-Proto = "https";
    }
    if (req.method == "PURGE") {
        if (!client.ip ~ purgadores) {
            return (synth(405, "PURGE no permitido"));
        }
        if (req.url == "/*") {
            ban("obj.http.x-host == " + req.http.host);
        } else {
            ban("obj.http.x-host == " + req.http.host +
                " && obj.http.x-url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?.*)?$");
        }
        return (synth(200, "Purgado"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin and Wagtail's previews (under /admin/) are never cached.
    if (req.url ~ "^/(admin|django-admin)/") {
        return (pass);
    }
    # Logged-in users and anyone holding a CSRF token see their own pages.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Anonymous: analytics cookies and the like do not split the cache.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Kept on the object so that bans can match it (ban lurker friendly).
    set beresp.http.x-url = bereq.url;
    set beresp.http.x-host = bereq.http.host;
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-cache|no-store)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Serve a stale copy for a short while if gunicorn is slow or restarting.
    set beresp.grace = 1h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url;
    unset resp.http.x-host;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
