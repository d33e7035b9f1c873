#!/usr/bin/env bash
# Restarts the kube-apiserver of a local cluster started by start.sh (kwokctl --runtime
# binary), and nothing else: stops the process kwokctl recorded, keeps it down for
# --down-seconds, then starts it again exactly as kwokctl did (same command line,
# environment, working directory and log file), records the new pid where kwokctl keeps
# it (so stop.sh still finds it), and waits until /readyz answers.
#
#   restart-apiserver.sh --name NAME [--down-seconds N] [--grace-seconds N] [--kubeconfig PATH]
#
# The apiserver gets SIGTERM and --grace-seconds (default 3) to finish, then SIGKILL: its
# own graceful shutdown can take a minute, and a crash is what clients must survive anyway.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"

name=veladesk
down=0
grace=3
kubeconfig=""
while (($#)); do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --down-seconds) down="$2"; shift 2 ;;
    --grace-seconds) grace="$2"; shift 2 ;;
    --kubeconfig) kubeconfig="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "restart-apiserver.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
log() { printf '[restart-apiserver %s %s] %s\n' "$name" "$(date +%H:%M:%S.%3N)" "$*" >&2; }

dir="$VELADESK_CACHE/kwok/clusters/$name"
pidfile="$dir/pids/kube-apiserver.pid"
kubeconfig="${kubeconfig:-$dir/kubeconfig.yaml}"
kubeconfig="$(realpath "$kubeconfig")" # the script changes folder below
[[ -f "$pidfile" ]] || { echo "no kube-apiserver pid file for cluster $name ($pidfile)" >&2; exit 1; }
pid="$(cat "$pidfile")"
[[ -r "/proc/$pid/cmdline" ]] || { echo "kube-apiserver (pid $pid) of cluster $name is not running" >&2; exit 1; }

mapfile -d '' cmd <"/proc/$pid/cmdline"
mapfile -d '' environment <"/proc/$pid/environ"
cwd="$(readlink "/proc/$pid/cwd")"
logfile="$(readlink "/proc/$pid/fd/1" || true)"
[[ -n "$logfile" && "$logfile" == /* ]] || logfile="$dir/logs/kube-apiserver.log"

port=""
for arg in "${cmd[@]}"; do
  [[ "$arg" == --secure-port=* ]] && port="${arg#--secure-port=}"
done
[[ -n "$port" ]] || { echo "cannot find --secure-port in the kube-apiserver command line" >&2; exit 1; }

# Running = exists and not a zombie (pid 1 of a container may be slow to reap). A zombie
# leader may still have threads holding the listening socket: the port is checked too.
running() { [[ -r "/proc/$1/stat" ]] && [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]]; }

# Other local clusters pick free ports while they start: hold ours for as long as
# kube-apiserver is down. The holder must listen (a socket only bound would not keep Go
# programs, which set SO_REUSEADDR, off the port); it closes every connection at once, so
# clients see the server drop them.
holdfile="$(mktemp)"
rm -f "$holdfile"
# Perl: perl-base is part of every Debian system.
perl -e '
  use strict;
  use Socket;
  my ($port, $flag) = @ARGV;
  socket(my $s, PF_INET, SOCK_STREAM, 0) or die "socket: $!";
  setsockopt($s, SOL_SOCKET, SO_REUSEADDR, 1) or die "setsockopt: $!";
  my $deadline = time + 120;
  until (bind($s, sockaddr_in($port, inet_aton("127.0.0.1")))) {
    exit 1 if time > $deadline;
    select(undef, undef, undef, 0.005);
  }
  listen($s, 64) or die "listen: $!";
  open(my $f, ">", $flag) or die "$flag: $!";
  print $f "held";
  close $f;
  while (accept(my $c, $s)) { close $c; }
' "$port" "$holdfile" &
holder=$!
trap 'kill "$holder" 2>/dev/null || true; rm -f "$holdfile"' EXIT

log "stopping kube-apiserver (pid $pid)"
kill -TERM "$pid"
for _ in $(seq 1 $((grace * 10))); do
  running "$pid" || break
  sleep 0.1
done
if running "$pid"; then
  log "still running after ${grace} s; killing"
  kill -KILL "$pid" 2>/dev/null || true
fi
for _ in $(seq 1 1200); do
  [[ -f "$holdfile" ]] && break
  kill -0 "$holder" 2>/dev/null || break
  sleep 0.1
done
[[ -f "$holdfile" ]] || { echo "port $port did not become free after stopping kube-apiserver" >&2; exit 1; }
log "stopped; down for ${down} s"
sleep "$down"

kubectl="$CP_BIN_DIR/kubectl"
cd "$cwd"
for attempt in 1 2 3; do
  kill "$holder" 2>/dev/null || true
  wait "$holder" 2>/dev/null || true
  setsid env -i "${environment[@]}" "${cmd[@]}" >>"$logfile" 2>&1 </dev/null &
  newpid=$!
  # No newline: kwokctl parses the file with strconv.Atoi and cannot stop the process otherwise.
  printf '%s' "$newpid" >"$pidfile"
  log "started kube-apiserver (pid $newpid)"
  for _ in $(seq 1 600); do
    if "$kubectl" --kubeconfig "$kubeconfig" get --raw /readyz >/dev/null 2>&1; then
      log "ready"
      exit 0
    fi
    running "$newpid" || break
    sleep 0.1
  done
  log "kube-apiserver did not come up (attempt $attempt); see $logfile"
  kill -KILL "$newpid" 2>/dev/null || true
  sleep 1
done
echo "kube-apiserver of cluster $name did not become ready; see $logfile" >&2
exit 1
