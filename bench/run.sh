#!/usr/bin/env bash
# The performance suite: VelaDesk measured side by side with kubectl in one run.
#
#   bench/run.sh [--build DIR] [--rounds N] [--pods N] [--name CLUSTER] [--keep-cluster]
#                [--reuse-cluster] [--only "apply cold apps pods watch tree"] [--nice-cluster N]
#
# Starts its own local cluster (tests/cluster/start.sh --name vbench, no container-logs
# harness, KWOK nodes with room for the pods), creates the data, runs every benchmark of
# issue 11, prints one table (target, figure, kubectl's figure, ratio, whether the target is
# met) and stops the cluster. Comparisons alternate VelaDesk and kubectl within each round
# (the order flips every round) and report medians of the rounds, because these machines are
# noisy. Not part of the test suite (scripts/test.sh); figures of a run are in
# docs/performance.md. Needs a build with bench_suite and veladesk (cmake --build build).
# --nice-cluster N (an experiment, not the suite's figures): the cluster's processes and the
# benchmark's own writers run at nice N, as if they ran on other machines than the window.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="$root/build"
rounds=5
pods=10000
name=vbench
keep=0
reuse=0
only="apply cold apps pods watch tree"
nice_cluster=0
while (($#)); do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --pods) pods="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --keep-cluster) keep=1; shift ;;
    --reuse-cluster) reuse=1; keep=1; shift ;;
    --only) only="$2"; shift 2 ;;
    --nice-cluster) nice_cluster="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
. "$root/tests/cluster/versions.sh"
suite="$build/bench/bench_suite"
veladesk="$build/app/veladesk"
kubectl_bin="$CP_BIN_DIR/kubectl"
ref=/work/shared/reference
[[ -d "$ref" ]] || ref="$root/tests/fixtures/reference"
for f in "$suite" "$veladesk"; do
  [[ -x "$f" ]] || { echo "run.sh: $f not built (cmake --build $build)" >&2; exit 2; }
done

work="$(mktemp -d /tmp/veladesk-bench.XXXXXX)"
# The window remembers its namespace in QSettings: keep the user's settings out of it.
export XDG_CONFIG_HOME="$work/config"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
cleanup() {
  if ((keep == 0)); then
    log "stopping cluster $name"
    bash "$root/tests/cluster/stop.sh" --name "$name" >/dev/null 2>&1 || true
  fi
  # what the measured processes wrote to stderr (window runs: every request with its time),
  # kept to explain an outlier
  [[ -f "$work/stderr.log" ]] && cp "$work/stderr.log" /tmp/veladesk-bench-last-stderr.log
  rm -rf "$work"
}
trap cleanup EXIT

log "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
if ((reuse)); then
  kubeconfig="$VELADESK_CACHE/clusters/$name/kubeconfig"
else
  log "starting cluster $name"
  kubeconfig="$(VELADESK_PODLOGS=0 bash "$root/tests/cluster/start.sh" --name "$name" 2>"$work/start.log" | tail -1)" ||
    { cat "$work/start.log" >&2; exit 1; }
fi
if ((nice_cluster > 0)); then
  log "experiment: the cluster's processes and the benchmark's writers at nice $nice_cluster"
  renice -n "$nice_cluster" -p $(pgrep -f "kwok/clusters/$name/bin/") >/dev/null
  export BENCH_WRITER_NICE="$nice_cluster"
fi
k() { "$kubectl_bin" --kubeconfig "$kubeconfig" "$@"; }
vd() { "$veladesk" --kubeconfig "$kubeconfig" "$@"; }
# Room for the pods on the three KWOK nodes (start.sh gives each 110).
per_node=$(((pods + 2000) / 3 + 1))
for n in $(k get nodes -o name); do
  k patch "$n" --subresource=status --type=merge \
    -p "{\"status\":{\"capacity\":{\"pods\":\"$per_node\"},\"allocatable\":{\"pods\":\"$per_node\"}}}" >/dev/null
done

want() { [[ " $only " == *" $1 "* ]]; }
ns() { k get namespace "$1" >/dev/null 2>&1 || k create namespace "$1" >/dev/null; }
# key=value output of bench_suite
val() { sed -n "s/^$1=//p" "$2" | tail -1; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
# measure LABEL [--quiet] -- CMD...: appends wall/cpu/rss of one run to $work/LABEL.{wall,cpu,rss}
measure() {
  local label="$1"; shift
  "$suite" measure "$@" >"$work/m.out" 2>>"$work/stderr.log"
  if [[ "$(val exit "$work/m.out")" != 0 ]]; then
    echo "run.sh: $label failed: $*" >&2
    return 1
  fi
  val wall_ms "$work/m.out" >>"$work/$label.wall"
  val cpu_ms "$work/m.out" >>"$work/$label.cpu"
  val maxrss_kb "$work/m.out" >>"$work/$label.rss"
}
med() { median <"$work/$1"; }

rows=()
# row NAME TARGET_TEXT FIGURE KUBECTL RATIO OK
row() { rows+=("$(printf '%s\t%s\t%s\t%s\t%s\t%s' "$@")"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN {print (a <= b) ? "yes" : "NO"}'; }

# ---------------------------------------------------------------- apply
if want apply || want cold || want apps; then
log "apply: the reference split in bench-apply (veladesk) and its rendered objects in bench-kubectl (kubectl)"
ns bench-apply
ns bench-kubectl
vd -n bench-apply app apply -f "$ref/01-application-v1.yaml" >/dev/null
vd -n bench-apply app apply -f "$ref/02-application-v2.yaml" >/dev/null
sed 's/weight: 50$/weight: WEIGHT/' "$ref/05-appdeployment-split.yaml" |
  awk '/weight: WEIGHT/ {n++; sub("WEIGHT", n == 1 ? 60 : 40)} {print}' >"$work/split-60-40.yaml"
cp "$ref/05-appdeployment-split.yaml" "$work/split-50-50.yaml"
for w in 50-50 60-40; do
  vd -n bench-kubectl render -f "$ref/01-application-v1.yaml" -f "$ref/02-application-v2.yaml" \
    -f "$work/split-$w.yaml" >"$work/rendered-$w.yaml"
done
log "rendered objects: $(grep -c '^kind:' "$work/rendered-50-50.yaml")"
vd -n bench-apply apply -f "$work/split-50-50.yaml" >"$work/first-apply.log" 2>&1 ||
  { cat "$work/first-apply.log" >&2; exit 1; }
k -n bench-kubectl apply --server-side -f "$work/rendered-50-50.yaml" >/dev/null
k -n bench-kubectl rollout status deployment --timeout=120s >/dev/null 2>&1 || true
fi
if want apply; then
for r in $(seq 1 "$rounds"); do
  if ((r % 2)); then order="v k"; else order="k v"; fi
  for who in $order; do
    if [[ $who == v ]]; then
      measure apply-noop-v --quiet -- "$veladesk" --kubeconfig "$kubeconfig" -n bench-apply apply -f "$work/split-50-50.yaml"
    else
      measure apply-noop-k --quiet -- "$kubectl_bin" --kubeconfig "$kubeconfig" -n bench-kubectl apply --server-side -f "$work/rendered-50-50.yaml"
    fi
  done
  for w in 60-40 50-50; do
    for who in $order; do
      if [[ $who == v ]]; then
        measure apply-change-v --quiet -- "$veladesk" --kubeconfig "$kubeconfig" -n bench-apply apply -f "$work/split-$w.yaml"
      else
        measure apply-change-k --quiet -- "$kubectl_bin" --kubeconfig "$kubeconfig" -n bench-kubectl apply --server-side -f "$work/rendered-$w.yaml"
      fi
    done
  done
done
for kind in noop change; do
  vw=$(med apply-$kind-v.wall); kw=$(med apply-$kind-k.wall)
  vc=$(med apply-$kind-v.cpu); kc=$(med apply-$kind-k.cpu)
  what="apply, reference split, $([[ $kind == noop ]] && echo no-op || echo 'weight change')"
  row "$what: wall ms" "<= 0.35x" "$vw" "$kw" "$(ratio "$vw" "$kw")" "$(le "$(ratio "$vw" "$kw")" 0.35)"
  row "$what: CPU ms" "<= 0.20x" "$vc" "$kc" "$(ratio "$vc" "$kc")" "$(le "$(ratio "$vc" "$kc")" 0.20)"
done
row "apply: peak memory MB (no-op)" "-" "$(awk -v a="$(med apply-noop-v.rss)" 'BEGIN{printf "%.0f", a/1024}')" \
  "$(awk -v a="$(med apply-noop-k.rss)" 'BEGIN{printf "%.0f", a/1024}')" "-" "-"

fi
# ---------------------------------------------------------------- cold start
if want cold; then
log "cold start: veladesk on bench-apply (one application), $rounds rounds"
for r in $(seq 1 "$rounds"); do
  "$suite" cold-start --exe "$veladesk" -- --kubeconfig "$kubeconfig" -n bench-apply >"$work/cs.out" 2>>"$work/stderr.log"
  val window_ms "$work/cs.out" >>"$work/cold-window"
  val first_app_ms "$work/cs.out" >>"$work/cold-app"
done
cw=$(med cold-window); ca=$(med cold-app)
row "cold start to painted window: ms" "<= 150" "$cw" "-" "-" "$(le "$cw" 150)"
row "cold start to first application listed: ms" "-" "$ca" "-" "-" "-"

fi
# ---------------------------------------------------------------- applications
if want apps; then
log "100 Applications, 1,000 ApplicationRevisions in bench-apps"
ns bench-apps
template="$(k -n bench-apply get applicationrevision example-app-v1 -o json)"
app_template="$(k -n bench-apply get application example-app -o json)"
jq -n --argjson app "$app_template" --argjson rev "$template" '
  {apiVersion: "v1", kind: "List", items: [range(100) as $a | ("bench-app-" + ($a | tostring | ("00" + .)[-3:])) as $n |
    ({apiVersion: $app.apiVersion, kind: $app.kind, spec: $app.spec,
      metadata: {name: $n, annotations: $app.metadata.annotations}}),
    (range(1; 11) as $v |
      {apiVersion: $rev.apiVersion, kind: $rev.kind, spec: $rev.spec,
       metadata: {name: ($n + "-v" + ($v | tostring)),
                  labels: {"app.oam.dev/name": $n,
                           "app.oam.dev/app-revision-hash": ("rev" + (($a * 100 + $v) | tostring))}}})]}' \
  >"$work/apps.json"
k -n bench-apps apply --server-side -f "$work/apps.json" >/dev/null
log "bench-apps: $(k -n bench-apps get applications -o name | wc -l) applications, $(k -n bench-apps get applicationrevisions -o name | wc -l) revisions"
for r in $(seq 1 "$rounds"); do
  "$suite" window-apps --kubeconfig "$kubeconfig" -n bench-apps --apps 100 --revisions 1000 >"$work/wa.out" 2>>"$work/stderr.log" ||
    { cat "$work/wa.out" >&2; exit 1; }
  val complete_ms "$work/wa.out" >>"$work/apps-complete"
done
ac=$(med apps-complete)
row "100 apps / 1,000 revisions: panes complete, ms" "<= 500" "$ac" "-" "-" "$(le "$ac" 500)"

fi
# ---------------------------------------------------------------- pods
if want pods || want watch; then
small=$((pods / 10))
log "creating $pods pods in bench-pods and $small in bench-pods-small"
"$suite" create-pods --kubeconfig "$kubeconfig" -n bench-pods --count "$pods" >"$work/cp.out" ||
  { cat "$work/cp.out" >&2; exit 1; }
log "created in $(val create_ms "$work/cp.out") ms"
"$suite" create-pods --kubeconfig "$kubeconfig" -n bench-pods-small --count "$small" >/dev/null
log "waiting until no pod is Pending (KWOK makes them Running, then ready after 2 s)"
for _ in $(seq 1 180); do
  pending=$(k get pods -A --field-selector=status.phase=Pending --no-headers 2>/dev/null | wc -l)
  ((pending == 0)) && break
  sleep 5
done
sleep 5
fi
if want pods; then
log "pods pane vs kubectl get pods (-o json), $rounds rounds"
for r in $(seq 1 "$rounds"); do
  if ((r % 2)); then order="v j t"; else order="t j v"; fi
  for who in $order; do
    case $who in
      v) echo "== pods round $r: window" >>"$work/stderr.log"
         BENCH_VERBOSITY=6 measure pods-v -- "$suite" window-pods --kubeconfig "$kubeconfig" -n bench-pods --expect "$pods"
         # the window's own figures, printed by the measured process
         val stall_max_ms "$work/m.out" >>"$work/pods-list-stall"
         val stall_cpu_max_ms "$work/m.out" >>"$work/pods-list-stall-cpu"
         val rss_mb "$work/m.out" >>"$work/pods-list-rss"
         ;;
      j) measure pods-json --quiet -- "$kubectl_bin" --kubeconfig "$kubeconfig" -n bench-pods get pods -o json ;;
      t) measure pods-table --quiet -- "$kubectl_bin" --kubeconfig "$kubeconfig" -n bench-pods get pods ;;
    esac
  done
done
pv=$(med pods-v.wall); pj=$(med pods-json.wall); pt=$(med pods-table.wall)
row "$pods pods: window start to complete sorted pane vs get -o json, ms" "<= 0.15x" "$pv" "$pj" "$(ratio "$pv" "$pj")" "$(le "$(ratio "$pv" "$pj")" 0.15)"
row "$pods pods: window start to complete sorted pane vs get (table), ms" "<= 0.35x" "$pv" "$pt" "$(ratio "$pv" "$pt")" "$(le "$(ratio "$pv" "$pt")" 0.35)"
ls_=$(med pods-list-stall)
row "$pods pods: longest GUI-thread stall while listing, ms" "<= 16" "$ls_" "-" "-" "$(le "$ls_" 16)"
# What the window's own work takes of a stall: the GUI thread's CPU time in its longest turn (the
# rest of a wall gap is the thread waiting for one of the cores, which the API server, etcd and
# the transport's thread share with it).
row "  the same: most GUI-thread CPU in one gap, ms" "-" "$(med pods-list-stall-cpu)" "-" "-" "-"
lr=$(med pods-list-rss)
row "$pods pods listed (pane just complete): resident memory MB" "<= 150" "$lr" "-" "-" "$(le "$lr" 150)"

fi
if want watch; then
log "watch latency at $small pods"
"$suite" watch-pods --kubeconfig "$kubeconfig" -n bench-pods-small --expect "$small" --samples 200 --events 0 >"$work/ws.out" 2>>"$work/stderr.log"
row "watch event -> row, $small pods: p50 ms" "-" "$(val latency_p50_ms "$work/ws.out")" "-" "-" "-"
row "watch event -> row, $small pods: p99 ms" "<= 50" "$(val latency_p99_ms "$work/ws.out")" "-" "-" "$(le "$(val latency_p99_ms "$work/ws.out")" 50)"
log "watch latency, 20,000 events and the namespace's deletion at $pods pods"
echo "== watch-pods: gaps over 16 ms (wall end, wall, GUI-thread CPU)" >>"$work/stderr.log"
BENCH_STALL_TRACE=1 "$suite" watch-pods --kubeconfig "$kubeconfig" -n bench-pods --expect "$pods" --samples 200 --events 20000 --delete >"$work/wl.out" 2>>"$work/stderr.log"
cat "$work/wl.out" >&2
row "watch event -> row, $pods pods: p50 ms" "-" "$(val latency_p50_ms "$work/wl.out")" "-" "-" "-"
row "watch event -> row, $pods pods: p99 ms" "<= 50" "$(val latency_p99_ms "$work/wl.out")" "-" "-" "$(le "$(val latency_p99_ms "$work/wl.out")" 50)"
rss=$(val rss_mb "$work/wl.out")
row "$pods pods listed and watched: resident memory MB" "<= 150" "$rss" "-" "-" "$(le "$rss" 150)"
es=$(val events_stall_max_ms "$work/wl.out")
row "$pods pods, 20,000 watch events: longest stall ms ($(val events_ms "$work/wl.out") ms)" "<= 16" "$es" "-" "-" "$(le "$es" 16)"
row "  the same: most GUI-thread CPU in one gap, ms" "-" "$(val events_stall_cpu_max_ms "$work/wl.out")" "-" "-" "-"
row "  the longest gap: GUI-thread CPU / waiting for a core, ms" "-" "$(val events_stall_longest_cpu_ms "$work/wl.out") / $(val events_stall_longest_runqueue_ms "$work/wl.out")" "-" "-" "-"
ds=$(val delete_stall_max_ms "$work/wl.out")
row "$pods pods, namespace deleted: longest stall ms ($(val delete_ms "$work/wl.out") ms)" "<= 16" "$ds" "-" "-" "$(le "$ds" 16)"
row "  the same: most GUI-thread CPU in one gap, ms" "-" "$(val delete_stall_cpu_max_ms "$work/wl.out")" "-" "-" "-"
row "  the longest gap: GUI-thread CPU / waiting for a core, ms" "-" "$(val delete_stall_longest_cpu_ms "$work/wl.out") / $(val delete_stall_longest_runqueue_ms "$work/wl.out")" "-" "-" "-"

fi
# ---------------------------------------------------------------- the object tree (issue 15)
# Offline (recorded-shape pods fed to the store): the tree's build time, and the GUI thread's
# longest stall while the Objects dock lists $pods pods and while their watch events arrive.
if want tree; then
  log "object tree: bench_objecttree --pods $pods (offline)"
  QT_QPA_PLATFORM=offscreen "$build/bench/bench_objecttree" --pods "$pods" >"$work/tree.out" 2>>"$work/stderr.log" || true
  tb="$(sed -n 's/.*buildObjectTree min [0-9.]* \/ median \([0-9.]*\) .*/\1/p' "$work/tree.out" | head -1)"
  tl="$(awk '/^2\. Objects pane/{f=1} f && /max [0-9.]+ ms;/{match($0, /max [0-9.]+ ms;/); print substr($0, RSTART+4, RLENGTH-8); exit}' "$work/tree.out")"
  tc="$(awk '/^3\. Objects pane, watch churn/{f=1} f && /max [0-9.]+ ms;/{match($0, /max [0-9.]+ ms;/); print substr($0, RSTART+4, RLENGTH-8); exit}' "$work/tree.out")"
  row "object tree of $pods pods: build, median ms" "-" "${tb:-nan}" "-" "-" "-"
  row "object tree, $pods pods listed: longest GUI-thread stall ms" "<= 16" "${tl:-nan}" "-" "-" "$(le "${tl:-1e9}" 16)"
  row "object tree, $pods pod events: longest GUI-thread stall ms" "<= 16" "${tc:-nan}" "-" "-" "$(le "${tc:-1e9}" 16)"
fi

# ---------------------------------------------------------------- the table
{
  echo
  echo "VelaDesk performance suite: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uptime | sed 's/.*load/load/'), medians of $rounds rounds$( ((nice_cluster > 0)) && echo ", EXPERIMENT: the cluster and the writers at nice $nice_cluster")"
  printf '| %s | %s | %s | %s | %s | %s |\n' benchmark target VelaDesk kubectl ratio met
  printf '|---|---|---|---|---|---|\n'
  for r in "${rows[@]}"; do
    IFS=$'\t' read -r a b c d e f <<<"$r"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$a" "$b" "$c" "$d" "$e" "$f"
  done
}
