#!/usr/bin/env bash
# Integration test of the data plane (dataplane.sh): real requests flow
# gateway (Traefik) -> Service -> ready endpoint -> "pod" (podserve).
#
#   dataplane-test.sh --name CLUSTER --kubeconfig PATH [--requests N]
#
# Two Deployments whose pods carry the revision label, a Service each, and an HTTPRoute
# (written by hand here) attached to the data plane's Gateway:
#  1. weights 30/70: N requests with the route's Host header all answer 200, every answer
#     names a pod of the revision its Service selects and carries that revision in the
#     x-veladesk-revision header set by the backendRef's ResponseHeaderModifier filter, and
#     each revision's share is within 4 points of its weight;
#  2. weights 100/0: after the change reaches the gateway, v2 receives nothing;
#  3. v1's pods are replaced: the answers come from the new pods only;
#  4. v1 scaled to 0 (the route still gives it 100): requests fail (no ready endpoint: the
#     connection is refused, as kube-proxy refuses it) instead of reaching anything else.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"

name=veladesk
kubeconfig=""
requests=1000
while (($#)); do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --kubeconfig) kubeconfig="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    *) echo "dataplane-test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
kubeconfig="${kubeconfig:-$VELADESK_CACHE/clusters/$name/kubeconfig}"
k() { "$CP_BIN_DIR/kubectl" --kubeconfig "$kubeconfig" "$@"; }
passed=0
failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
fail() {
  echo "FAIL: $*" >&2
  failed=$((failed + 1))
  echo "$passed passed, $failed failed"
  exit 1
}

url="$(bash "$here/dataplane.sh" url --name "$name")" || fail "the data plane of cluster $name is not running"
gateway="$(cat "$VELADESK_CACHE/dataplane/$name/gateway")"
ns="dataplane-$$"
host="split-$$.example.com"
work="$(mktemp -d)"
trap 'k delete namespace "$ns" --wait=false >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
k create namespace "$ns" >/dev/null

deployment() { # deployment REVISION REPLICAS
  cat <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-$1
spec:
  replicas: $2
  selector:
    matchLabels: {app.oam.dev/component: web, app.oam.dev/appRevision: example-app-$1}
  template:
    metadata:
      labels: {app.oam.dev/component: web, app.oam.dev/appRevision: example-app-$1}
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{containerPort: 8000}]
---
apiVersion: v1
kind: Service
metadata:
  name: example-app-$1-web-8000
spec:
  selector: {app.oam.dev/component: web, app.oam.dev/appRevision: example-app-$1}
  ports: [{port: 8000, targetPort: 8000, protocol: TCP}]
---
YAML
}
route() { # route WEIGHT_V1 WEIGHT_V2
  cat <<YAML
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: example-app
spec:
  parentRefs:
    - {name: ${gateway#*/}, namespace: ${gateway%%/*}}
  hostnames: ["$host"]
  rules:
    - matches: [{path: {type: PathPrefix, value: /}}]
      backendRefs:
        - name: example-app-v1-web-8000
          port: 8000
          weight: $1
          filters:
            - type: ResponseHeaderModifier
              responseHeaderModifier: {set: [{name: x-veladesk-revision, value: example-app-v1}]}
        - name: example-app-v2-web-8000
          port: 8000
          weight: $2
          filters:
            - type: ResponseHeaderModifier
              responseHeaderModifier: {set: [{name: x-veladesk-revision, value: example-app-v2}]}
YAML
}

# probe N: sends N requests through the gateway (8 at a time, 5 s each at most) and writes
# one line per answer to $work/answers:
# "<status> <X-Pod-Revision> <X-Pod-Name> <x-veladesk-revision>".
probe() {
  local n="$1" i
  {
    for ((i = 0; i < n; i++)); do
      printf 'url = "%s/"\noutput = "/dev/null"\n' "$url"
    done
  } >"$work/urls"
  timeout 120 curl --silent --no-progress-meter --parallel --parallel-max 8 --max-time 5 -H "Host: $host" \
    -w '%{http_code} %header{x-pod-revision} %header{x-pod-name} %header{x-veladesk-revision}\n' -K "$work/urls" >"$work/answers" || true
  (($(wc -l <"$work/answers") == n)) || fail "expected $n answers, got $(wc -l <"$work/answers")"
}
count() { grep -c "$1" "$work/answers" || true; }

# until_answers DESCRIPTION PATTERN: probes 20 requests at a time until all answers match.
until_answers() {
  local deadline=$((SECONDS + 60))
  while :; do
    probe 20
    (($(count "$2") == 20)) && return 0
    ((SECONDS < deadline)) || { sort "$work/answers" | uniq -c >&2; fail "$1: not reached within 60 s"; }
    sleep 0.5
  done
}

{ deployment v1 2; deployment v2 2; route 30 70; } | k -n "$ns" apply -f - >/dev/null
k -n "$ns" wait --for=condition=Available --timeout=60s deployment/web-v1 deployment/web-v2 >/dev/null ||
  fail "the Deployments did not become available"
k -n "$ns" wait --for=jsonpath='{.status.parents[0].conditions[?(@.type=="ResolvedRefs")].status}'=True \
  --timeout=60s httproute/example-app >/dev/null || {
  k -n "$ns" get httproute example-app -o yaml >&2
  fail "the HTTPRoute was not accepted with its backends resolved"
}
ok "HTTPRoute $ns/example-app attached to Gateway $gateway, backends resolved"

# 1. The configured split.
deadline=$((SECONDS + 60))
while :; do
  probe 20
  (($(count '^200 example-app-v1 ') > 0 && $(count '^200 example-app-v2 ') > 0)) && break
  ((SECONDS < deadline)) || { sort "$work/answers" | uniq -c >&2; fail "both revisions did not answer within 60 s"; }
  sleep 0.5
done
start=$(date +%s%N)
probe "$requests"
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
non200="$(grep -vc '^200 ' "$work/answers" || true)"
((non200 == 0)) || { grep -v '^200 ' "$work/answers" | sort | uniq -c >&2; fail "$non200 of $requests requests did not answer 200"; }
pods_v1="$(k -n "$ns" get pods -l app.oam.dev/appRevision=example-app-v1 -o jsonpath='{range .items[*]}{.metadata.namespace}/{.metadata.name}{"\n"}{end}')"
pods_v2="$(k -n "$ns" get pods -l app.oam.dev/appRevision=example-app-v2 -o jsonpath='{range .items[*]}{.metadata.namespace}/{.metadata.name}{"\n"}{end}')"
while read -r _ rev pod header; do
  [[ "$header" == "$rev" ]] || fail "an answer from $pod ($rev) carries x-veladesk-revision '$header'"
  case "$rev" in
    example-app-v1) grep -qxF "$pod" <<<"$pods_v1" || fail "an answer of revision v1 came from $pod, not a v1 pod" ;;
    example-app-v2) grep -qxF "$pod" <<<"$pods_v2" || fail "an answer of revision v2 came from $pod, not a v2 pod" ;;
    *) fail "an answer names revision '$rev'" ;;
  esac
done < <(sort -u "$work/answers")
v1="$(count '^200 example-app-v1 ')"
v2="$(count '^200 example-app-v2 ')"
share1=$((v1 * 1000 / requests))
share2=$((v2 * 1000 / requests))
echo "observed: v1 $v1, v2 $v2 of $requests (configured 30/70) in $elapsed_ms ms"
((share1 >= 260 && share1 <= 340 && share2 >= 660 && share2 <= 740)) ||
  fail "shares $((share1 / 10)).$((share1 % 10)) / $((share2 / 10)).$((share2 % 10)) % are not within 4 points of 30/70"
ok "30/70 split observed: $((share1 / 10)).$((share1 % 10)) % / $((share2 / 10)).$((share2 % 10)) % over $requests requests, all 200"
ok "every answer's x-veladesk-revision (the route's ResponseHeaderModifier per backendRef) names the pod's revision"

# 2. Weights 100/0.
route 100 0 | k -n "$ns" apply -f - >/dev/null
until_answers "weights 100/0" '^200 example-app-v1 '
probe 200
(($(count '^200 example-app-v1 ') == 200)) || { sort "$work/answers" | uniq -c >&2; fail "with weights 100/0, not all of 200 answers came from v1"; }
ok "weights 100/0: 200 of 200 answers from v1, none from v2"

# 3. v1's pods replaced: the new pods answer.
old_v1="$pods_v1"
k -n "$ns" delete pods -l app.oam.dev/appRevision=example-app-v1 --wait=false >/dev/null
deadline=$((SECONDS + 60))
while :; do
  # Running pods of v1, with a second word when they are being deleted.
  listing="$(k -n "$ns" get pods -l app.oam.dev/appRevision=example-app-v1 --field-selector=status.phase=Running \
    -o jsonpath='{range .items[*]}{.metadata.namespace}/{.metadata.name} {.metadata.deletionTimestamp}{"\n"}{end}')"
  new_v1="$(awk 'NF == 1 {print $1}' <<<"$listing")"
  if ! awk 'NF > 1' <<<"$listing" | grep -q . && (($(grep -c . <<<"$new_v1") == 2)) &&
    ! grep -qxFf <(echo "$old_v1") <<<"$new_v1"; then
    break
  fi
  ((SECONDS < deadline)) || fail "v1's pods were not replaced within 60 s"
  sleep 0.5
done
deadline=$((SECONDS + 60))
while :; do
  probe 40
  fresh=1
  while read -r code rev pod _; do
    [[ "$code" == 200 ]] && grep -qxF "$pod" <<<"$new_v1" || fresh=0
  done <"$work/answers"
  ((fresh)) && break
  ((SECONDS < deadline)) || { sort "$work/answers" | uniq -c >&2; fail "answers still do not all come from v1's new pods after 60 s"; }
  sleep 0.5
done
ok "v1's pods replaced: 40 of 40 answers from the new pods"

# 4. No ready endpoint: nothing answers in v1's name.
k -n "$ns" scale deployment/web-v1 --replicas=0 >/dev/null
deadline=$((SECONDS + 60))
while :; do
  probe 20
  (($(count '^200 ') == 0)) && break
  ((SECONDS < deadline)) || { sort "$work/answers" | uniq -c >&2; fail "answers still come after v1 was scaled to 0"; }
  sleep 0.5
done
codes="$(cut -d' ' -f1 "$work/answers" | sort | uniq -c | tr -s ' ' | tr '\n' ',')"
ok "v1 scaled to 0 with weight 100: 0 of 20 requests answered 200 (status counts:${codes%,})"

echo "$passed passed, $failed failed"
