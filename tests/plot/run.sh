#!/bin/sh
# tests/plot/run.sh — renders the seed article's DAU chart and checks it:
# PNG signature, size, dimensions, the chart's content (via --script: three
# dated points and one baseline band for 카카오톡), atomic output, and the
# exit statuses (missing gnuplot, bad CSV, unwritable output).
# Usage: sh tests/plot/run.sh [BUILD/kcorpus]   (from the repository root)
# Prints "plot: N passed, N failed"; exit 1 when something failed.
set -u
KC=${1:-build/kcorpus}
pass=0 fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "plot: FAIL: $*" >&2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kcorpus-plot.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# PNG facts with od only: signature, IHDR width and height (big-endian)
png_sig() { [ "$(od -An -tx1 -N8 "$1" 2>/dev/null | tr -d ' \n')" = 89504e470d0a1a0a ]; }
png_u32() { od -An -tu1 -j"$2" -N4 "$1" | awk '{ print (($1 * 256 + $2) * 256 + $3) * 256 + $4 }'; }
png_dims() { echo "$(png_u32 "$1" 16)x$(png_u32 "$1" 20)"; }

# 1. the metrics
if "$KC" metrics --metric DAU corpus/kakao_editorial.txt >"$tmp/m.csv" 2>"$tmp/err"; then ok
else bad "kcorpus metrics exited $?"; head -3 "$tmp/err" >&2; fi
rows=$(($(wc -l <"$tmp/m.csv") - 1))
if [ "$rows" -ge 1 ]; then ok; else bad "no DAU rows in the metrics CSV"; fi

# 2. the chart
have_gnuplot=1
command -v "${KCORPUS_GNUPLOT:-gnuplot}" >/dev/null 2>&1 || { have_gnuplot=0; bad "gnuplot not installed (Debian package gnuplot-nox)"; }
if "$KC" plot --metric DAU "$tmp/m.csv" -o "$tmp/dau.png" 2>"$tmp/err"; then ok
else bad "kcorpus plot exited $?"; head -5 "$tmp/err" >&2; fi
if [ -f "$tmp/dau.png" ] && png_sig "$tmp/dau.png"; then ok; else bad "dau.png is not a PNG"; fi
size=$(wc -c <"$tmp/dau.png" 2>/dev/null || echo 0)
if [ "$size" -gt 5120 ]; then ok; else bad "dau.png is $size bytes (want > 5 KB)"; fi
if [ -f "$tmp/dau.png" ] && [ "$(png_dims "$tmp/dau.png")" = 960x540 ]; then ok
else bad "dau.png is $(png_dims "$tmp/dau.png" 2>/dev/null), want the default 960x540"; fi
"$KC" plot --quiet --metric DAU --size 640x360 "$tmp/m.csv" -o "$tmp/small.png" 2>/dev/null
if [ -f "$tmp/small.png" ] && [ "$(png_dims "$tmp/small.png")" = 640x360 ]; then ok; else bad "--size 640x360 not honoured"; fi
left=$(ls "$tmp" | grep '\.tmp\.' || true)
if [ -z "$left" ]; then ok; else bad "temporary files left: $left"; fi

# 3. what the chart shows (the gnuplot script, data inline)
"$KC" plot --quiet --metric DAU "$tmp/m.csv" -o "$tmp/x.png" --script "$tmp/dau.gp" 2>/dev/null
pts=$(awk '/^\$S0 << EOD/{on=1; next} /^EOD/{on=0} on' "$tmp/dau.gp" 2>/dev/null)
npts=$(printf '%s\n' "$pts" | grep -c .)
if [ "$npts" -eq 3 ]; then ok; else bad "chart has $npts points, want 3 dated DAU observations"; fi
# x is days since 1970-01-01: 19281 = 2022-10-16; y in 만 (10^4)
want='19281.000000 3290 0
19282.000000 3460 1
19283.000000 3470 1'
got=$(printf '%s\n' "$pts" | awk '{ print $1, $2, $3 }')
if [ "$got" = "$want" ]; then ok; else bad "chart points: got [$got], want 10-16 3290 exact, 10-17 3460 approx, 10-18 3470 approx"; fi
if grep -q "^set object 1 rect from graph 0, first 3300 to graph 1, first 3700 " "$tmp/dau.gp"; then ok
else bad "no baseline band 3300..3700 (만) in the chart"; fi
if grep -q "title '카카오톡'" "$tmp/dau.gp"; then ok; else bad "no series for subject 카카오톡"; fi
if [ "$(grep -c '^set object' "$tmp/dau.gp")" -eq 1 ]; then ok; else bad "want exactly one baseline band"; fi

# 4. exit statuses
KCORPUS_GNUPLOT=/nonexistent/gnuplot "$KC" plot --metric DAU "$tmp/m.csv" -o "$tmp/none.png" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && grep -q 'gnuplot not found' "$tmp/err" && [ ! -e "$tmp/none.png" ]; then ok
else bad "missing gnuplot: exit $rc (want 2, a clear message, no output)"; fi
printf 'a,b\n1,2\n' >"$tmp/bad.csv"
"$KC" plot "$tmp/bad.csv" -o "$tmp/bad.png" 2>/dev/null
rc=$?
if [ $rc -eq 1 ] && [ ! -e "$tmp/bad.png" ]; then ok; else bad "not a metrics CSV: exit $rc (want 1, no output)"; fi
{ cat "$tmp/m.csv"; echo 'kakao_editorial,2022-10-19,카카오톡,DAU,lots,,명,false,,false,22'; } >"$tmp/badrow.csv"
"$KC" plot --quiet --metric DAU "$tmp/badrow.csv" -o "$tmp/badrow.png" 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && grep -q 'line 6: value is not a number' "$tmp/err" && png_sig "$tmp/badrow.png" 2>/dev/null; then ok
else bad "malformed row: exit $rc (want 1, 'FILE: line 6: …', chart still drawn)"; fi
"$KC" plot --metric DAU "$tmp/m.csv" -o "$tmp/no/such/dir/x.png" 2>/dev/null
rc=$?
if [ $rc -eq 2 ]; then ok; else bad "unwritable output: exit $rc (want 2)"; fi
"$KC" plot --metric DAU 2>/dev/null
rc=$?
if [ $rc -eq 2 ]; then ok; else bad "usage error: exit $rc (want 2)"; fi
"$KC" plot --metric NOPE "$tmp/m.csv" -o "$tmp/nope.png" 2>/dev/null
rc=$?
if [ $rc -eq 1 ] && [ ! -e "$tmp/nope.png" ]; then ok; else bad "no rows for the metric: exit $rc (want 1, no output)"; fi
if "$KC" plot --help | grep -q 'kcorpus plot --metric DAU'; then ok; else bad "plot --help shows no example"; fi
if "$KC" --help | grep -q 'kcorpus metrics --metric DAU corpus/kakao_editorial.txt'; then ok; else bad "--help does not show the DAU command"; fi

echo "plot: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
