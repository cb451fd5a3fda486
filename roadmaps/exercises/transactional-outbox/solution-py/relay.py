"""The relay: moves events from the outbox table to the broker, at least once and in order."""

import sys
import threading

import psycopg

from broker import Broker

BATCH = 100


def relay_once(conn: psycopg.Connection, broker: Broker) -> int:
    """Publishes the unsent outbox rows, oldest first, and marks each one sent once the broker has
    accepted it. Returns how many it published. When the broker fails, it stops there (it may raise):
    the row that failed and the ones after it stay unsent for the next round."""
    rows = conn.execute(
        "SELECT id, type, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT %s", (BATCH,)
    ).fetchall()
    sent = 0
    for event_id, event_type, payload in rows:
        broker.publish({"id": event_id, "type": event_type, "payload": payload})  # raises while the broker is down
        # A crash right here publishes this row again next round: at least once, never lost.
        conn.execute("UPDATE outbox SET sent_at = now() WHERE id = %s", (event_id,))
        sent += 1
    return sent


def run_relay(database_url: str, broker: Broker, interval_ms: int, stop: threading.Event) -> None:
    """Runs relay_once every interval_ms milliseconds until stop is set (main.py starts this in a
    thread). An error in one round (the broker is down, the database hiccups) is logged, and the
    next round runs as usual."""
    conn: psycopg.Connection | None = None
    while not stop.is_set():
        try:
            if conn is None or conn.closed:
                conn = psycopg.connect(database_url, autocommit=True)
            relay_once(conn, broker)
        except Exception as err:  # noqa: BLE001 - one failed round must not end the relay
            print(f"relay: {err} (trying again in {interval_ms} ms)", file=sys.stderr, flush=True)
        stop.wait(interval_ms / 1000)
    if conn is not None:
        conn.close()
