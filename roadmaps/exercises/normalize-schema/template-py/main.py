"""A small migration runner (done for you): applies the SQL files in migrations/ to PostgreSQL.

    python main.py up      apply every migration not applied yet, oldest first
    python main.py down    undo the newest applied migration
    python main.py status  list the migrations and whether each is applied

It connects to the database in the DATABASE_URL environment variable
(postgres://localhost:5432/postgres if unset). Each file runs in its own transaction together with
its row in the schema_migrations table, so a file that fails leaves nothing half done and is not
recorded. Your part is the SQL in migrations/.
"""

import os
import sys
from pathlib import Path

import psycopg

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Two runners started at once (two deploys, two terminals) must not apply the same file twice:
# each transaction first takes this lock, so they wait for each other.
LOCK_ID = 4_210_001


def migrations() -> list[str]:
    """The versions found in migrations/: "001_normalize_orders" for 001_normalize_orders.up.sql."""
    return sorted(p.name[: -len(".up.sql")] for p in MIGRATIONS.glob("*.up.sql"))


def applied(conn: psycopg.Connection) -> list[str]:
    rows = conn.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    return [row[0] for row in rows]


def run_file(conn: psycopg.Connection, version: str, direction: str) -> None:
    path = MIGRATIONS / f"{version}.{direction}.sql"
    sql = path.read_text(encoding="utf-8")
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_ID,))
        # psycopg sends a query without parameters as is, so a file may hold many statements.
        conn.execute(sql.encode("utf-8"))
        if direction == "up":
            conn.execute("INSERT INTO schema_migrations (version) VALUES (%s)", (version,))
        else:
            conn.execute("DELETE FROM schema_migrations WHERE version = %s", (version,))


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command not in ("up", "down", "status"):
        print("usage: python main.py up|down|status", file=sys.stderr)
        return 2
    url = os.environ.get("DATABASE_URL", "postgres://localhost:5432/postgres")
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as err:
        print(f"cannot connect to PostgreSQL (DATABASE_URL): {err}", file=sys.stderr)
        return 1
    with conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version text PRIMARY KEY,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        done = applied(conn)
        if command == "status":
            for version in migrations():
                print(f"{'applied' if version in done else 'pending'}  {version}")
            return 0
        if command == "up":
            todo = [v for v in migrations() if v not in done]
            if not todo:
                print("nothing to apply: the database is up to date")
            steps = [(v, "up") for v in todo]
        else:
            if not done:
                print("nothing to undo: no migration is applied")
            steps = [(done[-1], "down")] if done else []
        for version, direction in steps:
            try:
                run_file(conn, version, direction)
            except (psycopg.Error, OSError) as err:
                print(f"{version}.{direction}.sql failed, nothing of it was kept: {err}", file=sys.stderr)
                return 1
            print(f"{'applied' if direction == 'up' else 'undid'} {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
