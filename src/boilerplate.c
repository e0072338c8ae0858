/* boilerplate.c — strip what news pages carry around an article, driven by
 * dict/boilerplate.tsv: portal UI chrome, separators, datelines (→ the
 * document's `published`), bylines (→ `byline`), source tags and copyright
 * footers (→ `source`), related-article and photo-caption lines. Also picks
 * the title: the first remaining line when it looks like a headline.
 *
 * Body sentences that merely mention chrome words survive: exact rules need
 * the whole line to match, prefix/contains rules fire only on short lines,
 * and regex rules are anchored at both ends. */
#define _GNU_SOURCE /* memmem */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

enum rule_kind { R_EXACT, R_PREFIX, R_CONTAINS, R_REGEX, R_DATELINE, R_LEAD };

typedef struct rule {
    enum rule_kind kind;
    kc_drop_reason reason;
    const char *pat; /* borrowed from the dictionary */
    size_t patlen;
    pcre2_code *re;
    int g_source, g_byline, g_y, g_m, g_d; /* named group numbers or -1 */
} rule;

struct kc_boiler {
    rule *rules;
    size_t n;
};

/* Short-line guard for prefix/contains rules, in code points. */
#define KC_SHORT_LINE 100
/* A headline is at most this long (code points). */
#define KC_TITLE_MAX 150

static int group(pcre2_code *re, const char *name)
{
    int n = pcre2_substring_number_from_name(re, (PCRE2_SPTR)name);
    return n > 0 ? n : -1;
}

kc_status kc__boiler_init(kc_engine *eng, char *err, size_t errlen)
{
    const kc_dictfile *f = kc__dict_get(eng, "boilerplate.tsv");
    if (!f) { snprintf(err, errlen, "boilerplate.tsv: missing"); return KC_EDICT; }
    struct kc_boiler *b = calloc(1, sizeof *b);
    if (!b) return KC_ENOMEM;
    eng->boiler = b;
    kc_tsv t;
    kc_strv fv[3];
    size_t cap = 0, nf;
    kc__tsv_init(&t, f);
    while ((nf = kc__tsv_next(&t, fv, 3)) > 0) {
        if (nf < 3 || fv[2].n == 0) {
            snprintf(err, errlen, "boilerplate.tsv:%zu: expected kind, reason, pattern", t.line);
            return KC_EDICT;
        }
        if (b->n == cap) {
            cap = cap ? cap * 2 : 64;
            rule *r = realloc(b->rules, cap * sizeof *r);
            if (!r) return KC_ENOMEM;
            b->rules = r;
        }
        rule *r = &b->rules[b->n];
        memset(r, 0, sizeof *r);
        if (kc__strv_eq(fv[0], "exact")) r->kind = R_EXACT;
        else if (kc__strv_eq(fv[0], "prefix")) r->kind = R_PREFIX;
        else if (kc__strv_eq(fv[0], "contains")) r->kind = R_CONTAINS;
        else if (kc__strv_eq(fv[0], "regex")) r->kind = R_REGEX;
        else if (kc__strv_eq(fv[0], "dateline")) r->kind = R_DATELINE;
        else if (kc__strv_eq(fv[0], "lead")) r->kind = R_LEAD;
        else {
            snprintf(err, errlen, "boilerplate.tsv:%zu: unknown kind '%.*s'", t.line, (int)fv[0].n, fv[0].p);
            return KC_EDICT;
        }
        if (kc__strv_eq(fv[1], "boilerplate")) r->reason = KC_DROP_BOILERPLATE;
        else if (kc__strv_eq(fv[1], "byline")) r->reason = KC_DROP_BYLINE;
        else if (kc__strv_eq(fv[1], "source-tag")) r->reason = KC_DROP_SOURCE_TAG;
        else {
            snprintf(err, errlen, "boilerplate.tsv:%zu: unknown reason '%.*s'", t.line, (int)fv[1].n, fv[1].p);
            return KC_EDICT;
        }
        r->pat = fv[2].p;
        r->patlen = fv[2].n;
        if (r->kind >= R_REGEX) {
            char msg[200];
            r->re = kc__re_compile(r->pat, r->patlen, 0, msg, sizeof msg);
            if (!r->re) {
                snprintf(err, errlen, "boilerplate.tsv:%zu: %s", t.line, msg);
                return KC_EREGEX;
            }
            r->g_source = group(r->re, "source");
            r->g_byline = group(r->re, "byline");
            r->g_y = group(r->re, "y");
            r->g_m = group(r->re, "m");
            r->g_d = group(r->re, "d");
        }
        b->n++;
    }
    return KC_OK;
}

void kc__boiler_free(struct kc_boiler *b)
{
    if (!b) return;
    for (size_t i = 0; i < b->n; i++) pcre2_code_free(b->rules[i].re);
    free(b->rules);
    free(b);
}

static bool memmem_ok(const char *h, size_t hn, const char *n, size_t nn)
{
    if (nn == 0 || nn > hn) return nn == 0;
    return memmem(h, hn, n, nn) != NULL;
}

static int capnum(const char *s, PCRE2_SIZE *ov, int g)
{
    if (g < 0 || ov[2 * g] == PCRE2_UNSET) return 0;
    int v = 0;
    for (PCRE2_SIZE i = ov[2 * g]; i < ov[2 * g + 1] && v < 100000; i++) v = v * 10 + (s[i] - '0');
    return v;
}

static const char *capdup(kc_doc *d, const char *s, PCRE2_SIZE *ov, int g)
{
    if (g < 0 || ov[2 * g] == PCRE2_UNSET || ov[2 * g + 1] <= ov[2 * g]) return NULL;
    size_t a = ov[2 * g], z = ov[2 * g + 1];
    while (z > a && s[z - 1] == ' ') z--;
    return kc__doc_strdup(d, s + a, z - a);
}

/* Classify one line. Returns 0 to keep it, else a drop reason. May set the
 * document's published date, source and byline. */
static int classify(kc_doc *d, const char *s, size_t n, pcre2_match_data *md, bool *dateline_seen)
{
    const struct kc_boiler *b = d->eng->boiler;
    size_t cps = n <= 4 * KC_SHORT_LINE ? kc__utf8_count(s, n) : KC_SHORT_LINE + 1;
    for (size_t i = 0; i < b->n; i++) {
        const rule *r = &b->rules[i];
        switch (r->kind) {
        case R_EXACT:
            if (n == r->patlen && memcmp(s, r->pat, n) == 0) return (int)r->reason;
            break;
        case R_PREFIX:
            if (cps < KC_SHORT_LINE && n >= r->patlen && memcmp(s, r->pat, r->patlen) == 0)
                return (int)r->reason;
            break;
        case R_CONTAINS:
            if (cps < KC_SHORT_LINE && memmem_ok(s, n, r->pat, r->patlen)) return (int)r->reason;
            break;
        case R_REGEX:
        case R_DATELINE: {
            int rc = kc__re_match(d->eng, r->re, s, n, 0, PCRE2_ANCHORED, md, &d->stats);
            if (rc <= 0) break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            if (ov[1] != n) break; /* must cover the whole line */
            if (r->kind == R_DATELINE && !*dateline_seen) {
                char tmp[16];
                int y = capnum(s, ov, r->g_y), m = capnum(s, ov, r->g_m), dd = capnum(s, ov, r->g_d);
                snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y % 10000, m % 100, dd % 100);
                kc_ymd ymd;
                if (kc__parse_ymd(tmp, 10, &ymd)) {
                    d->published = kc__doc_strdup(d, tmp, 10);
                    *dateline_seen = true;
                }
            }
            const char *src = capdup(d, s, ov, r->g_source);
            if (src && !d->source) d->source = src;
            const char *by = capdup(d, s, ov, r->g_byline);
            if (by && !d->byline) d->byline = by;
            return (int)r->reason;
        }
        case R_LEAD:
            break;
        }
    }
    return 0;
}

/* A byline prefix at the start of a body line, e.g. "(서울=연합뉴스) 홍길동
 * 기자 = ": record source and byline, and cut it from the line. */
static void cut_lead(kc_doc *d, kc_line *l, pcre2_match_data *md)
{
    const struct kc_boiler *b = d->eng->boiler;
    const char *s = d->text.ptr + l->off;
    for (size_t i = 0; i < b->n; i++) {
        const rule *r = &b->rules[i];
        if (r->kind != R_LEAD) continue;
        int rc = kc__re_match(d->eng, r->re, s, l->len, 0, PCRE2_ANCHORED, md, &d->stats);
        if (rc <= 0) continue;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        if (ov[1] == 0 || ov[1] >= l->len) continue; /* nothing left: not a lead */
        const char *src = capdup(d, s, ov, r->g_source);
        if (src && !d->source) d->source = src;
        const char *by = capdup(d, s, ov, r->g_byline);
        if (by && !d->byline) d->byline = by;
        l->off += ov[1];
        l->len -= ov[1];
        while (l->len && d->text.ptr[l->off] == ' ') { l->off++; l->len--; }
        return;
    }
}

/* A headline: not too long and not a finished sentence (Korean body
 * sentences end in a declarative 다./요./까. …); a title ends in a noun, a
 * quotation, ? or …. */
static bool looks_like_title(const char *s, size_t n)
{
    if (n == 0 || kc__utf8_count(s, n) > KC_TITLE_MAX) return false;
    static const char *const ends[] = {"다.", "요.", "니다.", "죠.", "다.\"", "다.'"};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t k = strlen(ends[i]);
        if (n >= k && memcmp(s + n - k, ends[i], k) == 0) return false;
    }
    return true;
}

kc_status kc__boilerplate(kc_doc *d)
{
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    if (!md) return KC_ENOMEM;
    bool dateline_seen = false, title_done = false, lead_done = false;
    const char *mt = d->meta_title;
    size_t mtn = mt ? strlen(mt) : 0;
    kc_status st = KC_OK;
    for (size_t i = 0; i < d->nlines && st == KC_OK; i++) {
        kc_line *l = &d->lines[i];
        const char *s = d->text.ptr + l->off;
        if (l->len == 0) { /* kc__segment records empty lines as drops; defensive */
            l->drop = KC_DROP_EMPTY;
        } else {
            l->drop = classify(d, s, l->len, md, &dateline_seen);
            if (!l->drop && !title_done) {
                title_done = true;
                if (mtn ? (l->len == mtn && memcmp(s, mt, mtn) == 0)
                        : (!d->text_input && looks_like_title(s, l->len))) {
                    l->is_title = 1;
                    if (!mtn) {
                        d->title = kc__doc_strdup(d, s, l->len);
                        if (!d->title) st = KC_ENOMEM;
                    }
                    continue;
                }
            }
            if (!l->drop && !lead_done) {
                lead_done = true;
                cut_lead(d, l, md);
            }
        }
        if (l->drop && st == KC_OK) st = kc__doc_add_drop(d, l->lineno, (kc_drop_reason)l->drop);
    }
    pcre2_match_data_free(md);
    if (st == KC_OK && !d->published && d->stats.invalid_sequences == 0) {
        /* published stays NULL: never guessed */
    }
    return st;
}
