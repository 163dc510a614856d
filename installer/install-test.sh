#!/usr/bin/env bash
# Install test: builds both .deb packages, checks them with lintian, installs them into
# a clean Debian 12 root made with mmdebstrap from this machine's Debian sources, and
# inside that root:
#   - checks the system user, the conffile, the data folders and the unit (systemd-analyze verify);
#   - runs storefront-server as the service does (user storefront, its config, its
#     environment) on its local stack and waits for /readyz to report everything up;
#   - upgrades to a newer package and checks the data and the token secret survived;
#   - runs the desktop app under QT_QPA_PLATFORM=offscreen until it is up;
#   - purges the server and checks the user, the config and the data are gone.
# Needs root (mmdebstrap, chroot, mounts) and apt access; takes 3-5 minutes.
#
# Usage: installer/install-test.sh [--keep]
#   --keep   leave the root in $STOREFRONT_INSTALL_TEST_DIR/root for inspection
# Environment:
#   STOREFRONT_INSTALL_TEST_DIR   work folder (default /var/tmp/storefront-install-test)
#   STOREFRONT_APP_READY_PATTERN  the app's log line that means "up" (default: its
#                                 "Set up your shop" page, shown on a new shop after the embedded
#                                 server listens and finds no administrator)
set -euo pipefail
root_src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${STOREFRONT_BUILD_DIR:-$root_src/build}"
work="${STOREFRONT_INSTALL_TEST_DIR:-/var/tmp/storefront-install-test}"
keep=0
[ "${1:-}" = "--keep" ] && keep=1
started=$SECONDS
step() { printf '\n== %s (%ds)\n' "$*" $((SECONDS - started)); }
fail() { echo "install-test: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run as root (mmdebstrap, chroot and mounts need it)"

step "dependencies"
"$root_src/installer/install-deps.sh"
for tool in mmdebstrap lintian; do
    if ! command -v "$tool" >/dev/null; then
        echo "install-test: installing $tool"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$tool" >/dev/null
    fi
done

step "build the packages"
# Other builds share this machine's two cores: one build at a time.
if [ ! -f "$build/build.ninja" ]; then
    flock /tmp/storefront-build.lock cmake -S "$root_src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
rm -f "$build"/storefront*.deb
flock /tmp/storefront-build.lock cmake --build "$build" --parallel "${STOREFRONT_BUILD_JOBS:-2}" --target package >"$build/package.log" 2>&1 \
    || { tail -30 "$build/package.log"; fail "cmake --build --target package"; }
server_deb="$(ls "$build"/storefront-server_*.deb)"
app_deb="$(ls "$build"/storefront_*.deb)"
ls -l "$server_deb" "$app_deb"
version="$(dpkg-deb -f "$server_deb" Version)"
# The backend's package is for servers: no widget, chart or OpenGL library may come
# with it. libqt6gui6 is allowed since the catalogue's pictures (issue 16): QImage
# decodes, re-encodes and thumbnails uploads, and it lives in Qt GUI. That pulls Qt
# GUI's own dependencies (libpng, libjpeg, fontconfig, X11 client libraries) onto a
# server, but no display, no platform plugin and no QGuiApplication are needed.
if dpkg-deb -f "$server_deb" Depends | grep -Eq 'libqt6(widgets|charts|opengl)'; then
    fail "storefront-server depends on widget libraries: $(dpkg-deb -f "$server_deb" Depends)"
fi
echo "storefront-server Depends: $(dpkg-deb -f "$server_deb" Depends)"
echo "storefront Depends: $(dpkg-deb -f "$app_deb" Depends)"

step "lintian"
lintian --fail-on error "$server_deb" "$app_deb" \
    || fail "lintian reports errors"
echo "lintian: no errors"

step "packages for the upgrade: $version -> ${version%-*}-99"
rm -rf "$work"
mkdir -p "$work/debs" "$work/upgrade"
cp "$server_deb" "$app_deb" "$work/debs/"
# The same files under a higher version: what matters is what dpkg and the maintainer
# scripts do on an upgrade (the data and the token secret must survive it).
for deb in "$server_deb" "$app_deb"; do
    unpacked="$work/upgrade/unpacked"
    rm -rf "$unpacked"
    dpkg-deb -R "$deb" "$unpacked"
    sed -i "s/^Version: .*/Version: ${version%-*}-99/" "$unpacked/DEBIAN/control"
    dpkg-deb -b --root-owner-group "$unpacked" "$work/upgrade/" >/dev/null
done
rm -rf "$work/upgrade/unpacked"

step "clean Debian 12 root (mmdebstrap, this machine's Debian sources)"
sources=/etc/apt/sources.list.d/debian.sources
[ -f "$sources" ] || sources=/etc/apt/sources.list
chroot_dir="$work/root"
mmdebstrap --quiet --variant=apt --include=systemd --aptopt='Acquire::Check-Valid-Until "false"' \
    bookworm "$chroot_dir" "$sources" >"$work/mmdebstrap.log" 2>&1 \
    || { tail -30 "$work/mmdebstrap.log"; fail mmdebstrap; }
# What the Debian installer writes and mmdebstrap does not: mariadb-install-db refuses
# to run when the host name does not resolve.
printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n' "$(hostname)" >"$chroot_dir/etc/hosts"
# No init system runs in the root: packages must not try to start their services.
printf '#!/bin/sh\nexit 101\n' >"$chroot_dir/usr/sbin/policy-rc.d"
chmod 755 "$chroot_dir/usr/sbin/policy-rc.d"
cp -r "$work/debs" "$work/upgrade" "$chroot_dir/root/"
cp "$root_src/installer/install-test-inside.sh" "$chroot_dir/root/inside.sh"

step "inside the root"
# Private mount namespace: the mounts vanish with the last process in it, even on failure.
set +e
unshare --mount --propagation private -- bash -c '
    set -e
    r="$1"
    mount -t proc proc "$r/proc"
    mount -t sysfs sysfs "$r/sys"
    mount --rbind /dev "$r/dev"
    mount -t tmpfs tmpfs "$r/tmp"
    mount -t tmpfs tmpfs "$r/run"
    exec chroot "$r" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        STOREFRONT_APP_READY_PATTERN="$2" bash /root/inside.sh' _ "$chroot_dir" \
    "${STOREFRONT_APP_READY_PATTERN:-storefront.ui: owner setup shown}"
rc=$?
set -e
# Anything the checks left running in the root (they stop what they start; this is
# for a failure half-way): stop it before the root is removed.
for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$chroot_dir" ] && kill -TERM "${proc#/proc/}" 2>/dev/null || true
done

if [ "$keep" -eq 0 ]; then
    rm -rf "$chroot_dir"
else
    echo "install-test: root kept in $chroot_dir"
fi
[ "$rc" -eq 0 ] || fail "checks inside the root (exit $rc)"
printf '\ninstall-test: PASSED in %ds (packages %s)\n' $((SECONDS - started)) "$version"
