#!/bin/sh
# tests/install/run.sh — kcorpus as a dependency: install into a temporary
# DESTDIR, then build examples/clean_figures.c against the installed
# kcorpus.pc with pkg-config alone (shared, run with LD_LIBRARY_PATH; and
# static), run it on the sample article and look for the figure 32900000.
# Usage: sh tests/install/run.sh [BUILD/kcorpus]   (from the repository root)
# Prints "install: N passed, N failed"; exit 1 when something failed.
set -u
KC=${1:-build/kcorpus}
BUILD=$(dirname "$KC")
MAKE=${MAKE:-make}
CC=${CC:-cc}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
PREFIX=/usr
pass=0 fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "install: FAIL: $*" >&2; }
check() { # check NAME COMMAND...: passes when the command succeeds
    name=$1; shift
    if "$@" >/dev/null 2>"$tmp/err"; then ok; else bad "$name"; sed 's/^/    /' "$tmp/err" | head -20 >&2; fi
}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kcorpus-install.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
D=$tmp/root
mkdir -p "$D"

# 1. make install into DESTDIR. Make's own environment (MAKEFLAGS from an
#    outer make) is kept; only PREFIX, DESTDIR and BUILD are set.
if $MAKE --no-print-directory install PREFIX=$PREFIX DESTDIR="$D" BUILD="$BUILD" >"$tmp/install.log" 2>&1; then ok
else bad "make install PREFIX=$PREFIX DESTDIR=... BUILD=$BUILD"; tail -20 "$tmp/install.log" >&2; fi

# 2. the installed files
for f in bin/kcorpus lib/libkcorpus.a lib/libkcorpus.so lib/libkcorpus.so.0 \
         include/kcorpus.h lib/pkgconfig/kcorpus.pc share/man/man1/kcorpus.1; do
    if [ -e "$D$PREFIX/$f" ]; then ok; else bad "not installed: $PREFIX/$f"; fi
done

# 3. kcorpus.pc names the prefix it was installed under (a stale one, from a
#    build configured with another PREFIX, points the compiler elsewhere)
pc=$D$PREFIX/lib/pkgconfig/kcorpus.pc
if grep -qx "prefix=$PREFIX" "$pc" 2>/dev/null; then ok
else bad "kcorpus.pc has '$(grep '^prefix=' "$pc" 2>/dev/null)', expected prefix=$PREFIX (stale $BUILD/kcorpus.pc?)"; fi

# pkg-config sees only the staged tree: its .pc files, paths under DESTDIR
PC() { PKG_CONFIG_PATH="$D$PREFIX/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$D" $PKG_CONFIG "$@"; }

# 4. pkg-config knows it
ver=$(PC --modversion kcorpus 2>/dev/null)
want=$(sed -n 's/^#define KC_VERSION_STRING "\(.*\)"/\1/p' include/kcorpus.h)
if [ -n "$ver" ] && [ "$ver" = "$want" ]; then ok; else bad "pkg-config --modversion kcorpus: '$ver', expected '$want'"; fi
check "pkg-config --cflags/--libs/--static resolve (Requires.private installed?)" \
    PC --exists --print-errors --static kcorpus

# 5. shared build with pkg-config alone, run with LD_LIBRARY_PATH
cflags=$(PC --cflags kcorpus 2>/dev/null)
libs=$(PC --libs kcorpus 2>/dev/null)
check "compile+link examples/clean_figures.c (shared): $CC $cflags ... $libs" \
    $CC -std=c11 -Wall -Wextra -Werror $cflags -o "$tmp/cf_shared" examples/clean_figures.c $libs
if [ -x "$tmp/cf_shared" ]; then
    if LD_LIBRARY_PATH="$D$PREFIX/lib" "$tmp/cf_shared" corpus/kakao_editorial.txt 2022-10-22 >"$tmp/out_shared" 2>"$tmp/err"; then ok
    else bad "clean_figures (shared) exited $?"; head -5 "$tmp/err" >&2; fi
    if LD_LIBRARY_PATH="$D$PREFIX/lib" ldd "$tmp/cf_shared" 2>/dev/null | grep -q "$D$PREFIX/lib/libkcorpus.so"; then ok
    else bad "clean_figures (shared) does not load the staged libkcorpus.so"; fi
    if grep -q '	32900000	' "$tmp/out_shared"; then ok
    else bad "clean_figures (shared): no figure 32900000 in its output"; head -5 "$tmp/out_shared" >&2; fi
else
    bad "clean_figures (shared): not built"; bad "ldd"; bad "figure 32900000 (shared)"
fi

# 6. static libkcorpus: the archive plus the private requirements that
#    pkg-config --static lists (no LD_LIBRARY_PATH needed at run time)
slibs=$(PC --static --libs kcorpus 2>/dev/null)
sdirs=$(PC --libs-only-L kcorpus 2>/dev/null)
check "compile+link examples/clean_figures.c (static libkcorpus): $slibs" \
    $CC -std=c11 -Wall -Wextra -Werror $cflags -o "$tmp/cf_static" examples/clean_figures.c \
    $sdirs -Wl,-Bstatic -lkcorpus -Wl,-Bdynamic $slibs
if [ -x "$tmp/cf_static" ]; then
    if env -u LD_LIBRARY_PATH "$tmp/cf_static" corpus/kakao_editorial.txt 2022-10-22 >"$tmp/out_static" 2>"$tmp/err"; then ok
    else bad "clean_figures (static) exited $?"; head -5 "$tmp/err" >&2; fi
    if ldd "$tmp/cf_static" 2>/dev/null | grep -q libkcorpus; then bad "clean_figures (static) still needs libkcorpus.so"; else ok; fi
    if grep -q '	32900000	' "$tmp/out_static"; then ok
    else bad "clean_figures (static): no figure 32900000 in its output"; fi
else
    bad "clean_figures (static): not built"; bad "static: no libkcorpus.so"; bad "figure 32900000 (static)"
fi

# 7. the installed CLI and man page work
check "installed kcorpus --version" env LD_LIBRARY_PATH="$D$PREFIX/lib" "$D$PREFIX/bin/kcorpus" --version
if command -v man >/dev/null 2>&1; then
    check "installed man page renders without warnings" \
        env MANWIDTH=80 man --warnings "$D$PREFIX/share/man/man1/kcorpus.1"
else
    bad "man not installed (Debian package man-db)"
fi

# 8. uninstall leaves nothing of ours behind
$MAKE --no-print-directory uninstall PREFIX=$PREFIX DESTDIR="$D" BUILD="$BUILD" >/dev/null 2>&1
left=$(find "$D" -type f -o -type l | head -5)
if [ -z "$left" ]; then ok; else bad "make uninstall left: $left"; fi

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
