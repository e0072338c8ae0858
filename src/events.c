/* events.c — event records and metric observations from the mentions of one
 * document, driven by dict/events.tsv, dict/metrics.tsv and
 * dict/metric_context.tsv.
 *
 * Sentences come from ICU's sentence break iterator over a UTF-16 copy of
 * the paragraph, its boundaries mapped back to byte offsets (a UText over
 * the UTF-8 would keep byte offsets, but refills a 32-unit chunk at a time
 * and cost twice as much).
 *
 * Metric observations. A figure is an observation of metric M when its unit
 * is one M governs (dict/metrics.tsv) and M is named in the same sentence —
 * the nearest mention before the figure, else the first after it (Korean puts
 * the subject phrase either side: "평소 3천300만∼3천700만대 사이를 오가던
 * 카카오톡 일간 활성 이용자(DAU)는 …") — or, when the sentence names none, in
 * an earlier sentence of the same article (carry-over, SPEC: "18일에는
 * 3천470만여명으로 더욱 늘었다" still reports DAU). Subject (the product or
 * company whose metric it is) and source (who reported it: "X 집계에 따르면")
 * carry over the same way until another is named. The date is the nearest
 * date before the figure in the sentence, else any date in it, else the date
 * of the previous observation of the same metric context. A baseline word
 * (평소, 통상 …) between the previous figure/date and the figure makes the row
 * a usual-level statement: baseline=true and no date.
 *
 * Other events. A trigger word (dict/events.tsv) at a word start gives one
 * event of its type per sentence, with the sentence's date (the nearest date
 * before the trigger, else the first in the sentence, else the date of the
 * immediately preceding sentence: news often dates an incident in one
 * sentence and describes it in the next), the entities in the sentence as
 * actors, a location as place, the first figure that has a unit, and the
 * first duration. Sentences
 * that state an obligation, a wish or a question ("…어야 한다", "…바란다",
 * "…것인가?") and fully quoted sentences report no event.
 */
#define _GNU_SOURCE /* memmem */
#include "internal.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

enum tkind { T_STEM, T_WORD };

typedef struct trig {
    enum tkind kind;
    kc_strv text;
    kc_strv type;
} trig;

typedef struct metric {
    kc_strv surface;
    kc_strv name;
    kc_strv units; /* '|' separated; an empty item means "no unit" */
} metric;

/* Which entries of a list (metric surfaces, triggers) can start at a
 * position: those of three bytes or more are bucketed by a hash of their
 * first three bytes, the shorter ones are always tried. Both lists keep the
 * list order, and a lookup merges them, so the first entry that matches is
 * the one the plain loop over the whole list finds — every byte of every
 * sentence is a start position, and most start nothing. */
#define PIDX_B 1024
typedef struct pidx {
    uint32_t start[PIDX_B + 1];
    uint32_t *idx;
    uint32_t *shortv;
    size_t nshort;
} pidx;

typedef struct pit {
    const uint32_t *a, *ae, *b, *be;
} pit;

static inline unsigned pidx_hash(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return ((unsigned)u[0] * 961u + (unsigned)u[1] * 31u + u[2]) & (PIDX_B - 1);
}

struct kc_eventcfg {
    pidx metric_ix, trig_ix;
    trig *trigs;
    size_t ntrigs;
    kc_strv *particles, *modals, *places, *sources, *baselines;
    size_t nparticles, nmodals, nplaces, nsources, nbaselines;
    metric *metrics;
    size_t nmetrics;
    UBreakIterator *bi; /* template, cloned per document */
};

static kc_status push(void **arr, size_t *n, size_t sz)
{
    if ((*n & (*n - 1)) == 0) {
        size_t cap = *n ? *n * 2 : 8, bytes;
        if (!kc__mul_ok(cap, sz, &bytes)) return KC_ENOMEM;
        void *p = realloc(*arr, bytes);
        if (!p) return KC_ENOMEM;
        *arr = p;
    }
    (*n)++;
    return KC_OK;
}

#define PUSH(arr, n) (push((void **)&(arr), &(n), sizeof *(arr)) == KC_OK ? &(arr)[(n) - 1] : NULL)

static kc_status pidx_build(pidx *x, const void *items, size_t n, size_t stride, size_t off)
{
    memset(x->start, 0, sizeof x->start);
    x->idx = calloc(n ? n : 1, sizeof *x->idx);
    x->shortv = calloc(n ? n : 1, sizeof *x->shortv);
    if (!x->idx || !x->shortv) return KC_ENOMEM;
    x->nshort = 0;
    uint32_t cnt[PIDX_B] = {0};
    for (size_t i = 0; i < n; i++) {
        const kc_strv *v = (const kc_strv *)((const char *)items + i * stride + off);
        if (v->n >= 3) cnt[pidx_hash(v->p)]++;
    }
    for (size_t b = 0; b < PIDX_B; b++) x->start[b + 1] = x->start[b] + cnt[b];
    uint32_t fill[PIDX_B];
    memcpy(fill, x->start, sizeof fill);
    for (size_t i = 0; i < n; i++) {
        const kc_strv *v = (const kc_strv *)((const char *)items + i * stride + off);
        if (v->n >= 3) x->idx[fill[pidx_hash(v->p)]++] = (uint32_t)i;
        else x->shortv[x->nshort++] = (uint32_t)i;
    }
    return KC_OK;
}

static void pidx_free(pidx *x)
{
    free(x->idx);
    free(x->shortv);
}

/* Candidates at s[0..rem): false when there are none. */
static inline bool pidx_begin(const pidx *x, const char *s, size_t rem, pit *it)
{
    it->b = x->shortv;
    it->be = x->shortv + x->nshort;
    if (rem >= 3) {
        unsigned h = pidx_hash(s);
        it->a = x->idx + x->start[h];
        it->ae = x->idx + x->start[h + 1];
    } else {
        it->a = it->ae = x->idx;
    }
    return it->a != it->ae || it->b != it->be;
}

static inline bool pidx_next(pit *it, uint32_t *k)
{
    if (it->a != it->ae && (it->b == it->be || *it->a < *it->b)) { *k = *it->a++; return true; }
    if (it->b != it->be) { *k = *it->b++; return true; }
    return false;
}

static int cmp_metric_len(const void *a, const void *b)
{
    const metric *x = a, *y = b;
    return (x->surface.n < y->surface.n) - (x->surface.n > y->surface.n);
}

static int cmp_trig_len(const void *a, const void *b)
{
    const trig *x = a, *y = b;
    return (x->text.n < y->text.n) - (x->text.n > y->text.n);
}

static pthread_mutex_t g_locale_mu = PTHREAD_MUTEX_INITIALIZER;
static bool g_locale_done;

/* The POSIX locale the environment names (LC_ALL, LC_MESSAGES, LANG, as
 * ICU reads them), without codeset and modifier: "ko_KR.UTF-8" -> "ko_KR";
 * unset, "C" or "POSIX" -> "en_US_POSIX", ICU's name for the C locale. */
static const char *env_locale_id(char *buf, size_t n)
{
    const char *v = getenv("LC_ALL");
    if (!v || !*v) v = getenv("LC_MESSAGES");
    if (!v || !*v) v = getenv("LANG");
    if (!v || !*v || !strcmp(v, "C") || !strcmp(v, "POSIX") || !strncmp(v, "C.", 2))
        return "en_US_POSIX";
    size_t k = 0;
    while (v[k] && v[k] != '.' && v[k] != '@' && k + 1 < n) {
        char c = v[k];
        buf[k] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                 (c >= '0' && c <= '9') ? c : '_';
        k++;
    }
    buf[k] = '\0';
    return k ? buf : "en_US_POSIX";
}

/* Returns U_ZERO_ERROR once ICU's default locale exists; a failure (out of
 * memory) is retried by the next engine. The ID is the environment's, as
 * ICU would compute it itself, but computed here: ICU 72's own lookup
 * (uloc_setDefault(NULL)) deadlocks on its own mutex when the allocation
 * in uprv_getDefaultLocaleID fails (found by P21). Nothing in kcorpus
 * depends on the default locale (break iterators are opened for "ko"). */
static UErrorCode init_default_locale(void)
{
    UErrorCode st = U_ZERO_ERROR;
    pthread_mutex_lock(&g_locale_mu);
    if (!g_locale_done) {
        char buf[64];
        uloc_setDefault(env_locale_id(buf, sizeof buf), &st);
        g_locale_done = U_SUCCESS(st);
    }
    pthread_mutex_unlock(&g_locale_mu);
    return st;
}

kc_status kc__events_init(kc_engine *eng, char *err, size_t errlen)
{
    struct kc_eventcfg *c = calloc(1, sizeof *c);
    if (!c) return KC_ENOMEM;
    eng->events = c;
    const kc_dictfile *f = kc__dict_get(eng, "events.tsv");
    const kc_dictfile *fm = kc__dict_get(eng, "metrics.tsv");
    const kc_dictfile *fc = kc__dict_get(eng, "metric_context.tsv");
    if (!f || !fm || !fc) {
        snprintf(err, errlen, "events.tsv, metrics.tsv or metric_context.tsv missing");
        return KC_EDICT;
    }
    kc_tsv t;
    kc_strv fv[3];
    size_t nf;
    kc__tsv_init(&t, f);
    while ((nf = kc__tsv_next(&t, fv, 3)) > 0) {
        if (fv[1].n == 0) {
            snprintf(err, errlen, "events.tsv:%zu: empty text", t.line);
            return KC_EDICT;
        }
        kc_strv *dst = NULL;
        if (kc__strv_eq(fv[0], "stem") || kc__strv_eq(fv[0], "word")) {
            if (nf < 3 || fv[2].n == 0) {
                snprintf(err, errlen, "events.tsv:%zu: trigger without a type", t.line);
                return KC_EDICT;
            }
            trig *tr = PUSH(c->trigs, c->ntrigs);
            if (!tr) return KC_ENOMEM;
            tr->kind = kc__strv_eq(fv[0], "stem") ? T_STEM : T_WORD;
            tr->text = fv[1];
            tr->type = fv[2];
            continue;
        } else if (kc__strv_eq(fv[0], "particle")) dst = PUSH(c->particles, c->nparticles);
        else if (kc__strv_eq(fv[0], "modal")) dst = PUSH(c->modals, c->nmodals);
        else if (kc__strv_eq(fv[0], "place")) dst = PUSH(c->places, c->nplaces);
        else {
            snprintf(err, errlen, "events.tsv:%zu: unknown kind '%.*s'", t.line, (int)fv[0].n, fv[0].p);
            return KC_EDICT;
        }
        if (!dst) return KC_ENOMEM;
        *dst = fv[1];
    }
    kc__tsv_init(&t, fm);
    while ((nf = kc__tsv_next(&t, fv, 3)) > 0) {
        if (nf < 3 || !fv[0].n || !fv[1].n) {
            snprintf(err, errlen, "metrics.tsv:%zu: expected surface, metric, units", t.line);
            return KC_EDICT;
        }
        metric *m = PUSH(c->metrics, c->nmetrics);
        if (!m) return KC_ENOMEM;
        m->surface = fv[0];
        m->name = fv[1];
        m->units = fv[2];
    }
    if (c->nmetrics) qsort(c->metrics, c->nmetrics, sizeof *c->metrics, cmp_metric_len);
    if (c->ntrigs) qsort(c->trigs, c->ntrigs, sizeof *c->trigs, cmp_trig_len);
    if (pidx_build(&c->metric_ix, c->metrics, c->nmetrics, sizeof *c->metrics,
                   offsetof(metric, surface)) != KC_OK ||
        pidx_build(&c->trig_ix, c->trigs, c->ntrigs, sizeof *c->trigs, offsetof(trig, text)) != KC_OK)
        return KC_ENOMEM;
    kc__tsv_init(&t, fc);
    while ((nf = kc__tsv_next(&t, fv, 2)) > 0) {
        kc_strv *dst;
        if (nf < 2 || !fv[1].n) {
            snprintf(err, errlen, "metric_context.tsv:%zu: expected kind, text", t.line);
            return KC_EDICT;
        }
        if (kc__strv_eq(fv[0], "source")) dst = PUSH(c->sources, c->nsources);
        else if (kc__strv_eq(fv[0], "baseline")) dst = PUSH(c->baselines, c->nbaselines);
        else {
            snprintf(err, errlen, "metric_context.tsv:%zu: unknown kind", t.line);
            return KC_EDICT;
        }
        if (!dst) return KC_ENOMEM;
        *dst = fv[1];
    }
    UErrorCode ue = U_ZERO_ERROR;
    /* ICU 72 initializes its default locale lazily and, when that runs out
     * of memory, dereferences a NULL default locale inside ubrk_open
     * (found by pathological P21). Initialize it here from the environment,
     * checking for failure, once per process. */
    UErrorCode le = init_default_locale();
    if (U_FAILURE(le)) return le == U_MEMORY_ALLOCATION_ERROR ? KC_ENOMEM : KC_EDICT;
    c->bi = ubrk_open(UBRK_SENTENCE, "ko", NULL, 0, &ue);
    if (ue == U_MEMORY_ALLOCATION_ERROR) return KC_ENOMEM;
    if (U_FAILURE(ue)) {
        snprintf(err, errlen, "ICU sentence break iterator: %s", u_errorName(ue));
        return KC_EDICT;
    }
    return KC_OK;
}

void kc__events_free(struct kc_eventcfg *c)
{
    if (!c) return;
    pidx_free(&c->metric_ix);
    pidx_free(&c->trig_ix);
    free(c->trigs);
    free(c->particles);
    free(c->modals);
    free(c->places);
    free(c->sources);
    free(c->baselines);
    free(c->metrics);
    if (c->bi) ubrk_close(c->bi);
    free(c);
}

/* ---------------- helpers ---------------- */

static inline bool is_word_char(uint32_t cp)
{
    /* Hangul syllables, the common case, first */
    return kc__is_hangul_syllable(cp) || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 'a' && cp <= 'z') || (cp >= 0x3131 && cp <= 0x318E) || (cp >= 0x4E00 && cp <= 0x9FFF);
}

/* Is byte offset i of s a word start? */
static bool word_start(const char *s, size_t i)
{
    if (i == 0) return true;
    size_t p = kc__utf8_prev(s, i), n;
    return !is_word_char(kc__utf8_get((const unsigned char *)s + p, &n));
}

/* Walking a sentence by word starts: a surface or trigger (valid UTF-8)
 * can only match at a code point, and is only looked up where a word
 * starts, so the byte loops step by code point and keep whether the code
 * point before is a word character. */
typedef struct wwalk {
    const char *s;
    size_t i;
    bool after_word; /* the code point before s[i] is a word character */
} wwalk;

static void wwalk_at(wwalk *w, const char *s, size_t i)
{
    w->s = s;
    w->i = i;
    w->after_word = !word_start(s, i);
}

static void wwalk_step(wwalk *w)
{
    size_t n;
    w->after_word = is_word_char(kc__utf8_get((const unsigned char *)w->s + w->i, &n));
    w->i += n;
}

static bool has_prefix(const char *s, size_t n, kc_strv v)
{
    return v.n <= n && memcmp(s, v.p, v.n) == 0;
}

static bool ends_with_v(const char *s, size_t n, kc_strv v)
{
    return v.n <= n && memcmp(s + n - v.n, v.p, v.n) == 0;
}

static bool contains_v(const char *s, size_t n, kc_strv v)
{
    if (!v.n || v.n > n) return false;
    return memmem(s, n, v.p, v.n) != NULL;
}

/* A `word` trigger: text, then an optional particle, then a non-word char. */
static bool word_match(const struct kc_eventcfg *c, const char *s, size_t n, kc_strv w)
{
    if (!has_prefix(s, n, w)) return false;
    size_t k = w.n, cl;
    if (k == n || !is_word_char(kc__utf8_get((const unsigned char *)s + k, &cl))) return true;
    for (size_t i = 0; i < c->nparticles; i++) {
        kc_strv pv = c->particles[i];
        if (has_prefix(s + k, n - k, pv)) {
            size_t e = k + pv.n;
            if (e == n || !is_word_char(kc__utf8_get((const unsigned char *)s + e, &cl))) return true;
        }
    }
    return false;
}

static bool unit_ok(kc_strv units, const char *unit)
{
    size_t un = unit ? strlen(unit) : 0;
    const char *p = units.p, *end = units.p + units.n;
    for (;;) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        const char *e = bar ? bar : end;
        if ((size_t)(e - p) == un && memcmp(p, unit ? unit : "", un) == 0) return true;
        if (!bar) return false;
        p = bar + 1;
    }
}

static const char *vdup(kc_doc *d, kc_strv v) { return kc__doc_strdup(d, v.p, v.n); }

typedef struct carry {
    const metric *metric;
    const char *subject;
    const char *source;
    const char *date;
} carry;

typedef struct mpos {
    size_t at;         /* byte offset in paragraph */
    const metric *m;
} mpos;

static bool is_subject_type(const kc_mention *m)
{
    return m->kind == KC_MENTION_ENTITY && m->etype &&
           (!strcmp(m->etype, "product") || !strcmp(m->etype, "org"));
}

/* Does a mention give an event or observation its date? A date mention,
 * or a time mention on a known day ("2013-02-05T04:00" for 7일전 counted
 * from a reference instant, "2022-10-15T12:00/…" for 15일 오후): its day. */
static bool is_date(const kc_mention *m)
{
    if (!m->value) return false;
    if (m->kind == KC_MENTION_DATE) return true;
    kc_ymd ymd;
    return m->kind == KC_MENTION_TIME && strlen(m->value) > 10 && m->value[10] == 'T' &&
           kc__parse_ymd(m->value, 10, &ymd);
}

/* The date of mentions[0..n) for something at byte `at`: the last is_date()
 * mention ending at or before it, else the first one after it. Its value,
 * or a time's day (a copy in the document's arena), into *out; NULL when
 * there is none. KC_ENOMEM only when the copy fails. */
static kc_status sentence_date(kc_doc *d, const kc_mention *m, size_t n, size_t at,
                               const char **out)
{
    const kc_mention *dm = NULL;
    for (size_t k = 0; k < n; k++)
        if (is_date(&m[k]) && m[k].byte_end <= at) dm = &m[k];
    for (size_t k = 0; k < n && !dm; k++)
        if (is_date(&m[k])) dm = &m[k];
    *out = NULL;
    if (!dm) return KC_OK;
    *out = dm->kind == KC_MENTION_DATE ? dm->value : kc__doc_strdup(d, dm->value, 10);
    return *out ? KC_OK : KC_ENOMEM;
}

/* ---------------- one sentence ---------------- */

typedef struct sent {
    size_t para;
    const char *s;     /* paragraph text */
    size_t a, b;       /* sentence bytes [a, b) */
    const kc_mention *m;
    size_t nm;         /* mentions inside the sentence */
    const char *text;  /* arena copy */
} sent;

#define PAIR_BITS 4096
static inline unsigned pair_hash(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return (((unsigned)u[0] << 6) ^ u[1]) & (PAIR_BITS - 1);
}

static kc_status metrics_in_sentence(kc_doc *d, const struct kc_eventcfg *c, sent *st, carry *cy)
{
    /* metric surfaces named in the sentence */
    mpos named[16];
    size_t nnamed = 0;
    wwalk w;
    for (wwalk_at(&w, st->s, st->a); w.i < st->b && nnamed < 16;) {
        size_t i = w.i;
        pit it;
        if (!w.after_word && pidx_begin(&c->metric_ix, st->s + i, st->b - i, &it)) {
            uint32_t k;
            while (pidx_next(&it, &k)) {
                const metric *m = &c->metrics[k];
                if (has_prefix(st->s + i, st->b - i, m->surface)) {
                    named[nnamed].at = i;
                    named[nnamed].m = m;
                    nnamed++;
                    wwalk_at(&w, st->s, i + m->surface.n);
                    goto next;
                }
            }
        }
        wwalk_step(&w);
    next:;
    }
    /* source: entities before a source marker */
    const char *source = NULL;
    size_t src_a = 0, src_b = 0;
    /* the byte pairs of the sentence: a marker with a pair not in it
     * cannot occur, and most sentences have none of the markers */
    uint64_t pairs[PAIR_BITS / 64];
    memset(pairs, 0, sizeof pairs);
    /* a source is named by the entities before its marker: with none in
     * the sentence there is nothing to look for */
    bool any_entity = false;
    for (size_t x = 0; x < st->nm && !any_entity; x++)
        any_entity = st->m[x].kind == KC_MENTION_ENTITY;
    for (size_t i = st->a; any_entity && i + 1 < st->b; i++) {
        unsigned h = pair_hash(st->s + i);
        pairs[h / 64] |= (uint64_t)1 << (h % 64);
    }
    for (size_t k = 0; any_entity && k < c->nsources && !source; k++) {
        kc_strv mk = c->sources[k];
        bool may = true;
        for (size_t q = 0; q + 1 < mk.n && may; q++) {
            unsigned h = pair_hash(mk.p + q);
            may = (pairs[h / 64] >> (h % 64)) & 1;
        }
        if (!may) continue;
        for (size_t i = st->a; i + mk.n <= st->b; i++) {
            /* the first occurrence (memmem: the same i the byte loop finds) */
            const char *hit = mk.n ? memmem(st->s + i, st->b - i, mk.p, mk.n) : st->s + i;
            if (!hit) break;
            i = (size_t)(hit - st->s);
            /* clause start: after the last comma before the marker */
            size_t cs = st->a;
            for (size_t j = i; j > st->a; j--)
                if (st->s[j - 1] == ',') { cs = j; break; }
            kc_buf b;
            kc__buf_init(&b);
            for (size_t x = 0; x < st->nm; x++) {
                const kc_mention *e = &st->m[x];
                if (e->kind != KC_MENTION_ENTITY || e->byte_start < cs || e->byte_end > i) continue;
                if (b.len) kc__buf_putc(&b, ' ');
                kc__buf_puts(&b, e->name ? e->name : e->text);
            }
            if (b.len) {
                source = kc__doc_strdup(d, b.ptr, b.len);
                src_a = cs;
                src_b = i;
            }
            kc__buf_free(&b);
            break;
        }
    }
    /* subject: the product/org entity nearest before the first metric
     * surface (outside the source phrase), else the first in the sentence */
    const char *subject = NULL;
    size_t limit = nnamed ? named[0].at : st->b;
    for (size_t x = 0; x < st->nm; x++) {
        const kc_mention *e = &st->m[x];
        if (!is_subject_type(e)) continue;
        if (source && e->byte_start >= src_a && e->byte_end <= src_b) continue;
        if (e->byte_start < limit) subject = e->name;
        else if (!subject && !nnamed) subject = e->name;
    }
    if (!subject && nnamed) {
        for (size_t x = 0; x < st->nm && !subject; x++) {
            const kc_mention *e = &st->m[x];
            if (is_subject_type(e) && !(source && e->byte_start >= src_a && e->byte_end <= src_b))
                subject = e->name;
        }
    }
    if (nnamed) cy->metric = named[nnamed - 1].m;
    if (subject) cy->subject = subject;
    if (source) cy->source = source;

    size_t prev_end = st->a; /* end of the previous figure or date */
    for (size_t x = 0; x < st->nm; x++) {
        const kc_mention *f = &st->m[x];
        if (f->kind == KC_MENTION_DATE || f->kind == KC_MENTION_TIME) { prev_end = f->byte_end; continue; }
        if (f->kind != KC_MENTION_FIGURE) continue;
        const metric *m = NULL;
        for (size_t k = 0; k < nnamed; k++)
            if (named[k].at < f->byte_start) m = named[k].m;
        if (!m && nnamed) m = named[0].m;
        if (!m) m = cy->metric;
        if (!m || !unit_ok(m->units, f->unit)) { prev_end = f->byte_end; continue; }
        bool baseline = false;
        for (size_t k = 0; k < c->nbaselines && !baseline; k++)
            baseline = contains_v(st->s + prev_end, f->byte_start - prev_end, c->baselines[k]);
        const char *date = NULL;
        if (!baseline) {
            if (sentence_date(d, st->m, st->nm, f->byte_start, &date) != KC_OK)
                return KC_ENOMEM;
            if (!date) date = cy->date;
            else cy->date = date;
        }
        kc_event *e = kc__doc_add_event(d);
        if (!e) return KC_ENOMEM;
        e->type = "metric";
        e->para = st->para;
        e->date = date;
        e->sentence = st->text;
        e->metric = vdup(d, m->name);
        e->subject = cy->subject;
        e->value = f->value;
        e->value_max = f->value_max;
        e->unit = f->unit ? f->unit : "";
        e->approx = f->approx;
        e->source = cy->source;
        e->baseline = baseline;
        if (!e->metric) return KC_ENOMEM;
        prev_end = f->byte_end;
    }
    return KC_OK;
}

static bool quoted_sentence(const char *s, size_t n)
{
    static const char *const open[] = {"\"", "“", "'", "‘", "「", "『"};
    static const char *const close[] = {"\"", "”", "'", "’", "」", "』"};
    for (size_t i = 0; i < sizeof open / sizeof *open; i++) {
        size_t a = strlen(open[i]), b = strlen(close[i]);
        if (n >= a + b && !memcmp(s, open[i], a) && !memcmp(s + n - b, close[i], b)) return true;
    }
    return false;
}

static kc_status other_events(kc_doc *d, const struct kc_eventcfg *c, sent *st, const char *prev_date)
{
    const char *s = st->s + st->a;
    size_t n = st->b - st->a;
    if (quoted_sentence(s, n)) return KC_OK;
    for (size_t k = 0; k < c->nmodals; k++)
        if (ends_with_v(s, n, c->modals[k])) return KC_OK;
    kc_strv seen_types[16];
    size_t nseen = 0;
    wwalk w;
    for (wwalk_at(&w, st->s, st->a); w.i < st->b;) {
        size_t i = w.i;
        const trig *hit = NULL;
        pit it;
        if (!w.after_word && pidx_begin(&c->trig_ix, st->s + i, st->b - i, &it)) {
            uint32_t k;
            while (!hit && pidx_next(&it, &k)) {
                const trig *t = &c->trigs[k];
                if (t->kind == T_STEM ? has_prefix(st->s + i, st->b - i, t->text)
                                      : word_match(c, st->s + i, st->b - i, t->text))
                    hit = t;
            }
        }
        if (!hit) { wwalk_step(&w); continue; }
        size_t at = i;
        wwalk_at(&w, st->s, i + hit->text.n);
        /* a trigger inside an entity name (e.g. an organisation called
         * "…사고조사위원회") is not an event */
        bool in_entity = false;
        for (size_t x = 0; x < st->nm && !in_entity; x++)
            in_entity = st->m[x].kind == KC_MENTION_ENTITY && st->m[x].byte_start <= at && at < st->m[x].byte_end;
        if (in_entity) continue;
        bool dup = false;
        for (size_t k = 0; k < nseen && !dup; k++)
            dup = seen_types[k].n == hit->type.n && !memcmp(seen_types[k].p, hit->type.p, hit->type.n);
        if (dup || nseen == 16) continue;
        seen_types[nseen++] = hit->type;
        kc_event *e = kc__doc_add_event(d);
        if (!e) return KC_ENOMEM;
        e->type = vdup(d, hit->type);
        e->trigger = vdup(d, hit->text);
        e->para = st->para;
        e->sentence = st->text;
        if (!e->type || !e->trigger) return KC_ENOMEM;
        const char *date;
        if (sentence_date(d, st->m, st->nm, at, &date) != KC_OK) return KC_ENOMEM;
        e->date = date ? date : prev_date;
        /* actors, place, first figure, first duration */
        const char **actors = NULL;
        size_t na = 0;
        for (size_t x = 0; x < st->nm; x++) {
            const kc_mention *m = &st->m[x];
            if (m->kind == KC_MENTION_ENTITY && m->name) {
                if (m->etype && !strcmp(m->etype, "location")) {
                    if (!e->place) {
                        /* "판교 데이터센터": a facility word right after */
                        const char *after = st->s + m->byte_end;
                        size_t left = st->b - m->byte_end;
                        e->place = m->name;
                        if (left > 1 && after[0] == ' ') {
                            for (size_t k = 0; k < c->nplaces; k++) {
                                if (has_prefix(after + 1, left - 1, c->places[k])) {
                                    kc_buf b;
                                    kc__buf_init(&b);
                                    kc__buf_printf(&b, "%s %.*s", m->name, (int)c->places[k].n, c->places[k].p);
                                    e->place = kc__doc_strdup(d, b.ptr ? b.ptr : "", b.len);
                                    kc__buf_free(&b);
                                    if (!e->place) return KC_ENOMEM;
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
                bool have = false;
                for (size_t k = 0; k < na && !have; k++) have = !strcmp(actors[k], m->name);
                if (have) continue;
                const char **p = realloc(actors, (na + 1) * sizeof *actors);
                if (!p) { free(actors); return KC_ENOMEM; }
                actors = p;
                actors[na++] = m->name;
            } else if (m->kind == KC_MENTION_FIGURE && !e->value && m->unit && m->unit[0]) {
                /* a figure with a unit or counter ("두 차례", "10억원"); a bare
                 * number ("배터리 하나에서") says nothing about the event */
                e->value = m->value;
                e->value_max = m->value_max;
                e->unit = m->unit ? m->unit : "";
                if (m->approx) e->approx = 1;
            } else if (m->kind == KC_MENTION_DURATION && !e->duration) {
                e->duration = m->value;
                if (m->approx) e->approx = 1; /* "약 10시간 동안 멈춰 섰다" */
            }
        }
        /* kc_doc_free releases the actors array of every event */
        e->actors = actors;
        e->n_actors = na;
    }
    return KC_OK;
}

/* Carry-over between sentences, kept in the doc between windows. */
struct kc_evstate {
    carry cy;
    const char *prev_date;
};

void kc__events_state_free(struct kc_evstate *s) { free(s); }

static const char *keep_str(kc_doc *d, const char *s)
{
    return s ? kc__arena_strndup(&d->arena, s, strlen(s)) : NULL;
}

kc_status kc__events_keep(kc_doc *d)
{
    struct kc_evstate *es = d->evstate;
    if (!es) return KC_OK;
    const char *v[4] = {es->cy.subject, es->cy.source, es->cy.date, es->prev_date};
    const char *k[4];
    for (int i = 0; i < 4; i++) {
        k[i] = keep_str(d, v[i]);
        if (v[i] && !k[i]) return KC_ENOMEM;
    }
    es->cy.subject = k[0];
    es->cy.source = k[1];
    es->cy.date = k[2];
    es->prev_date = k[3];
    return KC_OK;
}

kc_status kc__events_extract(kc_doc *d, size_t p0, size_t p1, pcre2_match_data *md)
{
    (void)md;
    const struct kc_eventcfg *c = d->eng->events;
    if (!c || p0 >= p1) return KC_OK;
    if (!d->evstate) {
        d->evstate = calloc(1, sizeof *d->evstate);
        if (!d->evstate) return KC_ENOMEM;
    }
    struct kc_evstate *es = d->evstate;
    UErrorCode ue = U_ZERO_ERROR;
    /* A fresh iterator, not ubrk_clone of the engine's: ICU 72's clone
     * crashes when an allocation inside its copy fails (pathological P21),
     * and opening from ICU's cached rule data costs about as much. */
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "ko", NULL, 0, &ue);
    if (U_FAILURE(ue)) return ue == U_MEMORY_ALLOCATION_ERROR ? KC_ENOMEM : KC_EINVAL;
    UChar *u16 = NULL;
    size_t u16cap = 0;
    carry cy = es->cy;
    const char *prev_date = es->prev_date;
    size_t mi = 0;
    kc_status st = KC_OK;
    for (size_t p = p0; p < p1 && st == KC_OK; p++) {
        size_t len;
        const char *s = kc_doc_paragraph(d, p, &len);
        while (mi < d->nmentions && d->mentions[mi].para < p) mi++;
        size_t mj = mi;
        while (mj < d->nmentions && d->mentions[mj].para == p) mj++;
        ue = U_ZERO_ERROR;
        if (len > INT32_MAX) { st = KC_ELIMIT; break; }
        if (len + 1 > u16cap) {
            size_t bytes;
            UChar *nu = kc__mul_ok(len + 1, sizeof *u16, &bytes) ? realloc(u16, bytes) : NULL;
            if (!nu) { st = KC_ENOMEM; break; }
            u16 = nu;
            u16cap = len + 1;
        }
        int32_t ulen = 0;
        u_strFromUTF8(u16, (int32_t)u16cap, &ulen, s, (int32_t)len, &ue);
        /* ICU reports a failed allocation as U_MEMORY_ALLOCATION_ERROR:
         * out of memory, not a bad argument (pathological P21) */
        if (U_FAILURE(ue)) { st = ue == U_MEMORY_ALLOCATION_ERROR ? KC_ENOMEM : KC_EINVAL; break; }
        ubrk_setText(bi, u16, ulen, &ue);
        if (U_FAILURE(ue)) { st = ue == U_MEMORY_ALLOCATION_ERROR ? KC_ENOMEM : KC_EINVAL; break; }
        int32_t b16;
        size_t a = 0, at16 = 0, at8 = 0; /* a UTF-16 index and its byte offset */
        (void)ubrk_first(bi);
        size_t x = mi; /* mention cursor: sentences come in order */
        while ((b16 = ubrk_next(bi)) != UBRK_DONE && st == KC_OK) {
            while (at16 < (size_t)b16 && at8 < len) {
                size_t cn;
                uint32_t cp = kc__utf8_get((const unsigned char *)s + at8, &cn);
                at16 += cp >= 0x10000 ? 2 : 1;
                at8 += cn;
            }
            size_t b = at8;
            size_t sa = a, sb = b;
            a = b;
            while (sa < sb && s[sa] == ' ') sa++;
            while (sb > sa && s[sb - 1] == ' ') sb--;
            if (sa == sb) continue;
            sent se;
            se.para = p;
            se.s = s;
            se.a = sa;
            se.b = sb;
            while (x < mj && d->mentions[x].byte_start < sa) x++;
            size_t y = x;
            while (y < mj && d->mentions[y].byte_end <= sb) y++;
            se.m = d->mentions ? &d->mentions[x] : NULL;
            se.nm = y - x;
            se.text = kc__doc_strdup(d, s + sa, sb - sa);
            if (!se.text) { st = KC_ENOMEM; break; }
            st = metrics_in_sentence(d, c, &se, &cy);
            if (st == KC_OK) st = other_events(d, c, &se, prev_date);
            /* one-sentence date carry for events */
            const char *sd = NULL; /* the sentence's last date */
            if (st == KC_OK) st = sentence_date(d, se.m, se.nm, SIZE_MAX, &sd);
            prev_date = sd;
        }
        mi = mj;
    }
    es->cy = cy;
    es->prev_date = prev_date;
    free(u16);
    ubrk_close(bi);
    return st;
}
