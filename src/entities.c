/* entities.c — kind "entity": people with titles, organisations, places,
 * products and media, under one canonical name, particles stripped.
 *
 * Data (all in dict/): gazetteer.tsv (canonical, type, aliases), titles.tsv,
 * surnames.tsv, particles.tsv, entity_suffixes.tsv (suffix rules, blocking
 * endings, stop words, corporate markers, source cues).
 *
 * Why a hand-written scanner and not one PCRE2 alternation: the gazetteer
 * has thousands of surface forms. An alternation of that size is a large
 * automaton that PCRE2 tries at every start position, and Korean attaches
 * particles to names (카카오는, 네이버 등과), so every match would still need
 * a second pass to strip them. Instead the paragraph is cut into words once,
 * and at each word start we look up the longest run of up to N words (N =
 * the most words in any gazetteer name) in a hash table, with the final
 * word's particle removed only when what remains is a known name. That is
 * a few hash probes per word: linear in the text, no backtracking, and no
 * pattern limit to hit. The suffix, title and surname rules are table
 * lookups on the same words.
 *
 * Passes over the words of a paragraph, each claiming words so that later
 * passes do not re-read them:
 *   1. gazetteer (longest match, multi-word, particle stripped last);
 *   2. persons: a Korean name next to a title, in either order, with known
 *      organisations or 전/현 between (이종호 과학기술정보통신부 장관);
 *   3. names already found earlier in the document, repeated bare
 *      (홍은택 대표가 … 홍은택은);
 *   4. suffix rules (…위원회, …공사, …역) with their guards, and corporate
 *      markers ((주)XX, XX㈜);
 *   5. source cues (X 집계, X 조사, X에 따르면) for proper-looking X.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------------ */
/* types                                                              */

enum { ET_PERSON = 0, ET_ORG, ET_LOC, ET_PRODUCT, ET_MEDIA, ET_NONE = 255 };
static const char *const etype_name[] = {"person", "org", "location",
                                         "product", "media"};

/* title kinds (titles.tsv) */
enum { TK_AFTER = 1, TK_SOLO, TK_BOTH, TK_HON, TK_PREFIX };
/* entity_suffixes.tsv kinds */
enum { SK_SUFFIX = 1, SK_BLOCK };
/* gazetteer classes (kind of a gazetteer key) */
enum { GC_NONE = 0, GC_COUNTRY, GC_REGION };
/* suffix guards */
enum { G_ANY = 0, G_KNOWN, G_KNOWN_ORG, G_NOT_KNOWN, G_AFTER_PLACE, G_AFTER_E };

typedef struct ent_key {
    const char *p;       /* surface form (into dictionary data) */
    const char *canon;   /* gazetteer: canonical name */
    uint32_t n, cn;
    uint8_t type;        /* ET_* */
    uint8_t kind;        /* title kind, suffix kind */
    uint8_t flag;        /* gazetteer: weak alias; particle: ends names;
                            suffix: guard */
    uint8_t min;         /* suffix: minimum syllables before it */
    uint8_t max;         /* suffix: maximum syllables before it (0: any) */
    bool exact;          /* gazetteer: matches in this case only (=IS) */
    bool used;
} ent_key;

typedef struct ent_table {
    /* tags[j]: 0 when slot j is empty, else 32 bits of the key's hash (never
     * 0). Most lookups miss (every stem and ending of every word is tried);
     * probing the small tag array instead of the 48-byte slots keeps them in
     * cache and skips the key compare. */
    uint32_t *tags;
    ent_key *slots;
    /* sig: a bit per signature (length, first two and last byte, folded),
     * cap * 8 bits. A probe whose signature bit is clear cannot be a key, so
     * most misses cost a few loads instead of hashing the whole probe (the
     * suffix and stem scans make ~20 probes per word, nearly all misses). */
    uint64_t *sig;
    unsigned sigshift;
    /* lastcp: a bit per last code point of a key (hashed, 4096 bits). The
     * suffix scans (endings, titles, corporate markers) try every tail of a
     * word; a word whose last character ends no key skips them all. */
    uint64_t lastcp[64];
    size_t cap, n;
    size_t maxlen;  /* longest key: longer probes fail at once, which keeps
                       suffix and prefix scans of a long word linear */
} ent_table;

/* Particle buckets: stem_at runs for every word, span and pass, and most
 * particles cannot end a given word; bucketing them by their last two bytes
 * (keeping the longest-first order inside a bucket) makes it try only the
 * few that can. Used only when every particle has two bytes or more. */
#define PBUCKETS 256

struct kc_entities {
    ent_table gaz, titles, surnames, stops, endings, corp, prefixes, sources,
        particles, nameend, gpe_agent, gpe_head, gpe_sport, gpe_loc, gpe_event, gpe_admin,
        gpe_demonym, gpe_adminname;
    /* first words of the multi-word gazetteer names: a span of several
     * words can only match a name when its first word is one of these */
    ent_table heads;
    kc_strv *plist;      /* particles, longest first */
    size_t nplist;
    size_t gaz_maxwords; /* most words in a gazetteer name */
    bool pbucketed;
    uint32_t pb_start[PBUCKETS + 1]; /* bucket b: pb_idx[pb_start[b] .. pb_start[b+1]) */
    uint32_t *pb_idx;                /* indexes into plist */
};

static inline unsigned pbucket(const char *p, size_t n)
{
    return ((unsigned char)p[n - 1] * 31u + (unsigned char)p[n - 2]) & (PBUCKETS - 1);
}

/* ------------------------------------------------------------------ */
/* hash table (ASCII case folded: NAVER = Naver)                      */

/* ASCII upper to lower case, a table (folding is on every probe's hot
 * path: signature, last code point, key compare) */
#define F4(b) (b), (b) + 1, (b) + 2, (b) + 3
#define F16(b) F4(b), F4((b) + 4), F4((b) + 8), F4((b) + 12)
static const unsigned char FOLD[256] = {
    F16(0), F16(16), F16(32), F16(48),
    64, F4(97), F4(101), F4(105), F4(109), F4(113), F4(117), 121, 122, 91, 92, 93, 94, 95,
    F16(96), F16(112), F16(128), F16(144), F16(160), F16(176),
    F16(192), F16(208), F16(224), F16(240)};
#undef F16
#undef F4

static inline unsigned char fold(unsigned char c)
{
    return FOLD[c];
}

/* ASCII A-Z → a-z in the eight bytes of w (other bytes unchanged). */
static inline uint64_t fold8(uint64_t w)
{
    const uint64_t h7 = w & 0x7F7F7F7F7F7F7F7Full;
    const uint64_t ge_a = h7 + 0x3F3F3F3F3F3F3F3Full; /* byte >= 'A' */
    const uint64_t gt_z = h7 + 0x2525252525252525ull; /* byte > 'Z' */
    const uint64_t up = ge_a & ~gt_z & ~w & 0x8080808080808080ull;
    return w | (up >> 2);
}

/* Eight bytes at a time (case folded as fold() does), then a final mix. */
static inline uint64_t hash_bytes(const char *p, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ fold8(w)) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    if (i < n) { /* the last 1-7 bytes, little-endian like memcpy */
        size_t r = n - i;
        uint64_t w;
        if (r >= 4) { /* two 4-byte loads that overlap: the shared bytes agree */
            uint32_t lo, hi;
            memcpy(&lo, p + i, 4);
            memcpy(&hi, p + i + r - 4, 4);
            w = (uint64_t)lo | (uint64_t)hi << (8 * (r - 4));
        } else {
            w = (uint64_t)(unsigned char)p[i] |
                (uint64_t)(unsigned char)p[i + r / 2] << (8 * (r / 2)) |
                (uint64_t)(unsigned char)p[i + r - 1] << (8 * (r - 1));
        }
        h = (h ^ fold8(w)) * 0xC4CEB9FE1A85EC53ull;
    }
    h ^= h >> 29;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
    return h;
}

static inline uint32_t hash_tag(uint64_t h)
{
    uint32_t t = (uint32_t)(h >> 40);
    return t ? t : 1;
}

static inline uint32_t sig_index(const char *p, size_t n, unsigned shift)
{
    uint32_t x = (uint32_t)(n & 0xFF) | (uint32_t)fold((unsigned char)p[0]) << 8 |
                 (uint32_t)fold((unsigned char)p[n > 1]) << 16 |
                 (uint32_t)fold((unsigned char)p[n - 1]) << 24;
    x ^= x >> 15;
    x *= 0x9E3779B1u;
    return x >> shift;
}

/* The last code point of p[0..n) (up to 3 bytes, folded), hashed to
 * 12 bits. */
static inline uint32_t lastcp_index(const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;
    uint32_t x = fold(u[n - 1]);
    if (n >= 2 && (u[n - 1] & 0xC0) == 0x80) {
        x |= (uint32_t)u[n - 2] << 8;
        if (n >= 3 && (u[n - 2] & 0xC0) == 0x80) x |= (uint32_t)u[n - 3] << 16;
    }
    x *= 0x9E3779B1u;
    return x >> 20;
}

/* Can some key end as p[0..n) ends (in its last code point)? */
static inline bool table_may_end(const ent_table *t, const char *p, size_t n)
{
    if (n == 0 || !t->maxlen) return false;
    uint32_t b = lastcp_index(p, n);
    return (t->lastcp[b >> 6] >> (b & 63)) & 1;
}

static inline void sig_set(ent_table *t, const char *p, size_t n)
{
    uint32_t b = sig_index(p, n, t->sigshift);
    t->sig[b >> 6] |= 1ull << (b & 63);
}

static bool eq_fold(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fold((unsigned char)a[i]) != fold((unsigned char)b[i])) return false;
    return true;
}

static void table_free(ent_table *t)
{
    memset(t->lastcp, 0, sizeof t->lastcp);
    free(t->slots);
    free(t->tags);
    free(t->sig);
    t->tags = NULL;
    t->slots = NULL;
    t->sig = NULL;
    t->cap = t->n = 0;
}

static kc_status table_grow(ent_table *t)
{
    size_t ncap = t->cap ? t->cap * 2 : 64, bytes;
    if (!kc__mul_ok(ncap, sizeof(ent_key), &bytes)) return KC_ELIMIT;
    ent_key *ns = calloc(ncap, sizeof(ent_key));
    uint32_t *ntg = calloc(ncap, sizeof *ntg);
    uint64_t *nsig = calloc(ncap / 8, sizeof *nsig); /* ncap * 8 bits */
    if (!ns || !ntg || !nsig) { free(ns); free(ntg); free(nsig); return KC_ENOMEM; }
    unsigned bits = 0;
    while (((size_t)1 << bits) < ncap * 8) bits++;
    free(t->sig);
    t->sig = nsig;
    t->sigshift = 32 - bits;
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->slots[i].used) continue;
        uint64_t h = hash_bytes(t->slots[i].p, t->slots[i].n);
        size_t j = h & (ncap - 1);
        while (ns[j].used) j = (j + 1) & (ncap - 1);
        ns[j] = t->slots[i];
        ntg[j] = hash_tag(h);
        sig_set(t, ns[j].p, ns[j].n);
    }
    free(t->slots);
    free(t->tags);
    t->slots = ns;
    t->tags = ntg;
    t->cap = ncap;
    return KC_OK;
}

/* The probe past the signature filter: hash, tags, key compare. */
static const ent_key *__attribute__((noinline))
table_probe(const ent_table *t, const char *p, size_t n)
{
    uint64_t h = hash_bytes(p, n);
    uint32_t tg = hash_tag(h);
    size_t j = h & (t->cap - 1);
    while (t->tags[j]) {
        if (t->tags[j] == tg && t->slots[j].n == n && eq_fold(t->slots[j].p, p, n) &&
            (!t->slots[j].exact || memcmp(t->slots[j].p, p, n) == 0))
            return &t->slots[j];
        j = (j + 1) & (t->cap - 1);
    }
    return NULL;
}

/* Lookup, case folded. Inline: nearly every call is a miss the length
 * bound or the signature bit rejects, which then costs no call. */
static inline const ent_key *table_get(const ent_table *t, const char *p, size_t n)
{
    if (n == 0 || n > t->maxlen) return NULL; /* maxlen is 0 when empty */
    uint32_t b = sig_index(p, n, t->sigshift);
    if (!(t->sig[b >> 6] & (1ull << (b & 63)))) return NULL;
    return table_probe(t, p, n);
}

/* Insert; the first entry for a surface wins (a later duplicate is ignored,
 * as documented in dict/README.md). */
static kc_status table_put(ent_table *t, const ent_key *k)
{
    if (k->n == 0) return KC_OK;
    if (table_get(t, k->p, k->n)) return KC_OK;
    if ((t->n + 1) * 2 > t->cap) {
        kc_status st = table_grow(t);
        if (st != KC_OK) return st;
    }
    uint64_t h = hash_bytes(k->p, k->n);
    size_t j = h & (t->cap - 1);
    while (t->slots[j].used) j = (j + 1) & (t->cap - 1);
    t->slots[j] = *k;
    t->slots[j].used = true;
    t->tags[j] = hash_tag(h);
    sig_set(t, k->p, k->n);
    uint32_t lb = lastcp_index(k->p, k->n);
    t->lastcp[lb >> 6] |= 1ull << (lb & 63);
    t->n++;
    if (k->n > t->maxlen) t->maxlen = k->n;
    return KC_OK;
}

/* ------------------------------------------------------------------ */
/* loading                                                            */

static const kc_dictfile *need_dict(const kc_engine *eng, const char *name,
                                    char *err, size_t errlen)
{
    const kc_dictfile *f = kc__dict_get(eng, name);
    if (!f) snprintf(err, errlen, "%s: dictionary missing", name);
    return f;
}

static int parse_type(kc_strv v)
{
    for (int i = 0; i < 5; i++)
        if (kc__strv_eq(v, etype_name[i])) return i;
    if (kc__strv_eq(v, "-")) return ET_NONE;
    return -1;
}

static kc_status load_gazetteer(struct kc_entities *e, const kc_engine *eng,
                                char *err, size_t errlen)
{
    const kc_dictfile *f = need_dict(eng, "gazetteer.tsv", err, errlen);
    if (!f) return KC_EDICT;
    kc_tsv t;
    kc_strv fv[4];
    size_t nf;
    kc__tsv_init(&t, f);
    e->gaz_maxwords = 1;
    while ((nf = kc__tsv_next(&t, fv, 4)) > 0) {
        int ty = nf >= 2 ? parse_type(fv[1]) : -1;
        /* class: "", "country" or "region" */
        uint8_t cls = 0;
        bool cls_ok = nf < 4 || fv[3].n == 0;
        if (!cls_ok && kc__strv_eq(fv[3], "country")) cls = GC_COUNTRY, cls_ok = true;
        if (!cls_ok && kc__strv_eq(fv[3], "region")) cls = GC_REGION, cls_ok = true;
        if (ty < 0 || ty == ET_NONE || fv[0].n == 0 || fv[0].n > UINT32_MAX || !cls_ok) {
            snprintf(err, errlen, "gazetteer.tsv:%zu: expected name, type "
                     "(person|org|location|product|media), aliases, class (country|region)",
                     t.line);
            return KC_EDICT;
        }
        ent_key k = {0};
        k.canon = fv[0].p;
        k.cn = (uint32_t)fv[0].n;
        k.type = (uint8_t)ty;
        k.kind = cls;
        size_t na = nf >= 3 ? fv[2].n : 0;
        const char *a = nf >= 3 ? fv[2].p : NULL;
        /* the canonical name, then each alias */
        size_t i = 0;
        bool first = true;
        for (;;) {
            const char *p;
            size_t n;
            if (first) {
                p = fv[0].p;
                n = fv[0].n;
            } else {
                if (i >= na) break;
                size_t j = i;
                while (j < na && a[j] != '|') j++;
                p = a + i;
                n = j - i;
                i = j + 1;
            }
            k.flag = 0;
            k.exact = false;
            /* ~X: weak (also an ordinary word), see gazetteer.tsv */
            if (n > 1 && p[0] == '~') {
                k.flag = 1;
                p++;
                n--;
                if (first) { k.canon++; k.cn--; }
            }
            /* =X: this case only (IS, not the English "is") */
            if (n > 1 && p[0] == '=') {
                k.exact = true;
                p++;
                n--;
                if (first) { k.canon++; k.cn--; }
            }
            first = false;
            if (n == 0 || n > UINT32_MAX) continue;
            size_t words = 1;
            for (size_t b = 0; b < n; b++) words += p[b] == ' ';
            if (words > e->gaz_maxwords) e->gaz_maxwords = words;
            k.p = p;
            k.n = (uint32_t)n;
            kc_status st = table_put(&e->gaz, &k);
            if (st != KC_OK) return st;
            if (words > 1) {
                ent_key h = {0};
                h.p = p;
                h.n = (uint32_t)((const char *)memchr(p, ' ', n) - p);
                st = table_put(&e->heads, &h);
                if (st != KC_OK) return st;
            }
        }
    }
    return KC_OK;
}

/* A two-column file: a form, then one of the keywords kinds[0..nk). The
 * form goes into tabs[i] with kind i + 1 for keyword i (titles.tsv: the TK_
 * kinds into one table; gpe_roles.tsv: each role its own table). `what`
 * names the columns in the error message. */
static kc_status load_kinded(const kc_engine *eng, const char *name,
                             const char *what, const char *const *kinds,
                             ent_table *const *tabs, size_t nk, char *err,
                             size_t errlen)
{
    const kc_dictfile *f = need_dict(eng, name, err, errlen);
    if (!f) return KC_EDICT;
    kc_tsv t;
    kc_strv fv[2];
    kc__tsv_init(&t, f);
    size_t nf;
    while ((nf = kc__tsv_next(&t, fv, 2)) > 0) {
        size_t kind = 0;
        for (size_t i = 0; nf == 2 && i < nk && !kind; i++)
            if (kc__strv_eq(fv[1], kinds[i])) kind = i + 1;
        if (!kind || fv[0].n == 0 || fv[0].n > UINT32_MAX) {
            char list[128] = "";
            for (size_t i = 0; i < nk; i++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                         i ? "|" : "", kinds[i]);
            snprintf(err, errlen, "%s:%zu: expected %s (%s)", name, t.line, what, list);
            return KC_EDICT;
        }
        ent_key k = {0};
        k.p = fv[0].p;
        k.n = (uint32_t)fv[0].n;
        k.kind = (uint8_t)kind;
        kc_status st = table_put(tabs[kind - 1], &k);
        if (st != KC_OK) return st;
    }
    return KC_OK;
}

static kc_status load_titles(struct kc_entities *e, const kc_engine *eng,
                             char *err, size_t errlen)
{
    /* keyword i is kind i + 1: the order of the TK_ enum */
    static const char *const kinds[] = {"after", "solo", "both", "hon", "prefix"};
    ent_table *const tabs[] = {&e->titles, &e->titles, &e->titles, &e->titles, &e->titles};
    return load_kinded(eng, "titles.tsv", "title and kind", kinds, tabs, 5, err, errlen);
}

static kc_status load_list(ent_table *tab, const kc_engine *eng,
                           const char *name, char *err, size_t errlen)
{
    const kc_dictfile *f = need_dict(eng, name, err, errlen);
    if (!f) return KC_EDICT;
    kc_tsv t;
    kc_strv fv[2];
    kc__tsv_init(&t, f);
    size_t nf;
    while ((nf = kc__tsv_next(&t, fv, 2)) > 0) {
        if (fv[0].n == 0 || fv[0].n > UINT32_MAX) {
            snprintf(err, errlen, "%s:%zu: empty entry", name, t.line);
            return KC_EDICT;
        }
        ent_key k = {0};
        k.p = fv[0].p;
        k.n = (uint32_t)fv[0].n;
        /* particles.tsv: second column ends_names (yes|no) */
        k.flag = nf == 2 && kc__strv_eq(fv[1], "yes");
        kc_status st = table_put(tab, &k);
        if (st != KC_OK) return st;
    }
    return KC_OK;
}

/* gpe_roles.tsv: form, role (agent|head|sport|locative|event|admin|demonym|
 * admin_name) */
static kc_status load_gpe(struct kc_entities *e, const kc_engine *eng,
                          char *err, size_t errlen)
{
    static const char *const kinds[] = {"agent", "head", "sport", "locative", "event",
                                        "admin", "demonym", "admin_name"};
    ent_table *const tabs[] = {&e->gpe_agent, &e->gpe_head, &e->gpe_sport, &e->gpe_loc,
                               &e->gpe_event, &e->gpe_admin, &e->gpe_demonym,
                               &e->gpe_adminname};
    return load_kinded(eng, "gpe_roles.tsv", "form and role", kinds, tabs, 8, err, errlen);
}

static int cmp_len_desc(const void *a, const void *b)
{
    const kc_strv *x = a, *y = b;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return memcmp(x->p, y->p, x->n);
}

static kc_status load_particles(struct kc_entities *e, const kc_engine *eng,
                                char *err, size_t errlen)
{
    kc_status st = load_list(&e->particles, eng, "particles.tsv", err, errlen);
    if (st != KC_OK) return st;
    e->plist = calloc(e->particles.n ? e->particles.n : 1, sizeof *e->plist);
    if (!e->plist) return KC_ENOMEM;
    for (size_t i = 0; i < e->particles.cap; i++)
        if (e->particles.slots[i].used) {
            e->plist[e->nplist].p = e->particles.slots[i].p;
            e->plist[e->nplist].n = e->particles.slots[i].n;
            e->nplist++;
        }
    /* longest first: 에서는 before 는, 등과 before 과 */
    qsort(e->plist, e->nplist, sizeof *e->plist, cmp_len_desc);
    e->pbucketed = true;
    for (size_t i = 0; i < e->nplist; i++)
        if (e->plist[i].n < 2) e->pbucketed = false;
    if (e->pbucketed) {
        e->pb_idx = calloc(e->nplist ? e->nplist : 1, sizeof *e->pb_idx);
        if (!e->pb_idx) return KC_ENOMEM;
        uint32_t cnt[PBUCKETS] = {0};
        for (size_t i = 0; i < e->nplist; i++) cnt[pbucket(e->plist[i].p, e->plist[i].n)]++;
        e->pb_start[0] = 0;
        for (size_t b = 0; b < PBUCKETS; b++) e->pb_start[b + 1] = e->pb_start[b] + cnt[b];
        uint32_t fill[PBUCKETS];
        memcpy(fill, e->pb_start, sizeof fill);
        for (size_t i = 0; i < e->nplist; i++) /* in list order: stable */
            e->pb_idx[fill[pbucket(e->plist[i].p, e->plist[i].n)]++] = (uint32_t)i;
    }
    return KC_OK;
}

static kc_status load_suffixes(struct kc_entities *e, const kc_engine *eng,
                               char *err, size_t errlen)
{
    const kc_dictfile *f = need_dict(eng, "entity_suffixes.tsv", err, errlen);
    if (!f) return KC_EDICT;
    kc_tsv t;
    kc_strv fv[6];
    kc__tsv_init(&t, f);
    size_t nf;
    while ((nf = kc__tsv_next(&t, fv, 6)) > 0) {
        if (nf < 2 || fv[1].n == 0 || fv[1].n > UINT32_MAX) goto bad;
        ent_key k = {0};
        k.p = fv[1].p;
        k.n = (uint32_t)fv[1].n;
        int ty = nf >= 3 ? parse_type(fv[2]) : ET_NONE;
        if (ty < 0) goto bad;
        k.type = (uint8_t)ty;
        for (size_t col = 3; col <= 5 && col < nf; col += 2) {
            unsigned v = 0;
            for (size_t i = 0; i < fv[col].n; i++) {
                if (fv[col].p[i] < '0' || fv[col].p[i] > '9' || v > 20) goto bad;
                v = v * 10 + (unsigned)(fv[col].p[i] - '0');
            }
            if (col == 3) k.min = (uint8_t)v;
            else k.max = (uint8_t)v;
        }
        k.flag = G_ANY;
        if (nf >= 5) {
            if (kc__strv_eq(fv[4], "known")) k.flag = G_KNOWN;
            else if (kc__strv_eq(fv[4], "known_org")) k.flag = G_KNOWN_ORG;
            else if (kc__strv_eq(fv[4], "not_known")) k.flag = G_NOT_KNOWN;
            else if (kc__strv_eq(fv[4], "after_place")) k.flag = G_AFTER_PLACE;
            else if (kc__strv_eq(fv[4], "after_e")) k.flag = G_AFTER_E;
            else if (!kc__strv_eq(fv[4], "any") && !kc__strv_eq(fv[4], "-")) goto bad;
        }
        ent_table *dst;
        if (kc__strv_eq(fv[0], "suffix")) {
            if (ty == ET_NONE || ty == ET_PERSON) goto bad;
            k.kind = SK_SUFFIX;
            dst = &e->endings;
        } else if (kc__strv_eq(fv[0], "block")) {
            k.kind = SK_BLOCK;
            dst = &e->endings;
        } else if (kc__strv_eq(fv[0], "stop")) dst = &e->stops;
        else if (kc__strv_eq(fv[0], "corp")) dst = &e->corp;
        else if (kc__strv_eq(fv[0], "prefix")) dst = &e->prefixes;
        else if (kc__strv_eq(fv[0], "nameend")) dst = &e->nameend;
        else if (kc__strv_eq(fv[0], "source")) dst = &e->sources;
        else goto bad;
        kc_status st = table_put(dst, &k);
        if (st != KC_OK) return st;
    }
    return KC_OK;
bad:
    snprintf(err, errlen, "entity_suffixes.tsv:%zu: expected kind "
             "(suffix|block|stop|corp|prefix|source|nameend), text, type, min_stem, "
             "guard (any|known|known_org|not_known|after_place|after_e), "
             "max_stem", t.line);
    return KC_EDICT;
}

void kc__entities_free(struct kc_entities *e)
{
    if (!e) return;
    table_free(&e->gaz);
    table_free(&e->titles);
    table_free(&e->surnames);
    table_free(&e->stops);
    table_free(&e->endings);
    table_free(&e->corp);
    table_free(&e->prefixes);
    table_free(&e->sources);
    table_free(&e->particles);
    table_free(&e->nameend);
    table_free(&e->heads);
    table_free(&e->gpe_agent);
    table_free(&e->gpe_head);
    table_free(&e->gpe_sport);
    table_free(&e->gpe_loc);
    table_free(&e->gpe_event);
    table_free(&e->gpe_demonym);
    table_free(&e->gpe_adminname);
    table_free(&e->gpe_admin);
    free(e->plist);
    free(e->pb_idx);
    free(e);
}

kc_status kc__entities_init(kc_engine *eng, char *err, size_t errlen)
{
    struct kc_entities *e = calloc(1, sizeof *e);
    if (!e) return KC_ENOMEM;
    kc_status st = load_gazetteer(e, eng, err, errlen);
    if (st == KC_OK) st = load_titles(e, eng, err, errlen);
    if (st == KC_OK) st = load_list(&e->surnames, eng, "surnames.tsv", err, errlen);
    if (st == KC_OK) st = load_particles(e, eng, err, errlen);
    if (st == KC_OK) st = load_suffixes(e, eng, err, errlen);
    if (st == KC_OK) st = load_gpe(e, eng, err, errlen);
    if (st != KC_OK) {
        kc__entities_free(e);
        return st;
    }
    eng->entities = e;
    return KC_OK;
}

/* ------------------------------------------------------------------ */
/* words                                                              */

typedef struct tok {
    size_t bs, be;   /* bytes of the word */
    bool sp;         /* separated from the previous word by one space */
    bool used;       /* claimed by an entity or a title */
    bool bare;       /* the entity claimed here is the whole word (no
                        particle): "경기 화성시 동탄동" chains places */
    uint8_t etype;   /* entity type claimed here, or ET_NONE */
    uint8_t npl;     /* particles ending the word (stems after the word
                        itself), TOK_NPL_MANY if more than fit in pl */
    uint8_t pl[6];   /* their byte lengths, in stem_at order */
} tok;

#define TOK_NPL_MANY 0xFF

typedef struct cand {
    size_t bs, be;
    uint8_t type;
    const char *name; /* canonical (not NUL-terminated) */
    size_t nlen;
    const char *title, *tpre; /* title and its prefix word (전) */
    size_t tlen, tprelen;
    const char *pre;  /* place words before the name ("서울" of 서울
                         강서경찰서), into the paragraph; NULL if none */
    size_t prelen;
    bool place;       /* found as a place (even if now an org: 중국은) */
    bool gaz;         /* from the gazetteer (a canonical name) */
    uint8_t gclass;   /* GC_* of the gazetteer entry (GC_NONE if none) */
    size_t we;        /* end of the word the mention ends in (be .. we is
                         its particle) */
} cand;

typedef struct learned {
    const char *name;
    size_t n;
    uint8_t type;
} learned;

/* A set of learned names, hashed: a document may repeat thousands of
 * names, and every word of every paragraph is looked up. */
typedef struct lset {
    learned *l;
    size_t nl, lc;
    size_t *li;      /* open-addressing index into l (slot = i + 1) */
    size_t lic;
} lset;

/* Per document (kc_doc.entstate): the names entity mentions of earlier
 * paragraphs carry, gathered incrementally from mentions[cursor..] so
 * that each mention is looked at once (scanning every earlier mention
 * for every paragraph was quadratic). */
struct kc_entstate {
    lset set;
    size_t cursor;
};

typedef struct scan {
    const struct kc_entities *e;
    const char *s;
    size_t len;
    tok *t;
    size_t nt;
    cand *c;
    size_t nc, cc;
    lset loc;              /* names found in this paragraph */
    const lset *doc;       /* names of earlier paragraphs (or NULL) */
} scan;

static bool is_word_cp(uint32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
               (c >= 'a' && c <= 'z') || c == '&' || c == '+';
    return kc__is_hangul_syllable(c) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

static bool ascii_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z');
}

/* Cut the paragraph into words: runs of Hangul, Latin, digits, Han (前),
 * '&' and '+' (C&C, LGU+); '.', '-' and '_' join two letters or two digits
 * (U.S, K-pop, 1.5) but not a digit and a letter ("(26.LA 다저스)"). Everything else — spaces, quotes, brackets, the middle dot
 * of Korean lists (카카오·네이버), commas — separates words. (㈜ never
 * reaches us: the normalizer folds it to "(주)", a corporate marker.) */
static kc_status tokenize(scan *sc)
{
    const unsigned char *s = (const unsigned char *)sc->s;
    size_t len = sc->len, cap = 0, i = 0, prev_end = (size_t)-1;
    sc->nt = 0;
    while (i < len) {
        size_t n;
        uint32_t c = kc__utf8_get(s + i, &n);
        if (i + n > len) break;
        bool w = is_word_cp(c);
        if (!w && (c == '.' || c == '-' || c == '_') && i > 0 && i + 1 < len &&
            ascii_alnum(s[i - 1]) && ascii_alnum(s[i + 1]) &&
            ascii_digit(s[i - 1]) == ascii_digit(s[i + 1]) && sc->nt &&
            sc->t[sc->nt - 1].be == i)
            w = true;
        if (!w) { i += n; continue; }
        if (sc->nt && sc->t[sc->nt - 1].be == i) {
            sc->t[sc->nt - 1].be = i + n; /* extend the current word */
        } else {
            if (sc->nt == cap) {
                size_t ncap = cap ? cap * 2 : 64, bytes;
                if (!kc__mul_ok(ncap, sizeof(tok), &bytes)) return KC_ELIMIT;
                tok *nt = realloc(sc->t, bytes);
                if (!nt) return KC_ENOMEM;
                sc->t = nt;
                cap = ncap;
            }
            tok *t = &sc->t[sc->nt++];
            t->bs = i;
            t->be = i + n;
            t->sp = prev_end != (size_t)-1 && i == prev_end + 1 && s[prev_end] == ' ';
            t->used = false;
            t->bare = false;
            t->etype = ET_NONE;
        }
        prev_end = i + n;
        i += n;
    }
    return KC_OK;
}

/* ------------------------------------------------------------------ */
/* small text helpers                                                 */

/* The first code-point boundary of p[0..n) at or after byte i. */
static size_t cp_ceil(const char *p, size_t n, size_t i)
{
    while (i < n && ((unsigned char)p[i] & 0xC0) == 0x80) i++;
    return i;
}

/* Where to start scanning p[0..n) for an ending of at most maxlen bytes. */
static size_t tail_start(const char *p, size_t n, size_t maxlen)
{
    return n > maxlen ? cp_ceil(p, n, n - maxlen) : 0;
}

static size_t syllables(const char *p, size_t n)
{
    return kc__utf8_count(p, n);
}

static bool all_hangul(const char *p, size_t n)
{
    size_t i = 0, k;
    if (!n) return false;
    while (i < n) {
        if (!kc__is_hangul_syllable(kc__utf8_get((const unsigned char *)p + i, &k)))
            return false;
        i += k;
    }
    return true;
}

static bool has_letter(const char *p, size_t n)
{
    size_t i = 0, k;
    while (i < n) {
        uint32_t c = kc__utf8_get((const unsigned char *)p + i, &k);
        if (kc__is_hangul_syllable(c) || (c < 0x80 && ascii_alnum((unsigned char)c) &&
                                          !(c >= '0' && c <= '9')))
            return true;
        i += k;
    }
    return false;
}

static bool has_ascii_letter(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
    }
    return false;
}

static bool ends_with(const char *p, size_t n, const char *q, size_t m)
{
    return m <= n && memcmp(p + n - m, q, m) == 0;
}

/* a[0..m) == b[0..m), compared from the end (particles are a few bytes and
 * differ in their last ones: no memcmp call) */
static inline bool tail_eq(const char *a, const char *b, size_t m)
{
    while (m > 0) {
        m--;
        if (a[m] != b[m]) return false;
    }
    return true;
}

/* Candidate stems of the word p[0..n): the word itself (i = 0), then the
 * word minus each particle that ends it, longest particle first. Returns the
 * stem length for index i, or 0 when there are no more. */
static size_t stem_at(const struct kc_entities *e, const char *p, size_t n,
                      size_t *iter)
{
    if (*iter == 0) { (*iter)++; return n; }
    if (e->pbucketed) {
        /* a particle of m >= 2 bytes can end p only if n > m >= 2 and its
         * last two bytes are p's: only its bucket can hold it */
        if (n < 3) return 0;
        unsigned b = pbucket(p, n);
        uint32_t lo = e->pb_start[b], hi = e->pb_start[b + 1];
        while (lo + *iter - 1 < hi) {
            const kc_strv *pt = &e->plist[e->pb_idx[lo + *iter - 1]];
            (*iter)++;
            if (pt->n < n && tail_eq(p + n - pt->n, pt->p, pt->n)) return n - pt->n;
        }
        return 0;
    }
    while (*iter - 1 < e->nplist) {
        const kc_strv *pt = &e->plist[*iter - 1];
        (*iter)++;
        if (pt->n < n && tail_eq(p + n - pt->n, pt->p, pt->n)) return n - pt->n;
    }
    return 0;
}

/* The stems of every word, once: each pass asks for them again. */
static void tok_stems(const struct kc_entities *e, const char *s, tok *t)
{
    const char *p = s + t->bs;
    size_t n = t->be - t->bs, it = 1, sn;
    t->npl = 0;
    while ((sn = stem_at(e, p, n, &it)) > 0) {
        if (t->npl == sizeof t->pl || n - sn > 0xFF) { t->npl = TOK_NPL_MANY; return; }
        t->pl[t->npl++] = (uint8_t)(n - sn);
    }
}

/* stem_at for word w (same order, same iterator use: start at 0 for the
 * word itself, at 1 for the particle-stripped stems only). */
static inline size_t tok_stem(const scan *sc, size_t w, size_t *iter)
{
    const tok *t = &sc->t[w];
    size_t n = t->be - t->bs;
    if (t->npl == TOK_NPL_MANY) return stem_at(sc->e, sc->s + t->bs, n, iter);
    if (*iter == 0) { (*iter)++; return n; }
    if (*iter - 1 >= t->npl) return 0;
    return n - t->pl[(*iter)++ - 1];
}

static const ent_key *gaz_strong(const struct kc_entities *e, const char *p,
                                 size_t n)
{
    const ent_key *k = table_get(&e->gaz, p, n);
    return k && !k->flag ? k : NULL;
}

/* ------------------------------------------------------------------ */
/* candidates                                                         */

static kc_status add_cand(scan *sc, size_t bs, size_t be, uint8_t type,
                          const char *name, size_t nlen)
{
    if (sc->nc == sc->cc) {
        size_t ncap = sc->cc ? sc->cc * 2 : 32, bytes;
        if (!kc__mul_ok(ncap, sizeof(cand), &bytes)) return KC_ELIMIT;
        cand *nc = realloc(sc->c, bytes);
        if (!nc) return KC_ENOMEM;
        sc->c = nc;
        sc->cc = ncap;
    }
    cand *c = &sc->c[sc->nc++];
    memset(c, 0, sizeof *c);
    c->bs = bs;
    c->be = be;
    c->type = type;
    c->name = name;
    c->nlen = nlen;
    c->place = type == ET_LOC;
    c->we = be;
    return KC_OK;
}

static learned *lset_find(const lset *ls, const char *name, size_t n)
{
    if (!ls || !ls->lic) return NULL;
    size_t j = hash_bytes(name, n) & (ls->lic - 1);
    while (ls->li[j]) {
        learned *l = &ls->l[ls->li[j] - 1];
        if (l->n == n && memcmp(l->name, name, n) == 0) return l;
        j = (j + 1) & (ls->lic - 1);
    }
    return NULL;
}

/* Add a name not in the set (the caller checked). */
static kc_status lset_add(lset *ls, const char *name, size_t n, uint8_t type)
{
    if (ls->nl == ls->lc) {
        size_t ncap = ls->lc ? ls->lc * 2 : 16, bytes;
        if (!kc__mul_ok(ncap, sizeof(learned), &bytes)) return KC_ELIMIT;
        learned *nl = realloc(ls->l, bytes);
        if (!nl) return KC_ENOMEM;
        ls->l = nl;
        ls->lc = ncap;
    }
    if ((ls->nl + 1) * 2 > ls->lic) {
        size_t ncap = ls->lic ? ls->lic * 2 : 64;
        size_t *ni = calloc(ncap, sizeof *ni);
        if (!ni) return KC_ENOMEM;
        free(ls->li);
        ls->li = ni;
        ls->lic = ncap;
        for (size_t i = 0; i < ls->nl; i++) {
            size_t j = hash_bytes(ls->l[i].name, ls->l[i].n) & (ncap - 1);
            while (ni[j]) j = (j + 1) & (ncap - 1);
            ni[j] = i + 1;
        }
    }
    ls->l[ls->nl].name = name;
    ls->l[ls->nl].n = n;
    ls->l[ls->nl].type = type;
    ls->nl++;
    size_t j = hash_bytes(name, n) & (ls->lic - 1);
    while (ls->li[j]) j = (j + 1) & (ls->lic - 1);
    ls->li[j] = ls->nl;
    return KC_OK;
}

static void lset_free(lset *ls)
{
    free(ls->l);
    free(ls->li);
    memset(ls, 0, sizeof *ls);
}

/* Names of earlier paragraphs first: their type stands. */
static const learned *learned_find(const scan *sc, const char *name, size_t n)
{
    const learned *l = lset_find(sc->doc, name, n);
    return l ? l : lset_find(&sc->loc, name, n);
}

/* Remember a name found by a pattern in this paragraph. */
static kc_status add_learned(scan *sc, const char *name, size_t n, uint8_t type)
{
    if (learned_find(sc, name, n)) return KC_OK;
    return lset_add(&sc->loc, name, n, type);
}

/* Claim the first n bytes of word w for an entity found by a pattern (its
 * name is the span itself) and remember the name, so that later bare
 * mentions in the document are found too. */
static kc_status claim_pattern(scan *sc, size_t w, size_t n, uint8_t type)
{
    tok *t = &sc->t[w];
    const char *p = sc->s + t->bs;
    kc_status st = add_cand(sc, t->bs, t->bs + n, type, p, n);
    if (st == KC_OK) sc->c[sc->nc - 1].we = t->be;
    if (st == KC_OK) st = add_learned(sc, p, n, type);
    if (st != KC_OK) return st;
    t->used = true;
    t->etype = type;
    t->bare = t->bs + n == t->be;
    return KC_OK;
}

/* ------------------------------------------------------------------ */
/* pass 1: gazetteer                                                  */

static const ent_key *longest_ending(const struct kc_entities *e, const char *p,
                                     size_t n, size_t *k);

/* Is word w a bare place name (a known location with no particle, or one
 * found by a suffix rule)? Addresses and place lists are written big to
 * small without particles ("경기 화성시 동탄동"); "서울에서 열리는" is no
 * address. Used by weak aliases and the after_place guard. */
static bool word_is_place(const scan *sc, size_t w)
{
    const tok *t = &sc->t[w];
    if (t->used) return t->etype == ET_LOC && t->bare;
    const ent_key *k = gaz_strong(sc->e, sc->s + t->bs, t->be - t->bs);
    return k && k->type == ET_LOC;
}

/* "경기 성남시", "충남 예산군": the word is a bare administrative unit,
 * i.e. it ends in an after_place location suffix that needs two or more
 * syllables before it (시, 군, 구 in entity_suffixes.tsv). */
static bool admin_word(const scan *sc, size_t w)
{
    const char *p = sc->s + sc->t[w].bs;
    size_t n = sc->t[w].be - sc->t[w].bs, k;
    if (!all_hangul(p, n)) return false;
    const ent_key *x = longest_ending(sc->e, p, n, &k);
    return x && x->kind == SK_SUFFIX && x->type == ET_LOC &&
           x->flag == G_AFTER_PLACE && x->min >= 2 && syllables(p, k) >= x->min;
}

static bool weak_ok(const scan *sc, size_t last)
{
    size_t nx = last + 1;
    if (nx >= sc->nt || !sc->t[nx].sp) return false;
    return word_is_place(sc, nx) || admin_word(sc, nx);
}

/* A place from the gazetteer acting as a polity is an organisation (see
 * gpe_roles.tsv): its word ends in a subject/topic particle, or the next
 * word is an office or institution of it, or a title (중국 국가주석). The
 * place's word runs from bs to we; its name ends at se. */
static bool gpe_actor(const scan *sc, size_t j, size_t se)
{
    const struct kc_entities *e = sc->e;
    const char *s = sc->s;
    size_t we = sc->t[j].be;
    if (se < we) {
        if (table_get(&e->gpe_agent, s + se, we - se)) return true;
        /* 서울시의, 부산시와: a city written with 시 before these particles
         * is its administration (서울시의 일감, 인천시와 협약). The short
         * form only (at most four syllables): the official full names
         * (서울특별시, 부산광역시) are used for the place. A province's
         * short name with 도 (경북도의, 충남도와: role admin_name) likewise. */
        size_t nb = se - sc->t[j].bs;
        bool si = nb >= 6 && nb <= 12 && memcmp(s + se - 3, "\xEC\x8B\x9C", 3) == 0;
        bool dos = table_get(&e->gpe_adminname, s + sc->t[j].bs, nb) != NULL;
        return (si || dos) && table_get(&e->gpe_admin, s + se, we - se) != NULL;
    }
    if (j + 1 >= sc->nt || !sc->t[j + 1].sp) return false;
    const char *p = s + sc->t[j + 1].bs;
    size_t it = 0, sn;
    while ((sn = tok_stem(sc, j + 1, &it)) > 0) {
        if (table_get(&e->gpe_head, p, sn)) return true;
        /* a title, or a word ending in one: 정무수석, 경제특보, 본부장 */
        for (size_t k = table_may_end(&e->titles, p, sn) ? tail_start(p, sn, e->titles.maxlen) : sn;
             k < sn;) {
            const ent_key *t = table_get(&e->titles, p + k, sn - k);
            /* solo and honorific titles end place names and words (예산군,
             * 김양식): only after- and both-kind titles count inside */
            if (t && t->kind != TK_PREFIX &&
                (k == 0 || t->kind == TK_AFTER || t->kind == TK_BOTH))
                return true;
            size_t cl;
            (void)kc__utf8_get((const unsigned char *)p + k, &cl);
            k += cl;
        }
    }
    return false;
}

/* Headlines abbreviate countries to one Hanja glued to the next word or to
 * each other: 北미사일, 美군사장비, 韓日 정상회담, 美中 갈등. A word that
 * opens with a run of CJK ideographs that are countries' gazetteer aliases
 * (北, 美, 中, 日 …), the run followed by a Hangul syllable or, for two or
 * more, ending the word, names those countries. */
static kc_status hanja_abbrev(scan *sc, size_t w)
{
    const char *p = sc->s + sc->t[w].bs;
    size_t n = sc->t[w].be - sc->t[w].bs, k = 0, runs = 0;
    while (k + 3 <= n) {
        size_t l;
        uint32_t c = kc__utf8_get((const unsigned char *)p + k, &l);
        if (c < 0x4E00 || c > 0x9FFF || l != 3) break;
        const ent_key *g = gaz_strong(sc->e, p + k, 3);
        if (!g || g->kind != GC_COUNTRY) break;
        k += 3;
        runs++;
    }
    if (!runs) return KC_OK;
    if (k < n) {
        size_t l;
        if (!kc__is_hangul_syllable(kc__utf8_get((const unsigned char *)p + k, &l))) return KC_OK;
    } else if (runs < 2) {
        return KC_OK; /* a lone 北 is the gazetteer's */
    }
    for (size_t i = 0; i < runs; i++) {
        const ent_key *g = gaz_strong(sc->e, p + 3 * i, 3);
        kc_status st = add_cand(sc, sc->t[w].bs + 3 * i, sc->t[w].bs + 3 * i + 3, g->type,
                                g->canon, g->cn);
        if (st != KC_OK) return st;
        cand *c = &sc->c[sc->nc - 1];
        c->place = g->type == ET_LOC;
        c->gaz = true;
        c->gclass = g->kind;
    }
    sc->t[w].used = true;
    sc->t[w].etype = ET_LOC;
    return KC_OK;
}

static kc_status pass_gazetteer(scan *sc)
{
    const struct kc_entities *e = sc->e;
    for (size_t i = 0; i < sc->nt; i++) {
        if (sc->t[i].used) continue;
        size_t jmax = i;
        /* a span of several words needs a gazetteer name that starts with
         * this word (see heads) */
        bool head = e->gaz_maxwords > 1 &&
                    table_get(&e->heads, sc->s + sc->t[i].bs, sc->t[i].be - sc->t[i].bs);
        while (head && jmax + 1 < sc->nt && sc->t[jmax + 1].sp && !sc->t[jmax + 1].used &&
               jmax + 1 - i + 1 <= e->gaz_maxwords)
            jmax++;
        for (size_t j = jmax + 1; j-- > i;) {
            const char *p = sc->s + sc->t[i].bs;
            size_t n = sc->t[j].be - sc->t[i].bs, it = 0, sn;
            const ent_key *hit = NULL;
            while ((sn = j == i ? tok_stem(sc, i, &it) : stem_at(e, p, n, &it)) > 0) {
                if (sc->t[i].bs + sn <= sc->t[j].bs) continue; /* particle only */
                const ent_key *k = table_get(&e->gaz, p, sn);
                if (k && (!k->flag || weak_ok(sc, j))) { hit = k; break; }
            }
            if (!hit) continue;
            uint8_t type = hit->type;
            if (type == ET_LOC && gpe_actor(sc, j, sc->t[i].bs + sn)) type = ET_ORG;
            kc_status st = add_cand(sc, sc->t[i].bs, sc->t[i].bs + sn, type,
                                    hit->canon, hit->cn);
            if (st != KC_OK) return st;
            sc->c[sc->nc - 1].place = hit->type == ET_LOC;
            sc->c[sc->nc - 1].gaz = true;
            sc->c[sc->nc - 1].gclass = hit->kind;
            sc->c[sc->nc - 1].we = sc->t[j].be;
            for (size_t w = i; w <= j; w++) {
                sc->t[w].used = true;
                sc->t[w].etype = type;
                sc->t[w].bare = sc->t[i].bs + sn == sc->t[j].be;
            }
            i = j;
            break;
        }
        if (!sc->t[i].used) {
            kc_status st = hanja_abbrev(sc, i);
            if (st != KC_OK) return st;
        }
    }
    return KC_OK;
}

/* ------------------------------------------------------------------ */
/* pass 2: persons                                                    */

static bool is_stop(const struct kc_entities *e, const char *p, size_t n)
{
    return table_get(&e->stops, p, n) != NULL;
}

/* A Korean full name: a surname (two-syllable ones first: 남궁훈 is
 * 남궁+훈) followed by one or two syllables. Three syllables is the norm;
 * two (김훈) only when allow2 (after an honorific such as 씨, where the
 * pattern is specific enough); four only with a two-syllable surname. */
static bool is_name(const struct kc_entities *e, const char *p, size_t n,
                    bool allow2)
{
    if (n < 6 || n > 12 || !all_hangul(p, n)) return false;
    size_t L = n / 3; /* Hangul syllables are 3 bytes each */
    bool ok = false;
    if (L >= 3 && table_get(&e->surnames, p, 6)) ok = L - 2 <= 2;
    if (!ok && table_get(&e->surnames, p, 3)) ok = L == 3 || (L == 2 && allow2);
    if (!ok) return false;
    if (is_stop(e, p, n) || table_get(&e->gaz, p, n) || table_get(&e->titles, p, n))
        return false;
    /* a last syllable that is a particle rarely ending a given name
     * (신당의, 회사는) rules the word out */
    const ent_key *pk = table_get(&e->particles, p + n - 3, 3);
    if (pk && !pk->flag) return false;
    /* 우승한, 구성된, 두번째: endings of common words, not of given names */
    if (table_get(&e->nameend, p + n - 3, 3)) return false;
    /* 도쿄대, 서울권: a known place or organisation plus a suffix or block
     * ending is that place's institution or area, not a person */
    for (size_t k = 6; k < n; k += 3) {
        const ent_key *g = gaz_strong(e, p, k);
        if (!g || g->type == ET_PERSON) continue;
        const ent_key *x = table_get(&e->endings, p + k, n - k);
        /* 도쿄대, 서울권 — but 김제동 is a name, not 김제's 동 */
        if (x && (x->kind == SK_BLOCK || x->type != ET_LOC)) return false;
    }
    /* 부동산, 이정부: a word ending in a two-syllable ordinary noun (a block
     * ending of entity_suffixes.tsv) is that noun with a prefix */
    size_t bk;
    const ent_key *bx = longest_ending(e, p, n, &bk);
    if (bx && bx->kind == SK_BLOCK && n - bk >= 6) return false;
    /* a word that is a stop word plus a particle (정부가, 이번에) */
    size_t it = 1, sn;
    while ((sn = stem_at(e, p, n, &it)) > 0) {
        if (is_stop(e, p, sn) || table_get(&e->gaz, p, sn)) return false;
        /* 기준이 = 기준 (an ordinary noun) + 이 */
        const ent_key *sx = table_get(&e->endings, p, sn);
        if (sx && sx->kind == SK_BLOCK) return false;
    }
    return true;
}

/* News hides a private person's name as a capital letter: A씨, B 씨(61),
 * C양. Such a letter with an honorific is a person. */
static bool anon_letter(const char *p, size_t n)
{
    return n == 1 && p[0] >= 'A' && p[0] <= 'Z';
}

typedef struct title_hit {
    size_t tstart;     /* byte offset of the title within the word */
    size_t tend;       /* end of the title (before a particle) */
    uint8_t kind;
    bool bare;         /* the word is the title alone (+ particle) */
} title_hit;

static bool suffix_entity(const scan *sc, size_t w, const char *p, size_t n,
                          uint8_t *type);

/* Does word w end in a title (after removing a particle)? The prefix
 * before the title must fit the title's kind (see titles.tsv). */
static bool word_title(const scan *sc, size_t w, title_hit *h)
{
    const struct kc_entities *e = sc->e;
    const char *p = sc->s + sc->t[w].bs;
    size_t it = 0, sn;
    while ((sn = tok_stem(sc, w, &it)) > 0) {
        /* longest title that ends the stem */
        for (size_t k = table_may_end(&e->titles, p, sn) ? tail_start(p, sn, e->titles.maxlen) : sn;
             k < sn;) {
            const ent_key *t = table_get(&e->titles, p + k, sn - k);
            if (t && t->kind != TK_PREFIX) {
                bool ok;
                switch (t->kind) {
                case TK_AFTER: ok = true; break;
                case TK_BOTH: ok = k == 0; break;
                case TK_HON: ok = k == 0 || is_name(e, p, k, true) || anon_letter(p, k); break;
                default: /* solo: 서울시장 yes, 주식시장 no */
                    ok = k == 0 || gaz_strong(e, p, k) != NULL;
                    break;
                }
                if (ok) {
                    h->tstart = k;
                    h->tend = sn;
                    h->kind = t->kind;
                    h->bare = k == 0;
                    return true;
                }
                break; /* a longer title matched but is not allowed here */
            }
            size_t cl;
            (void)kc__utf8_get((const unsigned char *)p + k, &cl);
            k += cl;
        }
    }
    return false;
}

static bool is_prefix_word(const scan *sc, size_t w)
{
    const ent_key *k = table_get(&sc->e->titles, sc->s + sc->t[w].bs,
                                 sc->t[w].be - sc->t[w].bs);
    return k && k->kind == TK_PREFIX;
}

static kc_status emit_person(scan *sc, size_t nbs, size_t nbe, size_t w,
                             const title_hit *h, size_t prefw)
{
    kc_status st = add_cand(sc, nbs, nbe, ET_PERSON, sc->s + nbs, nbe - nbs);
    if (st != KC_OK) return st;
    cand *c = &sc->c[sc->nc - 1];
    c->title = sc->s + sc->t[w].bs + h->tstart;
    c->tlen = h->tend - h->tstart;
    if (prefw != (size_t)-1) {
        c->tpre = sc->s + sc->t[prefw].bs;
        c->tprelen = sc->t[prefw].be - sc->t[prefw].bs;
    }
    /* a letter standing for a hidden name (A씨) names nobody elsewhere in
     * the text (A조, 플랜 A) */
    if (nbe - nbs == 1) return KC_OK;
    return add_learned(sc, sc->s + nbs, nbe - nbs, ET_PERSON);
}

/* A number in brackets right after a full name: Korean news gives a
 * person's age ("(24)", "(24·회사원)", "(26.LA 다저스)"), sports pages a
 * record ("(14득점)", "(7승)", "(3학년)"), profiles the life span
 * ("(1867~1916)"). Not a share or a measure: "(76.5%)", "(0.508)" follow
 * region and statistic names. */
static bool age_follows(const char *s, size_t len, size_t i)
{
    if (i >= len || s[i] != '(') return false;
    size_t d = 0;
    for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) d++;
    if (i >= len) return false;
    if (d == 4) /* a life span */
        return s[i] == '~' || s[i] == '-' ||
               (i + 3 <= len && memcmp(s + i, "\xE2\x88\xBC", 3) == 0); /* ∼ */
    if (d < 1 || d > 3) return false;
    while (i < len && s[i] == ' ') i++;
    if (i >= len || s[i] == '%') return false;
    if ((s[i] == '.' || s[i] == ',') && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')
        return false; /* 0.508, 76.5%, 1,000 */
    return true;
}

/* An age proper: "(26)", "(26·회사원)", "(31세)", "(40,": one or two digits,
 * 세 optional, then the bracket closes or an affiliation follows. Strict
 * enough for two-syllable names (김범(26), 김모(40)씨), where a list count
 * "사과(3개)" must not pass. */
static bool age_strict(const char *s, size_t len, size_t i)
{
    if (i >= len || s[i] != '(') return false;
    size_t d = 0;
    for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) d++;
    if (d < 1 || d > 2 || i >= len) return false;
    if (i + 3 <= len && memcmp(s + i, "\xEC\x84\xB8", 3) == 0) i += 3; /* 세 */
    if (i >= len) return false;
    if (s[i] == ')' || s[i] == ',') return true;
    return i + 2 <= len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xB7;
}

/* Word n is a person the gazetteer already claimed (이재용, 류현진): give
 * its mention the title found next to it. */
static bool title_known_person(scan *sc, size_t n, size_t w, const title_hit *h,
                               size_t prefw)
{
    if (!sc->t[n].used || sc->t[n].etype != ET_PERSON) return false;
    for (size_t i = sc->nc; i-- > 0;) {
        cand *c = &sc->c[i];
        if (c->bs != sc->t[n].bs || c->type != ET_PERSON) continue;
        if (c->title) return false;
        c->title = sc->s + sc->t[w].bs + h->tstart;
        c->tlen = h->tend - h->tstart;
        if (prefw != (size_t)-1) {
            c->tpre = sc->s + sc->t[prefw].bs;
            c->tprelen = sc->t[prefw].be - sc->t[prefw].bs;
        }
        sc->t[w].used = true;
        return true;
    }
    return false;
}

/* Word w (all Hangul, 3-8 syllables) as a name without a surname check:
 * not a title or a word ending in one, not a stop word, not in the
 * gazetteer, no suffix or block ending. */
static bool foreign_age_name(const scan *sc, size_t w)
{
    const struct kc_entities *e = sc->e;
    const char *p = sc->s + sc->t[w].bs;
    size_t n = sc->t[w].be - sc->t[w].bs;
    if (n < 9 || n > 24 || !all_hangul(p, n)) return false;
    if (is_stop(e, p, n) || table_get(&e->gaz, p, n)) return false;
    title_hit h;
    if (word_title(sc, w, &h)) return false;
    /* a suffix (…병원, …시) or an ordinary noun ending it (…정부); the
     * one-syllable block endings (아, 사) only cancel shorter suffixes */
    size_t k;
    const ent_key *x = longest_ending(e, p, n, &k);
    return !x || (x->kind != SK_SUFFIX && n - k < 6);
}

static kc_status pass_persons(scan *sc)
{
    const struct kc_entities *e = sc->e;
    for (size_t w = 0; w < sc->nt; w++) {
        if (sc->t[w].used) continue;
        /* 홍길동(24), 홍길동(24·회사원): Korean news gives a private
         * person's age in brackets right after the full name */
        /* 김범(26), 김모(40)씨: two syllables only before an age proper.
         * 밴헤켄(38), 이그나티예바(43), 사비에르(12): a foreign name has no
         * surname to check, but a word of three or more syllables right
         * before an age proper is a person unless it is a title
         * (남동구청장(59)), a stop word (아버지(34)) or a known or
         * suffixed name */
        size_t be = sc->t[w].be, wn = be - sc->t[w].bs;
        const char *wp = sc->s + sc->t[w].bs;
        bool strict = age_strict(sc->s, sc->len, be);
        if ((age_follows(sc->s, sc->len, be) && is_name(e, wp, wn, false)) ||
            (strict && (is_name(e, wp, wn, true) || foreign_age_name(sc, w)))) {
            kc_status st = claim_pattern(sc, w, wn, ET_PERSON);
            if (st != KC_OK) return st;
            continue;
        }
        title_hit h;
        if (!word_title(sc, w, &h)) continue;
        size_t prefw = (w > 0 && sc->t[w].sp && is_prefix_word(sc, w - 1)) ? w - 1
                                                                         : (size_t)-1;
        kc_status st;
        /* solid name + honorific: 홍길동씨 */
        if (h.kind == TK_HON && !h.bare) {
            st = emit_person(sc, sc->t[w].bs, sc->t[w].bs + h.tstart, w, &h, prefw);
            if (st != KC_OK) return st;
            sc->t[w].used = true;
            continue;
        }
        /* a known organisation compounded with the title: 과기정통부장관.
         * A place compounded with it (성남시장, 충남지사, 해운대구청장) is
         * part of the title: the person's title is the whole word and the
         * place is no place mention of its own (nothing happens there) */
        if (!h.bare) {
            const ent_key *k = gaz_strong(e, wp, h.tstart);
            if (k && k->type == ET_LOC) {
                h.tstart = 0;
            } else if (k) {
                st = add_cand(sc, sc->t[w].bs, sc->t[w].bs + h.tstart, k->type,
                              k->canon, k->cn);
                if (st != KC_OK) return st;
            }
        }
        /* name before the title, with known organisations or 전/현 between */
        bool found = false;
        for (size_t b = w, hops = 0; b > 0 && hops < 4; hops++) {
            if (!sc->t[b].sp) break;
            size_t n = b - 1;
            const char *np = sc->s + sc->t[n].bs;
            size_t nn = sc->t[n].be - sc->t[n].bs;
            if (title_known_person(sc, n, w, &h, prefw)) {
                found = true;
                break;
            }
            if (!sc->t[n].used && (is_name(e, np, nn, h.kind == TK_HON) ||
                                   (h.kind == TK_HON && h.bare && anon_letter(np, nn)))) {
                st = emit_person(sc, sc->t[n].bs, sc->t[n].be, w, &h, prefw);
                if (st != KC_OK) return st;
                sc->t[n].used = true;
                sc->t[n].etype = ET_PERSON;
                sc->t[w].used = true;
                found = true;
                break;
            }
            uint8_t ty;
            bool between = is_prefix_word(sc, n) ||
                           (sc->t[n].used && sc->t[n].etype != ET_NONE &&
                            sc->t[n].etype != ET_PERSON) ||
                           (!sc->t[n].used && suffix_entity(sc, n, np, nn, &ty) &&
                            ty == ET_ORG);
            if (!between) break;
            b = n;
        }
        if (found) continue;
        /* occupation before the name: 투수 류현진이, 배우 김태희 */
        if (h.kind == TK_BOTH && h.bare && h.tend == sc->t[w].be - sc->t[w].bs &&
            w + 1 < sc->nt && sc->t[w + 1].sp &&
            !title_known_person(sc, w + 1, w, &h, prefw) && !sc->t[w + 1].used) {
            size_t n = w + 1, it = 0, sn;
            const char *np = sc->s + sc->t[n].bs;
            while ((sn = tok_stem(sc, n, &it)) > 0) {
                if (!is_name(e, np, sn, false)) continue;
                st = emit_person(sc, sc->t[n].bs, sc->t[n].bs + sn, w, &h, prefw);
                if (st != KC_OK) return st;
                sc->t[n].used = true;
                sc->t[w].used = true;
                break;
            }
        }
    }
    return KC_OK;
}

/* ------------------------------------------------------------------ */
/* pass 3: names seen earlier in the document                         */

void kc__entities_state_free(struct kc_entstate *es)
{
    if (!es) return;
    lset_free(&es->set);
    free(es);
}

void kc__entities_state_reset(struct kc_entstate *es)
{
    if (!es) return;
    lset_free(&es->set);
    es->cursor = 0;
}

/* Bring the document's learned names up to date with the mentions added
 * since the last paragraph (all of earlier paragraphs: this paragraph's
 * entities come after this call). A name seen again takes the type of
 * its latest mention. */
static kc_status collect_learned(scan *sc, kc_doc *doc)
{
    if (!doc->entstate) {
        doc->entstate = calloc(1, sizeof *doc->entstate);
        if (!doc->entstate) return KC_ENOMEM;
    }
    struct kc_entstate *es = doc->entstate;
    if (es->cursor > doc->nmentions) kc__entities_state_reset(es);
    for (size_t i = es->cursor; i < doc->nmentions; i++) {
        const kc_mention *m = &doc->mentions[i];
        if (m->kind != KC_MENTION_ENTITY || !m->name) continue;
        uint8_t ty = ET_NONE;
        for (uint8_t k = 0; k < 5; k++)
            if (m->etype == etype_name[k]) ty = k;
        if (ty == ET_NONE) continue;
        size_t n = strlen(m->name);
        /* gazetteer names are found anyway; learn only pattern results */
        if (table_get(&sc->e->gaz, m->name, n)) continue;
        learned *l = lset_find(&es->set, m->name, n);
        if (l) { l->type = ty; continue; }
        kc_status st = lset_add(&es->set, m->name, n, ty);
        if (st != KC_OK) return st;
    }
    es->cursor = doc->nmentions;
    sc->doc = &es->set;
    return KC_OK;
}

static kc_status pass_learned(scan *sc)
{
    if (!sc->loc.nl && !(sc->doc && sc->doc->nl)) return KC_OK;
    for (size_t w = 0; w < sc->nt; w++) {
        if (sc->t[w].used) continue;
        const char *p = sc->s + sc->t[w].bs;
        size_t n = sc->t[w].be - sc->t[w].bs, it = 0, sn;
        bool done = false;
        while (!done && (sn = tok_stem(sc, w, &it)) > 0) {
            const learned *l = learned_find(sc, p, sn);
            if (!l) continue;
            /* a two-syllable name (문은) only as the whole word */
            if (l->type == ET_PERSON && sn < 9 && sn != n) continue;
            kc_status st = add_cand(sc, sc->t[w].bs, sc->t[w].bs + sn, l->type,
                                    l->name, l->n);
            if (st != KC_OK) return st;
            sc->t[w].used = true;
            sc->t[w].etype = l->type;
            done = true;
        }
    }
    return KC_OK;
}

/* ------------------------------------------------------------------ */
/* pass 4: suffix rules and corporate markers                         */

/* Does the stem start with a known place/organisation or a national
 * prefix (한국, 국립 …)? */
static bool known_prefix(const struct kc_entities *e, const char *p, size_t n)
{
    /* Latin-letter names are proper nouns in Korean text (CME그룹) */
    if (has_ascii_letter(p, n)) return true;
    for (size_t k = n; k > 0; k = kc__utf8_prev(p, k)) {
        const ent_key *g = gaz_strong(e, p, k);
        if (g && g->type != ET_PERSON && g->type != ET_PRODUCT) return true;
        /* a national prefix needs more after it: 국립대 is generic */
        if (k < n && table_get(&e->prefixes, p, k)) return true;
    }
    return false;
}

/* Does the stem start with a known organisation (삼성화재, 한화생명), or is it
 * written in Latin letters? */
static bool known_org_prefix(const struct kc_entities *e, const char *p, size_t n)
{
    if (has_ascii_letter(p, n)) return true;
    for (size_t k = n; k > 0; k = kc__utf8_prev(p, k)) {
        const ent_key *g = gaz_strong(e, p, k);
        if (g && (g->type == ET_ORG || g->type == ET_MEDIA)) return true;
    }
    return false;
}

/* The longest suffix rule or block ending of p[0..n); NULL if none. *k
 * receives the byte offset where the ending starts. */
static const ent_key *longest_ending(const struct kc_entities *e, const char *p,
                                     size_t n, size_t *k)
{
    if (!table_may_end(&e->endings, p, n)) return NULL;
    for (size_t i = tail_start(p, n, e->endings.maxlen); i < n;) {
        const ent_key *x = table_get(&e->endings, p + i, n - i);
        if (x) { *k = i; return x; }
        size_t cl;
        (void)kc__utf8_get((const unsigned char *)p + i, &cl);
        i += cl;
    }
    return NULL;
}

/* Is stem p[0..n) of word w an entity by a suffix rule? */
static bool suffix_entity(const scan *sc, size_t w, const char *p, size_t n,
                          uint8_t *type)
{
    const struct kc_entities *e = sc->e;
    /* most stems end in no suffix at all: the cheapest test first */
    if (!table_may_end(&e->endings, p, n)) return false;
    if (!has_letter(p, n) || is_stop(e, p, n)) return false;
    /* 100g당, 9이닝당 'per …': a stem opening with a digit is a quantity */
    if (p[0] >= '0' && p[0] <= '9') return false;
    size_t k;
    const ent_key *x = longest_ending(e, p, n, &k);
    if (!x || x->kind != SK_SUFFIX || k == 0) return false;
    size_t syl = syllables(p, k);
    if (syl < x->min || (x->max && syl > x->max)) return false;
    /* the part before the suffix must itself be a word, not a number */
    if (!has_letter(p, k)) return false;
    switch (x->flag) {
    case G_KNOWN:
        if (!known_prefix(e, p, k)) return false;
        break;
    case G_KNOWN_ORG:
        if (!known_org_prefix(e, p, k)) return false;
        break;
    case G_NOT_KNOWN:
        if (known_prefix(e, p, k)) return false;
        break;
    case G_AFTER_PLACE:
        if (w == 0 || !sc->t[w].sp || !word_is_place(sc, w - 1)) return false;
        /* "서울 외에도": 외에+도 is a particle chain, not an island */
        for (size_t i = 0; i < e->nplist; i++)
            if (e->plist[i].n < k && ends_with(p, k, e->plist[i].p, e->plist[i].n))
                return false;
        break;
    default:
        break;
    }
    *type = x->type;
    return true;
}

/* A corporate marker right before or after the word: (주)카카오,
 * 카카오(주), 주식회사 카카오. A bracketed marker is unambiguous; a spoken
 * one (주식회사, 재단법인) also opens phrases such as "재단법인 설립", so the
 * word after it needs three syllables or Latin letters. */
static bool corp_marked(const scan *sc, size_t w, size_t stem_end)
{
    const struct kc_entities *e = sc->e;
    const char *s = sc->s, *p = s + sc->t[w].bs;
    size_t bs = sc->t[w].bs, sn = stem_end - bs;
    bool long_enough = syllables(p, sn) >= 3 || has_ascii_letter(p, sn);
    for (size_t i = 0; i < e->corp.cap; i++) {
        const ent_key *k = &e->corp.slots[i];
        if (!k->used) continue;
        size_t m = k->n;
        if (k->p[0] != '(' && !long_enough) continue;
        /* before, solid or with one space */
        if (bs >= m && memcmp(s + bs - m, k->p, m) == 0) return true;
        if (bs >= m + 1 && s[bs - 1] == ' ' && memcmp(s + bs - m - 1, k->p, m) == 0)
            return true;
        /* after, solid */
        if (stem_end + m <= sc->len && memcmp(s + stem_end, k->p, m) == 0) return true;
    }
    return false;
}

/* Can corp_marked hold for word w at all? Its markers are bracketed ((주),
 * (사): a ')' right before the word or before its space, a '(' right after
 * it) or whole words (주식회사, 재단법인) one space before it: words are cut
 * at brackets, so a marker cannot touch the word any other way. The cheap
 * test that lets most words skip the particle and marker scans. */
static bool corp_near(const scan *sc, size_t w)
{
    const char *s = sc->s;
    size_t bs = sc->t[w].bs, be = sc->t[w].be;
    if (be < sc->len && s[be] == '(') return true;
    if (bs >= 1 && s[bs - 1] == ')') return true;
    if (bs >= 2 && s[bs - 1] == ' ') {
        if (s[bs - 2] == ')') return true;
        /* the word before ends in a marker: 주식회사, 경성방직주식회사 */
        if (w > 0 && sc->t[w - 1].be == bs - 1) {
            const char *p = s + sc->t[w - 1].bs;
            size_t n = sc->t[w - 1].be - sc->t[w - 1].bs;
            for (size_t k = table_may_end(&sc->e->corp, p, n) ? tail_start(p, n, sc->e->corp.maxlen) : n;
                 k < n;) {
                if (table_get(&sc->e->corp, p + k, n - k)) return true;
                size_t cl;
                (void)kc__utf8_get((const unsigned char *)p + k, &cl);
                k += cl;
            }
        }
    }
    return false;
}

static kc_status pass_suffix(scan *sc)
{
    const struct kc_entities *e = sc->e;
    for (size_t w = 0; w < sc->nt; w++) {
        if (sc->t[w].used) continue;
        const char *p = sc->s + sc->t[w].bs;
        size_t n = sc->t[w].be - sc->t[w].bs, it = 0, sn;
        /* a word that is itself a corporate marker (주식회사) is not a name */
        if (table_get(&e->corp, p, n)) continue;
        while ((sn = tok_stem(sc, w, &it)) > 0) {
            uint8_t ty;
            if (!suffix_entity(sc, w, p, sn, &ty)) continue;
            kc_status st = claim_pattern(sc, w, sn, ty);
            if (st != KC_OK) return st;
            break;
        }
        if (sc->t[w].used || !corp_near(sc, w)) continue;
        /* (주)아이티센은, 주식회사 한빛소프트가: the marker makes the word a
         * company name; its particle (the longest one) is not part of it */
        size_t cn = n;
        for (size_t i = 0; i < e->nplist; i++)
            if (e->plist[i].n + 6 <= n && ends_with(p, n, e->plist[i].p, e->plist[i].n)) {
                cn = n - e->plist[i].n;
                break;
            }
        size_t bk;
        const ent_key *bx = longest_ending(e, p, cn, &bk);
        if (syllables(p, cn) >= 2 && has_letter(p, cn) && !is_stop(e, p, cn) &&
            !(bx && (bx->kind == SK_BLOCK || bk == 0)) && /* 재단법인 설립 */
            corp_marked(sc, w, sc->t[w].bs + cn)) {
            kc_status st = claim_pattern(sc, w, cn, ET_ORG);
            if (st != KC_OK) return st;
        }
    }
    return KC_OK;
}

/* ------------------------------------------------------------------ */
/* pass 5: sources                                                    */

static bool proper_looking(const struct kc_entities *e, const char *p, size_t n)
{
    if (!has_letter(p, n) || is_stop(e, p, n)) return false;
    for (size_t i = 0; i < n; i++)
        if (p[i] == '&' || p[i] == '+') return has_ascii_letter(p, n);
    size_t k;
    const ent_key *x = longest_ending(e, p, n, &k);
    if (x && (x->kind == SK_BLOCK || k == 0)) return false; /* 연구소 alone */
    if (table_get(&e->titles, p, n)) return false;
    if (has_ascii_letter(p, n)) return true;
    return all_hangul(p, n) && syllables(p, n) >= 3;
}

static kc_status pass_sources(scan *sc)
{
    const struct kc_entities *e = sc->e;
    for (size_t w = 0; w + 1 < sc->nt; w++) {
        if (sc->t[w].used || !sc->t[w + 1].sp) continue;
        const char *q = sc->s + sc->t[w + 1].bs;
        size_t it = 0, sn;
        const ent_key *cue = NULL;
        while ((sn = tok_stem(sc, w + 1, &it)) > 0)
            if ((cue = table_get(&e->sources, q, sn)) != NULL) break;
        if (!cue) continue;
        const char *p = sc->s + sc->t[w].bs;
        size_t n = sc->t[w].be - sc->t[w].bs;
        if (cue->flag == G_AFTER_E) {
            /* X에 따르면 */
            static const char e_[] = "\xEC\x97\x90"; /* 에 */
            if (!ends_with(p, n, e_, 3) || n <= 3) continue;
            n -= 3;
        } else {
            /* X 집계, X의 조사 */
            static const char ui[] = "\xEC\x9D\x98"; /* 의 */
            if (ends_with(p, n, ui, 3) && n > 3) n -= 3;
        }
        if (!proper_looking(e, p, n)) continue;
        kc_status st = claim_pattern(sc, w, n, ET_ORG);
        if (st != KC_OK) return st;
    }
    return KC_OK;
}

/* ------------------------------------------------------------------ */
/* pass 6: a place in front of an organisation or a titled person     */

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->bs != y->bs) return x->bs < y->bs ? -1 : 1;
    return x->be < y->be ? -1 : x->be > y->be;
}

/* Korean news names a local branch or body by its place, big to small and
 * without particles: 서울 강서경찰서, 경북 상주경찰서, 대전 우송정보대,
 * 원주 동부, 뉴욕 양키스. A bare place directly (one space) before an
 * organisation is part of that organisation's name: one mention, the
 * organisation's type, the name "place + organisation" (written place
 * words, canonical organisation). A bare place directly before a person
 * with a title after the name (전북 최강희 감독, 미국 트럼프 대통령) is
 * the body that person belongs to: an organisation (a team, a state).
 * Right to left, so that 서울 서초구 보건소 chains. */
static void pass_affiliation(scan *sc)
{
    if (sc->nc < 2) return;
    qsort(sc->c, sc->nc, sizeof *sc->c, cmp_cand);
    for (size_t i = sc->nc - 1; i-- > 0;) {
        cand *c = &sc->c[i], *d = &sc->c[i + 1];
        if (!c->place || c->be <= c->bs || d->be <= d->bs) continue;
        if (d->bs != c->be + 1 || sc->s[c->be] != ' ') continue;
        if (c->type != ET_LOC && c->type != ET_ORG) continue;
        /* an address (서울 동대문구 경희대: the university is in the
         * district, KMOU and users keep the places) is not a branch name:
         * a place after another bare place does not join the next org */
        const cand *b = i > 0 ? &sc->c[i - 1] : NULL;
        bool address = b && b->place && b->type == ET_LOC && b->be == b->we &&
                       b->be + 1 == c->bs && sc->s[b->be] == ' ';
        /* a known organisation keeps its canonical name; the place before
         * it describes it (중국 화이브라더스, 판교 카카오): two mentions */
        if ((d->type == ET_ORG || d->type == ET_MEDIA) && !address && !d->gaz) {
            const char *pend = d->pre ? d->pre + d->prelen : sc->s + c->be;
            c->pre = sc->s + c->bs;
            c->prelen = (size_t)(pend - c->pre);
            c->be = d->be;
            c->type = d->type;
            c->name = d->name;
            c->nlen = d->nlen;
            c->place = false;
            d->be = d->bs; /* dropped */
        } else if (d->type == ET_PERSON && c->type == ET_LOC && d->title &&
                   d->title >= sc->s + d->be) {
            c->type = ET_ORG; /* named as written: 전북, not 전북특별자치도 */
            c->name = sc->s + c->bs;
            c->nlen = c->be - c->bs;
        }
    }
}

/* Is the word after candidate i (one space on) a place, or a word with a
 * locative particle (치악체육관에서)? Then candidate i opens an address. */
static bool address_next(const scan *sc, size_t i)
{
    const cand *c = &sc->c[i];
    if (c->we >= sc->len || sc->s[c->we] != ' ') return false;
    if (i + 1 < sc->nc && sc->c[i + 1].bs == c->we + 1 && sc->c[i + 1].place) return true;
    size_t a = c->we + 1, b = a;
    while (b < sc->len && sc->s[b] != ' ') b++;
    /* the word's last particle: try the endings of one to three syllables */
    for (size_t k = b; k > a && b - k <= 9;) {
        k = kc__utf8_prev(sc->s + a, k - a) + a;
        /* 성남 경기에 'in the Seongnam game' is a match, not an address */
        if (k > a && k < b && table_get(&sc->e->gpe_loc, sc->s + k, b - k)) {
            /* 에인절스전에서 'in the game against the Angels': X전 is a match */
            if (k - a >= 6 && memcmp(sc->s + k - 3, "\xEC\xA0\x84", 3) == 0) return false;
            return !table_get(&sc->e->gpe_sport, sc->s + a, k - a);
        }
    }
    return false;
}

/* 평창 올림픽, 부천 영화제, 서울 국제 모터쇼: a bare place before an
 * event word (gpe_roles.tsv, role event) opens the event's name; nothing
 * is located there by it, so it is no place mention. */
static void pass_events(scan *sc)
{
    const struct kc_entities *e = sc->e;
    if (!e->gpe_event.n) return;
    for (size_t i = 0; i < sc->nc; i++) {
        cand *c = &sc->c[i];
        if (!c->place || c->type != ET_LOC || c->be <= c->bs || c->we != c->be) continue;
        if (c->we >= sc->len || sc->s[c->we] != ' ') continue;
        size_t a = c->we + 1, b = a;
        while (b < sc->len && sc->s[b] != ' ' && sc->s[b] != ',' && sc->s[b] != '\'') b++;
        size_t it = 0, sn;
        while ((sn = stem_at(e, sc->s + a, b - a, &it)) > 0)
            if (table_get(&e->gpe_event, sc->s + a, sn)) { c->be = c->bs; break; }
    }
}

/* Closing quotes and brackets: a word glued to one starts with a particle
 * of the quoted text ("…짓거리들”이란 비난"). */
static bool closes_quote(const char *s, size_t i)
{
    if (i == 0) return false;
    unsigned char c = (unsigned char)s[i - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '>') return true;
    if (i < 3) return false;
    static const char *const q[] = {"\u201D", "\u2019", "\u300D", "\u300F", "\u3009",
                                    "\u300B", "\u3011", "\uFF09"};
    for (size_t k = 0; k < sizeof q / sizeof q[0]; k++)
        if (memcmp(s + i - 3, q[k], 3) == 0) return true;
    return false;
}

/* Words that look like a place but are not one:
 * - a place with a demonym ending (gpe_roles.tsv role demonym: 한국인,
 *   중국인) names a people or a person, not the place;
 * - a whole word that is a particle, glued to a closing quote, is that
 *   particle (”이란 비난: the name of Iran is also 'called …'). */
static void pass_nonplace(scan *sc)
{
    const struct kc_entities *e = sc->e;
    for (size_t i = 0; i < sc->nc; i++) {
        cand *c = &sc->c[i];
        if (!c->place || c->be <= c->bs) continue;
        if (c->we > c->be && table_get(&e->gpe_demonym, sc->s + c->be, c->we - c->be)) {
            c->be = c->bs;
            continue;
        }
        if (closes_quote(sc->s, c->bs) && table_get(&e->particles, sc->s + c->bs, c->we - c->bs))
            c->be = c->bs;
    }
}

/* A sports report names teams by their city (전북-성남 경기, 보스턴 팬들,
 * 수원의 유니폼, 볼티모어와 계약). A paragraph with two or more sport words
 * (gpe_roles.tsv, role sport) is one; there a place that is not followed
 * by a locative particle (role locative: 리우에서, 잠실구장으로) is a team,
 * an organisation. */
static void pass_sports(scan *sc)
{
    const struct kc_entities *e = sc->e;
    if (!e->gpe_sport.n || !sc->nc) return;
    size_t cues = 0;
    for (size_t w = 0; w < sc->nt && cues < 2; w++) {
        const char *p = sc->s + sc->t[w].bs;
        size_t it = 0, sn;
        bool digit = p[0] >= '0' && p[0] <= '9';
        while ((sn = tok_stem(sc, w, &it)) > 0) {
            if (table_get(&e->gpe_sport, p, sn)) { cues++; break; }
            if (!digit) continue;
            /* a count in a sport word: 11골, 7패, 9이닝, 2승1무7패 */
            size_t k = sn;
            while (k > 0 && !(p[k - 1] >= '0' && p[k - 1] <= '9')) k--;
            if (k > 0 && k < sn && table_get(&e->gpe_sport, p + k, sn - k)) { cues++; break; }
            /* a score: 2-1, 3-0 */
            if (sn >= 3 && sn <= 5 && memchr(p, '-', sn) && p[sn - 1] >= '0' &&
                p[sn - 1] <= '9') { cues++; break; }
        }
    }
    if (cues < 2) return;
    for (size_t i = 0; i < sc->nc; i++) {
        cand *c = &sc->c[i];
        /* a country is a national team or a nationality; a region is
         * neither a team nor a city: both stay as they are */
        if (!c->place || c->type != ET_LOC || c->be <= c->bs || c->gclass) continue;
        if (c->we > c->be && table_get(&e->gpe_loc, sc->s + c->be, c->we - c->be))
            continue;
        /* 인천 문학구장에서, 원주 치악체육관에서: an address, not a team */
        if (c->we == c->be && address_next(sc, i)) continue;
        /* the team is named as written: 전북 (현대), not 전북특별자치도 */
        c->type = ET_ORG;
        c->name = sc->s + c->bs;
        c->nlen = c->be - c->bs;
    }
}

/* ------------------------------------------------------------------ */
/* driver                                                             */

static kc_status emit_one(kc_doc *doc, size_t para, const cand *c);

typedef struct span {
    size_t bs, be;
    size_t reach; /* the largest be of this span and all before it */
} span;

static int cmp_span(const void *a, const void *b)
{
    const span *x = a, *y = b;
    return x->bs < y->bs ? -1 : x->bs > y->bs;
}

/* Does [bs, be) overlap one of the n spans (sorted by start, reach
 * filled)? The same test as kc__doc_span_taken, but that function rescans
 * every mention of the paragraph per call: quadratic in a paragraph with
 * thousands of names. */
static bool overlaps(const span *v, size_t n, size_t bs, size_t be)
{
    size_t lo = 0, hi = n;
    while (lo < hi) { /* spans [0, lo) start before be */
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].bs < be) lo = mid + 1;
        else hi = mid;
    }
    return lo > 0 && v[lo - 1].reach > bs;
}

/* Drop the candidates that overlap a span the dates extractor took in
 * this paragraph (it runs first), before the passes that join candidates:
 * a place must not join an organisation that is not emitted. */
static kc_status drop_taken(scan *sc, kc_doc *doc, size_t para)
{
    span *tk = NULL;
    size_t ntk = 0, ctk = 0;
    for (size_t i = doc->nmentions; i-- > 0;) {
        const kc_mention *m = &doc->mentions[i];
        if (m->para != para) break;
        if (m->kind == KC_MENTION_FIGURE || m->kind == KC_MENTION_ENTITY) continue;
        if (ntk == ctk) {
            size_t ncap = ctk ? ctk * 2 : 16, bytes;
            if (!kc__mul_ok(ncap, sizeof(span), &bytes)) { free(tk); return KC_ELIMIT; }
            span *nt = realloc(tk, bytes);
            if (!nt) { free(tk); return KC_ENOMEM; }
            tk = nt;
            ctk = ncap;
        }
        tk[ntk].bs = m->byte_start;
        tk[ntk].be = m->byte_end;
        ntk++;
    }
    if (ntk > 1) qsort(tk, ntk, sizeof *tk, cmp_span);
    for (size_t i = 0; i < ntk; i++)
        tk[i].reach = i && tk[i - 1].reach > tk[i].be ? tk[i - 1].reach : tk[i].be;
    for (size_t i = 0; i < sc->nc; i++) {
        cand *c = &sc->c[i];
        if (c->be > c->bs && overlaps(tk, ntk, c->bs, c->be)) c->be = c->bs;
    }
    free(tk);
    return KC_OK;
}

static kc_status emit(scan *sc, kc_doc *doc, size_t para)
{
    kc_status st = KC_OK;
    for (size_t i = 0; i < sc->nc && st == KC_OK; i++) {
        const cand *c = &sc->c[i];
        if (c->be <= c->bs) continue;
        st = emit_one(doc, para, c);
    }
    return st;
}

static kc_status emit_one(kc_doc *doc, size_t para, const cand *c)
{
    const char *name;
    if (c->pre) { /* "서울" + " " + "강서경찰서" */
        size_t nl;
        if (!kc__add_ok(c->prelen, c->nlen + 1, &nl)) return KC_ELIMIT;
        char *b = malloc(nl);
        if (!b) return KC_ENOMEM;
        memcpy(b, c->pre, c->prelen);
        b[c->prelen] = ' ';
        memcpy(b + c->prelen + 1, c->name, c->nlen);
        name = kc__doc_strdup(doc, b, nl);
        free(b);
    } else {
        name = kc__doc_strdup(doc, c->name, c->nlen);
    }
    if (!name) return KC_ENOMEM;
    const char *title = NULL;
    if (c->title) {
        size_t tl;
        if (c->tpre) {
            if (!kc__add_ok(c->tprelen, c->tlen + 1, &tl) || tl > 256) return KC_ELIMIT;
            char buf[260];
            memcpy(buf, c->tpre, c->tprelen);
            buf[c->tprelen] = ' ';
            memcpy(buf + c->tprelen + 1, c->title, c->tlen);
            title = kc__doc_strdup(doc, buf, tl);
        } else {
            title = kc__doc_strdup(doc, c->title, c->tlen);
        }
        if (!title) return KC_ENOMEM;
    }
    kc_mention *m = kc__doc_add_mention(doc, KC_MENTION_ENTITY, para, c->bs, c->be);
    if (!m) return KC_ENOMEM;
    m->etype = etype_name[c->type];
    m->name = name;
    m->title = title;
    return KC_OK;
}

kc_status kc__entities_extract(kc_doc *doc, size_t para, const char *s,
                               size_t len, pcre2_match_data *md)
{
    (void)md; /* no regular expressions: see the comment at the top */
    if (!doc || (!s && len)) return KC_EINVAL;
    const struct kc_entities *e = doc->eng ? doc->eng->entities : NULL;
    if (!e || !len) return KC_OK;
    scan sc;
    memset(&sc, 0, sizeof sc);
    sc.e = e;
    sc.s = s;
    sc.len = len;
    kc_status st = tokenize(&sc);
    for (size_t w = 0; st == KC_OK && w < sc.nt; w++) tok_stems(e, s, &sc.t[w]);
    if (st == KC_OK) st = collect_learned(&sc, doc);
    if (st == KC_OK) st = pass_gazetteer(&sc);
    if (st == KC_OK) st = pass_persons(&sc);
    if (st == KC_OK) st = pass_learned(&sc);
    if (st == KC_OK) st = pass_suffix(&sc);
    if (st == KC_OK) st = pass_sources(&sc);
    if (st == KC_OK) st = drop_taken(&sc, doc, para);
    if (st == KC_OK) pass_affiliation(&sc);
    if (st == KC_OK) pass_events(&sc);
    if (st == KC_OK) pass_nonplace(&sc);
    if (st == KC_OK) pass_sports(&sc);
    if (st == KC_OK) st = emit(&sc, doc, para);
    free(sc.t);
    free(sc.c);
    lset_free(&sc.loc);
    return st;
}
