/* extract.c — runs the extractors over a document's kept paragraphs, then
 * fills code-point offsets and span texts and orders the mentions. */
#include "internal.h"

#include <stdlib.h>

static int cmp_mention(const void *a, const void *b)
{
    const kc_mention *x = a, *y = b;
    if (x->para != y->para) return x->para < y->para ? -1 : 1;
    if (x->byte_start != y->byte_start) return x->byte_start < y->byte_start ? -1 : 1;
    if (x->byte_end != y->byte_end) return x->byte_end > y->byte_end ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

/* Paragraphs [p0, p1): extractors, offsets, order, events. */
static kc_status extract_range(kc_doc *d, size_t p0, size_t p1, pcre2_match_data *md,
                               bool events)
{
    kc_status st = KC_OK;
    size_t m0 = d->nmentions;
    for (size_t p = p0; p < p1 && st == KC_OK; p++) {
        size_t len;
        const char *s = kc_doc_paragraph(d, p, &len);
        st = kc__dates_extract(d, p, s, len, &d->dctx, md);
        if (st == KC_OK) st = kc__figures_extract(d, p, s, len, md);
        if (st == KC_OK) st = kc__entities_extract(d, p, s, len, md);
    }
    if (st == KC_OK && d->nmentions - m0 > 1)
        qsort(d->mentions + m0, d->nmentions - m0, sizeof *d->mentions, cmp_mention);
    if (st == KC_OK) {
        /* Offsets: code points from the paragraph start (SPEC). Mentions are
         * sorted by paragraph and start, so a cursor counts each paragraph's
         * bytes once: counting from the paragraph start for every mention
         * was quadratic on a long line full of dates. */
        size_t cur_para = SIZE_MAX, cur_byte = 0, cur_cp = 0;
        for (size_t i = m0; i < d->nmentions && st == KC_OK; i++) {
            kc_mention *m = &d->mentions[i];
            size_t len;
            const char *s = kc_doc_paragraph(d, m->para, &len);
            if (m->byte_end > len || m->byte_start > m->byte_end) { st = KC_EINVAL; break; }
            if (m->para != cur_para) { cur_para = m->para; cur_byte = cur_cp = 0; }
            cur_cp += kc__utf8_count(s + cur_byte, m->byte_start - cur_byte);
            cur_byte = m->byte_start;
            m->start = cur_cp;
            m->end = m->start + kc__utf8_count(s + m->byte_start, m->byte_end - m->byte_start);
            m->text = kc__doc_strdup(d, s + m->byte_start, m->byte_end - m->byte_start);
            if (!m->text) st = KC_ENOMEM;
        }
    }
    size_t e0 = d->nevents;
    if (st == KC_OK && events) st = kc__events_extract(d, p0, p1, md);
    d->stats.mentions += d->nmentions - m0;
    d->stats.events += d->nevents - e0;
    return st;
}

static void start_extraction(kc_doc *d)
{
    d->window_started = true;
    memset(&d->dctx, 0, sizeof d->dctx);
    d->dctx.ref = d->ref;
    d->next_para = 0;
}

kc_status kc_doc_extract(kc_doc *d, const kc_options *opts)
{
    if (!d || !d->read_done) return KC_EINVAL;
    if (d->extract_done) return KC_OK;
    if (d->window_started) return KC_EINVAL; /* windows already used */
    d->extract_done = true;
    pcre2_match_data *md = pcre2_match_data_create(64, NULL);
    if (!md) return KC_ENOMEM;
    start_extraction(d);
    kc_status st = extract_range(d, 0, d->nparas, md, !(opts && opts->no_events));
    d->next_para = d->nparas;
    pcre2_match_data_free(md);
    return st;
}

/* A window ends after this many paragraphs even when they are short. */
#define KC_WINDOW_PARAS 8192

kc_status kc_doc_extract_window(kc_doc *d, const kc_options *opts, size_t max_bytes, int *more)
{
    if (more) *more = 0;
    if (!d || !d->read_done || d->extract_done) return KC_EINVAL;
    if (!d->window_started) start_extraction(d);
    /* forget the previous window: its mentions, events and their strings
     * (what later windows need was copied by kc__events_keep) */
    for (size_t i = 0; i < d->nevents; i++) free((void *)d->events[i].actors);
    d->nevents = 0;
    d->nmentions = 0;
    kc__entities_state_reset(d->entstate); /* its names were in warena */
    kc__arena_free(&d->warena);
    if (d->next_para >= d->nparas) {
        d->extract_done = true;
        return KC_OK;
    }
    size_t p0 = d->next_para, p1 = p0, bytes = 0;
    while (p1 < d->nparas && p1 - p0 < KC_WINDOW_PARAS && (p1 == p0 || bytes < max_bytes)) {
        size_t len;
        kc_doc_paragraph(d, p1, &len);
        bytes += len;
        p1++;
    }
    pcre2_match_data *md = pcre2_match_data_create(64, NULL);
    if (!md) return KC_ENOMEM;
    d->sarena = &d->warena;
    kc_status st = extract_range(d, p0, p1, md, !(opts && opts->no_events));
    if (st == KC_OK) st = kc__events_keep(d);
    d->sarena = &d->arena;
    pcre2_match_data_free(md);
    if (st != KC_OK) return st;
    d->next_para = p1;
    if (p1 >= d->nparas) d->extract_done = true;
    else if (more) *more = 1;
    return KC_OK;
}

const char *kc_bound_name(kc_bound b)
{
    switch (b) {
    case KC_BOUND_MIN: return "min";
    case KC_BOUND_MAX: return "max";
    case KC_BOUND_OVER: return "over";
    case KC_BOUND_UNDER: return "under";
    case KC_BOUND_NONE: break;
    }
    return NULL;
}

const char *kc_mention_kind_name(kc_mention_kind k)
{
    switch (k) {
    case KC_MENTION_FIGURE: return "figure";
    case KC_MENTION_DATE: return "date";
    case KC_MENTION_TIME: return "time";
    case KC_MENTION_DURATION: return "duration";
    case KC_MENTION_ENTITY: return "entity";
    }
    return "unknown";
}
