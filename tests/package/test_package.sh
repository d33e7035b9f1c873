#!/usr/bin/env bash
# Builds the Debian package with CPack from the built tree (nothing is recompiled), extracts it
# into a scratch root and checks it as a user's machine would see it:
#  - control fields; every Depends clause is a Debian package installed here at a version that
#    satisfies it, and every library the binary links is covered by one (dpkg -S);
#  - the files are where GNUInstallDirs puts them, owned by root, nothing outside /usr;
#  - the installed `veladesk --version` (and the kubectl-veladesk link) runs from the extracted
#    tree with LD_LIBRARY_PATH untouched, and an offline `render` prints what the build's
#    binary prints; the installed GUI starts under Xvfb with its icon (gui_start.sh);
#  - desktop-file-validate and appstreamcli validate / validate-tree (offline, strict) pass; the
#    desktop entry's Exec and Icon resolve inside the tree; the metainfo lists every screenshot
#    in docs/screenshots and only those.
# The extracted tree stays in WORKDIR/root for test_kubectl_plugin.sh. $CPACK: cpack to use.
#   test_package.sh BUILD_DIR SOURCE_DIR REFERENCE_DIR VERSION APPSTREAM_ID BUILT_BINARY WORKDIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$1" src="$2" refdir="$3" version="$4" appid="$5" built="$6" work="$7"
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

rm -rf "$work"
mkdir -p "$work/out"
(cd "$build" && "${CPACK:-cpack}" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out") >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
arch="$(dpkg --print-architecture)"
deb="$work/out/veladesk_${version}_${arch}.deb"
[[ -f "$deb" ]] || { ls -l "$work/out" >&2; fail "cpack made no $deb"; }
ok "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# --- control fields -----------------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[[ "$(field Package)" == veladesk ]] || fail "Package is '$(field Package)'"
[[ "$(field Version)" == "$version" ]] || fail "Version is '$(field Version)', not $version"
[[ "$(field Architecture)" == "$arch" ]] || fail "Architecture is '$(field Architecture)'"
for f in Maintainer Description Section Homepage; do
  [[ -n "$(field "$f")" ]] || fail "control field $f is empty"
done
depends="$(field Depends)"
[[ -n "$depends" ]] || fail "Depends is empty"
ok "control: veladesk $version $arch; Depends: $depends"

# Each clause "a (>= 1) | b" must be satisfied by a package installed here: that proves the
# names are Debian's (the binary runs here, so its libraries' packages are installed).
declare -A declared=()
IFS=',' read -ra clauses <<<"$depends"
for clause in "${clauses[@]}"; do
  satisfied=""
  IFS='|' read -ra alts <<<"$clause"
  for alt in "${alts[@]}"; do
    [[ "$alt" =~ ^[[:space:]]*([a-z0-9][a-z0-9.+-]+)(:[a-z0-9]+)?[[:space:]]*(\(([<>=]+)[[:space:]]*([^\)]+)\))?[[:space:]]*$ ]] ||
      fail "Depends clause '$alt' is not of Debian's form"
    name="${BASH_REMATCH[1]}" op="${BASH_REMATCH[4]}" want="${BASH_REMATCH[5]}"
    declared[$name]=1
    have="$(dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null || true)"
    [[ "$have" == "install ok installed "* ]] || continue
    have="${have#install ok installed }"
    if [[ -z "$op" ]] || dpkg --compare-versions "$have" "$op" "$want"; then
      satisfied="$name $have"
      break
    fi
  done
  [[ -n "$satisfied" ]] || fail "Depends clause '$clause' is satisfied by no installed Debian package"
done
ok "every Depends clause is satisfied by an installed Debian package (${#clauses[@]} clauses)"

# --- the files ----------------------------------------------------------------------------------
listing="$(dpkg-deb -c "$deb")"
outside="$(awk '{print $6}' <<<"$listing" | grep -v '^\./usr/' | grep -vx '\./' || true)"
[[ -z "$outside" ]] || fail "files outside /usr: $outside"
owners="$(awk '{print $2}' <<<"$listing" | sort -u)"
[[ "$owners" == root/root ]] || fail "files not owned by root/root: $owners"
root="$work/root"
dpkg-deb -x "$deb" "$root"
bin="$root/usr/bin/veladesk"
desktop="$root/usr/share/applications/veladesk.desktop"
icon="$root/usr/share/icons/hicolor/scalable/apps/veladesk.svg"
metainfo="$root/usr/share/metainfo/$appid.metainfo.xml"
[[ -f "$bin" && -x "$bin" ]] || fail "no executable usr/bin/veladesk"
[[ -L "$root/usr/bin/kubectl-veladesk" && "$(readlink "$root/usr/bin/kubectl-veladesk")" == veladesk ]] ||
  fail "usr/bin/kubectl-veladesk is not a relative link to veladesk"
for f in "$desktop" "$icon" "$metainfo"; do [[ -f "$f" ]] || fail "missing ${f#"$root"/}"; done
[[ "$(file -b --mime-type "$icon")" == image/svg+xml ]] || fail "the icon is not an SVG"
for f in usr/share/bash-completion/completions/veladesk usr/share/zsh/vendor-completions/_veladesk \
         usr/share/fish/vendor_completions.d/veladesk.fish; do
  grep -q '__complete' "$root/$f" || fail "no completion script $f"
done
bash -n "$root/usr/share/bash-completion/completions/veladesk" || fail "bash completion does not parse"
ok "files: $(cd "$root" && find . ! -type d | sort | tr '\n' ' ')"

# --- the binary runs from the extracted tree ----------------------------------------------------
if readelf -d "$bin" | grep -qE 'R(UN)?PATH'; then
  fail "the installed binary carries an RPATH: $(readelf -d "$bin" | grep -E 'R(UN)?PATH')"
fi
missing_libs="$(ldd "$bin" | grep 'not found' || true)"
[[ -z "$missing_libs" ]] || fail "libraries not found: $missing_libs"
out="$("$bin" --version)" || fail "installed veladesk --version exited $?"
[[ "$out" == "veladesk $version" ]] || fail "installed veladesk --version printed '$out'"
ok "installed usr/bin/veladesk --version: $out"
out="$("$root/usr/bin/kubectl-veladesk" --version)" || fail "kubectl-veladesk --version exited $?"
[[ "$out" == "veladesk $version" ]] || fail "kubectl-veladesk --version printed '$out'"
ok "installed usr/bin/kubectl-veladesk --version: $out"
files=(-f "$refdir/01-application-v1.yaml" -f "$refdir/02-application-v2.yaml"
       -f "$refdir/05-appdeployment-split.yaml")
"$bin" render "${files[@]}" >"$work/render-installed.yaml" || fail "installed veladesk render failed"
"$built" render "${files[@]}" >"$work/render-built.yaml" || fail "built veladesk render failed"
grep -q '^kind: VirtualService' "$work/render-installed.yaml" || fail "render printed no VirtualService"
cmp -s "$work/render-installed.yaml" "$work/render-built.yaml" ||
  fail "installed and built veladesk render differently"
ok "installed veladesk render prints what the built one prints ($(grep -c '^kind:' "$work/render-installed.yaml") objects)"

# Every library the binary links directly comes from a package named in Depends.
while read -r lib; do
  path="$(ldd "$bin" | awk -v l="$lib" '$1 == l && $3 ~ /^\// {print $3}')"
  [[ "$lib" == ld-linux* ]] && path="$(ldd "$bin" | awk -v l="$lib" 'index($1, l) {print $1}')"
  [[ -n "$path" ]] || fail "cannot resolve $lib"
  real="$(readlink -f "$path")"
  owner=""
  for p in "$path" "$real" "${path#/usr}" "/usr${path#/usr}" "${real#/usr}"; do
    owner="$(dpkg -S "$p" 2>/dev/null | head -1 | cut -d: -f1)" && [[ -n "$owner" ]] && break
  done
  [[ -n "$owner" ]] || fail "no Debian package owns $path ($lib)"
  [[ -n "${declared[$owner]:-}" ]] || fail "$lib comes from $owner, which Depends does not name"
done < <(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
ok "each library veladesk links is from a package in Depends"

# --- desktop entry and AppStream metadata -------------------------------------------------------
report="$(desktop-file-validate "$desktop" 2>&1)" || fail "desktop-file-validate: $report"
! grep -qiE 'error|warning' <<<"$report" || fail "desktop-file-validate: $report"
ok "desktop-file-validate ${desktop#"$root"/}${report:+ ($report)}"
exec_cmd="$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")"
[[ -x "$root/usr/bin/$exec_cmd" ]] || fail "desktop Exec=$exec_cmd is not in usr/bin"
icon_name="$(sed -n 's/^Icon=//p' "$desktop")"
[[ "$root/usr/share/icons/hicolor/scalable/apps/$icon_name.svg" == "$icon" ]] ||
  fail "desktop Icon=$icon_name is not the installed hicolor icon"
wmclass="$(sed -n 's/^StartupWMClass=//p' "$desktop")"
xvfb-run -a -s "-screen 0 1280x800x24" bash "$here/gui_start.sh" "$bin" "$wmclass" "$work/gui" ||
  fail "the installed GUI does not start cleanly on X11"
appstreamcli validate --no-net --strict "$metainfo" || fail "appstreamcli validate ${metainfo#"$root"/}"
appstreamcli validate-tree --no-net --strict "$root" || fail "appstreamcli validate-tree (desktop entry vs metainfo)"
ok "appstreamcli validate and validate-tree (offline, strict)"
grep -q "<id>$appid</id>" "$metainfo" || fail "metainfo id is not $appid"
listed="$(sed -n 's|.*<image>.*/\([^/<]*\)</image>.*|\1|p' "$metainfo" | sort)"
present="$(cd "$src/docs/screenshots" && ls -1 -- *.png | sort)"
[[ "$listed" == "$present" ]] ||
  fail "metainfo screenshots differ from docs/screenshots (list them in docs/screenshots/README.md and reconfigure): $(diff <(echo "$listed") <(echo "$present") | grep '^[<>]' | tr '\n' ' ')"
grep -q '<screenshot type="default">' "$metainfo" || fail "metainfo has no default screenshot"
ok "metainfo lists the $(wc -l <<<"$listed") screenshots of docs/screenshots"
echo "package test passed: $deb"
