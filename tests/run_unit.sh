#!/bin/sh
# Run the cmocka unit-test binaries; print "N passed, N failed" (tests).
# --valgrind: run each under valgrind --leak-check=full (fails on leaks).
vg=""
if [ "$1" = "--valgrind" ]; then
    vg="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=99"
    shift
fi
pass=0; fail=0; failed=""
for t in "$@"; do
    out=$($vg "$t" 2>&1); rc=$?
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
    if [ $rc -ne 0 ]; then
        [ -z "$f" ] && fail=$((fail + 1))
        failed="$failed $(basename "$t")"
        printf '%s\n' "$out" | grep -v '^\[ \(RUN\|       OK\) ' | tail -40
    fi
done
[ -n "$failed" ] && echo "unit: failing:$failed"
echo "unit: $pass passed, $fail failed"
[ $fail -eq 0 ]
