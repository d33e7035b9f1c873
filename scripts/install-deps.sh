#!/usr/bin/env bash
# Installs what VelaDesk needs from Debian's packages (only what is missing).
# Go (>= 1.24) must already be on the machine: it builds the local control plane.
# qt6-qpa-plugins, libqt6svg6: Qt's platform and SVG icon plugins (the window, its icon).
# dpkg-dev, file: CPack's dpkg-shlibdeps step. desktop-file-utils, appstream: the package
# test's validators. openssl: tst_rollout_probe's TLS server (openssl s_server).
# bsdutils (script), zsh, fish: the shell completion and terminal tests.
# qt6-l10n-tools, qt6-tools-dev: lupdate/lrelease and their CMake functions (the translations);
# qt6-translations-l10n: Qt's own translations (qtbase_zh_CN.qm); fonts-wqy-microhei: a CJK
# font for the zh_CN window (5 MB installed, against 91 MB for fonts-noto-cjk).
set -euo pipefail
pkgs=(cmake ninja-build g++ pkg-config git
      qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev libgl-dev fonts-dejavu-core
      libyaml-cpp-dev libcurl4-openssl-dev curl libdtl-dev clang-14 libclang-rt-14-dev
      xvfb xauth imagemagick clang-format ccache
      qt6-qpa-plugins libqt6svg6 dpkg-dev file desktop-file-utils appstream openssl
      bsdutils zsh fish
      qt6-l10n-tools qt6-tools-dev qt6-translations-l10n fonts-wqy-microhei)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "[deps] installing: ${missing[*]}" >&2
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
else
  echo "[deps] all Debian packages present" >&2
fi
if ! command -v go >/dev/null; then
  echo "[deps] Go >= 1.24 is required to build the local Kubernetes control plane (not found on PATH)" >&2
  exit 1
fi
