/*
 * jsonl_fast.h — the fast path of the CLI's JSONL reader (src/main.c), also
 * included by tests/fuzz/fuzz_jsonl.c, which checks it against jansson.
 *
 * Why: json_loadb builds a tree, hashes every key and copies every string
 * into its own allocation; on the bench corpus it was half of `clean`'s
 * time. Articles are almost always one flat object whose values are strings,
 * so this scanner takes exactly that shape and decodes the fields the CLI
 * uses into one caller-owned buffer.
 *
 * Contract: kc_jf_parse returns 1 only for a line that json_loadb(line,
 * JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL) accepts as an object with a
 * string "text" and on which every json_object_get of a wanted key gives
 * the same string (same bytes, same length). Anything unusual — a value
 * that is not a string, an escape in a key, a repeated key, more than
 * KC_JF_MAX_KEYS keys, a control character, invalid UTF-8, a lone
 * surrogate, trailing data — returns 0 and the caller falls back to
 * jansson, which then gives the exact result or error message. The fast
 * path is therefore never stricter or looser than jansson: only faster.
 */
#ifndef KC_JSONL_FAST_H
#define KC_JSONL_FAST_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "simd.h"

#define KC_JF_MAX_KEYS 32

/* The fields the CLI reads. */
enum { KC_JF_TEXT, KC_JF_ID, KC_JF_DATE, KC_JF_TITLE, KC_JF_URL, KC_JF_SOURCE, KC_JF_NFIELDS };

typedef struct kc_jf {
    char *buf;              /* decoded values, each NUL-terminated */
    size_t cap;
    size_t off[KC_JF_NFIELDS], len[KC_JF_NFIELDS];
    int have[KC_JF_NFIELDS];
} kc_jf;

static const char *const kc_jf_names[KC_JF_NFIELDS] = {"text", "id", "date", "title", "url", "source"};

static inline int kc_jf_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline int kc_jf_hex(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static inline int kc_jf_u4(const unsigned char *p, const unsigned char *end, uint32_t *v)
{
    if (end - p < 4) return 0;
    uint32_t r = 0;
    for (int i = 0; i < 4; i++) {
        int h = kc_jf_hex(p[i]);
        if (h < 0) return 0;
        r = (r << 4) | (uint32_t)h;
    }
    *v = r;
    return 1;
}

/* Scan the JSON string whose opening quote is at *pp; on success *pp points
 * past the closing quote. If out is not NULL the decoded bytes are written
 * there (they never exceed the raw length) and *outlen receives their
 * number. Returns 0 for anything the fast path does not take. Strictly
 * well-formed UTF-8 only (no overlongs, surrogates or values past
 * U+10FFFF), as jansson requires. */
#if KC_SIMD
/* Sixteen bytes at q (q[-2] to q[16] readable) that are plain string
 * content: no quote, backslash or control byte, and well-formed UTF-8 made
 * of ASCII, 2-byte characters and 3-byte ones with leads E1-EF (ED below
 * the surrogates; E0, with its overlong check, and 4-byte characters are
 * left to the scalar code). */
static inline int kc_jf_block_plain(const unsigned char *q)
{
    kc_v16 v = kc_v16_load(q), n1 = kc_v16_load(q + 1);
    kc_m16 ok = (kc_v16_in(v, 0x20, 0x7F) & (v != '"') & (v != '\\')) |
                kc_v16_in(v, 0x80, 0xBF) | kc_v16_in(v, 0xC2, 0xDF) |
                (kc_v16_in(v, 0xE1, 0xEF) & ((v != 0xED) | (n1 <= 0x9F)));
    return kc_m16_all(ok & kc_v16_cont_ok(v, kc_v16_load(q - 1), kc_v16_load(q - 2)));
}
#endif

static int kc_jf_string(const unsigned char **pp, const unsigned char *end, char *out,
                        size_t *outlen, int *escaped)
{
    const unsigned char *p = *pp + 1;
    char *o = out;
    *escaped = 0;
    while (p < end) {
#if KC_SIMD
        /* sixteen plain bytes at a time, from a character boundary no lead
         * before it reaches into (the bytes before p are in the line) */
        if (p >= *pp + 2 && end - p >= 17 && p[-1] < 0xC0 && p[-2] < 0xC0) {
            const unsigned char *p0 = p;
            while (end - p >= 17 && kc_jf_block_plain(p)) {
                if (o) memcpy(o + (p - p0), p, 16);
                p += 16;
            }
            if (p != p0) {
                p = p0 + kc_utf8_back(p0, (size_t)(p - p0), 0);
                if (o) o += p - p0;
            }
        }
#endif
        /* plain ASCII runs, eight bytes at a time: no quote, backslash,
         * control or non-ASCII byte in the word */
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
            uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
            uint64_t t = ((q - ones) & ~q) | ((b - ones) & ~b) | (w - ones * 0x20) | w;
            if (t & high) break;
            if (o) { memcpy(o, p, 8); o += 8; }
            p += 8;
        }
        /* Hangul and other 3-byte characters (leads E1-EC, ED below the
         * surrogates), the bulk of Korean text; a whole run is copied at
         * once */
        const unsigned char *run = p;
        while (end - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
               ((unsigned)(p[0] - 0xE1) < 0x0C || (p[0] == 0xED && p[1] < 0xA0)))
            p += 3;
        if (p != run) {
            if (o) { memcpy(o, run, (size_t)(p - run)); o += p - run; }
            continue;
        }
        if (p >= end) return 0;
        unsigned char c = *p;
        if (c == '"') {
            *pp = p + 1;
            if (o) *outlen = (size_t)(o - out);
            return 1;
        }
        if (c < 0x20) return 0; /* jansson: control character in string */
        if (c < 0x80) {
            if (c != '\\') { /* ASCII between Hangul words: one at a time */
                if (o) *o++ = (char)c;
                p++;
                continue;
            }
            *escaped = 1;
            if (end - p < 2) return 0;
            unsigned char e = p[1];
            char r;
            switch (e) {
            case '"': r = '"'; break;
            case '\\': r = '\\'; break;
            case '/': r = '/'; break;
            case 'b': r = '\b'; break;
            case 'f': r = '\f'; break;
            case 'n': r = '\n'; break;
            case 'r': r = '\r'; break;
            case 't': r = '\t'; break;
            case 'u': {
                uint32_t cp;
                if (!kc_jf_u4(p + 2, end, &cp)) return 0;
                p += 6;
                if (cp >= 0xDC00 && cp <= 0xDFFF) return 0; /* lone low surrogate */
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    uint32_t lo;
                    if (end - p < 2 || p[0] != '\\' || p[1] != 'u' || !kc_jf_u4(p + 2, end, &lo) ||
                        lo < 0xDC00 || lo > 0xDFFF)
                        return 0;
                    p += 6;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                if (o) {
                    if (cp < 0x80) *o++ = (char)cp;
                    else if (cp < 0x800) {
                        *o++ = (char)(0xC0 | (cp >> 6));
                        *o++ = (char)(0x80 | (cp & 0x3F));
                    } else if (cp < 0x10000) {
                        *o++ = (char)(0xE0 | (cp >> 12));
                        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                        *o++ = (char)(0x80 | (cp & 0x3F));
                    } else {
                        *o++ = (char)(0xF0 | (cp >> 18));
                        *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
                        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                        *o++ = (char)(0x80 | (cp & 0x3F));
                    }
                }
                continue;
            }
            default: return 0;
            }
            if (o) *o++ = r;
            p += 2;
            continue;
        }
        /* multi-byte UTF-8 (Unicode Table 3-7) */
        size_t n;
        if (c >= 0xC2 && c <= 0xDF) {
            if (end - p < 2 || (p[1] & 0xC0) != 0x80) return 0;
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
            if (c == 0xE0 && p[1] < 0xA0) return 0; /* overlong */
            if (c == 0xED && p[1] > 0x9F) return 0; /* surrogate */
            n = 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
                (p[3] & 0xC0) != 0x80)
                return 0;
            if (c == 0xF0 && p[1] < 0x90) return 0; /* overlong */
            if (c == 0xF4 && p[1] > 0x8F) return 0; /* past U+10FFFF */
            n = 4;
        } else {
            return 0;
        }
        if (o) { memcpy(o, p, n); o += n; }
        p += n;
    }
    return 0;
}

/* Parse line[0..len). Returns 1 with the wanted fields decoded into f, 0 to
 * fall back (see the contract above), -1 when out of memory. */
static int kc_jf_parse(kc_jf *f, const char *line, size_t len)
{
    const unsigned char *p = (const unsigned char *)line, *end = p + len;
    for (int i = 0; i < KC_JF_NFIELDS; i++) f->have[i] = 0;
    if (f->cap < len + 2 * KC_JF_NFIELDS) {
        size_t ncap = len + 2 * KC_JF_NFIELDS + 64;
        char *nb = realloc(f->buf, ncap);
        if (!nb) return -1;
        f->buf = nb;
        f->cap = ncap;
    }
    size_t used = 0;
    const unsigned char *keys[KC_JF_MAX_KEYS];
    size_t klen[KC_JF_MAX_KEYS], nkeys = 0;
    while (p < end && kc_jf_ws(*p)) p++;
    if (p == end || *p != '{') return 0;
    p++;
    while (p < end && kc_jf_ws(*p)) p++;
    if (p == end || *p != '"') return 0; /* {} and odd shapes: jansson */
    for (;;) {
        /* key */
        if (p == end || *p != '"' || nkeys == KC_JF_MAX_KEYS) return 0;
        const unsigned char *k0 = p + 1;
        int esc;
        if (!kc_jf_string(&p, end, NULL, NULL, &esc) || esc) return 0;
        size_t kn = (size_t)(p - 1 - k0);
        for (size_t i = 0; i < nkeys; i++)
            if (klen[i] == kn && memcmp(keys[i], k0, kn) == 0) return 0; /* duplicate */
        keys[nkeys] = k0;
        klen[nkeys++] = kn;
        while (p < end && kc_jf_ws(*p)) p++;
        if (p == end || *p != ':') return 0;
        p++;
        while (p < end && kc_jf_ws(*p)) p++;
        if (p == end || *p != '"') return 0; /* not a string value */
        int field = -1;
        for (int i = 0; i < KC_JF_NFIELDS; i++)
            if (strlen(kc_jf_names[i]) == kn && memcmp(kc_jf_names[i], k0, kn) == 0) field = i;
        if (field >= 0) {
            size_t vn;
            if (!kc_jf_string(&p, end, f->buf + used, &vn, &esc)) return 0;
            f->off[field] = used;
            f->len[field] = vn;
            f->have[field] = 1;
            f->buf[used + vn] = '\0';
            used += vn + 1;
        } else if (!kc_jf_string(&p, end, NULL, NULL, &esc)) {
            return 0;
        }
        while (p < end && kc_jf_ws(*p)) p++;
        if (p == end) return 0;
        if (*p == '}') { p++; break; }
        if (*p != ',') return 0;
        p++;
        while (p < end && kc_jf_ws(*p)) p++;
    }
    while (p < end && kc_jf_ws(*p)) p++;
    if (p != end) return 0; /* trailing data: jansson's message */
    return f->have[KC_JF_TEXT];
}

#endif /* KC_JSONL_FAST_H */
