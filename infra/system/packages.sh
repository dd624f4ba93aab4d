#!/usr/bin/env bash
# Debian packages the test suite drives, installed when missing (npm test runs this first):
# chromium (browser tests), redis-server and nats-server (event-bus suites, multi-replica test),
# kubectl from kubernetes-client (renders the Kustomize manifests). npm cannot ship these.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nats-server >/dev/null || missing+=(nats-server)
command -v kubectl >/dev/null || missing+=(kubernetes-client)
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "npm test needs these Debian packages (or their equivalents on your system): ${missing[*]}; install them and run npm test again" >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then as_root=(); elif sudo -n true 2>/dev/null; then as_root=(sudo -n); else
  echo "npm test needs: ${missing[*]}; run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "npm test: installing ${missing[*]} with apt-get (once)…"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
echo "npm test: installed ${missing[*]}"
