"""Exit 0 when the PostgreSQL server of DATABASE_URL (argv[1]) accepts connections."""

import sys

import dj_database_url
import psycopg

config = dj_database_url.parse(sys.argv[1])
try:
    psycopg.connect(
        dbname="postgres",
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        connect_timeout=3,
    ).close()
except psycopg.Error as error:
    print(f"PostgreSQL no responde: {error}", file=sys.stderr)
    sys.exit(1)
