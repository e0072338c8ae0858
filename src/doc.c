/* doc.c — kc_doc: lifecycle, the reader pipeline and accessors. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

kc_status kc_doc_new(kc_doc **out, const kc_engine *eng, const char *id)
{
    if (!out || !eng || !id) return KC_EINVAL;
    *out = NULL;
    kc_doc *d = calloc(1, sizeof *d);
    if (!d) return KC_ENOMEM;
    d->eng = eng;
    d->id = strdup(id);
    if (!d->id) { free(d); return KC_ENOMEM; }
    kc__buf_init(&d->raw);
    kc__buf_init(&d->text);
    kc__arena_init(&d->arena);
    kc__arena_init(&d->warena);
    d->sarena = &d->arena;
    *out = d;
    return KC_OK;
}

void kc_doc_free(kc_doc *d)
{
    if (!d) return;
    free(d->id);
    free(d->meta_date);
    free(d->meta_title);
    free(d->meta_url);
    free(d->meta_source);
    kc__buf_free(&d->raw);
    kc__buf_free(&d->text);
    free(d->lines);
    free(d->paras);
    free(d->drops);
    free(d->mentions);
    for (size_t i = 0; i < d->nevents; i++) free((void *)d->events[i].actors);
    free(d->events);
    kc__arena_free(&d->arena);
    kc__arena_free(&d->warena);
    kc__events_state_free(d->evstate);
    kc__entities_state_free(d->entstate);
    free(d);
}

kc_status kc_doc_feed(kc_doc *d, const void *bytes, size_t len)
{
    if (!d || (!bytes && len) || d->read_done) return KC_EINVAL;
    kc_status st = kc__buf_append(&d->raw, bytes, len);
    if (st == KC_OK) d->stats.bytes_in += len;
    return st;
}

void kc_doc_set_text_input(kc_doc *d, int is_text)
{
    if (d) d->text_input = is_text != 0;
}

/* Metadata arrives from JSON or a sidecar: decode and normalize it like the
 * text so that titles compare equal and never carry invalid UTF-8. */
static kc_status clean_meta(const char *v, size_t n, char **out)
{
    kc_buf u, t;
    kc_stats st;
    memset(&st, 0, sizeof st);
    kc__buf_init(&u);
    kc__buf_init(&t);
    kc_status s = kc__decode((const unsigned char *)v, n, KC_ENC_UTF8, true, &u, &st);
    if (s == KC_OK) s = kc__normalize(u.ptr ? u.ptr : "", u.len, &t, &st);
    kc__buf_free(&u);
    if (s != KC_OK) { kc__buf_free(&t); return s; }
    /* metadata is one line */
    for (size_t i = 0; i < t.len; i++)
        if (t.ptr[i] == '\n') t.ptr[i] = ' ';
    while (t.len && t.ptr[t.len - 1] == ' ') t.ptr[--t.len] = '\0';
    free(*out);
    *out = kc__buf_detach(&t);
    return *out ? KC_OK : KC_ENOMEM;
}

kc_status kc_doc_set_meta(kc_doc *d, const char *key, const char *value,
                          size_t n)
{
    if (!d || !key || (!value && n) || d->read_done) return KC_EINVAL;
    if (!value) value = "";
    if (strcmp(key, "date") == 0) return clean_meta(value, n, &d->meta_date);
    if (strcmp(key, "title") == 0) return clean_meta(value, n, &d->meta_title);
    if (strcmp(key, "url") == 0) return clean_meta(value, n, &d->meta_url);
    if (strcmp(key, "source") == 0) return clean_meta(value, n, &d->meta_source);
    return KC_EINVAL;
}

kc_status kc__doc_add_line(kc_doc *d, size_t off, size_t len, size_t lineno)
{
    if (d->nlines == d->lines_cap) {
        size_t cap = d->lines_cap ? d->lines_cap * 2 : 64, bytes;
        if (!kc__mul_ok(cap, sizeof *d->lines, &bytes)) return KC_ENOMEM;
        kc_line *p = realloc(d->lines, bytes);
        if (!p) return KC_ENOMEM;
        d->lines = p;
        d->lines_cap = cap;
    }
    kc_line *l = &d->lines[d->nlines++];
    l->off = off;
    l->len = len;
    l->lineno = lineno;
    l->drop = 0;
    l->is_title = 0;
    return KC_OK;
}

kc_status kc__doc_add_drop(kc_doc *d, size_t lineno, kc_drop_reason r)
{
    if (d->ndrops == d->drops_cap) {
        size_t cap = d->drops_cap ? d->drops_cap * 2 : 32, bytes;
        if (!kc__mul_ok(cap, sizeof *d->drops, &bytes)) return KC_ENOMEM;
        kc_drop *p = realloc(d->drops, bytes);
        if (!p) return KC_ENOMEM;
        d->drops = p;
        d->drops_cap = cap;
    }
    d->drops[d->ndrops].line = lineno;
    d->drops[d->ndrops].reason = r;
    d->ndrops++;
    switch (r) {
    case KC_DROP_BOILERPLATE: d->stats.dropped_boilerplate++; break;
    case KC_DROP_DUPLICATE: d->stats.dropped_duplicate++; break;
    case KC_DROP_NEAR_DUPLICATE: d->stats.dropped_near_duplicate++; break;
    case KC_DROP_BYLINE: d->stats.dropped_byline++; break;
    case KC_DROP_SOURCE_TAG: d->stats.dropped_source_tag++; break;
    case KC_DROP_EMPTY: d->stats.dropped_empty++; break;
    }
    return KC_OK;
}

kc_status kc__doc_collect_paras(kc_doc *d)
{
    free(d->paras);
    d->paras = NULL;
    d->nparas = 0;
    size_t bytes;
    if (!kc__mul_ok(d->nlines ? d->nlines : 1, sizeof *d->paras, &bytes)) return KC_ENOMEM;
    d->paras = malloc(bytes);
    if (!d->paras) return KC_ENOMEM;
    size_t out = 0;
    for (size_t i = 0; i < d->nlines; i++) {
        const kc_line *l = &d->lines[i];
        if (!l->drop && !l->is_title) d->paras[d->nparas++] = i;
        if (!l->drop) out += l->len;
    }
    d->stats.paragraphs_out = d->nparas;
    d->stats.bytes_out = out;
    return KC_OK;
}

const char *kc__doc_strdup(kc_doc *d, const char *s, size_t n)
{
    return kc__arena_strndup(d->sarena, s, n);
}

kc_mention *kc__doc_add_mention(kc_doc *d, kc_mention_kind kind, size_t para,
                                size_t bstart, size_t bend)
{
    if (d->nmentions == d->mentions_cap) {
        size_t cap = d->mentions_cap ? d->mentions_cap * 2 : 32, bytes;
        if (!kc__mul_ok(cap, sizeof *d->mentions, &bytes)) return NULL;
        kc_mention *p = realloc(d->mentions, bytes);
        if (!p) return NULL;
        d->mentions = p;
        d->mentions_cap = cap;
    }
    kc_mention *m = &d->mentions[d->nmentions++];
    memset(m, 0, sizeof *m);
    m->kind = kind;
    m->para = para;
    m->byte_start = bstart;
    m->byte_end = bend;
    return m;
}

bool kc__doc_span_taken(const kc_doc *d, size_t para, size_t bs, size_t be)
{
    for (size_t i = d->nmentions; i-- > 0;) {
        const kc_mention *m = &d->mentions[i];
        if (m->para != para) break; /* mentions are appended paragraph by paragraph */
        if (m->kind == KC_MENTION_FIGURE || m->kind == KC_MENTION_ENTITY) continue;
        if (m->byte_start < be && bs < m->byte_end) return true;
    }
    return false;
}

kc_event *kc__doc_add_event(kc_doc *d)
{
    if (d->nevents == d->events_cap) {
        size_t cap = d->events_cap ? d->events_cap * 2 : 16, bytes;
        if (!kc__mul_ok(cap, sizeof *d->events, &bytes)) return NULL;
        kc_event *p = realloc(d->events, bytes);
        if (!p) return NULL;
        d->events = p;
        d->events_cap = cap;
    }
    kc_event *e = &d->events[d->nevents++];
    memset(e, 0, sizeof *e);
    return e;
}

bool kc__parse_ymd(const char *s, size_t n, kc_ymd *out)
{
    if (n < 10) return false;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) { if (s[i] != '-') return false; }
        else if (s[i] < '0' || s[i] > '9') return false;
    }
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int dd = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || dd < 1) return false;
    int lim = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
    if (dd > lim) return false;
    out->y = y;
    out->m = m;
    out->d = dd;
    return true;
}

int kc__parse_hms(const char *s, size_t n)
{
    if (n < 5 || s[2] != ':') return -1;
    for (int i = 0; i < 5; i++)
        if (i != 2 && (s[i] < '0' || s[i] > '9')) return -1;
    int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0'), sec = 0;
    size_t k = 5;
    if (n >= 8 && s[5] == ':' && s[6] >= '0' && s[6] <= '9' && s[7] >= '0' && s[7] <= '9') {
        sec = (s[6] - '0') * 10 + (s[7] - '0');
        k = 8;
    }
    if (k < n && s[k] == '.') /* fractional seconds */
        for (k++; k < n && s[k] >= '0' && s[k] <= '9'; k++) {}
    if (k < n && s[k] != 'Z' && s[k] != '+' && s[k] != '-') return -1;
    if (h > 23 || m > 59 || sec > 59) return -1;
    return h * 3600 + m * 60 + sec;
}

/* A date string "YYYY-MM-DD[(T| )HH:MM[:SS]]": its time of day into d. */
static void ref_time_from(kc_doc *d, const char *s)
{
    size_t n = strlen(s);
    if (n > 11 && (s[10] == 'T' || s[10] == ' ')) {
        int t = kc__parse_hms(s + 11, n - 11);
        if (t >= 0) { d->ref_sec = t; d->ref_time = true; }
    }
}

static int cmp_drop(const void *a, const void *b)
{
    const kc_drop *x = a, *y = b;
    return (x->line > y->line) - (x->line < y->line);
}

kc_status kc_doc_read(kc_doc *d, const kc_options *opts)
{
    kc_options defaults;
    if (!d || d->read_done) return KC_EINVAL;
    if (!opts) { kc_options_init(&defaults); opts = &defaults; }
    d->read_done = true;
    /* decode → normalize without copies in the common case: valid UTF-8
     * is used where it was fed, and text that normalizes to itself becomes
     * the document text as it is */
    kc_buf u8;
    kc__buf_init(&u8);
    kc_status st = KC_OK;
    const unsigned char *raw = (const unsigned char *)(d->raw.ptr ? d->raw.ptr : "");
    if (kc__decode_as_is(raw, d->raw.len, opts->encoding, d->text_input, &d->stats)) {
        u8 = d->raw;
        kc__buf_init(&d->raw);
    } else {
        st = kc__decode(raw, d->raw.len, opts->encoding, d->text_input, &u8, &d->stats);
        kc__buf_free(&d->raw);
    }
    bool same = false;
    if (st == KC_OK) st = kc__normalize_ex(u8.ptr ? u8.ptr : "", u8.len, &d->text, &d->stats, &same);
    if (st == KC_OK && same) {
        kc__buf_free(&d->text);
        d->text = u8;
    } else {
        kc__buf_free(&u8);
    }
    if (st == KC_OK && !d->text.ptr) st = kc__buf_reserve(&d->text, 0);
    if (st == KC_OK) st = kc__segment(d, opts->max_line_bytes);
    if (st == KC_OK) st = kc__boilerplate(d);
    if (st == KC_OK && opts->dedup != KC_DEDUP_OFF) st = kc__dedup_doc(d, opts);
    if (st == KC_OK) st = kc__doc_collect_paras(d);
    if (st == KC_OK && d->ndrops > 1) qsort(d->drops, d->ndrops, sizeof *d->drops, cmp_drop);
    if (st != KC_OK) {
        if (!d->err[0]) snprintf(d->err, sizeof d->err, "%s", kc_strerror(st));
        return st;
    }
    if (d->meta_title && d->meta_title[0]) d->title = d->meta_title;
    if (d->meta_source && d->meta_source[0]) d->source = d->meta_source;
    kc_ymd ymd;
    if (d->meta_date && kc__parse_ymd(d->meta_date, strlen(d->meta_date), &ymd)) {
        char tmp[11];
        snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", ymd.y, ymd.m, ymd.d);
        d->published = kc__doc_strdup(d, tmp, 10);
        if (!d->published) return KC_ENOMEM;
        d->ref_time = false;
        ref_time_from(d, d->meta_date);
    }
    if (d->published) kc__parse_ymd(d->published, strlen(d->published), &d->ref);
    else if (opts->ref_date[0]) {
        kc__parse_ymd(opts->ref_date, strlen(opts->ref_date), &d->ref);
        int t = kc__parse_hms(opts->ref_time, strlen(opts->ref_time));
        if (t >= 0) { d->ref_sec = t; d->ref_time = true; }
    }

    if (opts->strict) {
        const kc_stats *s = &d->stats;
        if (s->invalid_sequences || s->nul_bytes) {
            snprintf(d->err, sizeof d->err, "byte %zu: %s", s->first_invalid_byte,
                     s->invalid_sequences ? "invalid UTF-8" : "NUL byte");
            if (s->invalid_sequences && strcmp(s->encoding, "UTF-8") != 0)
                snprintf(d->err, sizeof d->err, "byte %zu: invalid %s",
                         s->first_invalid_byte, s->encoding);
            return KC_ESTRICT;
        }
        if (s->long_lines_split) {
            snprintf(d->err, sizeof d->err, "byte 0: line longer than %zu bytes",
                     opts->max_line_bytes);
            return KC_ESTRICT;
        }
    }
    return KC_OK;
}

const char *kc_doc_error(const kc_doc *d) { return d ? d->err : ""; }
const char *kc_doc_id(const kc_doc *d) { return d->id; }
const char *kc_doc_title(const kc_doc *d) { return d->title; }
const char *kc_doc_published(const kc_doc *d) { return d->published; }
const char *kc_doc_source(const kc_doc *d) { return d->source; }
const char *kc_doc_byline(const kc_doc *d) { return d->byline; }
const char *kc_doc_url(const kc_doc *d) { return d->meta_url; }
size_t kc_doc_paragraph_count(const kc_doc *d) { return d->nparas; }

const char *kc_doc_paragraph(const kc_doc *d, size_t i, size_t *len)
{
    if (i >= d->nparas) { if (len) *len = 0; return NULL; }
    const kc_line *l = &d->lines[d->paras[i]];
    if (len) *len = l->len;
    return d->text.ptr + l->off;
}

size_t kc_doc_paragraph_line(const kc_doc *d, size_t i)
{
    return i < d->nparas ? d->lines[d->paras[i]].lineno : 0;
}

const char *kc_drop_reason_name(kc_drop_reason r)
{
    switch (r) {
    case KC_DROP_BOILERPLATE: return "boilerplate";
    case KC_DROP_DUPLICATE: return "duplicate";
    case KC_DROP_NEAR_DUPLICATE: return "near-duplicate";
    case KC_DROP_BYLINE: return "byline";
    case KC_DROP_SOURCE_TAG: return "source-tag";
    case KC_DROP_EMPTY: return "empty";
    }
    return "unknown";
}

size_t kc_doc_dropped_count(const kc_doc *d) { return d->ndrops; }

int kc_doc_dropped(const kc_doc *d, size_t i, size_t *line, kc_drop_reason *r)
{
    if (i >= d->ndrops) return 0;
    if (line) *line = d->drops[i].line;
    if (r) *r = d->drops[i].reason;
    return 1;
}

const kc_stats *kc_doc_stats(const kc_doc *d) { return &d->stats; }
size_t kc_doc_mention_count(const kc_doc *d) { return d->nmentions; }
const kc_mention *kc_doc_mention(const kc_doc *d, size_t i)
{
    return i < d->nmentions ? &d->mentions[i] : NULL;
}
size_t kc_doc_event_count(const kc_doc *d) { return d->nevents; }
const kc_event *kc_doc_event(const kc_doc *d, size_t i)
{
    return i < d->nevents ? &d->events[i] : NULL;
}

kc_status kc__doc_load_paragraphs(kc_doc *d, const char *text, size_t len,
                                  const char *ref_date)
{
    if (!d || d->read_done) return KC_EINVAL;
    d->read_done = true;
    kc_status st = kc__buf_append(&d->text, text, len);
    if (st == KC_OK) st = kc__segment(d, 1u << 20); /* empty lines become drops */
    if (st == KC_OK) st = kc__doc_collect_paras(d);
    if (st == KC_OK && ref_date) {
        if (!kc__parse_ymd(ref_date, strlen(ref_date), &d->ref)) return KC_EINVAL;
        ref_time_from(d, ref_date);
        d->published = kc__doc_strdup(d, ref_date, 10);
        if (!d->published) st = KC_ENOMEM;
    }
    return st;
}
