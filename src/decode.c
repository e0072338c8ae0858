/*
 * decode.c — reader stage 1: raw bytes → valid UTF-8.
 *
 * Order of decisions (kc__decode):
 *   1. text_input (JSONL string values): validate and repair only; a BOM is
 *      an ordinary U+FEFF there (normalize drops it).
 *   2. A byte-order mark is authoritative, even over a forced --encoding: a
 *      file that starts with EF BB BF or FF FE / FE FF is essentially never
 *      CP949 (EF BB would decode to a Hanja, FF is not a lead byte), while
 *      a forced encoding is usually a default applied to a whole directory.
 *      UTF-8 BOM: stripped. UTF-16LE/BE BOM: converted with ICU.
 *   3. Forced UTF-8 / CP949 / EUC-KR.
 *   4. AUTO: valid UTF-8 is taken as is (one pass that copies). Otherwise
 *      every line is classified (see classify_line) and consecutive lines
 *      are decoded as UTF-8 or CP949 group by group, so a file whose lines
 *      were concatenated from UTF-8 and CP949 sources comes out right. The
 *      CP949 reading is accepted only if it looks Korean (looks_korean);
 *      else ICU's detector gets one chance at high confidence, and failing
 *      that the bytes are read as UTF-8 with U+FFFD replacement.
 *
 * CP949 is ICU's "windows-949-2000" (Microsoft UHC). ICU's "cp949" is IBM's
 * code page 949, which turns 똠 (8C 63) into U+001A, and ICU's "EUC-KR" turns
 * every UHC-extension lead byte into a C1 control. UHC is a superset of
 * EUC-KR (KS X 1001), and files labelled EUC-KR routinely contain UHC
 * syllables (the WHATWG Encoding Standard maps the label "euc-kr" to
 * windows-949 for the same reason), so --encoding euc-kr also decodes with
 * windows-949-2000 and only the reported name differs.
 *
 * Anomalies are repaired and counted, never fatal: each invalid sequence →
 * one U+FFFD (Unicode "maximal subpart" practice, the counts ICU and Python
 * give: C0 AF → 2, ED A0 80 → 3, E0 A0 at EOF → 1), NUL → U+FFFD (a NUL
 * would truncate C strings downstream and utf8proc stops at it). Controls,
 * private-use and bidi controls are kept and only counted.
 *
 * Memory: ICU converts through a fixed UTF-16 buffer, and UTF-8 is copied
 * run by run, so peak memory is the output plus a constant.
 */
#include "internal.h"
#include "simd.h"

#include <stdio.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#define UHC_NAME "windows-949-2000"
#define U16_CHUNK 8192
/* The charset detector sees at most this much: its n-gram statistics
 * settle long before, and it costs time proportional to the sample. */
#define DETECT_SAMPLE 65536
/* ICU's detector confidence (0..100) we trust. Below it, short or mixed
 * text gets wild guesses (STYLE.md: generic detectors fail on short text). */
#define DETECT_MIN_CONFIDENCE 60

typedef struct dec {
    kc_buf *out;
    const unsigned char *base; /* start of the whole input (for offsets) */
    size_t invalid, nul, ctrl, pua, bidi;
    size_t first_bad;
    bool have_bad;
    /* CP949 plausibility: decoded code points in CP949 groups */
    size_t hangul, nonascii;
    UChar hi; /* high surrogate waiting for its pair across chunks */
} dec;

static const char fffd[3] = {'\xEF', '\xBF', '\xBD'};

static void note_bad(dec *d, size_t off)
{
    if (!d->have_bad) {
        d->have_bad = true;
        d->first_bad = off;
    }
}

static void reset_counts(dec *d)
{
    d->invalid = d->nul = d->ctrl = d->pua = d->bidi = 0;
    d->first_bad = 0;
    d->have_bad = false;
    d->hangul = d->nonascii = 0;
    d->hi = 0;
}

/* ---------------- UTF-8 ---------------- */

/* Length of the valid sequence at s (2..4), or 0 with *bad = the length of
 * its maximal subpart (≥1), per Unicode Table 3-7 (well-formed byte
 * sequences): the second byte's range depends on the lead so that overlongs,
 * surrogates and code points above U+10FFFF are rejected at the first byte
 * that proves them wrong. */
static inline size_t utf8_seq(const unsigned char *s, size_t n, size_t *bad)
{
    unsigned c = s[0];
    if (c < 0xC2 || c > 0xF4) { *bad = 1; return 0; }
    if (c < 0xE0) {
        if (n >= 2 && (s[1] & 0xC0) == 0x80) return 2;
        *bad = 1;
        return 0;
    }
    unsigned lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;       /* overlong below U+0800 */
    else if (c == 0xED) hi = 0x9F;  /* surrogates D800-DFFF */
    else if (c == 0xF0) lo = 0x90;  /* overlong below U+10000 */
    else if (c == 0xF4) hi = 0x8F;  /* above U+10FFFF */
    if (n < 2 || s[1] < lo || s[1] > hi) { *bad = 1; return 0; }
    if (n < 3 || (s[2] & 0xC0) != 0x80) { *bad = 2; return 0; }
    if (c < 0xF0) return 3;
    if (n < 4 || (s[3] & 0xC0) != 0x80) { *bad = 3; return 0; }
    return 4;
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Eight ASCII bytes with no control character (< 0x20 or 0x7F)? The
 * "has less than" / "has zero byte" bit tricks are exact for ASCII words. */
static inline bool word_plain_ascii(uint64_t w)
{
    if (w & HIGHS) return false;
    uint64_t lt = (w - ONES * 0x20) & ~w & HIGHS;
    uint64_t x = w ^ (ONES * 0x7F);
    uint64_t del = (x - ONES) & ~x & HIGHS;
    return (lt | del) == 0;
}

/* Count a valid multi-byte sequence's flags (controls, PUA, bidi). */
static inline void utf8_flags(dec *d, const unsigned char *s, size_t k)
{
    unsigned c = s[0];
    if (k == 2) {
        /* C1 controls U+0080-009F; NEL (U+0085) is a line end for
         * normalize, not an anomaly. */
        if (c == 0xC2 && s[1] <= 0x9F && s[1] != 0x85) d->ctrl++;
    } else if (k == 3) {
        if (c == 0xE2) {
            if ((s[1] == 0x80 && s[2] >= 0xAA && s[2] <= 0xAE) ||
                (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9))
                d->bidi++;
        } else if (c == 0xEE || (c == 0xEF && s[1] <= 0xA3)) {
            d->pua++; /* U+E000-F8FF */
        }
    } else if (c >= 0xF3) {
        /* planes 15 and 16 are private use, except their last two
         * code points (noncharacters) */
        uint32_t cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
                      ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        if (cp >= 0xF0000 && (cp & 0xFFFF) <= 0xFFFD) d->pua++;
    }
}

#if KC_SIMD
/* Sixteen bytes at q (q[-2] to q[16] readable) that are well-formed UTF-8
 * and carry nothing decode counts or repairs: printable ASCII, LF, TAB,
 * 2-byte characters except C1 controls, 3-byte characters with leads
 * E1-ED (ED below the surrogates) except the bidi controls' E2 80/E2 81, and
 * EF A4 and above (EE and EF 80-A3 are private use). */
static inline bool utf8_block_plain(const unsigned char *q)
{
    kc_v16 v = kc_v16_load(q), n1 = kc_v16_load(q + 1);
    kc_m16 ok = kc_v16_in(v, 0x20, 0x7E) | (v == '\n') | (v == '\t') |
                kc_v16_in(v, 0x80, 0xBF) | kc_v16_in(v, 0xC3, 0xDF) |
                ((v == 0xC2) & (n1 >= 0xA0)) | (kc_v16_in(v, 0xE1, 0xEC) & (v != 0xE2)) |
                ((v == 0xE2) & (n1 >= 0x82)) | ((v == 0xED) & (n1 <= 0x9F)) |
                ((v == 0xEF) & (n1 >= 0xA4));
    return kc_m16_all(ok & kc_v16_cont_ok(v, kc_v16_load(q - 1), kc_v16_load(q - 2)));
}
#endif

/* Copy p[0..n) (input offset p - d->base) to d->out, repairing it. With
 * stop_bad, return at the first invalid sequence with *bad set (the caller
 * discards the partial output); NUL does not stop (it is valid UTF-8).
 * Without d->out (check only: can the input be used as it is?) nothing is
 * copied and NUL stops too. */
static kc_status utf8_run(dec *d, const unsigned char *p, size_t n,
                          bool stop_bad, bool *bad)
{
    size_t i = 0, run = 0;
    kc_buf *out = d->out;
    if (bad) *bad = false;
    while (i < n) {
#if KC_SIMD
        /* sixteen plain bytes at a time, from a character boundary that no
         * lead just before it could reach into */
        if (i >= 2 && i + 17 <= n && p[i - 1] < 0xC0 && p[i - 2] < 0xC0) {
            size_t i0 = i;
            while (i + 17 <= n && utf8_block_plain(p + i)) i += 16;
            if (i != i0) i = kc_utf8_back(p, i, i0);
        }
#endif
        /* ASCII fast path, 8 bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (!word_plain_ascii(w)) break;
            i += 8;
        }
        if (i >= n) break;
        /* Hangul text: runs of 3-byte sequences with leads E1 and E3-ED
         * (U+1000-1FFF, U+3000-D7FF: nothing there is flagged; E2 holds
         * the bidi controls) and plain ASCII between words. */
        while (i + 3 <= n) {
            unsigned a = p[i];
            if (a >= 0x20 && a < 0x7F) { i++; continue; }
            if ((a < 0xE3 && a != 0xE1) || a > 0xED || (p[i + 1] & 0xC0) != 0x80 ||
                (p[i + 2] & 0xC0) != 0x80 || (a == 0xED && p[i + 1] > 0x9F))
                break;
            i += 3;
        }
        if (i >= n) break;
        unsigned c = p[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != 0x7F) { i++; continue; }
            if (c == 0) {
                if (!out) {
                    *bad = true;
                    return KC_OK;
                }
                if (kc__buf_append(out, p + run, i - run) ||
                    kc__buf_append(out, fffd, 3))
                    return KC_ENOMEM;
                d->nul++;
                note_bad(d, (size_t)(p + i - d->base));
                run = ++i;
                continue;
            }
            if (c != '\t' && c != '\n' && c != '\r' && c != '\f') d->ctrl++;
            i++;
            continue;
        }
        size_t nb = 0, k = utf8_seq(p + i, n - i, &nb);
        if (k) {
            if (c < 0xEA || c > 0xED) utf8_flags(d, p + i, k); /* not Hangul */
            i += k;
            continue;
        }
        if (stop_bad) {
            if (bad) *bad = true;
            return KC_OK;
        }
        if (kc__buf_append(out, p + run, i - run) || kc__buf_append(out, fffd, 3))
            return KC_ENOMEM;
        d->invalid++;
        note_bad(d, (size_t)(p + i - d->base));
        i += nb;
        run = i;
    }
    return out ? kc__buf_append(out, p + run, n - run) : KC_OK;
}

/* ---------------- ICU converters ---------------- */

/* Every undecodable sequence becomes U+FFFD and is counted. ICU's own
 * substitute callback would write U+001A for single bytes in MBCS
 * converters, which reads as a control character downstream. */
static void U_CALLCONV to_u_fffd(const void *ctx, UConverterToUnicodeArgs *a,
                                 const char *units, int32_t length,
                                 UConverterCallbackReason reason,
                                 UErrorCode *err)
{
    (void)units;
    if (reason > UCNV_IRREGULAR) return; /* reset, close, clone */
    dec *d = (dec *)(uintptr_t)ctx;
    size_t off = (size_t)((const unsigned char *)a->source - d->base);
    off = off >= (size_t)length ? off - (size_t)length : 0;
    d->invalid++;
    note_bad(d, off);
    static const UChar sub = 0xFFFD;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(a, &sub, 1, 0, err);
}

static kc_status open_conv(const char *name, dec *d, UConverter **out)
{
    UErrorCode e = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(name, &e);
    /* Out of memory is an error, not an undecodable input. ICU reports a
     * failed allocation while loading converter data in several ways, so a
     * converter we always ship with (UHC, UTF-16) that fails to open means
     * resources ran out; only a name ICU's detector proposed may really be
     * unknown. */
    if (e == U_MEMORY_ALLOCATION_ERROR ||
        (U_FAILURE(e) && (strcmp(name, UHC_NAME) == 0 || strncmp(name, "UTF-16", 6) == 0))) {
        if (cv) ucnv_close(cv);
        return KC_ENOMEM;
    }
    if (U_FAILURE(e) || !cv) return KC_EENCODING;
    ucnv_setToUCallBack(cv, to_u_fffd, d, NULL, NULL, &e);
    if (U_FAILURE(e)) {
        ucnv_close(cv);
        return e == U_MEMORY_ALLOCATION_ERROR ? KC_ENOMEM : KC_EENCODING;
    }
    *out = cv;
    return KC_OK;
}

/* Append UTF-16 u[0..n) as UTF-8, counting what decode flags. offs[i] is
 * the source offset of u[i] relative to src0 (negative when unknown). */
static kc_status emit_u16(dec *d, const UChar *u, size_t n,
                          const int32_t *offs, const unsigned char *src0)
{
    size_t need;
    if (!kc__mul_ok(n, 3, &need) || kc__buf_reserve(d->out, need + 4))
        return KC_ENOMEM;
    unsigned char *o = (unsigned char *)d->out->ptr + d->out->len;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = u[i];
        if (d->hi) {
            if (U16_IS_TRAIL(c)) {
                c = U16_GET_SUPPLEMENTARY(d->hi, c);
                d->hi = 0;
                o[0] = (unsigned char)(0xF0 | (c >> 18));
                o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
                o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
                o[3] = (unsigned char)(0x80 | (c & 0x3F));
                o += 4;
                d->nonascii++;
                if (c >= 0xF0000 && (c & 0xFFFF) <= 0xFFFD) d->pua++;
                continue;
            }
            /* unpaired (ICU never emits one; guard anyway) */
            memcpy(o, fffd, 3);
            o += 3;
            d->hi = 0;
        }
        if (U16_IS_LEAD(c)) { d->hi = (UChar)c; continue; }
        if (U16_IS_TRAIL(c)) { memcpy(o, fffd, 3); o += 3; continue; }
        if (c < 0x80) {
            if (c < 0x20) {
                if (c == 0) {
                    memcpy(o, fffd, 3);
                    o += 3;
                    d->nul++;
                    if (offs && offs[i] >= 0) note_bad(d, (size_t)(src0 - d->base) + (size_t)offs[i]);
                    else note_bad(d, (size_t)(src0 - d->base));
                    continue;
                }
                if (c != '\t' && c != '\n' && c != '\r' && c != '\f') d->ctrl++;
            } else if (c == 0x7F) {
                d->ctrl++;
            }
            *o++ = (unsigned char)c;
            continue;
        }
        if (c < 0x800) {
            if (c <= 0x9F && c != 0x85) d->ctrl++;
            o[0] = (unsigned char)(0xC0 | (c >> 6));
            o[1] = (unsigned char)(0x80 | (c & 0x3F));
            o += 2;
        } else {
            o[0] = (unsigned char)(0xE0 | (c >> 12));
            o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            o[2] = (unsigned char)(0x80 | (c & 0x3F));
            o += 3;
        }
        if (c == 0xFFFD) continue; /* our substitutions: counted as invalid */
        d->nonascii++;
        if (kc__is_hangul_syllable(c)) d->hangul++;
        else if (c >= 0xE000 && c <= 0xF8FF) d->pua++;
        else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) d->bidi++;
    }
    d->out->len = (size_t)((char *)o - d->out->ptr);
    d->out->ptr[d->out->len] = '\0';
    return KC_OK;
}

/* Convert p[0..n) with cv through a fixed UTF-16 buffer. */
static kc_status icu_run(dec *d, UConverter *cv, const unsigned char *p, size_t n)
{
    UChar ub[U16_CHUNK];
    int32_t offs[U16_CHUNK];
    const char *src = (const char *)p, *lim = src + n;
    ucnv_resetToUnicode(cv);
    d->hi = 0;
    for (;;) {
        UChar *t = ub;
        const char *s0 = src;
        UErrorCode e = U_ZERO_ERROR;
        ucnv_toUnicode(cv, &t, ub + U16_CHUNK, &src, lim, offs, 1, &e);
        kc_status st = emit_u16(d, ub, (size_t)(t - ub), offs,
                                (const unsigned char *)s0);
        if (st) return st;
        if (e == U_BUFFER_OVERFLOW_ERROR) continue;
        if (e == U_MEMORY_ALLOCATION_ERROR) return KC_ENOMEM;
        if (U_FAILURE(e)) return KC_EENCODING;
        break;
    }
    if (d->hi) { /* cannot happen with ICU's converters; never drop data */
        d->hi = 0;
        return kc__buf_append(d->out, fffd, 3);
    }
    return KC_OK;
}

static kc_status icu_whole(dec *d, const char *name, const unsigned char *p,
                           size_t n)
{
    UConverter *cv = NULL;
    kc_status st = open_conv(name, d, &cv);
    if (st) return st;
    st = icu_run(d, cv, p, n);
    ucnv_close(cv);
    return st;
}

/* ---------------- AUTO: per-line UTF-8 / CP949 ---------------- */

enum { L_ASCII, L_UTF8, L_AMBIG, L_CP949 };

/* Read p[0..n) as CP949 pairs without converting: *hangul counts pairs
 * that are Hangul syllables (KS X 1001 B0-C8 × A1-FE, or the UHC extension:
 * leads 81-C6 with trails 41-5A, 61-7A, 81-FE below the KS X 1001 area),
 * *bad counts bytes that cannot start or finish a pair. */
static void cp949_scan(const unsigned char *p, size_t n, size_t *hangul,
                       size_t *bad, size_t *units)
{
    size_t h = 0, b = 0, u = 0;
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c < 0x80) { i++; continue; }
        if (c == 0x80 || c == 0xFF || i + 1 >= n) { b++; u++; i++; continue; }
        unsigned t = p[i + 1];
        bool ks = c >= 0xA1 && t >= 0xA1 && t <= 0xFE;
        bool ext = c <= 0xC6 && ((t >= 0x41 && t <= 0x5A) || (t >= 0x61 && t <= 0x7A) ||
                                 (t >= 0x81 && t <= 0xFE)) &&
                   (c < 0xA1 || t < 0xA1) && !(c == 0xC6 && t > 0x52 && t < 0xA1);
        u++;
        if (ks || ext) {
            if (ext || (c >= 0xB0 && c <= 0xC8)) h++;
            i += 2;
        } else {
            b++;
            i++;
        }
    }
    *hangul = h;
    *bad = b;
    *units = u;
}

/* A line (bytes up to and including its '\n') is read both ways, counting
 * Hangul syllables and invalid sequences of each reading:
 *  - valid in exactly one reading: that one;
 *  - valid in both: UTF-8 if that reading has Hangul (short UTF-8 lines
 *    often pair up as CP949), else CP949 if that one has (캠 is C4 B7 in
 *    CP949, "ķ" in UTF-8; 천체 is C3 B5 C3 BC, "õü"), else AMBIG, settled
 *    by the file's majority in decode_mixed;
 *  - corrupt both ways: the reading with the lower share of invalid
 *    sequences (UTF-8 with one truncated character at the end of a
 *    100 MB line vs. the many bad pairs UTF-8 bytes make as CP949); a tie
 *    is AMBIG;
 *  - pure ASCII reads the same both ways. */
static int classify_line(const unsigned char *p, size_t n)
{
    size_t hc, bc, uc;
    cp949_scan(p, n, &hc, &bc, &uc);
    size_t i = 0, good = 0, h8 = 0, b8 = 0;
    while (i < n) {
        if (p[i] < 0x80) { i++; continue; }
        size_t nb = 0, k = utf8_seq(p + i, n - i, &nb);
        if (!k) {
            if (!bc) return L_CP949; /* valid only as CP949: the usual case */
            b8++;
            i += nb;
            continue;
        }
        good++;
        if (k == 3) {
            uint32_t cp = ((p[i] & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) |
                          (p[i + 2] & 0x3Fu);
            h8 += kc__is_hangul_syllable(cp);
        }
        i += k;
    }
    if (!good && !b8) return L_ASCII;
    if (!b8) {
        if (bc) return L_UTF8;
        /* UTF-8 Hangul from CP949 bytes needs a Hanja pair EA-ED/B0-BF
         * followed by a continuation-range lead: rare; UTF-8 Hangul that
         * also pairs up as CP949 is common (경제 = EA B2 BD EC A0 9C). */
        return h8 ? L_UTF8 : hc ? L_CP949 : L_AMBIG;
    }
    /* both corrupt: b8 / (good + b8) against bc / uc */
    double r8 = (double)b8 * (double)uc, rc = (double)bc * (double)(good + b8);
    return r8 < rc ? L_UTF8 : rc < r8 ? L_CP949 : L_AMBIG;
}

/* Are all double-byte pairs in the KS X 1001 area A1-FE × A1-FE (then the
 * file is plain EUC-KR, not using the UHC extension)? */
static bool ksx1001_only(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) { i++; continue; }
        if (i + 1 >= n || p[i] < 0xA1 || p[i] > 0xFE || p[i + 1] < 0xA1 ||
            p[i + 1] > 0xFE)
            return false;
        i += 2;
    }
    return true;
}

/* Korean news decoded with the right code page is mostly Hangul syllables
 * with a little Hanja and punctuation and essentially no undecodable bytes.
 * Other 8-bit text read as CP949 produces Hanja, symbols and invalid
 * pairs. Require at least half of the decoded non-ASCII characters to be
 * Hangul and at most one invalid sequence per 8 syllables. */
static bool looks_korean(size_t hangul, size_t nonascii, size_t invalid)
{
    if (hangul == 0) return false;
    if (hangul * 2 < nonascii) return false;
    size_t lim;
    if (!kc__mul_ok(invalid, 8, &lim)) return false;
    return lim <= hangul;
}

typedef struct auto_result {
    bool any_utf8_nonascii, any_cp949, ksx_only, korean;
} auto_result;

static kc_status decode_group(dec *d, UConverter *cv, int cls,
                              const unsigned char *p, size_t n,
                              auto_result *r, size_t *h, size_t *na,
                              size_t *inv)
{
    if (cls != L_CP949) {
        if (cls == L_UTF8) r->any_utf8_nonascii = true;
        return utf8_run(d, p, n, false, NULL);
    }
    r->any_cp949 = true;
    if (r->ksx_only && !ksx1001_only(p, n)) r->ksx_only = false;
    size_t h0 = d->hangul, na0 = d->nonascii, i0 = d->invalid;
    kc_status st = icu_run(d, cv, p, n);
    *h += d->hangul - h0;
    *na += d->nonascii - na0;
    *inv += d->invalid - i0;
    return st;
}

static kc_status decode_mixed(dec *d, const unsigned char *in, size_t len,
                              auto_result *r)
{
    UConverter *cv = NULL;
    kc_status st = open_conv(UHC_NAME, d, &cv);
    if (st) return st;
    r->any_utf8_nonascii = r->any_cp949 = false;
    r->ksx_only = true;
    /* First pass: classify every line (one byte each) and count the
     * votes of the unambiguous ones. */
    kc_buf cls;
    kc__buf_init(&cls);
    size_t votes_u8 = 0, votes_cp = 0, i = 0;
    while (i < len) {
        const unsigned char *nl = memchr(in + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - in) + 1 : len;
        int c = classify_line(in + i, end - i);
        votes_u8 += c == L_UTF8;
        votes_cp += c == L_CP949;
        if (kc__buf_putc(&cls, (char)c)) {
            kc__buf_free(&cls);
            ucnv_close(cv);
            return KC_ENOMEM;
        }
        i = end;
    }
    int ambig = votes_cp >= votes_u8 ? L_CP949 : L_UTF8;
    size_t h = 0, na = 0, inv = 0, gstart = 0, line = 0;
    int gcls = L_ASCII;
    i = 0;
    while (i < len && st == KC_OK) {
        const unsigned char *nl = memchr(in + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - in) + 1 : len;
        int c = (unsigned char)cls.ptr[line++];
        if (c == L_AMBIG) c = ambig;
        if (c != L_ASCII && gcls != L_ASCII && c != gcls) {
            st = decode_group(d, cv, gcls, in + gstart, i - gstart, r, &h, &na, &inv);
            gstart = i;
        }
        if (c != L_ASCII) gcls = c;
        i = end;
    }
    if (st == KC_OK)
        st = decode_group(d, cv, gcls, in + gstart, len - gstart, r, &h, &na, &inv);
    kc__buf_free(&cls);
    ucnv_close(cv);
    r->korean = r->any_cp949 && looks_korean(h, na, inv);
    return st;
}

/* ICU's detector, trusted only at high confidence. name receives its
 * answer. Returns false when the answer is not usable. */
static bool detect_other(const unsigned char *in, size_t len, char *name,
                         size_t namelen)
{
    UErrorCode e = U_ZERO_ERROR;
    UCharsetDetector *csd = ucsdet_open(&e);
    if (U_FAILURE(e)) return false;
    int32_t n = (int32_t)(len < DETECT_SAMPLE ? len : DETECT_SAMPLE);
    ucsdet_setText(csd, (const char *)in, n, &e);
    const UCharsetMatch *m = U_SUCCESS(e) ? ucsdet_detect(csd, &e) : NULL;
    bool ok = false;
    if (m && U_SUCCESS(e)) {
        int32_t conf = ucsdet_getConfidence(m, &e);
        const char *nm = ucsdet_getName(m, &e);
        /* UTF-8 is our own fallback anyway; EUC-KR / ISO-2022-KR means the
         * Korean check above already failed; IBM42x are EBCDIC Arabic and
         * Hebrew guesses that random bytes attract. */
        if (U_SUCCESS(e) && nm && conf >= DETECT_MIN_CONFIDENCE &&
            strcmp(nm, "UTF-8") != 0 && strcmp(nm, "EUC-KR") != 0 &&
            strcmp(nm, "ISO-2022-KR") != 0 && strncmp(nm, "IBM42", 5) != 0) {
            snprintf(name, namelen, "%s", nm);
            ok = true;
        }
    }
    ucsdet_close(csd);
    return ok;
}

static kc_status decode_auto(dec *d, const unsigned char *in, size_t len,
                             char *encname, size_t enclen)
{
    size_t mark = d->out->len;
    bool bad = false;
    kc_status st = utf8_run(d, in, len, true, &bad);
    if (st || !bad) {
        snprintf(encname, enclen, "UTF-8");
        return st;
    }
    /* Not valid UTF-8: start over on the whole input. */
    d->out->len = mark;
    reset_counts(d);
    auto_result r;
    st = decode_mixed(d, in, len, &r);
    if (st) return st;
    if (!r.any_cp949) { /* only corrupt UTF-8 lines */
        snprintf(encname, enclen, "UTF-8");
        return KC_OK;
    }
    if (r.korean) {
        snprintf(encname, enclen, "%s",
                 r.any_utf8_nonascii ? "UTF-8+CP949" : r.ksx_only ? "EUC-KR" : "CP949");
        return KC_OK;
    }
    d->out->len = mark;
    reset_counts(d);
    char nm[64];
    if (detect_other(in, len, nm, sizeof nm)) {
        size_t m2 = d->out->len;
        st = icu_whole(d, nm, in, len);
        if (st == KC_OK) {
            /* ICU's names are short; cut to the stats field if ever not */
            size_t n = strlen(nm);
            if (n >= enclen) n = enclen - 1;
            memcpy(encname, nm, n);
            encname[n] = '\0';
            return KC_OK;
        }
        if (st != KC_EENCODING) return st;
        d->out->len = m2; /* ICU cannot open its own answer: fall back */
        reset_counts(d);
    }
    snprintf(encname, enclen, "UTF-8");
    return utf8_run(d, in, len, false, NULL);
}

static void add_counts(const dec *d, const char *name, kc_stats *st)
{
    if (d->have_bad && st->invalid_sequences == 0 && st->nul_bytes == 0)
        st->first_invalid_byte = d->first_bad;
    st->invalid_sequences += d->invalid;
    st->nul_bytes += d->nul;
    st->control_chars += d->ctrl;
    st->private_use += d->pua;
    st->bidi_controls += d->bidi;
    snprintf(st->encoding, sizeof st->encoding, "%s", name);
}

bool kc__decode_as_is(const unsigned char *in, size_t len, kc_encoding enc,
                      bool text_input, kc_stats *st)
{
    if (!in || !st) return false;
    /* kc__decode's order: a BOM is stripped or converted, CP949 is forced */
    if (!text_input) {
        if (enc != KC_ENC_UTF8 && enc != KC_ENC_AUTO) return false;
        if (len >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF) return false;
        if (len >= 2 && ((in[0] == 0xFF && in[1] == 0xFE) || (in[0] == 0xFE && in[1] == 0xFF)))
            return false;
    }
    dec d;
    memset(&d, 0, sizeof d);
    d.base = in;
    bool bad = false;
    utf8_run(&d, in, len, true, &bad); /* no output: cannot fail */
    if (bad) return false;
    add_counts(&d, "UTF-8", st);
    return true;
}

kc_status kc__decode(const unsigned char *in, size_t len, kc_encoding enc,
                     bool text_input, kc_buf *out, kc_stats *st)
{
    if ((!in && len) || !out || !st) return KC_EINVAL;
    if (!in) in = (const unsigned char *)"";
    dec d;
    memset(&d, 0, sizeof d);
    d.out = out;
    d.base = in;
    char name[sizeof st->encoding];
    kc_status rc;
    /* Output ≈ input for UTF-8; a little slack so a few U+FFFD (3 bytes
     * for 1) don't force a copy of the whole buffer. */
    size_t want;
    if (!kc__add_ok(len, 64, &want) || kc__buf_reserve(out, want)) return KC_ENOMEM;

    if (text_input) {
        snprintf(name, sizeof name, "UTF-8");
        rc = utf8_run(&d, in, len, false, NULL);
    } else if (len >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF) {
        snprintf(name, sizeof name, "UTF-8");
        rc = utf8_run(&d, in + 3, len - 3, false, NULL);
    } else if (len >= 2 && ((in[0] == 0xFF && in[1] == 0xFE) ||
                            (in[0] == 0xFE && in[1] == 0xFF))) {
        snprintf(name, sizeof name, in[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
        rc = icu_whole(&d, name, in + 2, len - 2);
    } else if (enc == KC_ENC_UTF8) {
        snprintf(name, sizeof name, "UTF-8");
        rc = utf8_run(&d, in, len, false, NULL);
    } else if (enc == KC_ENC_CP949 || enc == KC_ENC_EUCKR) {
        snprintf(name, sizeof name, enc == KC_ENC_CP949 ? "CP949" : "EUC-KR");
        rc = icu_whole(&d, UHC_NAME, in, len);
    } else if (enc == KC_ENC_AUTO) {
        rc = decode_auto(&d, in, len, name, sizeof name);
    } else {
        return KC_EENCODING;
    }
    if (rc) return rc;
    add_counts(&d, name, st);
    return KC_OK;
}
