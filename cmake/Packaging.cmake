# Install rules and the Debian package (CPack).
#
# `cmake --install build [--prefix DIR]` puts, under the prefix (GNUInstallDirs):
#   bin/veladesk                                       the executable
#   bin/kubectl-veladesk -> veladesk                   kubectl plugin link (`kubectl veladesk ...`)
#   bin/kubectl_complete-veladesk                      its shell completion (kubectl >= 1.26)
#   share/bash-completion/completions/veladesk         shell completion (`veladesk completion`)
#   share/zsh/vendor-completions/_veladesk
#   share/fish/vendor_completions.d/veladesk.fish
#   share/applications/veladesk.desktop                desktop entry
#   share/icons/hicolor/scalable/apps/veladesk.svg     icon
#   share/metainfo/<VELADESK_APPSTREAM_ID>.metainfo.xml  AppStream metadata, with screenshots
# `cpack -G DEB` (in the build folder) builds veladesk_<version>_<arch>.deb from the same rules;
# its Depends are Debian package names found by dpkg-shlibdeps plus the Qt plugins the GUI loads.
# tests/package checks both.

include(GNUInstallDirs)

# The project has no published home yet: these are placeholders (RFC 2606 reserves
# example.org), valid for the AppStream validator offline. A release sets the real ones with
# -DVELADESK_HOMEPAGE_URL=... -DVELADESK_SCREENSHOT_BASE_URL=... .
set(VELADESK_HOMEPAGE_URL "https://veladesk.example.org/"
    CACHE STRING "Project homepage (AppStream metainfo, Debian Homepage field)")
set(VELADESK_SCREENSHOT_BASE_URL "${VELADESK_HOMEPAGE_URL}docs/screenshots/"
    CACHE STRING "URL under which docs/screenshots/*.png are published (AppStream metainfo)")
set(VELADESK_PACKAGE_CONTACT "VelaDesk maintainers <maintainers@veladesk.example.org>"
    CACHE STRING "Maintainer field of the Debian package")
# AppStream component ID: the homepage's domain reversed. The desktop entry keeps the name
# veladesk.desktop: it is the name Qt announces for the window (Wayland app_id and X11
# WM_CLASS follow the executable's name), so desktops match the window to the entry.
set(VELADESK_APPSTREAM_ID "org.example.veladesk")

# --- metainfo: the screenshots are the table of docs/screenshots/README.md --------------------
set(_shots_readme "${PROJECT_SOURCE_DIR}/docs/screenshots/README.md")
set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
    "${_shots_readme}" "${PROJECT_SOURCE_DIR}/resources/veladesk.metainfo.xml.in")
file(STRINGS "${_shots_readme}" _rows REGEX "^\\| *`[^`/]+\\.png` *\\|")
set(_default_shot "editing-split.png") # the README's picture
set(_default_xml "")
set(_other_xml "")
foreach(_row IN LISTS _rows)
    string(REGEX MATCH "^\\| *`([^`/]+\\.png)` *\\| *(.*[^ |]) *\\|? *$" _m "${_row}")
    set(_file "${CMAKE_MATCH_1}")
    set(_caption "${CMAKE_MATCH_2}")
    if(NOT _file OR NOT EXISTS "${PROJECT_SOURCE_DIR}/docs/screenshots/${_file}")
        message(FATAL_ERROR "docs/screenshots/README.md lists a missing screenshot: ${_row}")
    endif()
    string(REPLACE "`" "" _caption "${_caption}")
    string(SUBSTRING "${_caption}" 0 1 _first)
    string(SUBSTRING "${_caption}" 1 -1 _rest)
    string(TOUPPER "${_first}" _first)
    set(_caption "${_first}${_rest}")
    string(REPLACE "&" "&amp;" _caption "${_caption}")
    string(REPLACE "<" "&lt;" _caption "${_caption}")
    string(REPLACE ">" "&gt;" _caption "${_caption}")
    if(_file STREQUAL _default_shot)
        set(_type " type=\"default\"")
    else()
        set(_type "")
    endif()
    string(CONCAT _xml "    <screenshot${_type}>\n      <caption>${_caption}</caption>\n"
                       "      <image>${VELADESK_SCREENSHOT_BASE_URL}${_file}</image>\n    </screenshot>\n")
    if(_type)
        string(APPEND _default_xml "${_xml}")
    else()
        string(APPEND _other_xml "${_xml}")
    endif()
endforeach()
if(NOT _default_xml)
    message(FATAL_ERROR "docs/screenshots/README.md does not list ${_default_shot}")
endif()
set(VELADESK_METAINFO_SCREENSHOTS "${_default_xml}${_other_xml}")
set(VELADESK_METAINFO_FILE
    "${PROJECT_BINARY_DIR}/resources/${VELADESK_APPSTREAM_ID}.metainfo.xml")
configure_file("${PROJECT_SOURCE_DIR}/resources/veladesk.metainfo.xml.in"
    "${VELADESK_METAINFO_FILE}" @ONLY)

# kubectl finds plugins as executables named kubectl-* on PATH; a relative link keeps the
# installed tree relocatable.
set(_plugin_link "${PROJECT_BINARY_DIR}/resources/kubectl-veladesk")
file(CREATE_LINK veladesk "${_plugin_link}" SYMBOLIC)

install(TARGETS veladesk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS veladesk-gui RUNTIME DESTINATION ${VELADESK_GUI_INSTALL_DIR})
install(PROGRAMS "${_plugin_link}" "${PROJECT_SOURCE_DIR}/resources/kubectl_complete-veladesk"
    DESTINATION ${CMAKE_INSTALL_BINDIR})

# The completion scripts, printed by the built veladesk (`veladesk completion SHELL`).
set(_completion_dir "${PROJECT_BINARY_DIR}/resources/completion")
set(_completion_files "")
foreach(_shell_file bash:veladesk zsh:_veladesk fish:veladesk.fish)
    string(REPLACE ":" ";" _pair "${_shell_file}")
    list(GET _pair 0 _shell)
    list(GET _pair 1 _file)
    add_custom_command(OUTPUT "${_completion_dir}/${_shell}/${_file}"
        COMMAND ${CMAKE_COMMAND} -E make_directory "${_completion_dir}/${_shell}"
        COMMAND sh -c "\"$0\" completion ${_shell} > \"$1\"" $<TARGET_FILE:veladesk>
                "${_completion_dir}/${_shell}/${_file}"
        DEPENDS veladesk
        COMMENT "veladesk completion ${_shell}" VERBATIM)
    list(APPEND _completion_files "${_completion_dir}/${_shell}/${_file}")
endforeach()
add_custom_target(veladesk_completion ALL DEPENDS ${_completion_files})
install(FILES "${_completion_dir}/bash/veladesk"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES "${_completion_dir}/zsh/_veladesk"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES "${_completion_dir}/fish/veladesk.fish"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES "${PROJECT_SOURCE_DIR}/resources/veladesk.desktop"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES "${PROJECT_SOURCE_DIR}/resources/veladesk.svg"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES "${VELADESK_METAINFO_FILE}" DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# --- Debian package ------------------------------------------------------------------------------
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "veladesk")
set(CPACK_PACKAGE_VENDOR "VelaDesk")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${VELADESK_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "canary rollouts of KubeVela applications on Istio")
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "VelaDesk is a desktop tool and a command line (also a kubectl plugin,\n"
    "kubectl veladesk) for rolling out new revisions of a KubeVela Application\n"
    "gradually: it sets the replicas and the Istio traffic weight of each\n"
    "ApplicationRevision, previews the change after a server-side dry-run, and\n"
    "applies it in an order that never routes traffic to pods that are not ready.")
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${VELADESK_HOMEPAGE_URL}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # veladesk_<version>_<arch>.deb
set(CPACK_STRIP_FILES TRUE)             # ship the binary without its debug information
# Library packages from dpkg-shlibdeps (needs dpkg-dev and file), plus what Qt loads as plugins
# at run time, which no ELF dependency shows: the platform plugins (xcb, wayland) and the SVG
# icon engine (the window icon is an SVG). Recommended: a CJK font for the Chinese window
# (the translation is in the binary; without the font its glyphs are boxes) and Qt's own
# translations (the texts of Qt's standard dialogs and buttons).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-wqy-microhei | fonts-noto-cjk, qt6-translations-l10n")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build/" "/build-.*/")
include(CPack)
