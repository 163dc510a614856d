# Install rules and CPack (DEB) for the two packages:
#   storefront-server  the backend and its systemd service; no widget libraries (Qt GUI
#                      only for QImage: product pictures, no display needed)
#   storefront         the desktop app, which embeds the server
# `cmake --build build --target package` writes both .deb files into build/.

include(GNUInstallDirs)

set(STOREFRONT_PKG_DIR ${PROJECT_SOURCE_DIR}/installer/debian)
set(STOREFRONT_PKG_GEN ${PROJECT_BINARY_DIR}/packaging)
set(STOREFRONT_DEB_REVISION 1 CACHE STRING "Debian revision appended to the project version")
set(STOREFRONT_DEB_VERSION ${PROJECT_VERSION}-${STOREFRONT_DEB_REVISION})
set(STOREFRONT_MAINTAINER "Storefront maintainers <packaging@storefront.invalid>")
# Honours SOURCE_DATE_EPOCH, so a reproducible build gets the same changelog.
string(TIMESTAMP STOREFRONT_DEB_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
string(TIMESTAMP STOREFRONT_RELEASE_DATE "%Y-%m-%d" UTC)
file(MAKE_DIRECTORY ${STOREFRONT_PKG_GEN})

# Debian wants a copyright file and a gzipped changelog in each package's doc folder.
function(storefront_package_docs component package)
    set(CPACK_DEBIAN_PACKAGE_NAME ${package})
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${STOREFRONT_MAINTAINER})
    configure_file(${STOREFRONT_PKG_DIR}/changelog.in ${STOREFRONT_PKG_GEN}/${package}/changelog.Debian @ONLY)
    # -n: no name or time in the gzip header, so the file is reproducible.
    execute_process(COMMAND gzip -9nf ${STOREFRONT_PKG_GEN}/${package}/changelog.Debian)
    install(FILES ${STOREFRONT_PKG_DIR}/copyright ${STOREFRONT_PKG_GEN}/${package}/changelog.Debian.gz
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endfunction()

# --- storefront-server ---------------------------------------------------------------
install(TARGETS storefront-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
# Absolute destinations: Debian puts units in /lib/systemd/system (bookworm) and the
# config in /etc whatever the install prefix is.
install(FILES ${STOREFRONT_PKG_DIR}/storefront-server.service DESTINATION /lib/systemd/system COMPONENT server)
install(FILES ${STOREFRONT_PKG_DIR}/storefront.ini DESTINATION /etc/storefront COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/storefront-server COMPONENT server)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/installer/monitoring/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/storefront-server/examples/monitoring COMPONENT server)
foreach(page storefront-server.1)
    execute_process(COMMAND gzip -9nc ${STOREFRONT_PKG_DIR}/${page} OUTPUT_FILE ${STOREFRONT_PKG_GEN}/${page}.gz)
    install(FILES ${STOREFRONT_PKG_GEN}/${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT server)
endforeach()
storefront_package_docs(server storefront-server)

# --- storefront (desktop) ------------------------------------------------------------
if(STOREFRONT_BUILD_GUI)
    install(TARGETS storefront RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT app)
    set(STOREFRONT_APP_ID org.storefront.Storefront)
    install(FILES ${PROJECT_SOURCE_DIR}/installer/desktop/${STOREFRONT_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT app)
    configure_file(${PROJECT_SOURCE_DIR}/installer/desktop/${STOREFRONT_APP_ID}.metainfo.xml
                   ${STOREFRONT_PKG_GEN}/${STOREFRONT_APP_ID}.metainfo.xml @ONLY)
    install(FILES ${STOREFRONT_PKG_GEN}/${STOREFRONT_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT app)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/${STOREFRONT_APP_ID}.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT app)
    foreach(size 16 22 24 32 48 64 128 256)
        install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/${STOREFRONT_APP_ID}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps COMPONENT app)
    endforeach()
    execute_process(COMMAND gzip -9nc ${STOREFRONT_PKG_DIR}/storefront.1 OUTPUT_FILE ${STOREFRONT_PKG_GEN}/storefront.1.gz)
    install(FILES ${STOREFRONT_PKG_GEN}/storefront.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT app)
    storefront_package_docs(app storefront)
endif()

# --- CPack ---------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME storefront)
set(CPACK_PACKAGE_VENDOR "Storefront")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${STOREFRONT_MAINTAINER})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING IGNORE)
set(CPACK_COMPONENTS_ALL server)
if(STOREFRONT_BUILD_GUI)
    list(APPEND CPACK_COMPONENTS_ALL app)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Each package's own first description line is its synopsis. CPack 3.25 would put the
# project's description above it unless the summary is left at CPack's default.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_DEBIAN_PACKAGE_RELEASE ${STOREFRONT_DEB_REVISION})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${STOREFRONT_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://storefront.invalid/")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Runtime needs no linker sees: the programs the embedded local stack starts (only
# when no external services are configured). MariaDB Connector/C is linked, so
# shlibdeps finds it.
set(STOREFRONT_DEB_RECOMMENDS "mariadb-server, redis-server")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME storefront-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
# mariadb-client: mariadb-dump and mariadb, which `storefront-server backup` and
# `restore` run, for a local stack and an external MySQL alike.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, mariadb-client")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS ${STOREFRONT_DEB_RECOMMENDS})
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS prometheus)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${STOREFRONT_PKG_DIR}/server/conffiles ${STOREFRONT_PKG_DIR}/server/postinst
    ${STOREFRONT_PKG_DIR}/server/prerm ${STOREFRONT_PKG_DIR}/server/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_SERVER_DESCRIPTION "shop backend: the Storefront HTTP API
The Storefront backend serves the shop's HTTP API: wallet, catalogue,
first-come coupons, orders paid from the balance, top products and the
admin dashboard, on MySQL, Redis and Kafka with a transactional outbox.

The package runs it as the storefront-server systemd service under its own
user. With no external services configured it starts a private MariaDB,
Redis and Kafka mock with its data under /var/lib/storefront. Metrics for
Prometheus, alert rules and a Grafana dashboard are included.")

set(CPACK_DEBIAN_APP_PACKAGE_NAME storefront)
set(CPACK_DEBIAN_APP_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS "qt6-qpa-plugins")
# mariadb-client: the embedded shop's backups (mariadb-dump, mariadb).
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS "${STOREFRONT_DEB_RECOMMENDS}, mariadb-client")
# The window in Korean: Qt's own words (qtbase_ko.qm, its dialogs' buttons) and Hangul glyphs.
string(APPEND CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS ", qt6-translations-l10n, fonts-noto-cjk")
set(CPACK_DEBIAN_APP_DESCRIPTION "desktop shop for shoppers and admins
Storefront is a desktop shop for shoppers and admins: browse the catalogue,
charge the wallet, claim coupons, pay for orders, and manage products,
coupons and sales.

It runs its own embedded server on a private MariaDB, Redis and Kafka mock
in the user's data folder, or connects to a storefront-server elsewhere.")

include(CPack)
