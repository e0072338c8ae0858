/* regex.c — PCRE2 with JIT. Patterns are compiled once per engine; matching
 * always passes PCRE2_NO_UTF_CHECK because the reader validated the text
 * (measured: per-call re-validation made a 1 MiB global match loop take
 * 12.6 s instead of 0.01 s, STYLE.md) and always runs under the engine's
 * match and depth limits.
 *
 * Every kcorpus pattern is matched anchored at a start offset, so patterns
 * are compiled with PCRE2_ANCHORED. PCRE2's JIT does not support
 * PCRE2_ANCHORED as a match-time option: given there, pcre2_match silently
 * runs the interpreter (pcre2jit(3)). Compiled in, the JIT serves every call
 * (boilerplate classification of a 1 MB slice: 51 M -> 26 M instructions,
 * callgrind). PCRE2_NO_START_OPTIMIZE: an anchored match needs no start-up
 * scan, and the "required code unit" scan looked ahead up to 5000 bytes per
 * call on long lines (pathological P8 took 3x longer without it). */
#include "internal.h"

#include <stdio.h>

pcre2_code *kc__re_compile(const char *pattern, size_t len, uint32_t flags,
                           char *err, size_t errlen)
{
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, len,
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED |
                                       PCRE2_NO_START_OPTIMIZE | flags,
                                   &code, &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        snprintf(err, errlen, "pattern error at offset %zu: %s", (size_t)off, (char *)msg);
        return NULL;
    }
    /* JIT failure is not fatal: the interpreter gives the same results. */
    (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}

int kc__re_match(const kc_engine *eng, const pcre2_code *re, const char *s,
                 size_t len, size_t start, uint32_t options,
                 pcre2_match_data *md, kc_stats *st)
{
    /* anchored already (compiled so); as a match option it would disable JIT */
    options &= ~(uint32_t)PCRE2_ANCHORED;
    int rc = pcre2_match(re, (PCRE2_SPTR)s, len, start,
                         options | PCRE2_NO_UTF_CHECK, md, eng->mctx);
    if ((rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
         rc == PCRE2_ERROR_JIT_STACKLIMIT) && st)
        st->regex_limit_hits++;
    return rc;
}
