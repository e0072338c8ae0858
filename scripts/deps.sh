#!/bin/sh
# Install the Debian packages kcorpus needs, or say exactly what to run.
PKGS="build-essential pkg-config python3 libicu-dev icu-devtools libpcre2-dev libutf8proc-dev libcmocka-dev libxxhash-dev libjansson-dev clang libclang-rt-14-dev valgrind jq gnuplot-nox fonts-nanum man-db locales"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "kcorpus: installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends $missing >/dev/null 2>&1 || {
        apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends $missing; } || exit 1
else
    echo "kcorpus: missing build dependencies. Run:" >&2
    echo "  sudo apt-get install -y$missing" >&2
    exit 1
fi
