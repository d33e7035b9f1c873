#!/usr/bin/env bash
# Run under xvfb-run by test_package.sh: starts the installed GUI on a real X server (xcb, as a
# desktop would) with a kubeconfig that does not exist, waits for its main window, and checks
# what the desktop sees: WM_CLASS matches the desktop entry's StartupWMClass, the window has
# an icon (_NET_WM_ICON), and Qt printed no warning (missing plugin, resource or icon).
#   gui_start.sh BINARY STARTUP_WM_CLASS SCRATCH_DIR
set -euo pipefail
bin="$1" wmclass="$2" scratch="$3"
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$scratch/home" "$scratch/runtime"
chmod 700 "$scratch/runtime"
env -u QT_QPA_PLATFORM HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" \
  XDG_RUNTIME_DIR="$scratch/runtime" "$bin" --kubeconfig "$scratch/no-such-kubeconfig" \
  2>"$scratch/gui.err" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
win=""
for _ in $(seq 1 150); do
  kill -0 "$pid" 2>/dev/null || fail "the GUI exited at start: $(cat "$scratch/gui.err")"
  win="$(xwininfo -root -tree | awk '$2 == "\"VelaDesk\":" {print $1; exit}')"
  [[ -n "$win" ]] && break
  sleep 0.1
done
[[ -n "$win" ]] || fail "no VelaDesk window within 15 s: $(cat "$scratch/gui.err")"
# The icon is set while the window finishes mapping: a loaded machine may take a while, so
# wait for it (up to 15 s) instead of looking once after a fixed pause.
icon=""
for _ in $(seq 1 150); do
  if xprop -id "$win" _NET_WM_ICON 2>/dev/null | grep -q 'Icon ('; then icon=yes; break; fi
  sleep 0.1
done
[[ -n "$icon" ]] || fail "the window has no icon (_NET_WM_ICON) within 15 s"
class="$(xprop -id "$win" WM_CLASS)"
[[ "$class" == "WM_CLASS(STRING) = \"$wmclass\", \"$wmclass\"" ]] ||
  fail "window $class does not match the desktop entry's StartupWMClass=$wmclass"
kill -0 "$pid" 2>/dev/null || fail "the GUI exited: $(cat "$scratch/gui.err")"
if grep -E '^qt\.|Cannot|Could not|Failed to' "$scratch/gui.err"; then
  fail "Qt warned while starting the installed GUI (above)"
fi
echo "ok: the installed GUI starts on X11: window $win, $class, with an icon, no Qt warning"
