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

kc_status kc_doc_extract(kc_doc *d, const kc_options *opts)
{
    (void)opts;
    if (!d || !d->read_done) return KC_EINVAL;
    if (d->extract_done) return KC_OK;
    d->extract_done = true;
    pcre2_match_data *md = pcre2_match_data_create(64, NULL);
    if (!md) return KC_ENOMEM;
    kc_datectx dc;
    memset(&dc, 0, sizeof dc);
    dc.ref = d->ref;
    kc_status st = KC_OK;
    for (size_t p = 0; p < d->nparas && st == KC_OK; p++) {
        size_t len;
        const char *s = kc_doc_paragraph(d, p, &len);
        st = kc__dates_extract(d, p, s, len, &dc, md);
        if (st == KC_OK) st = kc__figures_extract(d, p, s, len, md);
        if (st == KC_OK) st = kc__entities_extract(d, p, s, len, md);
    }
    if (st == KC_OK && d->nmentions > 1)
        qsort(d->mentions, d->nmentions, sizeof *d->mentions, cmp_mention);
    if (st == KC_OK) {
        /* Offsets: code points from the paragraph start (SPEC). Mentions are
         * sorted by paragraph and start, so a cursor counts each paragraph's
         * bytes once: counting from the paragraph start for every mention
         * was quadratic on a long line full of dates. */
        size_t cur_para = SIZE_MAX, cur_byte = 0, cur_cp = 0;
        for (size_t i = 0; i < d->nmentions && st == KC_OK; i++) {
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
    if (st == KC_OK) st = kc__events_extract(d, md);
    pcre2_match_data_free(md);
    d->stats.mentions = d->nmentions;
    d->stats.events = d->nevents;
    return st;
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
