/* figures.c — kind "figure": numbers with their unit, approximation, bound
 * and range, from Korean news text.
 *
 * A hand-written scanner rather than a regex: a figure can only start at a
 * word start (a digit not glued to letters, digits or code punctuation, or
 * the first syllable of a word), and from there the numeral evaluator
 * (numeral.c) and longest-match tables from dict/ decide. Every position is
 * looked at once and every numeral parse is linear in what it consumes, so a
 * paragraph costs O(n) whatever it holds ("1,"×10^5, 10^6 digits,
 * "1천1천…").
 *
 * The shape of a figure, each part optional except the number:
 *   [pre-qualifier] [prefix unit] NUMBER [여] [unit]
 *       [separator NUMBER [여] [unit] [대]] [post-qualifiers]
 * e.g. "약 120억원", "5만여 명", "50억∼60억원", "최대 50%", "영하 5도",
 * "3천300만∼3천700만대", "5000원 이상".
 *
 * Vocabulary (units, counters, qualifiers, separators, particles) lives in
 * dict/units.tsv and dict/figures_*.tsv. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

/* kc__num_parse_ex form bits (internal.h), short names */
#define KCN_FRAC_WORD KC_NUM_FRAC_WORD
#define KCN_YEO KC_NUM_YEO
#define KCN_MINUS_WORD KC_NUM_MINUS_WORD
#define KCN_INFO_YEO KC_NUMINFO_YEO
#define KCN_INFO_FRACTION KC_NUMINFO_FRACTION

enum uclass {
    CL_MONEY, CL_COUNT, CL_MEASURE, CL_PERCENT, CL_RANK, CL_MULTIPLE,
    CL_TEMP, CL_TIME, CL_NAME, CL_PREFIX, CL_ORDINAL
};
#define NCLASSES 11
enum effect {
    EF_APPROX, EF_MIN, EF_MAX, EF_OVER, EF_UNDER, EF_NEG, EF_CELSIUS,
    EF_FAHR
};

typedef struct fentry {
    const char *s;      /* surface (points into the dictionary data) */
    size_t n;
    const char *canon;  /* canonical unit / closing word, or NULL */
    size_t cn;
    int cls;            /* enum uclass */
    int native;         /* native numerals may count with it */
    int attach;         /* only attached to the number (8강, 1심) */
    int eff;            /* enum effect */
} fentry;

/* A list, longest surface first, with its entries bucketed by first code
 * point (flist_index): match_at tries only the bucket of the text's code
 * point, in list order. */
#define FBUCKETS 256
typedef struct flist {
    fentry *v;
    size_t n, cap;
    uint32_t *ix;               /* entry numbers, bucket by bucket */
    uint32_t head[FBUCKETS + 1]; /* bucket b: ix[head[b]..head[b + 1]) */
    bool flat; /* an entry's first character is incomplete: no buckets */
} flist;

/* The bucket of the code point s[0..n) starts with, or -1 when that
 * character is not complete in n bytes (no entry can match there). */
static inline int fbucket(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c;
    if (u[0] < 0x80) {
        c = u[0];
    } else {
        size_t need = u[0] < 0xC0 ? 0 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
        if (need == 0 || need > n) return -1;
        for (size_t k = 1; k < need; k++)
            if ((u[k] & 0xC0) != 0x80) return -1;
        size_t cn;
        c = kc__utf8_get(u, &cn);
    }
    return (int)((c * 2654435761u) >> 24);
}

/* The entries of l that may be written at s[i]: ix[*k0..*k1). */
static inline bool fl_range(const flist *l, const char *s, size_t len, size_t i,
                     size_t *k0, size_t *k1)
{
    if (i >= len) return false; /* every surface has a byte at least */
    if (l->flat) { *k0 = 0; *k1 = l->n; return true; }
    int b = fbucket(s + i, len - i);
    if (b < 0) return false;
    *k0 = l->head[b];
    *k1 = l->head[b + 1];
    return true;
}

struct kc_figures {
    flist units, prefix, pre, yeo, post, josa, seps;
    flist look; /* figures_lookalikes.tsv: words that only look numeric */
    flist both; /* figures_both.tsv: nouns counted by 양 (양국, 양측) */
};

/* ------------------------------------------------------------------ */
/* Loading                                                            */
/* ------------------------------------------------------------------ */

static kc_status flist_add(flist *l, fentry e)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32, bytes;
        if (!kc__mul_ok(cap, sizeof *l->v, &bytes)) return KC_ENOMEM;
        fentry *v = realloc(l->v, bytes);
        if (!v) return KC_ENOMEM;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = e;
    return KC_OK;
}

/* Longest surface first, so that a linear scan finds the longest match
 * (개국 before 개, %p before %). */
static int cmp_len_desc(const void *a, const void *b)
{
    const fentry *x = a, *y = b;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return 0;
}

static kc_status flist_sort(flist *l)
{
    if (l->n > 1) qsort(l->v, l->n, sizeof *l->v, cmp_len_desc);
    size_t bytes;
    if (!kc__mul_ok(l->n ? l->n : 1, sizeof *l->ix, &bytes)) return KC_ENOMEM;
    l->ix = malloc(bytes);
    if (!l->ix) return KC_ENOMEM;
    memset(l->head, 0, sizeof l->head);
    l->flat = false;
    for (size_t k = 0; k < l->n; k++) {
        int b = fbucket(l->v[k].s, l->v[k].n);
        if (b < 0) l->flat = true;
        else l->head[b + 1]++;
    }
    for (size_t b = 0; b < FBUCKETS; b++) l->head[b + 1] += l->head[b];
    uint32_t fill[FBUCKETS];
    memcpy(fill, l->head, sizeof fill);
    for (size_t k = 0; k < l->n; k++)
        l->ix[l->flat ? k : fill[fbucket(l->v[k].s, l->v[k].n)]++] = (uint32_t)k;
    return KC_OK;
}

/* Every word list of f, for the loops that index and free them all. */
#define NLISTS 9
static void figures_lists(struct kc_figures *f, flist *out[NLISTS])
{
    flist *all[NLISTS] = {&f->units, &f->prefix, &f->pre, &f->yeo, &f->post,
                          &f->josa, &f->seps, &f->look, &f->both};
    memcpy(out, all, sizeof all);
}

static bool sv_in(kc_strv v, const char *const *names, size_t count, int *idx)
{
    for (size_t i = 0; i < count; i++)
        if (kc__strv_eq(v, names[i])) { *idx = (int)i; return true; }
    return false;
}

static const char *const CLASS_NAMES[] = {
    "money", "count", "measure", "percent", "rank", "multiple", "temp",
    "time", "name", "prefix", "ordinal"};
static const char *const EFFECT_NAMES[] = {
    "approx", "min", "max", "over", "under", "negative", "celsius",
    "fahrenheit"};

static kc_status dict_open(const kc_engine *eng, const char *name, kc_tsv *t,
                           char *err, size_t errlen)
{
    const kc_dictfile *f = kc__dict_get(eng, name);
    if (!f) {
        snprintf(err, errlen, "%s: dictionary missing", name);
        return KC_EDICT;
    }
    kc__tsv_init(t, f);
    return KC_OK;
}

static kc_status load_units(const kc_engine *eng, struct kc_figures *f,
                            char *err, size_t errlen)
{
    kc_tsv t;
    kc_status st = dict_open(eng, "units.tsv", &t, err, errlen);
    kc_strv fv[5];
    size_t nf;
    while (st == KC_OK && (nf = kc__tsv_next(&t, fv, 5)) != 0) {
        fentry e;
        memset(&e, 0, sizeof e);
        if (nf < 4 || fv[0].n == 0 || fv[1].n == 0 ||
            !sv_in(fv[2], CLASS_NAMES, NCLASSES, &e.cls) ||
            !(kc__strv_eq(fv[3], "y") || kc__strv_eq(fv[3], "n")) ||
            (nf == 5 && !(kc__strv_eq(fv[4], "y") || kc__strv_eq(fv[4], "n")))) {
            snprintf(err, errlen,
                     "units.tsv:%zu: expected surface, unit, class, native "
                     "(y/n), optional space (y/n)", t.line);
            return KC_EDICT;
        }
        e.s = fv[0].p; e.n = fv[0].n;
        e.canon = fv[1].p; e.cn = fv[1].n;
        e.native = kc__strv_eq(fv[3], "y");
        e.attach = nf == 5 && kc__strv_eq(fv[4], "n");
        st = flist_add(e.cls == CL_PREFIX ? &f->prefix : &f->units, e);
    }
    return st;
}

static kc_status load_quals(const kc_engine *eng, struct kc_figures *f,
                            char *err, size_t errlen)
{
    kc_tsv t;
    kc_status st = dict_open(eng, "figures_qualifiers.tsv", &t, err, errlen);
    kc_strv fv[3];
    size_t nf;
    static const char *const POS[] = {"pre", "yeo", "post"};
    while (st == KC_OK && (nf = kc__tsv_next(&t, fv, 3)) != 0) {
        fentry e;
        memset(&e, 0, sizeof e);
        int pos;
        if (nf < 3 || fv[0].n == 0 || !sv_in(fv[1], POS, 3, &pos) ||
            !sv_in(fv[2], EFFECT_NAMES, 8, &e.eff)) {
            snprintf(err, errlen,
                     "figures_qualifiers.tsv:%zu: expected surface, "
                     "position (pre/yeo/post), effect", t.line);
            return KC_EDICT;
        }
        e.s = fv[0].p; e.n = fv[0].n;
        st = flist_add(pos == 0 ? &f->pre : pos == 1 ? &f->yeo : &f->post, e);
    }
    return st;
}

static kc_status load_seps(const kc_engine *eng, struct kc_figures *f,
                           char *err, size_t errlen)
{
    kc_tsv t;
    kc_status st = dict_open(eng, "figures_ranges.tsv", &t, err, errlen);
    kc_strv fv[2];
    size_t nf;
    while (st == KC_OK && (nf = kc__tsv_next(&t, fv, 2)) != 0) {
        fentry e;
        memset(&e, 0, sizeof e);
        if (nf < 2 || fv[0].n == 0 || fv[1].n == 0) {
            snprintf(err, errlen,
                     "figures_ranges.tsv:%zu: expected separator, close",
                     t.line);
            return KC_EDICT;
        }
        e.s = fv[0].p; e.n = fv[0].n;
        if (!kc__strv_eq(fv[1], "-")) { e.canon = fv[1].p; e.cn = fv[1].n; }
        st = flist_add(&f->seps, e);
    }
    return st;
}

/* A one-column word list (figures_josa.tsv, figures_lookalikes.tsv). */
static kc_status load_words(const kc_engine *eng, const char *name,
                            flist *l, char *err, size_t errlen)
{
    kc_tsv t;
    kc_status st = dict_open(eng, name, &t, err, errlen);
    kc_strv fv[1];
    while (st == KC_OK && kc__tsv_next(&t, fv, 1) != 0) {
        if (fv[0].n == 0) continue;
        fentry e;
        memset(&e, 0, sizeof e);
        e.s = fv[0].p; e.n = fv[0].n;
        st = flist_add(l, e);
    }
    return st;
}

kc_status kc__figures_init(kc_engine *eng, char *err, size_t errlen)
{
    struct kc_figures *f = calloc(1, sizeof *f);
    if (!f) return KC_ENOMEM;
    kc_status st = load_units(eng, f, err, errlen);
    if (st == KC_OK) st = load_quals(eng, f, err, errlen);
    if (st == KC_OK) st = load_seps(eng, f, err, errlen);
    if (st == KC_OK)
        st = load_words(eng, "figures_josa.tsv", &f->josa, err, errlen);
    if (st == KC_OK)
        st = load_words(eng, "figures_lookalikes.tsv", &f->look, err, errlen);
    if (st == KC_OK)
        st = load_words(eng, "figures_both.tsv", &f->both, err, errlen);
    if (st != KC_OK) {
        if (st == KC_ENOMEM) snprintf(err, errlen, "figures: out of memory");
        kc__figures_free(f);
        return st;
    }
    flist *lists[NLISTS];
    figures_lists(f, lists);
    for (size_t k = 0; st == KC_OK && k < NLISTS; k++)
        st = flist_sort(lists[k]);
    if (st != KC_OK) {
        snprintf(err, errlen, "figures: out of memory");
        kc__figures_free(f);
        return st;
    }
    eng->figures = f;
    return KC_OK;
}

void kc__figures_free(struct kc_figures *f)
{
    if (!f) return;
    flist *lists[NLISTS];
    figures_lists(f, lists);
    for (size_t k = 0; k < NLISTS; k++) {
        free(lists[k]->v);
        free(lists[k]->ix);
    }
    free(f);
}

/* ------------------------------------------------------------------ */
/* Character classes                                                  */
/* ------------------------------------------------------------------ */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

static uint32_t cp_at(const char *s, size_t len, size_t i, size_t *n)
{
    if (i >= len) { *n = 0; return 0; }
    return kc__utf8_get((const unsigned char *)s + i, n);
}

static bool hangul_at(const char *s, size_t len, size_t i)
{
    size_t n;
    return i < len && kc__is_hangul_syllable(cp_at(s, len, i, &n));
}

static bool lit_at(const char *s, size_t len, size_t i, const char *w,
                   size_t n)
{
    return i <= len && n <= len - i && memcmp(s + i, w, n) == 0;
}

/* Longest entry of l written at s[i]; NULL if none. */
static const fentry *match_at(const flist *l, const char *s, size_t len,
                              size_t i)
{
    size_t k0, k1;
    if (!fl_range(l, s, len, i, &k0, &k1)) return NULL;
    for (size_t k = k0; k < k1; k++) {
        const fentry *e = &l->v[l->ix[k]];
        if (lit_at(s, len, i, e->s, e->n)) return e;
    }
    return NULL;
}

/* May a figure end right before s[q]? Yes at the end, before white space or
 * punctuation, and before a particle or suffix from figures_josa.tsv or a
 * qualifier; no before an ASCII letter or digit (5G, 3D) or other Hangul
 * (억만장자, 구조 개선). */
static bool ok_after(const struct kc_figures *f, const char *s, size_t len,
                     size_t q)
{
    if (q >= len) return true;
    if (is_alnum(s[q])) return false;
    if (!hangul_at(s, len, q)) return true;
    return match_at(&f->josa, s, len, q) || match_at(&f->post, s, len, q) ||
           match_at(&f->yeo, s, len, q);
}

/* A unit at q, attached or after one space, that may end there. */
static const fentry *match_unit(const struct kc_figures *f, const char *s,
                                size_t len, size_t q, size_t *end,
                                bool *spaced)
{
    for (int sp = 0; sp < 2; sp++) {
        size_t at = q + (size_t)sp;
        if (sp && !(q < len && s[q] == ' ')) break;
        if (at >= len) break;
        const flist *l = &f->units;
        size_t k0, k1;
        if (!fl_range(l, s, len, at, &k0, &k1)) continue;
        for (size_t k = k0; k < k1; k++) {
            const fentry *u = &l->v[l->ix[k]];
            if (sp && u->attach) continue;
            if (!lit_at(s, len, at, u->s, u->n)) continue;
            /* Time words end a figure even inside a longer word: they
             * belong to the dates extractor either way. A Hangul counter
             * may be followed by the next number of a record: "3승3무1패",
             * "1남1녀". */
            size_t ue = at + u->n;
            if (u->cls == CL_TIME || u->cls == CL_NAME ||
                ok_after(f, s, len, ue) ||
                (ue < len && is_digit(s[ue]) && hangul_at(s, len, ue - 3))) {
                *end = at + u->n;
                *spaced = sp != 0;
                return u;
            }
        }
    }
    return NULL;
}

/* Exponent of the 만-group scale word the numeral text ends with (만 4,
 * 억 8, 조 12, 경 16), or 0. */
static int ends_large(const char *s, size_t n)
{
    static const struct { const char *w; int e; } L[] = {
        {"만", 4}, {"억", 8}, {"조", 12}, {"경", 16}};
    for (size_t i = 0; i < 4; i++)
        if (n >= 3 && memcmp(s + n - 3, L[i].w, 3) == 0) return L[i].e;
    return 0;
}

static bool has_scale(const char *s, size_t n)
{
    static const char *const W[] = {"십", "백", "천", "만", "억", "조", "경"};
    for (size_t i = 0; i + 3 <= n; i++)
        for (size_t k = 0; k < 7; k++)
            if (memcmp(s + i, W[k], 3) == 0) return true;
    return false;
}

static bool has_large(const char *s, size_t n)
{
    static const char *const W[] = {"만", "억", "조", "경"};
    for (size_t i = 0; i + 3 <= n; i++)
        for (size_t k = 0; k < 4; k++)
            if (memcmp(s + i, W[k], 3) == 0) return true;
    return false;
}

static bool has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (is_digit(s[i])) return true;
    return false;
}

/* dec × 10^k as a plain decimal ("1.5" × 10^8 = "150000000"). */
static bool dec_shift(const char *dec, int k, char *out, size_t cap)
{
    char digits[200];
    size_t nd = 0, point = 0;
    bool neg = dec[0] == '-', seen_point = false;
    for (const char *p = dec + neg; *p; p++) {
        if (*p == '.') { seen_point = true; continue; }
        if (nd + 1 >= sizeof digits) return false;
        digits[nd++] = *p;
        if (!seen_point) point++;
    }
    size_t np = point + (size_t)k;
    while (nd < np) {
        if (nd + 1 >= sizeof digits) return false;
        digits[nd++] = '0';
    }
    size_t o = 0, i = 0;
    while (i + 1 < np && digits[i] == '0') i++; /* leading zeros */
    if (neg && o + 1 < cap) out[o++] = '-';
    for (; i < np; i++) {
        if (o + 1 >= cap) return false;
        out[o++] = digits[i];
    }
    size_t last = nd;
    while (last > np && digits[last - 1] == '0') last--;
    if (last > np) {
        if (o + 1 >= cap) return false;
        out[o++] = '.';
        for (i = np; i < last; i++) {
            if (o + 1 >= cap) return false;
            out[o++] = digits[i];
        }
    }
    out[o] = '\0';
    return true;
}

/* ------------------------------------------------------------------ */
/* One figure                                                         */
/* ------------------------------------------------------------------ */

typedef struct fig {
    size_t bs, be;
    char v[100], vmax[100];
    bool has_max;
    const char *unit;
    size_t unit_n;
    bool approx;
    kc_bound bound;
    size_t next_ok; /* a figure may start here although glued (0: none) */
} fig;

enum { TRY_NONE = 0, TRY_FIG = 1, TRY_SKIP = 2 };

#define KCN_LONE_SINO KC_NUM_LONE_SINO
/* Lone Sino digits (이, 구) are parsed, then accepted only glued to a long
 * money/measure unit (이리터, 구파운드); see hangul_ok. */
#define FORMS (KC_NUM_ALL | KCN_FRAC_WORD | KCN_YEO | KCN_MINUS_WORD | \
               KCN_LONE_SINO)

/* A parsed number with what follows it. */
typedef struct part {
    size_t ns, ne;      /* the numeral's bytes */
    kc_num num;
    bool arabic;        /* has an Arabic digit */
    bool native;        /* a native numeral (두, 스물다섯) */
    bool single;        /* one Hangul syllable (한, 두, 천, 만) */
    bool scale_word;    /* that syllable is a scale word (십 백 천 만 억 조) */
    bool fraction;      /* 사분의삼: a numeral that cannot be a word */
    bool approx;
    const fentry *unit;
    size_t end;         /* after 여 and the unit */
    bool unit_spaced;
} part;

/* Parse a numeral at q and its 여 and unit. Returns false if no numeral. */
static bool parse_part(const struct kc_figures *f, const char *s, size_t len,
                       size_t q, unsigned forms, part *pt)
{
    memset(pt, 0, sizeof *pt);
    unsigned info = 0;
    size_t c = kc__num_parse_ex(s + q, len - q, forms, &pt->num, &info);
    if (!c) return false;
    pt->ns = q;
    pt->ne = q + c;
    pt->arabic = has_digit(s + q, c);
    pt->approx = (info & KCN_INFO_YEO) != 0;
    pt->fraction = (info & KCN_INFO_FRACTION) != 0;
    if (!pt->arabic) {
        kc_num tmp;
        pt->native = kc__num_parse(s + q, c, KC_NUM_NATIVE, &tmp) == c;
        pt->single = c == 3;
        pt->scale_word = pt->single && has_scale(s + q, c);
    }
    size_t e = pt->ne;
    /* 여 right after the number: 5만여 명, 10여 개국. */
    const fentry *y = match_at(&f->yeo, s, len, e);
    if (y) {
        size_t after = e + y->n;
        size_t ue;
        bool sp;
        if (match_unit(f, s, len, after, &ue, &sp) ||
            ok_after(f, s, len, after)) {
            pt->approx = true;
            e = after;
        }
    }
    size_t ue;
    bool sp;
    const fentry *u = match_unit(f, s, len, e, &ue, &sp);
    if (u) {
        pt->unit = u;
        pt->unit_spaced = sp;
        e = ue;
    }
    pt->end = e;
    return true;
}

/* Is a Hangul-only numeral a number here? Only before a unit that may
 * count it: 두 차례, 삼천삼백만 원. A single syllable (한, 두, 세, 천, 만)
 * must stand apart from its counter (두 차례, 만 명), because attached it
 * is usually a word (한국, 세대, 만원 버스, 이번, 사건). */
static bool hangul_ok(const part *pt, bool iso)
{
    if (pt->arabic) return true;
    if (!pt->unit) return pt->fraction;
    if (pt->unit->cls == CL_TIME || pt->unit->cls == CL_NAME) return true;
    if (pt->native && !pt->unit->native) return false;
    if (pt->single && !pt->native) {
        int cl = pt->unit->cls;
        bool money = cl == CL_MONEY;
        bool meas = money || cl == CL_MEASURE || cl == CL_PERCENT;
        /* A lone Sino digit never stands before a spaced counter: "이 곳",
         * "이 개" are "this place", "this dog" -- except in a phrase that
         * is nothing but the quantity ("삼 갤론"). */
        if (pt->unit_spaced) return pt->scale_word || (iso && meas);
        /* Glued, a scale word before money is a number (만원, 백원, 십불).
         * A lone Sino digit glued to a unit is one only in an isolated
         * phrase (구파운드, 이리터): running text writes such amounts in
         * Arabic digits (9파운드), and the same syllables are words there
         * ("이유로" is 이유 + 로, not 2 유로). */
        if (money && pt->scale_word) return true;
        return iso && meas && pt->unit->n >= 6;
    }
    /* A single native syllable glued to its counter is usually a word
     * (한번, 세대, 두근거리다), but an isolated phrase is the quantity. */
    if (pt->single && !pt->unit_spaced) return iso;
    return true;
}

/* Sino-Korean digit syllables 일-구 and the scale words (numeral.c reads
 * them; these only classify a parsed word). */
static bool syl_in(const char *s, const char *const *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (memcmp(s, set[i], 3) == 0) return true;
    return false;
}
static const char *const SINO_DIGITS[] = {"일", "이", "삼", "사", "오",
                                          "육", "칠", "팔", "구"};
static const char *const SCALES[] = {"십", "백", "천", "만", "억", "조"};
static const char *const LARGE_SCALES[] = {"만", "억", "조"};
/* Adnominal forms of native numerals: they need a counter (한 명, 두 번,
 * 스무 살), bare they are other words (한국, 세계, 네, 두고). */
static const char *const NATIVE_ADNOMINAL[] = {"한", "두", "세", "네", "무",
                                               "석", "서", "넉", "너", "닷",
                                               "엿"};

/* Does a word end at q, possibly after one particle (하나로, 이십에)? The
 * particle must end the word too: "천만에요" is an interjection. */
static bool word_ends(const struct kc_figures *f, const char *s, size_t len,
                      size_t q)
{
    if (q >= len) return true;
    if (is_alnum(s[q])) return false;
    if (!hangul_at(s, len, q)) return true;
    const fentry *j = match_at(&f->josa, s, len, q);
    if (!j) return false;
    size_t e = q + j->n;
    return e >= len || (!is_alnum(s[e]) && !hangul_at(s, len, e));
}

/* A Hangul numeral with no unit in running text (천칠백이십삼, 이십, 하나,
 * 다섯): a number when it is a whole word, is not a word that only looks
 * numeric (figures_lookalikes.tsv), and
 *  - Sino: has a scale word and two syllables at least, and a two-syllable
 *    word is digit+scale or 십/백/천+만/억/조 (이십, 삼백, 천만): scale+digit
 *    pairs are mostly words (천사, 만일, 백일);
 *  - native: is a cardinal form (하나, 둘, 셋, 다섯, 스물, 서른다섯), not an
 *    adnominal one that needs a counter (한, 두, 세, 스무), nor 열 (heat,
 *    fever) or 쉰 (hoarse) alone, nor the idiom 하나도 ("not at all"), nor
 *    the verb 하나 ending a sentence. */
static bool bare_word_ok(const struct kc_figures *f, const char *s,
                         size_t len, const part *pt)
{
    if (pt->arabic || pt->unit || pt->end != pt->ne) return false;
    const char *w = s + pt->ns;
    size_t n = pt->ne - pt->ns;
    if (n < 3 || n % 3 != 0) return false;
    if (!word_ends(f, s, len, pt->ne)) return false;
    for (size_t k = 0; k < f->look.n; k++)
        if (f->look.v[k].n == n && memcmp(f->look.v[k].s, w, n) == 0)
            return false;
    if (pt->native) {
        if (syl_in(w + n - 3, NATIVE_ADNOMINAL, 11)) return false;
        if (n == 3 && (memcmp(w, "열", 3) == 0 || memcmp(w, "쉰", 3) == 0))
            return false;
        /* 하나도 is "not at all"; 하나 before . ? ! is the verb 하다 with
         * the ending -나 ("이 고생을 하나."). */
        if (n == 6 && memcmp(w, "하나", 6) == 0 &&
            (lit_at(s, len, pt->ne, "도", 3) ||
             (pt->ne < len && (s[pt->ne] == '.' || s[pt->ne] == '?' ||
                               s[pt->ne] == '!'))))
            return false;
        return true;
    }
    if (n == 3 || !has_scale(w, n)) return false;
    if (n == 6)
        return (syl_in(w, SINO_DIGITS, 9) && syl_in(w + 3, SCALES, 6)) ||
               (syl_in(w, SCALES, 3) && syl_in(w + 3, LARGE_SCALES, 3));
    return true;
}

/* Skip the rest of a token such as 010-1234-5678, 10:30, 2022.10.22,
 * v1.2.3, 3/4: digits joined by code punctuation. */
static size_t skip_code(const char *s, size_t len, size_t q)
{
    while (q < len && (is_alnum(s[q]) || s[q] == '-' || s[q] == ':' ||
                       s[q] == '.' || s[q] == '/' || s[q] == ','))
        q++;
    return q;
}

/* May a figure end before s[q]? ok_after, or the next number of a record
 * right after a Hangul counter ("3승3무1패"). */
static bool ok_end(const struct kc_figures *f, const char *s, size_t len,
                   size_t q)
{
    return ok_after(f, s, len, q) ||
           (q >= 3 && q < len && is_digit(s[q]) && hangul_at(s, len, q - 3));
}

static void set_value(fig *g, const char *dec)
{
    snprintf(g->v, sizeof g->v, "%s", dec);
}

/* 제 + Arabic number: an ordinal (제2, 제18대, 제3회, 제12호 태풍). 제
 * marks the ordinal on its own, so the word may go on (제2금융권, 제3자);
 * a counter written after the number joins the span and names the unit,
 * else the unit is "제". The number is read without scale words: in
 * "형사소송법 제110조" 조 is an article, not 10^12. */
static int try_je(const struct kc_figures *f, const char *s, size_t len,
                  size_t p, fig *g, size_t *skip)
{
    part a;
    if (!parse_part(f, s, len, p + 3, KC_NUM_ARABIC, &a) || a.num.overflow ||
        !a.num.integral || s[a.ns] == '-' || s[a.ns] == '+') {
        *skip = p + 3;
        return TRY_SKIP;
    }
    if (a.ne < len && (s[a.ne] == '.' || s[a.ne] == ':' || s[a.ne] == '/' ||
                       s[a.ne] == ',') &&
        a.ne + 1 < len && is_digit(s[a.ne + 1])) {
        *skip = skip_code(s, len, a.ne);
        return TRY_SKIP;
    }
    if (a.unit && (a.unit->cls == CL_TIME || a.unit->cls == CL_NAME ||
                   a.approx)) {
        *skip = a.end;
        return TRY_SKIP;
    }
    set_value(g, a.num.dec);
    if (a.unit && !a.unit_spaced) {
        g->unit = a.unit->canon;
        g->unit_n = a.unit->cn;
        g->be = a.end;
    } else {
        g->unit = "제";
        g->unit_n = strlen(g->unit);
        g->be = a.ne;
    }
    g->bs = p;
    if (g->be < len && is_digit(s[g->be]) && hangul_at(s, len, g->be - 3))
        g->next_ok = g->be;
    return TRY_FIG;
}

/* Is "A-B" at a (A of part a) a game score ("3-5로 추격", "74-70으로 승리",
 * "1-0 승리")? Both sides 1-3 digits without a leading zero, B carries no
 * unit or scale and ends the token. Codes, phone numbers and dates have
 * longer groups, leading zeros or more hyphens. */
static bool score_at(const struct kc_figures *f, const char *s, size_t len,
                     const part *a)
{
    size_t na = a->ne - a->ns;
    if (a->unit || a->end != a->ne || na > 3 || !is_digit(s[a->ns]) ||
        (s[a->ns] == '0' && na > 1))
        return false;
    for (size_t k = a->ns; k < a->ne; k++)
        if (!is_digit(s[k])) return false;
    size_t b = a->ne + 1, e = b;
    while (e < len && is_digit(s[e])) e++;
    if (e == b || e - b > 3 || (s[b] == '0' && e - b > 1)) return false;
    if (e < len && (s[e] == '-' || s[e] == ':' || s[e] == '/' ||
                    ((s[e] == '.' || s[e] == ',') && e + 1 < len &&
                     is_digit(s[e + 1]))))
        return false;
    return ok_after(f, s, len, e) && !lit_at(s, len, e, "만", 3) &&
           !lit_at(s, len, e, "억", 3) && !lit_at(s, len, e, "조", 3);
}

static int try_at(const struct kc_figures *f, const char *s, size_t len,
                  size_t p, fig *g, size_t *skip)
{
    memset(g, 0, sizeof *g);
    if (lit_at(s, len, p, "제", 3) && p + 3 < len && is_digit(s[p + 3]))
        return try_je(f, s, len, p, g, skip);
    if (lit_at(s, len, p, "양", 3)) {
        /* 양국, 양측에, 양사는: 兩 counts the two parties named. Longest
         * noun first; the word must end after it (a particle may follow). */
        for (size_t k = 0; k < f->both.n; k++) {
            const fentry *e = &f->both.v[k];
            if (lit_at(s, len, p + 3, e->s, e->n) &&
                word_ends(f, s, len, p + 3 + e->n)) {
                set_value(g, "2");
                g->unit = e->s;
                g->unit_n = e->n;
                g->bs = p;
                g->be = p + 3 + e->n;
                return TRY_FIG;
            }
        }
        return TRY_NONE;
    }
    size_t q = p;
    bool neg = false, pre_any = false;
    int temp = 0;
    bool approx = false;
    kc_bound bound = KC_BOUND_NONE;

    /* Pre-qualifiers: 약, 최대, 영하, 섭씨 (at most two: "최대 약"). */
    for (int k = 0; k < 2; k++) {
        const fentry *e = match_at(&f->pre, s, len, q);
        if (!e) break;
        size_t r = q + e->n;
        if (r < len && s[r] == ' ') r++;
        if (r >= len || !(is_digit(s[r]) || hangul_at(s, len, r) ||
                          s[r] == '-' || s[r] == '$' || (unsigned char)s[r] >= 0x80))
            break;
        switch (e->eff) {
        case EF_APPROX: approx = true; break;
        case EF_MIN: bound = KC_BOUND_MIN; break;
        case EF_MAX: bound = KC_BOUND_MAX; break;
        case EF_OVER: bound = KC_BOUND_OVER; break;
        case EF_UNDER: bound = KC_BOUND_UNDER; break;
        case EF_NEG: neg = true; break;
        case EF_CELSIUS: temp = 1; break;
        case EF_FAHR: temp = 2; break;
        default: break;
        }
        pre_any = true;
        q = r;
    }
    /* A currency written before the number: $100, EUR 20. */
    const fentry *pre_unit = match_at(&f->prefix, s, len, q);
    if (pre_unit) {
        size_t r = q + pre_unit->n;
        if (r < len && s[r] == ' ' && is_alpha(s[q])) r++;
        if (r < len && is_digit(s[r]) && !(is_alpha(s[q]) && p == q && q > 0 &&
                                           is_alnum(s[q - 1])))
            q = r;
        else
            pre_unit = NULL;
    }

    part a;
    if (!parse_part(f, s, len, q, FORMS, &a)) {
        /* 반 (half) only as a whole phrase with a measure: "반 리터". In
         * running text 반 is a class, a half-way point, "anti-" (반대). */
        if (!(q == 0 && parse_part(f, s, len, q, FORMS | KC_NUM_HALF, &a) && a.unit &&
              a.end == len && a.unit->cls == CL_MEASURE))
            return TRY_NONE;
    }
    if (a.num.overflow) { *skip = a.ne; return TRY_SKIP; }

    /* "3/4" alone is a fraction; in running text a slash joins dates,
     * scores and codes. */
    if (a.arabic && p == q && p == 0 && a.ne < len && s[a.ne] == '/') {
        kc_num fr;
        unsigned info = 0;
        size_t c = kc__num_parse_ex(s, len, KC_NUM_ARABIC | KC_NUM_FRAC_SLASH,
                                    &fr, &info);
        if (c == len && (info & KCN_INFO_FRACTION) && !fr.overflow) {
            set_value(g, fr.dec);
            g->unit = "";
            g->bs = 0;
            g->be = len;
            return TRY_FIG;
        }
    }
    /* Digits glued to code punctuation are times, dates, versions, phone
     * numbers or fractions written with a slash: not figures here. */
    if (a.arabic && a.ne + 1 < len && is_digit(s[a.ne + 1]) &&
        (s[a.ne] == ':' || s[a.ne] == '.' || s[a.ne] == '/' ||
         s[a.ne] == ',')) {
        *skip = skip_code(s, len, a.ne);
        return TRY_SKIP;
    }
    /* 5·18, 6·25, 3·1절: a middle dot between a month and a day names an
     * event or a date. Otherwise the dot lists numbers: "2·3차 협력사",
     * "1·2루", "(56·17기)" (age and class), "20·30대". */
    if (a.arabic && lit_at(s, len, a.ne, "\xC2\xB7", 2) && a.ne + 2 < len &&
        is_digit(s[a.ne + 2])) {
        size_t q2 = a.ne + 2;
        while (q2 < len && is_digit(s[q2])) q2++;
        size_t ue;
        bool sp;
        const fentry *u2 = match_unit(f, s, len, q2, &ue, &sp);
        bool listed = (u2 && !sp && u2->cls != CL_TIME && u2->cls != CL_NAME) ||
                      lit_at(s, len, q2, "\xC2\xB7", 2);
        bool date_like = a.ne - a.ns <= 2 && q2 - (a.ne + 2) <= 2 &&
                         a.num.value >= 1 && a.num.value <= 12 &&
                         atoi(s + a.ne + 2) >= 1 && atoi(s + a.ne + 2) <= 31;
        if (a.unit || (date_like && !listed)) {
            *skip = q2;
            return TRY_SKIP;
        }
        g->next_ok = a.ne + 2;
    }
    if (a.arabic && a.ne + 1 < len && s[a.ne] == '-' && is_digit(s[a.ne + 1])) {
        /* 1588-1234, 02-123-4567: a range needs a unit or scale word. */
        part b;
        bool code = true;
        if (parse_part(f, s, len, a.ne + 1, KC_NUM_ARABIC | KC_NUM_SCALE, &b) &&
            (b.unit || has_scale(s + b.ns, b.ne - b.ns)) &&
            !(b.end < len && s[b.end] == '-') && s[a.ns] != '0')
            code = false;
        if (code && score_at(f, s, len, &a) &&
            !(p > 0 && s[p - 1] == '(' && a.ne - a.ns == 3)) {
            /* A score: two figures, A here and B next ("3-5" is read
             * 3 대 5, not a range). "(123-456)" is a postal code. */
            code = false;
            g->next_ok = a.ne + 1;
        }
        if (code) {
            *skip = skip_code(s, len, a.ne);
            return TRY_SKIP;
        }
    }
    if (a.unit && (a.unit->cls == CL_TIME || a.unit->cls == CL_NAME)) {
        *skip = a.end;
        return TRY_SKIP;
    }

    /* Range: 50억∼60억원, 10∼20%, 25000원 - 30000원, 10명에서 20명까지. */
    part b;
    bool range = false;
    size_t end = a.end;
    const fentry *unit = a.unit;
    bool level = false;
    {
        size_t r = a.end;
        bool sp_before = r < len && s[r] == ' ';
        if (sp_before) r++;
        const fentry *sep = match_at(&f->seps, s, len, r);
        /* 에서/부터 attach to the first figure ("10명에서"). */
        if (sep && sep->canon && sp_before) sep = NULL;
        if (sep) {
            size_t r2 = r + sep->n;
            if (r2 < len && s[r2] == ' ') r2++;
            bool hyphen = sep->n == 1 && s[r] == '-';
            if (r2 < len && parse_part(f, s, len, r2,
                                       KC_NUM_ALL | KCN_YEO, &b) &&
                !b.num.overflow && hangul_ok(&b, false)) {
                bool ok = true;
                if (a.unit && b.unit &&
                    !(a.unit->cn == b.unit->cn &&
                      memcmp(a.unit->canon, b.unit->canon, a.unit->cn) == 0))
                    ok = false;
                if (b.unit && (b.unit->cls == CL_TIME || b.unit->cls == CL_NAME)) {
                    /* 10∼12일: the whole range is the dates extractor's. */
                    *skip = b.end;
                    return TRY_SKIP;
                }
                if (hyphen && !a.unit && !b.unit &&
                    !has_scale(s + b.ns, b.ne - b.ns))
                    ok = false;
                if (b.arabic && b.ne < len && (s[b.ne] == '-' || s[b.ne] == ':'))
                    ok = false;
                size_t bend = b.end;
                if (ok && sep->canon) {
                    if (lit_at(s, len, bend, sep->canon, sep->cn) &&
                        b.unit && a.unit)
                        ; /* closing word stays outside the span */
                    else
                        ok = false;
                }
                if (ok && !a.arabic && !a.unit && !b.unit) ok = false;
                if (ok) {
                    range = true;
                    end = bend;
                    if (!unit) unit = b.unit;
                    /* 3천300만∼3천700만대: 대 after a range of 만-scale
                     * numbers is "level", not vehicles. */
                    if (b.unit && b.unit->n == 3 &&
                        memcmp(b.unit->s, "대", 3) == 0 && !b.unit_spaced &&
                        ends_large(s + b.ns, b.ne - b.ns)) {
                        level = true;
                        unit = a.unit;
                    }
                }
            }
        }
    }
    /* Dollars and cents in one amount: "2달러 23센트", "이달러이십삼센트"
     * (2.23 달러). Only an integral dollar part and a cent part of 1-99,
     * so the sum is written exactly. */
    char cents_v[100] = "";
    if (!range && a.unit && a.num.integral && a.unit->cls == CL_MONEY && a.unit->canon &&
        a.unit->cn == 6 && memcmp(a.unit->canon, "달러", 6) == 0 && end < len) {
        part c;
        size_t cq = end + (s[end] == ' ' ? 1 : 0);
        if (parse_part(f, s, len, cq, FORMS, &c) && c.unit && c.unit->canon &&
            c.unit->cn == 6 && memcmp(c.unit->canon, "센트", 6) == 0 && c.num.integral && c.num.value >= 1 &&
            c.num.value <= 99 && !c.approx) {
            int cv = (int)c.num.value;
            if (snprintf(cents_v, sizeof cents_v, "%s.%02d", a.num.dec, cv) < (int)sizeof cents_v) {
                /* 2.50 → 2.5: plain decimals carry no trailing zero */
                size_t n = strlen(cents_v);
                if (cents_v[n - 1] == '0') cents_v[n - 1] = '\0';
                end = c.end;
            } else {
                cents_v[0] = '\0';
            }
        }
    }
    /* An isolated phrase: the number (and its unit) is the whole
     * paragraph, as in a table cell, a caption or a phrase quoted alone.
     * With no sentence around it nothing competes with the numeral
     * reading, so lone Sino digits (일, 영), single syllables (한, 천) and
     * bare years (1723) are numbers there. */
    bool iso = p == 0 && end == len;
    if (!range) {
        if (!a.arabic && !a.unit && !a.fraction) {
            if (!iso && !bare_word_ok(f, s, len, &a)) return TRY_NONE;
        } else if (!cents_v[0] && !hangul_ok(&a, iso)) {
            /* (a cents part after it proves the money reading: 이불이십삼센트) */
            return TRY_NONE;
        }
    }

    /* Post-qualifiers: 가량, 정도, 이상, 미만 ... attached or after one
     * space, if the word ends there. */
    for (int k = 0; k < 2; k++) {
        size_t r = end;
        if (r < len && s[r] == ' ') r++;
        const fentry *e = match_at(&f->post, s, len, r);
        if (!e || !ok_after(f, s, len, r + e->n)) break;
        /* "이상" after a space could start another phrase only if a
         * particle-less word follows; ok_after has checked that. */
        switch (e->eff) {
        case EF_APPROX: approx = true; break;
        case EF_MIN: bound = KC_BOUND_MIN; break;
        case EF_MAX: bound = KC_BOUND_MAX; break;
        case EF_OVER: bound = KC_BOUND_OVER; break;
        case EF_UNDER: bound = KC_BOUND_UNDER; break;
        default: break;
        }
        end = r + e->n;
    }
    /* Bare numbers that are labels, not quantities: a footnote mark
     * "[1]", a list number at the paragraph start ("2. ", "3) "), and a
     * bare four-digit year 1000-2100 ("2020 도쿄올림픽", "(1794)"; with 년
     * it is the dates extractor's). */
    if (!unit && !range && a.arabic && !pre_any && !pre_unit && !iso) {
        bool label = false;
        if (p > 0 && s[p - 1] == '[' && end < len && s[end] == ']')
            label = true;
        if (p == 0 && end < len && (s[end] == '.' || s[end] == ')'))
            label = true;
        if (a.ne - a.ns == 4 && a.num.integral && a.num.value >= 1000 &&
            a.num.value <= 2100 && !approx && bound == KC_BOUND_NONE)
            label = true;
        if (label) { *skip = end; return TRY_SKIP; }
    }
    if (!ok_end(f, s, len, end)) {
        /* e.g. "5G", "3D", a number glued to an unknown word. */
        if (a.arabic) { *skip = skip_code(s, len, a.ne); return TRY_SKIP; }
        return TRY_NONE;
    }
    (void)pre_any;

    /* Values. */
    const char *v1 = a.num.dec;
    char shifted[100];
    if (range) {
        /* "1∼2억원", "3천∼5천만원": the scale written on the second part
         * applies to the first. */
        int e2 = ends_large(s + b.ns, b.ne - b.ns);
        if (e2 && !has_large(s + a.ns, a.ne - a.ns) &&
            dec_shift(a.num.dec, e2, shifted, sizeof shifted))
            v1 = shifted;
    }
    if (neg && v1[0] != '-')
        snprintf(g->v, sizeof g->v, "-%s", v1);
    else
        snprintf(g->v, sizeof g->v, "%s", v1);
    if (strcmp(g->v, "-0") == 0) snprintf(g->v, sizeof g->v, "0");
    if (cents_v[0]) snprintf(g->v, sizeof g->v, "%s%s", neg ? "-" : "", cents_v);
    if (range) {
        g->has_max = true;
        if (neg && b.num.dec[0] != '-')
            snprintf(g->vmax, sizeof g->vmax, "-%s", b.num.dec);
        else
            snprintf(g->vmax, sizeof g->vmax, "%s", b.num.dec);
        if (b.approx) approx = true;
    }
    if (a.approx) approx = true;

    if (pre_unit && !unit) unit = pre_unit;
    (void)level;
    if (unit) {
        g->unit = unit->canon;
        g->unit_n = unit->cn;
        /* 섭씨/화씨 name the scale of a 도/° temperature. */
        if (temp && unit->cls == CL_TEMP) {
            g->unit = temp == 1 ? "°C" : "°F";
            g->unit_n = strlen(g->unit);
        }
    } else if (temp) {
        g->unit = temp == 1 ? "°C" : "°F";
        g->unit_n = strlen(g->unit);
    } else {
        g->unit = "";
        g->unit_n = 0;
    }
    g->approx = approx;
    g->bound = bound;
    g->bs = p;
    g->be = end;
    /* "3승3무1패": the next number starts right after this counter. */
    if (end < len && is_digit(s[end]) && hangul_at(s, len, end - 3))
        g->next_ok = end;
    return TRY_FIG;
}

/* ------------------------------------------------------------------ */
/* Paragraph scan                                                     */
/* ------------------------------------------------------------------ */

/* Tokens holding an e-mail address or URL are skipped whole. */
static bool url_token(const char *s, size_t len, size_t i, size_t *tend)
{
    size_t j = i;
    bool mark = lit_at(s, len, i, "www.", 4);
    while (j < len) {
        unsigned char ch = (unsigned char)s[j];
        /* most bytes: neither an end nor a mark */
        if (ch >= 0x80 || (ch > ' ' && ch != '@' && ch != ':')) { j++; continue; }
        if (ch == ' ' || ch == '\n' || ch == '\t') break;
        if (ch == '@' || (ch == ':' && lit_at(s, len, j, "://", 3)))
            mark = true;
        j++;
    }
    *tend = j;
    return mark;
}

/* Can a figure start at s[i], given the character before it? Not inside a
 * word or code: 코로나19, G20, 갤럭시S23, 제3자, 1,234 (the inner 234). */
static bool start_ok(const char *s, size_t len, size_t i)
{
    if (i == 0) return true;
    /* the code point before: kc__utf8_prev, with the one- and three-byte
     * cases (ASCII, Hangul) inline */
    const unsigned char *u = (const unsigned char *)s;
    size_t pi, n;
    if (u[i - 1] < 0x80)
        pi = i - 1;
    else if (i >= 3 && (u[i - 1] & 0xC0) == 0x80 && (u[i - 2] & 0xC0) == 0x80 &&
             (u[i - 3] & 0xC0) != 0x80)
        pi = i - 3;
    else
        pi = kc__utf8_prev(s, i);
    uint32_t pc = cp_at(s, len, pi, &n);
    if (pc < 0x80) {
        char c = (char)pc;
        if (is_alnum(c) || c == '.' || c == ',' || c == '_' || c == '@' ||
            c == '/' || c == ':' || c == '#' || c == '-' || c == '+' ||
            c == '&' || c == '=')
            return false;
        return true;
    }
    if (kc__is_hangul_syllable(pc)) return false;
    /* 5·18: the inner digits of a dotted number; after a word and a dot a
     * number starts ("(가명·52)", "(서울·35)"). */
    if (pc == 0xB7 || pc == 0x2027 || pc == 0x30FB)
        return pi == 0 || !is_digit(s[pi - 1]);
    /* U+2212 MINUS SIGN as part of a number is handled by numeral.c. */
    return true;
}

/* The date/time/duration spans of this paragraph, sorted by start. This is
 * kc__doc_span_taken's test done once per paragraph: calling it per figure
 * walks every mention of the paragraph, our own figures included, which is
 * quadratic on a paragraph of 10^5 figures. */
typedef struct span {
    size_t bs, be;
} span;

static int cmp_span(const void *a, const void *b)
{
    const span *x = a, *y = b;
    return x->bs < y->bs ? -1 : x->bs > y->bs;
}

static kc_status taken_spans(const kc_doc *doc, size_t para, span **out,
                             size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t cnt = 0, first = doc->nmentions;
    for (size_t i = doc->nmentions; i-- > 0;) {
        const kc_mention *m = &doc->mentions[i];
        if (m->para != para) break; /* appended paragraph by paragraph */
        first = i;
        if (m->kind == KC_MENTION_DATE || m->kind == KC_MENTION_TIME ||
            m->kind == KC_MENTION_DURATION)
            cnt++;
    }
    if (!cnt) return KC_OK;
    size_t bytes;
    if (!kc__mul_ok(cnt, sizeof **out, &bytes)) return KC_ENOMEM;
    span *v = malloc(bytes);
    if (!v) return KC_ENOMEM;
    size_t k = 0;
    for (size_t i = first; i < doc->nmentions; i++) {
        const kc_mention *m = &doc->mentions[i];
        if (m->kind == KC_MENTION_DATE || m->kind == KC_MENTION_TIME ||
            m->kind == KC_MENTION_DURATION)
            v[k++] = (span){m->byte_start, m->byte_end};
    }
    qsort(v, k, sizeof *v, cmp_span);
    *out = v;
    *n = k;
    return KC_OK;
}

/* Does [bs, be) overlap a taken span? Figures come in increasing bs, so
 * spans ending at or before bs are passed for good. */
static bool overlaps(const span *v, size_t n, size_t *j, size_t bs, size_t be)
{
    while (*j < n && v[*j].be <= bs && v[*j].bs <= bs) (*j)++;
    for (size_t k = *j; k < n && v[k].bs < be; k++)
        if (v[k].be > bs) return true;
    return false;
}

kc_status kc__figures_extract(kc_doc *doc, size_t para, const char *s,
                              size_t len, pcre2_match_data *md)
{
    (void)md;
    const struct kc_figures *f = doc->eng->figures;
    if (!f) return KC_OK;
    span *taken;
    size_t ntaken, tj = 0;
    kc_status st = taken_spans(doc, para, &taken, &ntaken);
    if (st != KC_OK) return st;
    size_t i = 0, tok_checked = 0, force = 0;
    while (i < len) {
        size_t n;
        unsigned char c = (unsigned char)s[i];
        /* URL / e-mail tokens, checked once per token. */
        if (i >= tok_checked && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n' ||
                                 s[i - 1] == '\t')) {
            size_t te;
            bool url = url_token(s, len, i, &te);
            tok_checked = te;
            if (url) { i = te; continue; }
        }
        if (c == ' ' || (!start_ok(s, len, i) && !(force && i == force))) {
            (void)cp_at(s, len, i, &n);
            i += n ? n : 1;
            continue;
        }
        fig g;
        size_t skip = 0;
        int r = try_at(f, s, len, i, &g, &skip);
        if (r == TRY_FIG) {
            if (!overlaps(taken, ntaken, &tj, g.bs, g.be)) {
                kc_mention *m = kc__doc_add_mention(doc, KC_MENTION_FIGURE,
                                                    para, g.bs, g.be);
                if (!m) { st = KC_ENOMEM; break; }
                m->value = kc__doc_strdup(doc, g.v, strlen(g.v));
                m->unit = kc__doc_strdup(doc, g.unit, g.unit_n);
                if (g.has_max)
                    m->value_max = kc__doc_strdup(doc, g.vmax, strlen(g.vmax));
                if (!m->value || !m->unit || (g.has_max && !m->value_max)) {
                    st = KC_ENOMEM;
                    break;
                }
                m->approx = g.approx;
                m->bound = g.bound;
            }
            i = g.be;
            force = g.next_ok;
            if (force && force < i) force = 0;
            if (force > i) {
                /* the separator before the next number ("3-5", "2·3") */
                i = force;
            }
            continue;
        }
        if (r == TRY_SKIP && skip > i) {
            i = skip;
            continue;
        }
        (void)cp_at(s, len, i, &n);
        i += n ? n : 1;
    }
    free(taken);
    return st;
}
