#!/bin/sh
# A client.authentication.k8s.io exec credential plugin for tst_kube_auth. Prints an
# ExecCredential of apiVersion $VDK_API_VERSION carrying the token in $VDK_TOKEN_FILE,
# expiring $VDK_EXPIRES_IN seconds from now. Every run appends a line to the file given as
# --counter=PATH and saves KUBERNETES_EXEC_INFO to PATH.execinfo. When $VDK_FIRST_TOKEN is
# set, the first run hands out that token instead (one the server rejects). With
# $VDK_CERT_FILE and $VDK_KEY_FILE (PEM) it hands out that client certificate instead of a
# token. $VDK_SLEEP makes it take that many seconds (a slow identity provider).
set -eu
counter=""
for arg in "$@"; do
  case "$arg" in
    --counter=*) counter="${arg#--counter=}" ;;
  esac
done
[ -n "$counter" ] || { echo "exec-credential.sh: --counter=PATH is required" >&2; exit 2; }
runs=0
[ -f "$counter" ] && runs=$(wc -l <"$counter")
echo run >>"$counter"
printf '%s' "${KUBERNETES_EXEC_INFO:-}" >"$counter.execinfo"
[ -n "${VDK_SLEEP:-}" ] && sleep "$VDK_SLEEP"
expires=$(date -u -d "+${VDK_EXPIRES_IN:-3600} seconds" +%Y-%m-%dT%H:%M:%SZ)
if [ -n "${VDK_CERT_FILE:-}" ]; then
  # PEM as a JSON string: newlines escaped.
  cert=$(awk '{printf "%s\\n", $0}' "$VDK_CERT_FILE")
  key=$(awk '{printf "%s\\n", $0}' "$VDK_KEY_FILE")
  printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"clientCertificateData":"%s","clientKeyData":"%s","expirationTimestamp":"%s"}}\n' \
    "$VDK_API_VERSION" "$cert" "$key" "$expires"
  exit 0
fi
token=$(cat "$VDK_TOKEN_FILE")
if [ "$runs" -eq 0 ] && [ -n "${VDK_FIRST_TOKEN:-}" ]; then
  token="$VDK_FIRST_TOKEN"
fi
printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"%s"}}\n' \
  "$VDK_API_VERSION" "$token" "$expires"
