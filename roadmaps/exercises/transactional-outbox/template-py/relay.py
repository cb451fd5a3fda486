"""The relay: moves events from the outbox table to the broker. Read the README first."""

import threading

import psycopg

from broker import Broker


def relay_once(conn: psycopg.Connection, broker: Broker) -> int:
    """Publishes the unsent outbox rows, oldest first, and marks each one sent once the broker has
    accepted it. Returns how many it published. When the broker fails, it stops there (it may raise):
    the row that failed and the ones after it stay unsent for the next round."""
    # TODO: SELECT id, type, payload FROM outbox WHERE sent_at IS NULL ORDER BY id (a batch, e.g. LIMIT 100).
    # TODO: for each row, in that order: broker.publish({"id": id, "type": type, "payload": payload}),
    #       then UPDATE outbox SET sent_at = now() WHERE id = ... (only after publish returned).
    return 0


def run_relay(database_url: str, broker: Broker, interval_ms: int, stop: threading.Event) -> None:
    """Runs relay_once every interval_ms milliseconds until stop is set (main.py starts this in a
    thread). An error in one round (the broker is down, the database hiccups) is logged, and the
    next round runs as usual."""
    # TODO: open a connection (psycopg.connect(database_url, autocommit=True)), then loop until
    #       stop.is_set(): relay_once, catch and log any exception, stop.wait(interval_ms / 1000).
    return
