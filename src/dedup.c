/* dedup.c — paragraph deduplication.
 *
 * Key: NFKC_Casefold of the paragraph with every white-space character
 * removed (utf8proc also strips default-ignorable code points: zero-width
 * characters, U+FEFF, Hangul fillers), so the same paragraph in NFD, with
 * full-width letters or odd spacing has one key. Digits are never folded:
 * paragraphs that differ only in a figure are different facts.
 *
 * Fingerprint: XXH3-128 of the key with a per-process random seed. A fixed,
 * unkeyed hash lets an adversary choose paragraphs that all collide and turn
 * the table quadratic (cmark #220, redis SipHash); xxHash (Debian
 * libxxhash) is used rather than a hand-written hash because it is fast
 * (several GB/s) and well tested.
 *
 * Exact duplicates: a paragraph whose fingerprint was seen earlier in the
 * document (or, with kc_dedup, in an earlier document) is dropped — but a
 * short paragraph (fewer than KC_SHORT_PARA code points, e.g. "그럼!") only
 * when it sits in a run of duplicates next to a long one, so that a
 * legitimately repeated short line survives.
 *
 * Near-duplicates: paragraphs of at least opts->near_dup_min_chars code
 * points get a bottom-k MinHash sketch (k = 64) of 5-character shingles of
 * the key; candidates share one of their 8 smallest shingle hashes (found
 * through an index, at most 32 per paragraph), and the
 * Jaccard estimate from the sketches must reach opts->near_dup_threshold.
 * Paragraphs whose digits differ are never near-duplicates (figures are
 * facts). Within one document only (a corpus-wide near-duplicate index would cost far
 * more than the 16 bytes per paragraph the exact set needs). The sketches
 * use a fixed seed, not the per-process one: a bottom-k estimate near the
 * threshold depends on the hash function, and with a random seed the same
 * input dropped a different set of near-duplicates from run to run (and so
 * for every -j). A chosen-collision attack gains nothing there: candidates
 * are capped per paragraph, and a forged near-duplicate only drops the
 * attacker's own paragraph.
 */
#include "internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>
#include <xxhash.h>

#define KC_SHORT_PARA 20
#define KC_SKETCH 64
#define KC_BANDS 8
#define KC_SHINGLE 5
/* MinHash seed (see above): any fixed value */
#define KC_SKETCH_SEED 0x6b636f7270757321ULL

static uint64_t g_seed;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static void seed_init(void)
{
    uint64_t s = 0;
    if (getrandom(&s, sizeof s, 0) != (ssize_t)sizeof s) {
        /* no entropy source: still vary per process */
        s = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32) ^ (uint64_t)(uintptr_t)&s;
    }
    g_seed = s;
}

static uint64_t seed(void)
{
    pthread_once(&g_once, seed_init);
    return g_seed;
}

/* Build the dedup key of s into out. */
static kc_status make_key(const char *s, size_t len, kc_buf *out)
{
    kc__buf_clear(out);
    /* Fast path: ASCII and precomposed Hangul syllables need no Unicode
     * work beyond ASCII case folding (most news text). */
    bool simple = true;
    for (size_t i = 0; i < len && simple;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { i++; continue; }
        size_t n;
        uint32_t cp = kc__utf8_get((const unsigned char *)s + i, &n);
        if (!kc__is_hangul_syllable(cp)) simple = false;
        i += n;
    }
    if (simple) {
        if (kc__buf_reserve(out, len) != KC_OK) return KC_ENOMEM;
        for (size_t i = 0; i < len; i++) {
            char c = s[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
            if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
            out->ptr[out->len++] = c;
        }
        out->ptr[out->len] = '\0';
        return KC_OK;
    }
    /* utf8proc stops at NUL unless given the length; the reader has
     * replaced NUL already, but pass the length anyway. */
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                          UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    if (m < 0) {
        /* invalid input cannot happen after decode; fall back to raw bytes */
        return kc__buf_append(out, s, len);
    }
    if (kc__buf_reserve(out, (size_t)m) != KC_OK) { free(mapped); return KC_ENOMEM; }
    for (utf8proc_ssize_t i = 0; i < m;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(mapped + i, m - i, &cp);
        if (n <= 0) break;
        const utf8proc_property_t *p = utf8proc_get_property(cp);
        /* drop white space and the Hangul fillers NFKC keeps */
        bool skip = p->category == UTF8PROC_CATEGORY_ZS || cp == '\t' || cp == '\n' || cp == '\r' ||
                    cp == '\f' || cp == '\v' || cp == 0x85 || cp == 0x2028 || cp == 0x2029 ||
                    cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 ||
                    (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF || cp == 0x2060 || cp == 0xAD;
        if (!skip) memcpy(out->ptr + out->len, mapped + i, (size_t)n), out->len += (size_t)n;
        i += n;
    }
    out->ptr[out->len] = '\0';
    free(mapped);
    return KC_OK;
}

kc_status kc__dedup_fingerprint(const char *s, size_t len, const uint8_t *key, kc_fp *out)
{
    kc_buf k;
    kc__buf_init(&k);
    kc_status st = make_key(s, len, &k);
    if (st == KC_OK) {
        uint64_t sd = seed();
        if (key) memcpy(&sd, key, sizeof sd);
        XXH128_hash_t h = XXH3_128bits_withSeed(k.ptr ? k.ptr : "", k.len, sd);
        out->lo = h.low64;
        out->hi = h.high64;
    }
    kc__buf_free(&k);
    return st;
}

/* ---------------- fingerprint set (open addressing) ---------------- */

typedef struct fpset {
    kc_fp *slots; /* {0,0} = empty; a real {0,0} fingerprint is mapped to {0,1} */
    size_t cap, n;
} fpset;

static void fpset_free(fpset *s) { free(s->slots); s->slots = NULL; s->cap = s->n = 0; }

static kc_fp fp_fix(kc_fp f)
{
    if (!f.lo && !f.hi) f.hi = 1;
    return f;
}

static bool fpset_has(const fpset *s, kc_fp f)
{
    if (!s->cap) return false;
    f = fp_fix(f);
    size_t mask = s->cap - 1;
    for (size_t i = (size_t)f.lo & mask;; i = (i + 1) & mask) {
        const kc_fp *e = &s->slots[i];
        if (!e->lo && !e->hi) return false;
        if (e->lo == f.lo && e->hi == f.hi) return true;
    }
}

static kc_status fpset_add(fpset *s, kc_fp f);

static kc_status fpset_grow(fpset *s)
{
    size_t ncap = s->cap ? s->cap * 2 : 64, bytes;
    if (!kc__mul_ok(ncap, sizeof(kc_fp), &bytes)) return KC_ENOMEM;
    fpset old = *s;
    s->slots = calloc(ncap, sizeof(kc_fp));
    if (!s->slots) { *s = old; return KC_ENOMEM; }
    s->cap = ncap;
    s->n = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].lo || old.slots[i].hi) fpset_add(s, old.slots[i]);
    free(old.slots);
    return KC_OK;
}

/* Adds f; returns KC_OK (whether new or present) or KC_ENOMEM. */
static kc_status fpset_add(fpset *s, kc_fp f)
{
    /* load factor at most 0.75 keeps linear probing short */
    if ((s->n + 1) * 4 > s->cap * 3 && fpset_grow(s) != KC_OK) return KC_ENOMEM;
    f = fp_fix(f);
    size_t mask = s->cap - 1;
    for (size_t i = (size_t)f.lo & mask;; i = (i + 1) & mask) {
        kc_fp *e = &s->slots[i];
        if (!e->lo && !e->hi) { *e = f; s->n++; return KC_OK; }
        if (e->lo == f.lo && e->hi == f.hi) return KC_OK;
    }
}

/* ---------------- run rule for short paragraphs ---------------- */

/* seen[i]: line i's fingerprint was seen before; decide drops. Only content
 * lines (not empty, not already dropped, not title) take part. */
static kc_status apply_runs(kc_doc *d, const bool *seen, const size_t *cps)
{
    size_t n = d->nlines;
    bool *dup = calloc(n ? n : 1, sizeof *dup);
    if (!dup) return KC_ENOMEM;
    for (size_t i = 0; i < n; i++) dup[i] = seen[i] && cps[i] >= KC_SHORT_PARA;
    /* extend runs to short seen-before neighbours, both directions */
    bool changed = true;
    while (changed) {
        changed = false;
        size_t prev = SIZE_MAX;
        for (size_t i = 0; i < n; i++) {
            const kc_line *l = &d->lines[i];
            if (l->drop || l->is_title) continue;
            if (seen[i] && !dup[i] && prev != SIZE_MAX && dup[prev]) { dup[i] = true; changed = true; }
            prev = i;
        }
        size_t next = SIZE_MAX;
        for (size_t i = n; i-- > 0;) {
            const kc_line *l = &d->lines[i];
            if (l->drop || l->is_title) continue;
            if (seen[i] && !dup[i] && next != SIZE_MAX && dup[next]) { dup[i] = true; changed = true; }
            next = i;
        }
    }
    kc_status st = KC_OK;
    for (size_t i = 0; i < n && st == KC_OK; i++) {
        if (!dup[i]) continue;
        d->lines[i].drop = KC_DROP_DUPLICATE;
        st = kc__doc_add_drop(d, d->lines[i].lineno, KC_DROP_DUPLICATE);
    }
    free(dup);
    return st;
}

/* ---------------- near-duplicates: bottom-k MinHash ---------------- */

typedef struct sketch {
    uint64_t h[KC_SKETCH];
    size_t n;       /* number of valid hashes (sorted ascending) */
    uint64_t digits; /* hash of the paragraph's digits, in order */
} sketch;

static void sketch_insert(sketch *sk, uint64_t v)
{
    if (sk->n == KC_SKETCH && v >= sk->h[KC_SKETCH - 1]) return;
    size_t i = sk->n < KC_SKETCH ? sk->n : KC_SKETCH - 1;
    /* insertion keeps the array sorted; skip duplicates */
    size_t pos = i;
    while (pos > 0 && sk->h[pos - 1] > v) pos--;
    if (pos > 0 && sk->h[pos - 1] == v) return;
    for (size_t k = i; k > pos; k--) sk->h[k] = sk->h[k - 1];
    sk->h[pos] = v;
    if (sk->n < KC_SKETCH) sk->n++;
}

static void build_sketch(const char *key, size_t len, uint64_t sd, sketch *sk)
{
    sk->n = 0;
    /* code-point start offsets of a sliding window of KC_SHINGLE chars */
    size_t starts[KC_SHINGLE + 1];
    size_t nst = 0;
    for (size_t i = 0; i <= len;) {
        if (nst == KC_SHINGLE + 1) {
            memmove(starts, starts + 1, KC_SHINGLE * sizeof *starts);
            nst--;
        }
        starts[nst++] = i;
        if (nst == KC_SHINGLE + 1)
            sketch_insert(sk, XXH3_64bits_withSeed(key + starts[0], starts[KC_SHINGLE] - starts[0], sd));
        if (i == len) break;
        size_t n = 1;
        unsigned char c = (unsigned char)key[i];
        if (c >= 0xF0) n = 4; else if (c >= 0xE0) n = 3; else if (c >= 0xC0) n = 2;
        i += n;
    }
    if (sk->n == 0) sketch_insert(sk, XXH3_64bits_withSeed(key, len, sd));
    /* Figures are facts: two paragraphs that differ in any number are never
     * near-duplicates, however similar the words ("16일 3천290만 명" vs "17일
     * 3천460만 명"). */
    char dg[256];
    size_t nd = 0;
    uint64_t acc = sd;
    for (size_t i = 0; i < len; i++) {
        if (key[i] < '0' || key[i] > '9') continue;
        dg[nd++] = key[i];
        if (nd == sizeof dg) { acc = XXH3_64bits_withSeed(dg, nd, acc); nd = 0; }
    }
    sk->digits = XXH3_64bits_withSeed(dg, nd, acc);
}

/* Jaccard estimate from two bottom-k sketches. */
static double jaccard(const sketch *a, const sketch *b)
{
    size_t i = 0, j = 0, taken = 0, both = 0;
    size_t k = a->n < b->n ? a->n : b->n;
    if (k == 0) return 0;
    while (taken < k && i < a->n && j < b->n) {
        if (a->h[i] == b->h[j]) { both++; i++; j++; }
        else if (a->h[i] < b->h[j]) i++;
        else j++;
        taken++;
    }
    return (double)both / (double)k;
}

/* Candidate index for near-duplicates: each kept sketch is filed under its
 * KC_BANDS smallest hashes (hash → chain of sketch ids). A paragraph is
 * compared only with sketches sharing one of its own smallest hashes, and
 * with at most KC_MAX_CANDIDATES of them, so the work per paragraph is
 * bounded whatever the input (comparing with every earlier paragraph was
 * quadratic: 25,000 long paragraphs took over 10 s). */
#define KC_MAX_CANDIDATES 32

typedef struct band_entry {
    size_t sketch;
    size_t next; /* SIZE_MAX ends a chain */
} band_entry;

typedef struct band_index {
    uint64_t *keys;  /* 0 = empty slot (a real 0 hash is stored as 1) */
    size_t *heads;
    size_t cap, n;
    band_entry *e;
    size_t ne, ecap;
} band_index;

static void band_free(band_index *b)
{
    free(b->keys);
    free(b->heads);
    free(b->e);
    memset(b, 0, sizeof *b);
}

static uint64_t band_key(uint64_t h) { return h ? h : 1; }

static size_t band_head(const band_index *b, uint64_t h)
{
    if (!b->cap) return SIZE_MAX;
    h = band_key(h);
    size_t mask = b->cap - 1;
    for (size_t i = (size_t)(h ^ (h >> 29)) & mask;; i = (i + 1) & mask) {
        if (!b->keys[i]) return SIZE_MAX;
        if (b->keys[i] == h) return b->heads[i];
    }
}

static kc_status band_put(band_index *b, uint64_t h, size_t sk_id);

static kc_status band_grow(band_index *b)
{
    size_t ncap = b->cap ? b->cap * 2 : 256;
    uint64_t *ok = b->keys;
    size_t *oh = b->heads, ocap = b->cap;
    b->keys = calloc(ncap, sizeof *b->keys);
    b->heads = malloc(ncap * sizeof *b->heads);
    if (!b->keys || !b->heads) {
        free(b->keys);
        free(b->heads);
        b->keys = ok;
        b->heads = oh;
        return KC_ENOMEM;
    }
    b->cap = ncap;
    b->n = 0;
    size_t mask = ncap - 1;
    for (size_t i = 0; i < ocap; i++) {
        if (!ok[i]) continue;
        size_t j = (size_t)(ok[i] ^ (ok[i] >> 29)) & mask;
        while (b->keys[j]) j = (j + 1) & mask;
        b->keys[j] = ok[i];
        b->heads[j] = oh[i];
        b->n++;
    }
    free(ok);
    free(oh);
    return KC_OK;
}

static kc_status band_put(band_index *b, uint64_t h, size_t sk_id)
{
    if ((b->n + 1) * 4 > b->cap * 3 && band_grow(b) != KC_OK) return KC_ENOMEM;
    if (b->ne == b->ecap) {
        size_t ncap = b->ecap ? b->ecap * 2 : 256, bytes;
        if (!kc__mul_ok(ncap, sizeof *b->e, &bytes)) return KC_ENOMEM;
        band_entry *p = realloc(b->e, bytes);
        if (!p) return KC_ENOMEM;
        b->e = p;
        b->ecap = ncap;
    }
    h = band_key(h);
    size_t mask = b->cap - 1, i = (size_t)(h ^ (h >> 29)) & mask;
    while (b->keys[i] && b->keys[i] != h) i = (i + 1) & mask;
    size_t prev = SIZE_MAX;
    if (!b->keys[i]) { b->keys[i] = h; b->n++; }
    else prev = b->heads[i];
    b->e[b->ne].sketch = sk_id;
    b->e[b->ne].next = prev;
    b->heads[i] = b->ne++;
    return KC_OK;
}

kc_status kc__dedup_doc(kc_doc *d, const kc_options *opts)
{
    size_t n = d->nlines;
    bool *seen = calloc(n ? n : 1, sizeof *seen);
    size_t *cps = calloc(n ? n : 1, sizeof *cps);
    fpset set = {0};
    kc_buf key;
    kc__buf_init(&key);
    kc_status st = (seen && cps) ? KC_OK : KC_ENOMEM;
    uint64_t sd = seed();
    /* near-duplicate candidates */
    sketch *sks = NULL;
    size_t *skline = NULL, nsk = 0;
    band_index bands;
    memset(&bands, 0, sizeof bands);
    size_t minc = opts->near_dup_min_chars ? opts->near_dup_min_chars : 40;
    double thr = opts->near_dup_threshold > 0 ? opts->near_dup_threshold : 0.8;

    for (size_t i = 0; i < n && st == KC_OK; i++) {
        kc_line *l = &d->lines[i];
        if (l->drop || l->is_title) continue;
        const char *s = d->text.ptr + l->off;
        st = make_key(s, l->len, &key);
        if (st != KC_OK) break;
        XXH128_hash_t h = XXH3_128bits_withSeed(key.ptr ? key.ptr : "", key.len, sd);
        l->fp.lo = h.low64;
        l->fp.hi = h.high64;
        l->has_fp = true;
        cps[i] = kc__utf8_count(s, l->len);
        if (key.len == 0) continue; /* only ignorable characters */
        if (fpset_has(&set, l->fp)) { seen[i] = true; continue; }
        st = fpset_add(&set, l->fp);
        if (st != KC_OK || cps[i] < minc) continue;
        /* near-duplicate of an earlier kept long paragraph? */
        sketch sk;
        build_sketch(key.ptr, key.len, KC_SKETCH_SEED, &sk);
        bool near = false;
        size_t examined = 0;
        for (size_t x = 0; x < KC_BANDS && x < sk.n && !near && examined < KC_MAX_CANDIDATES; x++) {
            for (size_t e = band_head(&bands, sk.h[x]); e != SIZE_MAX && !near; e = bands.e[e].next) {
                if (++examined > KC_MAX_CANDIDATES) break;
                const sketch *o = &sks[bands.e[e].sketch];
                if (o->digits == sk.digits && jaccard(&sk, o) >= thr) near = true;
            }
        }
        if (near) {
            l->drop = KC_DROP_NEAR_DUPLICATE;
            st = kc__doc_add_drop(d, l->lineno, KC_DROP_NEAR_DUPLICATE);
            continue;
        }
        if ((nsk & (nsk - 1)) == 0) {
            size_t cap = nsk ? nsk * 2 : 8, bytes;
            if (!kc__mul_ok(cap, sizeof *sks, &bytes)) { st = KC_ENOMEM; break; }
            sketch *p = realloc(sks, bytes);
            size_t *q = realloc(skline, cap * sizeof *skline);
            if (p) sks = p;
            if (q) skline = q;
            if (!p || !q) { st = KC_ENOMEM; break; }
        }
        sks[nsk] = sk;
        skline[nsk] = i;
        for (size_t x = 0; x < KC_BANDS && x < sk.n && st == KC_OK; x++) st = band_put(&bands, sk.h[x], nsk);
        nsk++;
    }
    if (st == KC_OK) st = apply_runs(d, seen, cps);
    free(sks);
    free(skline);
    band_free(&bands);
    fpset_free(&set);
    kc__buf_free(&key);
    free(seen);
    free(cps);
    return st;
}

/* ---------------- corpus-wide set ---------------- */

struct kc_dedup {
    fpset set;
};

kc_status kc_dedup_new(kc_dedup **out)
{
    if (!out) return KC_EINVAL;
    *out = calloc(1, sizeof **out);
    (void)seed();
    return *out ? KC_OK : KC_ENOMEM;
}

void kc_dedup_free(kc_dedup *d)
{
    if (!d) return;
    fpset_free(&d->set);
    free(d);
}

static int cmp_drop(const void *a, const void *b)
{
    const kc_drop *x = a, *y = b;
    return (x->line > y->line) - (x->line < y->line);
}

kc_status kc_dedup_apply(kc_dedup *dd, kc_doc *d)
{
    if (!dd || !d || !d->read_done || d->extract_done) return KC_EINVAL;
    size_t n = d->nlines;
    bool *seen = calloc(n ? n : 1, sizeof *seen);
    size_t *cps = calloc(n ? n : 1, sizeof *cps);
    if (!seen || !cps) { free(seen); free(cps); return KC_ENOMEM; }
    size_t before = d->ndrops;
    for (size_t i = 0; i < n; i++) {
        kc_line *l = &d->lines[i];
        if (l->drop || l->is_title || !l->has_fp) continue;
        seen[i] = fpset_has(&dd->set, l->fp);
        cps[i] = kc__utf8_count(d->text.ptr + l->off, l->len);
    }
    kc_status st = apply_runs(d, seen, cps);
    for (size_t i = 0; i < n && st == KC_OK; i++) {
        kc_line *l = &d->lines[i];
        if (!l->drop && !l->is_title && l->has_fp) st = fpset_add(&dd->set, l->fp);
    }
    free(seen);
    free(cps);
    if (st == KC_OK && d->ndrops != before) {
        qsort(d->drops, d->ndrops, sizeof *d->drops, cmp_drop);
        st = kc__doc_collect_paras(d);
    }
    return st;
}
