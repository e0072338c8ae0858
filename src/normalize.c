/*
 * normalize.c — reader stage 2: valid UTF-8 → NFC with documented foldings.
 *
 * What it does, per line (the line count never changes: segment.c numbers
 * lines after this stage):
 *   - line ends CRLF, lone CR, NEL U+0085, LS U+2028, PS U+2029 → '\n';
 *   - white space: TAB and every Zs space (U+0020, NBSP U+00A0, U+1680,
 *     U+2000-200A, U+202F, U+205F, ideographic space U+3000) is a space; a
 *     run of them becomes one ' ', and spaces at the start and end of a line
 *     are removed;
 *   - removed (counted in zero_width_removed): ZWSP/ZWNJ/ZWJ U+200B-200D,
 *     WORD JOINER U+2060, ZWNBSP/BOM U+FEFF, SOFT HYPHEN U+00AD, MONGOLIAN
 *     VOWEL SEPARATOR U+180E and the Hangul fillers U+115F, U+1160, U+3164,
 *     U+FFA0. Scraped Korean text carries them inside words (삼성\u200B전자,
 *     2024\u00AD년) where they break search, dates and entities. A filler
 *     standing alone between spaces is removed too: the space rules then
 *     give exactly what a space in its place would;
 *   - compatibility folding (FOLD_RANGES below) to the NFKC form for
 *     fullwidth ASCII (２０２４년 → 2024년, ％ → %), fullwidth signs (￦ → ₩,
 *     which is how KS X 1001 encodes the won sign), squared unit symbols
 *     (㎞ → km, ㎡ → m2... see below), ℃ ℉ ℓ, and parenthesized Hangul
 *     (㈜ → (주)); half-width jamo (U+FFA1-FFDC) map one step only, to the
 *     compatibility jamo (ﾡ → ㄱ), because full NFKC would continue to the
 *     conjoining jamo and then compose ㄱㅏ into 가. Everything else keeps
 *     its identity: compatibility jamo, superscripts (m² stays m²), circled
 *     numbers and letters (list markers), noncharacters, bidi controls,
 *     U+FFFD;
 *   - NFC for everything (NFD Hangul → syllables, combining marks).
 *
 * Fast path: a line is copied unchanged (memcpy of whole runs of lines)
 * when every code point is "clean" — NFC quick check Yes with combining
 * class 0 and outside the fold/remove/space sets — and its spaces are
 * single and inside the line. A 64 KiB class table over the BMP, built once
 * from ICU's properties, makes that a byte scan plus one table load per
 * non-ASCII character.
 *
 * Slow path: the line is rebuilt code point by code point. A code point
 * that is not NFC-clean opens a segment that starts at the last starter
 * already written (a syllable followed by U+11A8 composes into 각, so the
 * syllable belongs to the segment); the segment closes at the next clean
 * code point (which has a normalization boundary before it) or the line
 * end, and only that segment goes through ICU's NFC. ICU rather than
 * utf8proc: STYLE.md measured ICU's NFC near 900 MiB/s against utf8proc's
 * 58 MiB/s, and utf8proc allocates ~4 bytes per input byte per call and
 * stops at NUL. Segments are bounded (64 KiB at a boundary, 256 KiB hard),
 * so memory stays bounded even for 100 MB of stray combining jamo.
 *
 * Idempotent: the output's lines are trimmed, single-spaced, free of the
 * removed and folded characters, and NFC (NFC is idempotent and the folded
 * forms are never foldable again). One exception by construction: a run of
 * more than 256 KiB of combining characters with no boundary is split, so
 * canonical reordering does not cross the split.
 */
#include "internal.h"
#include "simd.h"

#include <pthread.h>
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

enum {
    CL_CLEAN = 0, /* copy as is */
    CL_NFC,       /* NFC quick check not Yes, or combining class > 0 */
    CL_FOLD,      /* compatibility folding (FOLD_RANGES) */
    CL_REMOVE,    /* zero-width, format, Hangul fillers */
    CL_SPACE,     /* TAB and Zs */
    CL_LINESEP    /* CR, LF, NEL, LS, PS */
};

/* The documented compatibility folding. Each range is replaced by its NFKC
 * form (half-width jamo: by its one-step compatibility mapping). */
static const struct { uint32_t lo, hi; } FOLD_RANGES[] = {
    {0xFF01, 0xFF5E}, /* fullwidth ASCII ！..～ */
    {0xFFE0, 0xFFE6}, /* fullwidth ￠ ￡ ￢ ￣ ￤ ￥ ￦ */
    {0xFFA1, 0xFFDC}, /* half-width Hangul jamo → compatibility jamo */
    {0x320E, 0x321E}, /* parenthesized Hangul syllables ㈎..㈜, ㈝ ㈞ */
    {0x3371, 0x337A}, /* squared hPa da AU bar oV pc dm dm² dm³ IU */
    {0x3380, 0x33DF}, /* squared units ㎀..㏟ (㎞ ㎡ ㎏ ㎝ ㎜ ㎖ ㏄ ...) */
    {0x33FF, 0x33FF}, /* squared gal */
    {0x2103, 0x2103}, /* ℃ DEGREE CELSIUS */
    {0x2109, 0x2109}, /* ℉ DEGREE FAHRENHEIT */
    {0x2113, 0x2113}, /* ℓ SCRIPT SMALL L (liter) */
};

static const uint32_t REMOVE_CPS[] = {
    0x00AD, 0x115F, 0x1160, 0x180E, 0x200B, 0x200C, 0x200D,
    0x2060, 0x3164, 0xFEFF, 0xFFA0,
};

/* A run of combining characters is closed at a boundary once it reaches
 * SEG_SOFT bytes, and unconditionally at SEG_HARD. */
#define SEG_SOFT (64u * 1024u)
#define SEG_HARD (256u * 1024u)

static uint8_t bmp_class[0x10000];
static const UNormalizer2 *g_nfc, *g_nfkc;
static bool g_ok;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static bool nfc_flag(UChar32 c)
{
    return u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES ||
           u_getCombiningClass(c) != 0;
}

static void init_tables(void)
{
    UErrorCode e = U_ZERO_ERROR;
    g_nfc = unorm2_getNFCInstance(&e);
    if (U_FAILURE(e)) return;
    g_nfkc = unorm2_getNFKCInstance(&e);
    if (U_FAILURE(e)) return;
    for (uint32_t c = 0x80; c < 0x10000; c++) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        uint8_t k = CL_CLEAN;
        if (nfc_flag((UChar32)c)) k = CL_NFC;
        if (u_charType((UChar32)c) == U_SPACE_SEPARATOR) k = CL_SPACE;
        bmp_class[c] = k;
    }
    for (size_t i = 0; i < sizeof FOLD_RANGES / sizeof FOLD_RANGES[0]; i++)
        for (uint32_t c = FOLD_RANGES[i].lo; c <= FOLD_RANGES[i].hi; c++)
            bmp_class[c] = CL_FOLD;
    for (size_t i = 0; i < sizeof REMOVE_CPS / sizeof REMOVE_CPS[0]; i++)
        bmp_class[REMOVE_CPS[i]] = CL_REMOVE;
    bmp_class[' '] = bmp_class['\t'] = CL_SPACE;
    bmp_class['\r'] = bmp_class['\n'] = CL_LINESEP;
    bmp_class[0x85] = bmp_class[0x2028] = bmp_class[0x2029] = CL_LINESEP;
    g_ok = true;
}

static inline unsigned class_of(uint32_t c)
{
    if (c < 0x10000) return bmp_class[c];
    return nfc_flag((UChar32)c) ? CL_NFC : CL_CLEAN;
}

/* Decode one code point of s[0..n) (n ≥ 1) without trusting the input:
 * by contract it is valid UTF-8 without NUL, but a bad byte must not make
 * us read past the end or emit invalid UTF-8. Returns U+FFFD for a bad
 * sequence (length of its maximal subpart in *k) and for NUL. */
static inline uint32_t next_cp(const unsigned char *s, size_t n, size_t *k)
{
    unsigned c = s[0];
    if (c < 0x80) { *k = 1; return c ? c : 0xFFFD; }
    *k = 1;
    if (c < 0xC2 || c > 0xF4) return 0xFFFD;
    if (c < 0xE0) {
        if (n < 2 || (s[1] & 0xC0) != 0x80) return 0xFFFD;
        *k = 2;
        return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    }
    unsigned lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED) hi = 0x9F;
    else if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;
    if (n < 2 || s[1] < lo || s[1] > hi) return 0xFFFD;
    if (n < 3 || (s[2] & 0xC0) != 0x80) { *k = 2; return 0xFFFD; }
    if (c < 0xF0) {
        *k = 3;
        return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    if (n < 4 || (s[3] & 0xC0) != 0x80) { *k = 3; return 0xFFFD; }
    *k = 4;
    return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
           ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

/* Is this U+FFFD in the input, not our stand-in for a bad sequence? */
static inline bool is_fffd(const unsigned char *s, size_t k)
{
    return k == 3 && s[0] == 0xEF && s[1] == 0xBF && s[2] == 0xBD;
}

#define NO_POS SIZE_MAX

typedef struct nz {
    kc_buf *out;
    kc_stats *st;
    size_t last_cp;   /* out offset of the last code point written in this
                         line (a starter), or NO_POS */
    size_t seg_start; /* out offset where the open NFC segment starts */
    bool in_seg, pending_space, has_content;
    UChar *u, *v;     /* scratch for a segment in UTF-16 */
    size_t ucap, vcap;
} nz;

static kc_status grow_u16(UChar **p, size_t *cap, size_t need)
{
    if (need <= *cap) return KC_OK;
    size_t bytes;
    if (!kc__mul_ok(need, sizeof(UChar), &bytes) || need > INT32_MAX)
        return KC_ENOMEM;
    UChar *q = realloc(*p, bytes);
    if (!q) return KC_ENOMEM;
    *p = q;
    *cap = need;
    return KC_OK;
}

/* NFC of out[seg_start..len) in place. */
static kc_status close_seg(nz *z)
{
    z->in_seg = false;
    z->last_cp = NO_POS;
    kc_buf *o = z->out;
    size_t n = o->len - z->seg_start;
    if (n == 0) return KC_OK;
    z->st->normalized_spans++;
    if (grow_u16(&z->u, &z->ucap, n + 1)) return KC_ENOMEM;
    UErrorCode e = U_ZERO_ERROR;
    int32_t ulen = 0;
    u_strFromUTF8(z->u, (int32_t)z->ucap, &ulen, o->ptr + z->seg_start,
                  (int32_t)n, &e);
    if (U_FAILURE(e)) return KC_ENOMEM; /* input is valid UTF-8: only resources can fail */
    /* NFC expands at most 3× (Unicode's stability guarantee). */
    if (grow_u16(&z->v, &z->vcap, (size_t)ulen * 3 + 8)) return KC_ENOMEM;
    int32_t vlen = unorm2_normalize(g_nfc, z->u, ulen, z->v, (int32_t)z->vcap, &e);
    if (e == U_BUFFER_OVERFLOW_ERROR) {
        if (grow_u16(&z->v, &z->vcap, (size_t)vlen + 1)) return KC_ENOMEM;
        e = U_ZERO_ERROR;
        vlen = unorm2_normalize(g_nfc, z->u, ulen, z->v, (int32_t)z->vcap, &e);
    }
    if (U_FAILURE(e)) return KC_ENOMEM; /* input is valid UTF-8: only resources can fail */
    o->len = z->seg_start;
    size_t room;
    if (!kc__mul_ok((size_t)vlen, 3, &room) || kc__buf_reserve(o, room))
        return KC_ENOMEM;
    int32_t blen = 0;
    e = U_ZERO_ERROR;
    u_strToUTF8(o->ptr + o->len, (int32_t)(o->cap - o->len), &blen, z->v, vlen, &e);
    if (U_FAILURE(e)) return KC_ENOMEM; /* input is valid UTF-8: only resources can fail */
    o->len += (size_t)blen;
    o->ptr[o->len] = '\0';
    return KC_OK;
}

static inline kc_status put_cp(nz *z, uint32_t c)
{
    return kc__buf_put_cp(z->out, c);
}

/* A pending space is written only before more text on the same line:
 * that trims line ends and collapses runs. */
static kc_status flush_space(nz *z)
{
    if (!z->pending_space) return KC_OK;
    z->pending_space = false;
    if (!z->has_content) return KC_OK;
    z->last_cp = z->out->len;
    return kc__buf_putc(z->out, ' ');
}

static kc_status emit(nz *z, uint32_t c, unsigned cls);

/* Replace a FOLD code point by its compatibility form. */
static kc_status fold(nz *z, uint32_t c)
{
    UChar src[2], dst[32];
    int32_t n = 0;
    UErrorCode e = U_ZERO_ERROR;
    src[0] = (UChar)c; /* fold ranges are in the BMP */
    if (c >= 0xFFA1 && c <= 0xFFDC)
        n = unorm2_getRawDecomposition(g_nfkc, (UChar32)c, dst, 32, &e);
    else
        n = unorm2_normalize(g_nfkc, src, 1, dst, 32, &e);
    if (U_FAILURE(e) || n <= 0) return emit(z, c, CL_CLEAN);
    z->st->normalized_spans++;
    for (int32_t i = 0; i < n;) {
        UChar32 d;
        U16_NEXT(dst, i, n, d);
        unsigned k = class_of((uint32_t)d);
        if (k == CL_FOLD) k = CL_CLEAN; /* never fold twice */
        kc_status s = emit(z, (uint32_t)d, k);
        if (s) return s;
    }
    return KC_OK;
}

static kc_status emit(nz *z, uint32_t c, unsigned cls)
{
    kc_status s;
    switch (cls) {
    case CL_SPACE:
        z->pending_space = true;
        return KC_OK;
    case CL_REMOVE:
        z->st->zero_width_removed++;
        return KC_OK;
    case CL_FOLD:
        return fold(z, c);
    case CL_NFC:
        if ((s = flush_space(z))) return s;
        if (z->in_seg) {
            size_t n = z->out->len - z->seg_start;
            if (n >= SEG_HARD ||
                (n >= SEG_SOFT && unorm2_hasBoundaryBefore(g_nfc, (UChar32)c)))
                if ((s = close_seg(z))) return s;
        }
        if (!z->in_seg) {
            z->in_seg = true;
            z->seg_start = z->last_cp != NO_POS ? z->last_cp : z->out->len;
        }
        z->has_content = true;
        return put_cp(z, c);
    default: /* CL_CLEAN (CL_LINESEP is handled by the line loop) */
        if (z->in_seg && (s = close_seg(z))) return s;
        if ((s = flush_space(z))) return s;
        z->last_cp = z->out->len;
        z->has_content = true;
        return put_cp(z, c);
    }
}

/* Rebuild the line starting at s[i]; returns (in *next) the index after
 * its terminator and writes the terminator as '\n'. */
static kc_status slow_line(nz *z, const unsigned char *s, size_t len, size_t i,
                           size_t *next)
{
    kc_status st = KC_OK;
    z->last_cp = NO_POS;
    z->in_seg = z->pending_space = z->has_content = false;
    bool term = false;
    while (i < len) {
        size_t k;
        uint32_t c = next_cp(s + i, len - i, &k);
        unsigned cls = class_of(c);
        if (cls == CL_LINESEP) {
            i += k;
            if (c == '\r' && i < len && s[i] == '\n') i++;
            term = true;
            break;
        }
        if (cls == CL_CLEAN && c > 0x20 && (c != 0xFFFD || is_fffd(s + i, k))) {
            /* a run of clean code points is copied as it is */
            size_t j = i + k, lastpos = i;
            while (j < len) {
                if (s[j] < 0x80) {
                    if (s[j] <= 0x20) break;
                    lastpos = j++;
                    continue;
                }
                size_t k2;
                uint32_t c2 = next_cp(s + j, len - j, &k2);
                if (class_of(c2) != CL_CLEAN || (c2 == 0xFFFD && !is_fffd(s + j, k2))) break;
                lastpos = j;
                j += k2;
            }
            if (z->in_seg && (st = close_seg(z))) return st;
            if ((st = flush_space(z))) return st;
            z->last_cp = z->out->len + (lastpos - i);
            z->has_content = true;
            if (kc__buf_append(z->out, s + i, j - i)) return KC_ENOMEM;
            i = j;
            continue;
        }
        i += k;
        if ((st = emit(z, c, cls))) return st;
    }
    if (z->in_seg && (st = close_seg(z))) return st;
    z->pending_space = false;
    *next = i;
    return term ? kc__buf_putc(z->out, '\n') : KC_OK;
}

#if KC_SIMD
/* Sixteen bytes at q (q[-2] to q[16] readable) that the quick check
 * passes: printable ASCII, a space not followed by another, and
 * precomposed Hangul U+AC00-D77F (leads EB, EC, EA B0-BF, ED 80-9D) with
 * its continuation bytes in place. No line end: lines stay with the
 * scalar loop, which checks their ends. */
static inline bool block_clean(const unsigned char *q)
{
    kc_v16 v = kc_v16_load(q), n1 = kc_v16_load(q + 1);
    kc_m16 ok = kc_v16_in(v, 0x21, 0x7E) | ((v == ' ') & (n1 != ' ')) |
                kc_v16_in(v, 0x80, 0xBF) | kc_v16_in(v, 0xEB, 0xEC) |
                ((v == 0xEA) & (n1 >= 0xB0)) | ((v == 0xED) & (n1 <= 0x9D));
    return kc_m16_all(ok & kc_v16_cont_ok(v, kc_v16_load(q - 1), kc_v16_load(q - 2)));
}
#endif

kc_status kc__normalize(const char *in, size_t len, kc_buf *out, kc_stats *st)
{
    return kc__normalize_ex(in, len, out, st, NULL);
}

kc_status kc__normalize_ex(const char *in, size_t len, kc_buf *out, kc_stats *st,
                           bool *unchanged)
{
    if (unchanged) *unchanged = false;
    if ((!in && len) || !out || !st) return KC_EINVAL;
    if (!in) in = "";
    pthread_once(&g_once, init_tables);
    /* ICU's normalization data could not be loaded: allocation failure
     * (the data is built into libicudata) */
    if (!g_ok) return KC_ENOMEM;
    /* with unchanged, the output is reserved at the first line that
     * changes (there may be none) */
    bool reserved = !unchanged;
    if (reserved && kc__buf_reserve(out, len)) return KC_ENOMEM;
    const unsigned char *s = (const unsigned char *)in;
    nz z;
    memset(&z, 0, sizeof z);
    z.out = out;
    z.st = st;
    kc_status rc = KC_OK;
    size_t i = 0, run = 0; /* s[run..i) are clean lines not yet copied */
    while (i < len && rc == KC_OK) {
        /* Scan one line; stop at the first thing the fast path can't copy. */
        size_t j = i;
        bool dirty = false, prev_space = true;
        while (j < len) {
#if KC_SIMD
            if (!prev_space && j >= 2 && j + 17 <= len && s[j - 1] < 0xC0 && s[j - 2] < 0xC0) {
                size_t j0 = j;
                while (j + 17 <= len && block_clean(s + j)) j += 16;
                if (j != j0) {
                    j = kc_utf8_back(s, j, j0);
                    prev_space = s[j - 1] == ' ';
                    continue;
                }
            }
#endif
            unsigned c = s[j];
            if (c < 0x80) {
                /* eight printable non-space ASCII bytes: nothing to do */
                if (j + 8 <= len) {
                    uint64_t w;
                    memcpy(&w, s + j, 8);
                    const uint64_t ones = 0x0101010101010101ull;
                    if ((((w - ones * 0x21) | w | (w + ones)) & (ones * 0x80)) == 0) {
                        prev_space = false;
                        j += 8;
                        continue;
                    }
                }
                if (c == '\n' || c == '\r') break;
                if (c == ' ') {
                    if (prev_space) { dirty = true; break; } /* leading or double */
                    prev_space = true;
                } else if (c == '\t' || c == 0) {
                    dirty = true;
                    break;
                } else {
                    prev_space = false;
                }
                j++;
                continue;
            }
            /* precomposed Hangul U+AC00-D77F (EA B0-BF, leads EB EC, ED
             * 80-9D): clean (NFC quick check Yes, combining class 0, no
             * folding); 가, 각, 간 … are EA B0-BF and among the commonest */
            if (j + 2 < len &&
                (c == 0xEB || c == 0xEC || (c == 0xED && s[j + 1] <= 0x9D) ||
                 (c == 0xEA && s[j + 1] >= 0xB0)) &&
                (s[j + 1] & 0xC0) == 0x80 && (s[j + 2] & 0xC0) == 0x80) {
                prev_space = false;
                j += 3;
                continue;
            }
            size_t k;
            uint32_t cp = next_cp(s + j, len - j, &k);
            if (cp == 0xFFFD || class_of(cp) != CL_CLEAN) {
                /* a genuine U+FFFD is clean; the slow path keeps it */
                dirty = true;
                break;
            }
            prev_space = false;
            j += k;
        }
        if (!dirty && j > i && s[j - 1] == ' ') dirty = true; /* trailing */
        if (!dirty) {
            if (j < len && s[j] == '\r') {
                if (kc__buf_append(out, s + run, j - run) || kc__buf_putc(out, '\n')) {
                    rc = KC_ENOMEM;
                    break;
                }
                j++;
                if (j < len && s[j] == '\n') j++;
                run = j;
            } else if (j < len) {
                j++; /* '\n' stays in the run */
            }
            i = j;
            continue;
        }
        if (!reserved) {
            reserved = true;
            if (kc__buf_reserve(out, len)) { rc = KC_ENOMEM; break; }
        }
        if (kc__buf_append(out, s + run, i - run)) { rc = KC_ENOMEM; break; }
        rc = slow_line(&z, s, len, i, &i);
        run = i;
    }
    if (rc == KC_OK && !reserved && run == 0 && i == len) {
        *unchanged = true; /* every line was clean: in is the result */
    } else if (rc == KC_OK && kc__buf_append(out, s + run, i - run)) {
        rc = KC_ENOMEM;
    }
    free(z.u);
    free(z.v);
    return rc;
}
