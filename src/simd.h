/*
 * simd.h — 16-byte blocks for the byte scanners (decode's UTF-8 check,
 * normalize's quick check, the CLI's JSON string scanner), written with the
 * GCC/Clang vector extensions: the compiler emits SSE2 on x86-64 (AVX with
 * -march), NEON on AArch64, and plain word operations elsewhere, from the
 * same C. Without them (KC_SIMD 0) the callers keep their scalar loops only.
 *
 * The scanners share one shape: a block of 16 bytes is accepted when every
 * byte is in a set that needs no work (printable ASCII, the lead and
 * continuation bytes of common Hangul), and the continuation bytes sit
 * exactly where the leads before them say (kc_v16_cont_ok), so a block that
 * passes is well-formed UTF-8 in itself. Anything else leaves the block to
 * the scalar code, which decides exactly as before: the blocks only skip.
 */
#ifndef KC_SIMD_H
#define KC_SIMD_H

#include <stdint.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define KC_SIMD 1

typedef unsigned char kc_v16 __attribute__((vector_size(16)));
typedef signed char kc_m16 __attribute__((vector_size(16))); /* lanes 0 / -1 */

static inline kc_v16 kc_v16_load(const unsigned char *p)
{
    kc_v16 v;
    memcpy(&v, p, 16);
    return v;
}

/* lanes with lo <= v <= hi (unsigned) */
static inline kc_m16 kc_v16_in(kc_v16 v, unsigned char lo, unsigned char hi)
{
    return (kc_m16)((kc_v16)(v - lo) <= (unsigned char)(hi - lo));
}

/* every lane set */
static inline int kc_m16_all(kc_m16 m)
{
    uint64_t a[2];
    memcpy(a, &m, 16);
    return (a[0] & a[1]) == UINT64_MAX;
}

/* The continuation bytes (80-BF) of v are exactly the bytes that follow a
 * lead: one after a 2-byte lead (C0-DF) in prev1, one or two after a 3-byte
 * lead (E0-EF) in prev1 or prev2 (prev1/prev2 are the same 16 bytes loaded
 * one and two bytes earlier). The caller accepts no 4-byte leads. */
static inline kc_m16 kc_v16_cont_ok(kc_v16 v, kc_v16 prev1, kc_v16 prev2)
{
    kc_m16 cont = kc_v16_in(v, 0x80, 0xBF);
    kc_m16 want = kc_v16_in(prev1, 0xC0, 0xEF) | kc_v16_in(prev2, 0xE0, 0xEF);
    return ~(cont ^ want);
}

/* Back up to the start of the last character before i when the accepted
 * blocks s[lo..i) end inside it (its lead was accepted but its continuation
 * bytes are not all before i); else return i. The scalar code restarts
 * there and decides that character itself: the byte at i may be a
 * continuation of it, or a new lead that makes it truncated — both cases
 * must be rechecked (a check on s[i] alone misses the second). s[lo..i) is
 * well-formed block by block, so the character's lead is at most three
 * bytes back. */
static inline size_t kc_utf8_back(const unsigned char *s, size_t i, size_t lo)
{
    size_t j = i;
    while (j > lo && (s[j - 1] & 0xC0) == 0x80) j--;
    if (j == lo) return i; /* only continuation bytes: lo is a boundary */
    j--;                   /* s[j] is the last lead or ASCII byte */
    unsigned c = s[j];
    size_t len = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return j + len > i ? j : i;
}

#else
#define KC_SIMD 0
#endif

#endif /* KC_SIMD_H */
