#!/usr/bin/env bash
# kubectl finds the packaged kubectl-veladesk link as a plugin and runs it: with PATH set to the
# extracted package's usr/bin only (test_package.sh made it), `kubectl plugin list` lists it,
# `kubectl veladesk --version` runs the installed veladesk, and arguments pass through
# (`kubectl veladesk render -f ...` prints what `veladesk render -f ...` prints).
# kubectl is the control plane's (tests/cluster/build-control-plane.sh builds it once); without
# it the test is skipped (exit 77), not passed.
#   test_kubectl_plugin.sh ROOT REFERENCE_DIR VERSION
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/../cluster/versions.sh"
root="$1" refdir="$2" version="$3"
fail() { echo "FAIL: $*" >&2; exit 1; }
kubectl="$CP_BIN_DIR/kubectl"
if [[ ! -x "$kubectl" ]]; then
  echo "SKIP: no kubectl at $kubectl (run tests/cluster/build-control-plane.sh)" >&2
  exit 77
fi
bindir="$root/usr/bin"
[[ -L "$bindir/kubectl-veladesk" ]] || fail "no $bindir/kubectl-veladesk (run the package_deb test first)"
k() { env PATH="$bindir" "$kubectl" "$@"; }

list="$(k plugin list 2>&1)" || fail "kubectl plugin list exited $?: $list"
grep -qx "$bindir/kubectl-veladesk" <<<"$list" || fail "kubectl plugin list does not list it: $list"
! grep -qi 'warning' <<<"$list" || fail "kubectl plugin list warns: $list"
echo "ok: kubectl plugin list: $bindir/kubectl-veladesk"

out="$(k veladesk --version)" || fail "kubectl veladesk --version exited $?"
[[ "$out" == "veladesk $version" ]] || fail "kubectl veladesk --version printed '$out'"
echo "ok: kubectl veladesk --version: $out"

files=(-f "$refdir/01-application-v1.yaml" -f "$refdir/02-application-v2.yaml"
       -f "$refdir/05-appdeployment-split.yaml")
via_kubectl="$(k veladesk render "${files[@]}")" || fail "kubectl veladesk render exited $?"
direct="$("$bindir/veladesk" render "${files[@]}")"
grep -q '^kind: VirtualService' <<<"$via_kubectl" || fail "kubectl veladesk render printed no VirtualService"
[[ "$via_kubectl" == "$direct" ]] || fail "kubectl veladesk render differs from veladesk render"
echo "ok: kubectl veladesk render -f ... prints what veladesk render prints"

set +e
err="$(k veladesk no-such-command 2>&1)"
rc=$?
set -e
[[ $rc -eq 2 ]] || fail "kubectl veladesk no-such-command exited $rc (want 2, veladesk's bad-command status): $err"
echo "ok: kubectl passes veladesk's exit status through (2 for an unknown command)"

# kubectl's completion of a plugin runs kubectl_complete-veladesk (installed beside the link).
[[ -x "$bindir/kubectl_complete-veladesk" ]] || fail "no $bindir/kubectl_complete-veladesk"
comp="$(k __complete veladesk ap 2>/dev/null)" || fail "kubectl __complete veladesk ap exited $?"
grep -q $'^apply\t' <<<"$comp" || fail "kubectl __complete veladesk ap does not offer apply: $comp"
echo "ok: kubectl __complete veladesk ap offers apply (through kubectl_complete-veladesk)"
