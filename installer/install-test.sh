#!/usr/bin/env bash
# Install test: builds both .deb packages, checks them with lintian, installs them into
# a clean Debian 12 root made with mmdebstrap from this machine's Debian sources, and
# inside that root:
#   - checks the system user, the conffile, the data folders and the unit (systemd-analyze verify);
#   - runs storefront-server as the service does (user storefront, its config, its
#     environment, its file-system sandbox) on its local stack until /readyz reports
#     everything up; creates an administrator, signs in over HTTP, creates a product;
#   - upgrades to a newer package: the product is still there and the token issued
#     before the upgrade still works (the shop's data and its signing secret, kept in
#     the database, survived it);
#   - takes a backup of the serving shop (storefront-server backup, as user storefront),
#     has the service take and verify one into backup-dir (its sandbox lets it write there),
#     removes and reinstalls the package, restores the first backup with --replace into the
#     stopped shop and starts it: the backup's data is back, what came after it is gone,
#     the old token still works;
#   - runs the desktop app under QT_QPA_PLATFORM=offscreen until it is up;
#   - purges the server and checks the user, the config and the data are gone.
# Needs root (mmdebstrap, chroot, mounts) and apt access. About 3 minutes once the
# build is done (168 s with an empty apt cache, 166 s with a warm one, on 2 cores), a
# minute more where mmdebstrap and lintian must be installed first.
# ctest runs it in the default suite (test install_test, label install) with
# --skip-unsupported.
#
# Usage: installer/install-test.sh [--keep] [--skip-unsupported]
#   --keep               leave the root in $STOREFRONT_INSTALL_TEST_DIR/root for inspection
#   --skip-unsupported   not root, no mmdebstrap, or no apt access: say so and exit 77
#                        (ctest's SKIP_RETURN_CODE) instead of failing
# Environment:
#   STOREFRONT_INSTALL_TEST_DIR   work folder (default /var/tmp/storefront-install-test)
#   STOREFRONT_INSTALL_TEST_APT_CACHE
#                                 .deb files downloaded for the root, kept between runs
#                                 (default $STOREFRONT_INSTALL_TEST_DIR/apt-cache; what the
#                                 archive no longer has is dropped after each run)
#   STOREFRONT_BUILD_LOCK         lock file held around the build (default
#                                 /tmp/storefront-build.lock; not taken again when a
#                                 caller of this script holds it; empty: no lock)
#   STOREFRONT_APP_READY_PATTERN  the app's log line that means "up" (default: its
#                                 "Set up your shop" page, shown on a new shop after the embedded
#                                 server listens and finds no administrator)
set -euo pipefail
root_src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${STOREFRONT_BUILD_DIR:-$root_src/build}"
work="${STOREFRONT_INSTALL_TEST_DIR:-/var/tmp/storefront-install-test}"
apt_cache="${STOREFRONT_INSTALL_TEST_APT_CACHE:-$work/apt-cache}"
build_lock="${STOREFRONT_BUILD_LOCK-/tmp/storefront-build.lock}"
keep=0
skip_unsupported=0
for arg in "$@"; do
    case "$arg" in
        --keep) keep=1 ;;
        --skip-unsupported) skip_unsupported=1 ;;
        *) echo "usage: installer/install-test.sh [--keep] [--skip-unsupported]" >&2; exit 2 ;;
    esac
done
started=$SECONDS
step() { printf '\n== %s (%ds)\n' "$*" $((SECONDS - started)); }
fail() { echo "install-test: FAILED: $*" >&2; exit 1; }
# What this machine cannot do is a skip under --skip-unsupported, a failure otherwise.
unsupported() {
    if [ "$skip_unsupported" -eq 1 ]; then
        echo "install-test: SKIPPED: $*"
        exit 77
    fi
    fail "$*"
}
# The build lock, unless a caller of this script holds it already (`flock LOCK
# installer/install-test.sh`, or a ctest run under it): waiting for it would never end.
lock_held_by_caller() {
    local inode holders p
    inode="$(stat -c %i "$build_lock" 2>/dev/null)" || return 1
    holders=" $(awk -v i=":$inode" '$2 == "FLOCK" && substr($6, length($6) - length(i) + 1) == i { print $5 }' /proc/locks | tr '\n' ' ')"
    p=$$
    while [ "${p:-0}" -gt 1 ]; do
        [[ "$holders" == *" $p "* ]] && return 0
        p="$(awk '{ print $4 }' "/proc/$p/stat" 2>/dev/null)"
    done
    return 1
}
locked() {
    if [ -z "$build_lock" ] || lock_held_by_caller; then
        "$@"
    else
        flock "$build_lock" "$@"
    fi
}

[ "$(id -u)" -eq 0 ] || unsupported "needs root (mmdebstrap, chroot and mounts); run it as root, as CI does"

step "dependencies"
export DEBIAN_FRONTEND=noninteractive
# apt access: the root is made from this machine's Debian sources.
if ! apt_update="$(timeout 120 apt-get update -qq 2>&1)" || grep -Eq '^(E:|Err:|W: Failed to fetch)' <<<"$apt_update"; then
    unsupported "no apt access to this machine's Debian sources (apt-get update: $(grep -E '^(E:|Err:|W:)' <<<"$apt_update" | head -3))"
fi
"$root_src/installer/install-deps.sh"
for tool in mmdebstrap lintian; do
    if ! command -v "$tool" >/dev/null; then
        echo "install-test: installing $tool"
        apt-get install -y -qq --no-install-recommends "$tool" >/dev/null 2>&1 || true
        command -v "$tool" >/dev/null || unsupported "$tool is not installed and apt-get install $tool failed"
    fi
done

step "build the packages"
# Other builds share this machine's two cores: one build at a time.
if [ ! -f "$build/build.ninja" ]; then
    locked cmake -S "$root_src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
rm -f "$build"/storefront*.deb
locked cmake --build "$build" --parallel "${STOREFRONT_BUILD_JOBS:-2}" --target package >"$build/package.log" 2>&1 \
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
# The root and the packages of the last run go; the apt cache stays.
rm -rf "${work:?}/root" "$work/debs" "$work/upgrade"
mkdir -p "$work/debs" "$work/upgrade" "$apt_cache/partial"
cp "$server_deb" "$app_deb" "$work/debs/"
# The same files under a higher version: what matters is what dpkg and the maintainer
# scripts do on an upgrade (the data and the database's signing secret must survive it).
for deb in "$server_deb" "$app_deb"; do
    unpacked="$work/upgrade/unpacked"
    rm -rf "$unpacked"
    dpkg-deb -R "$deb" "$unpacked"
    sed -i "s/^Version: .*/Version: ${version%-*}-99/" "$unpacked/DEBIAN/control"
    dpkg-deb -b --root-owner-group "$unpacked" "$work/upgrade/" >/dev/null
done
rm -rf "$work/upgrade/unpacked"

step "clean Debian 12 root (mmdebstrap, this machine's Debian sources, apt cache $apt_cache)"
sources=/etc/apt/sources.list.d/debian.sources
[ -f "$sources" ] || sources=/etc/apt/sources.list
chroot_dir="$work/root"
# The apt cache is bind-mounted on the root's /var/cache/apt/archives (unmounted before
# mmdebstrap's clean-up empties that folder), in a private mount namespace so that the
# mount goes with mmdebstrap whatever happens. The package lists stay in the root: its
# apt-get update is then a quick "Hit". force-unsafe-io (kept in the root's dpkg
# config, so for the installs inside too): no fsync per unpacked file, which halves the
# time dpkg takes; nothing checked here depends on it.
unshare --mount --propagation private -- mmdebstrap --quiet --variant=apt --include=systemd \
    --aptopt='Acquire::Check-Valid-Until "false"' --dpkgopt=force-unsafe-io \
    --skip=essential/unlink --skip=cleanup/apt/lists \
    --setup-hook="mkdir -p \"\$1/var/cache/apt/archives\" && mount --bind '$apt_cache' \"\$1/var/cache/apt/archives\"" \
    --customize-hook='umount "$1/var/cache/apt/archives"' \
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
    mount --bind "$3" "$r/var/cache/apt/archives"
    exec chroot "$r" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        STOREFRONT_APP_READY_PATTERN="$2" bash /root/inside.sh' _ "$chroot_dir" \
    "${STOREFRONT_APP_READY_PATTERN:-storefront.ui: owner setup shown}" "$apt_cache"
rc=$?
set -e
# Anything the checks left running in the root (they stop what they start; this is
# for a failure half-way): stop it before the root is removed.
for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$chroot_dir" ] && kill -TERM "${proc#/proc/}" 2>/dev/null || true
done

if [ "$keep" -eq 0 ]; then
    step "remove the root"
    rm -rf "$chroot_dir"
else
    echo "install-test: root kept in $chroot_dir"
fi
[ "$rc" -eq 0 ] || fail "checks inside the root (exit $rc)"
printf '\ninstall-test: PASSED in %ds (packages %s)\n' $((SECONDS - started)) "$version"
