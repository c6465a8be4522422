# CPack: `cmake --build BUILD --target package` (or `cpack -G DEB` in BUILD) packs what the
# install() rules install. The .deb is built and checked here (tests/packaging/tst_package);
# the NSIS (Windows) and DragNDrop (macOS) settings below are by design and UNTESTED here:
# this machine can build neither, and both also need the Qt runtime deployed next to the
# executable (windeployqt / macdeployqt) before CPack runs.

set(CPACK_PACKAGE_NAME foxreload)
set(CPACK_PACKAGE_VENDOR "FoxReload maintainers")
set(CPACK_PACKAGE_CONTACT "FoxReload maintainers <maintainers@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY FoxReload)
set(CPACK_PACKAGE_EXECUTABLES foxreload FoxReload)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/node_modules/" "__pycache__")

if(WIN32)
    set(CPACK_GENERATOR NSIS)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB)
endif()

# --- Debian -----------------------------------------------------------------------------
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # foxreload_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${PROJECT_DESCRIPTION}
 FoxReload watches the source tree of a Model Context Protocol (MCP) server and
 reloads the server the moment a relevant file changes: a hot reload, a service
 restart or a full restart, as the changed file asks. MCP clients stay connected
 across restarts (foxreload proxy). The desktop app lives in the tray and shows a
 dashboard of reload history; the headless CLI needs no display.")
# The history database needs Qt's SQLite driver, a plugin no library links against, so
# dpkg-shlibdeps cannot see it: it is named here. The rest comes from the ELF files.
set(foxreload_deb_depends "libqt6sql6-sqlite")
find_program(FOXRELOAD_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(FOXRELOAD_DPKG_SHLIBDEPS)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
    # Without dpkg-shlibdeps (not a Debian-like machine): the libraries of Debian 12 by name.
    string(APPEND foxreload_deb_depends
        ", libqt6core6 (>= 6.4), libqt6network6 (>= 6.4), libqt6httpserver6 (>= 6.4), libqt6sql6 (>= 6.4), libyaml-cpp0.7, libyaml-0-2")
    if(FOXRELOAD_BUILD_GUI)
        string(APPEND foxreload_deb_depends
            ", libqt6gui6 (>= 6.4), libqt6widgets6 (>= 6.4), libqt6charts6 (>= 6.4), libqt6svg6 (>= 6.4), libqt6dbus6 (>= 6.4)")
    endif()
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${foxreload_deb_depends}")
# The desktop app is fine without these; they make it look native, let the example server run and
# keep the history on a shared PostgreSQL server (the QPSQL driver).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3, qt6-gtk-platformtheme, libqt6sql6-psql")

# --- Windows: NSIS (untested here) --------------------------------------------------------
set(CPACK_NSIS_PACKAGE_NAME FoxReload)
set(CPACK_NSIS_DISPLAY_NAME FoxReload)
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\foxreload.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH ON) # `foxreload proxy` is what MCP clients launch: it belongs on PATH
set(CPACK_NSIS_CREATE_ICONS_EXTRA
    "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\FoxReload.lnk' '$INSTDIR\\\\bin\\\\foxreload.exe'")
set(CPACK_NSIS_DELETE_ICONS_EXTRA "Delete '$SMPROGRAMS\\\\$START_MENU\\\\FoxReload.lnk'")

# --- macOS: DragNDrop disk image (untested here) -----------------------------------------
set(CPACK_DMG_VOLUME_NAME FoxReload)
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_BUNDLE_NAME FoxReload)

include(CPack)
