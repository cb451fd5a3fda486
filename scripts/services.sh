#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL cluster and Redis server on loopback for the exercise tests.
#   eval "$(bash scripts/services.sh start)"   # prints DATABASE_URL / REDIS_URL exports
#   bash scripts/services.sh stop
# Both come from Debian's packages (postgresql, redis-server); nothing listens beyond 127.0.0.1.
set -euo pipefail
# /tmp rather than $TMPDIR: the postgres user must reach it when this runs as root.
dir=${BACKEND_ROADMAP_SERVICES_DIR:-/tmp/backend-roadmap-services-$(id -u)}
pg_port=${BACKEND_ROADMAP_PG_PORT:-54329}
redis_port=${BACKEND_ROADMAP_REDIS_PORT:-63799}

pg_bin() { { ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -1; }
# initdb refuses to run as root; Debian's package creates the postgres user for this.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_user() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }

start() {
  local started=0
  # Something else's link in /tmp must never redirect where root writes or what it hands to postgres.
  if [ -L "$dir" ]; then echo "[services] $dir is a symbolic link; refusing to use it" >&2; exit 1; fi
  mkdir -p "$dir"
  # If anything below fails, stop what this call started, so nothing is left running.
  trap 'if [ "$started" = 1 ]; then stop; fi' ERR
  # The cluster, its socket and its log belong to the server's user; root (redis) can still write.
  if [ "$(id -u)" -eq 0 ] && id postgres > /dev/null 2>&1; then chown -h postgres "$dir"; fi
  local bin; bin=$(pg_bin)
  if [ -n "$bin" ]; then
    if [ ! -s "$dir/pg/PG_VERSION" ]; then
      as_pg mkdir -p "$dir/pg" "$dir/pgsock"
      as_pg "$bin/initdb" -D "$dir/pg" --auth=trust --username="$(pg_user)" -E UTF8 > "$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if ! as_pg "$bin/pg_ctl" -D "$dir/pg" status > /dev/null 2>&1; then
      started=1
      as_pg "$bin/pg_ctl" -D "$dir/pg" -w -l "$dir/pg.log" \
        -o "-p $pg_port -k $dir/pgsock -c listen_addresses=127.0.0.1 -c fsync=off" start > /dev/null \
        || { cat "$dir/pg.log" >&2; exit 1; }
    fi
    echo "export DATABASE_URL=postgres://$(pg_user)@127.0.0.1:$pg_port/postgres"
  else
    echo "[services] PostgreSQL is not installed (Debian package postgresql); SQL exercises fall back to SQLite" >&2
  fi
  if command -v redis-server > /dev/null 2>&1; then
    if ! timeout 2 redis-cli -p "$redis_port" ping > /dev/null 2>&1; then
      started=1
      redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
        --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
      for _ in $(seq 50); do timeout 2 redis-cli -p "$redis_port" ping > /dev/null 2>&1 && break; sleep 0.1; done
      timeout 2 redis-cli -p "$redis_port" ping > /dev/null 2>&1 \
        || { echo "[services] Redis did not start on port $redis_port:" >&2; cat "$dir/redis.log" >&2; false; }
    fi
    echo "export REDIS_URL=redis://127.0.0.1:$redis_port"
  else
    echo "[services] Redis is not installed (Debian package redis-server); Redis exercises will say so and fail" >&2
  fi
  # Whoever started them stops them; servers that were already up are left alone.
  echo "export BACKEND_ROADMAP_SERVICES_OWNER=$started"
}

stop() {
  local bin; bin=$(pg_bin)
  if [ -n "$bin" ] && [ -s "$dir/pg/PG_VERSION" ]; then
    as_pg "$bin/pg_ctl" -D "$dir/pg" -m fast stop > /dev/null 2>&1 || true
  fi
  if [ -s "$dir/redis.pid" ]; then
    pid=$(cat "$dir/redis.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  if [ ! -L "$dir" ]; then rm -rf "$dir"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
