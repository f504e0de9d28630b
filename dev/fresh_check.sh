#!/usr/bin/env bash
# `make fresh-check`: a new user's first run, as root, on a minimal Debian 12 with only python3, python3-venv,
# python3-pip, make, git and CA certificates: a clean clone of the current commit, then the README's two
# commands (make book, make test), each timed. Not part of `make test` (it takes a while and needs root and
# debootstrap). The Debian root is made anew each run; downloaded .debs are kept in $FRESH_CHECK_DIR/debs.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=${FRESH_CHECK_DIR:-/var/tmp/npm-course-fresh-check}
ROOTFS=$WORK/root
LOG=$WORK/fresh-check.log
PACKAGES=python3,python3-venv,python3-pip,make,git,ca-certificates

die() { echo "fresh-check: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (debootstrap and chroot need it)"
command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install debootstrap"

# The Debian mirror this machine's apt already uses (deb822 or one-line sources), unless DEBIAN_MIRROR is set.
mirror() {
    local uri
    uri=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n1)
    [ -n "$uri" ] || uri=$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
                           | awk '{print $2}' | grep -E '/debian/?$' | head -n1)
    echo "${uri:-http://deb.debian.org/debian}"
}
MIRROR=${DEBIAN_MIRROR:-$(mirror)}

unmount() {
    # Whatever the run left running inside the root (a Jupyter server, a browser) goes first.
    local pid
    for pid in $(ls /proc | grep -E '^[0-9]+$'); do
        [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$ROOTFS" ] && kill -9 "$pid" 2>/dev/null || true
    done
    for mount in dev sys proc; do
        mountpoint -q "$ROOTFS/$mount" && { umount -R "$ROOTFS/$mount" 2>/dev/null || umount -lR "$ROOTFS/$mount"; }
    done
    return 0
}

mkdir -p "$WORK/debs"
unmount
rm -rf "$ROOTFS"
: > "$LOG"
if [ -n "$(git -C "$REPO" status --porcelain)" ]; then
    echo "fresh-check: note: uncommitted changes are not checked, only the commit $(git -C "$REPO" rev-parse --short HEAD)"
fi

echo "fresh-check: debootstrap --variant=minbase bookworm from $MIRROR (log: $LOG)"
started=$SECONDS
debootstrap --variant=minbase --cache-dir="$WORK/debs" --include="$PACKAGES" bookworm "$ROOTFS" "$MIRROR" \
    >>"$LOG" 2>&1 || die "debootstrap failed: see $LOG"
echo "fresh-check: Debian root ready in $((SECONDS - started)) s: $(chroot "$ROOTFS" python3 --version)"

trap unmount EXIT
mount -t proc proc "$ROOTFS/proc"
mount -t sysfs sys "$ROOTFS/sys"
mount --rbind /dev "$ROOTFS/dev"
mount --make-rslave "$ROOTFS/dev"
cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
# Where this machine reaches the network through a proxy that inspects TLS, it trusts the proxy's certificate
# authority (in /usr/local/share/ca-certificates): so must the Debian root, or nothing downloads. Debian's pip
# reads the system's store; Node.js (npm) has its own and needs to be told.
node_ca=()
if [ -n "$(ls -A /usr/local/share/ca-certificates 2>/dev/null)" ]; then
    cp -r /usr/local/share/ca-certificates/. "$ROOTFS/usr/local/share/ca-certificates/"
    chroot "$ROOTFS" update-ca-certificates >>"$LOG" 2>&1
    node_ca=(NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt)
fi

CLONE=/root/npm-course
git clone --quiet "$REPO" "$ROOTFS$CLONE"
git -C "$ROOTFS$CLONE" checkout --quiet --detach "$(git -C "$REPO" rev-parse HEAD)"

# A login shell with a clean environment, as a new user would have.
in_root() {
    chroot "$ROOTFS" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb "${node_ca[@]}" \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -c "cd $CLONE && $1"
}

status=0
for command in "make book" "make test"; do
    output=$WORK/${command// /-}.log
    echo "fresh-check: $command ... (log: $output)"
    started=$SECONDS
    if in_root "$command" >"$output" 2>&1; then result=passed; else result="FAILED (exit $?)"; status=1; fi
    echo "fresh-check: $command $result in $((SECONDS - started)) s"
    grep -E '(passed|failed|error).* in [0-9.]+s' "$output" | tail -n 1 || true
done
exit "$status"
