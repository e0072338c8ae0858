/* emit_csv.c — CSV (RFC 4180) and TSV writers for events and metrics, and
 * the events/metrics dispatch for JSONL.
 * CSV: a field is quoted when it holds a comma, quote, CR or LF, or starts
 * with = + - @ or TAB (spreadsheet formula injection: quoting keeps the
 * exact text for CSV parsers while most spreadsheet importers then treat it
 * as text), quotes doubled. Numbers are never quoted.
 * TSV: backslash escapes \t \n \r \\ (the "linear TSV" convention). */
#include "internal.h"
#include "emit.h"

#include <stdio.h>

static const char *const METRIC_COLS[] = {"doc", "date", "subject", "metric", "value",
    "value_max", "unit", "approx", "source", "baseline", "para"};
static const char *const EVENT_COLS[] = {"doc", "para", "type", "date", "metric", "subject",
    "value", "value_max", "unit", "approx", "source", "baseline", "actors", "place", "duration",
    "trigger", "sentence"};

static kc_status field(kc_buf *b, kc_format fmt, const char *s, bool first)
{
    kc_status st = KC_OK;
    if (!first) st |= kc__buf_putc(b, fmt == KC_FMT_TSV ? '\t' : ',');
    if (!s) return st;
    size_t n = strlen(s);
    if (fmt == KC_FMT_TSV) {
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            if (c == '\t') st |= kc__buf_puts(b, "\\t");
            else if (c == '\n') st |= kc__buf_puts(b, "\\n");
            else if (c == '\r') st |= kc__buf_puts(b, "\\r");
            else if (c == '\\') st |= kc__buf_puts(b, "\\\\");
            else st |= kc__buf_putc(b, c);
        }
        return st ? KC_ENOMEM : KC_OK;
    }
    bool q = n && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t');
    for (size_t i = 0; i < n && !q; i++)
        q = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!q) return kc__buf_append(b, s, n);
    st |= kc__buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') st |= kc__buf_putc(b, '"');
        st |= kc__buf_putc(b, s[i]);
    }
    st |= kc__buf_putc(b, '"');
    return st ? KC_ENOMEM : KC_OK;
}

/* a number or boolean: never quoted */
static kc_status raw(kc_buf *b, kc_format fmt, const char *s)
{
    kc_status st = kc__buf_putc(b, fmt == KC_FMT_TSV ? '\t' : ',');
    if (s && st == KC_OK) st = kc__buf_puts(b, s);
    return st;
}

static kc_status header(kc_format fmt, const char *const *cols, size_t n, FILE *out)
{
    kc_buf b;
    kc__buf_init(&b);
    kc_status st = KC_OK;
    for (size_t i = 0; i < n; i++) st |= field(&b, fmt, cols[i], i == 0);
    st |= kc__buf_puts(&b, fmt == KC_FMT_CSV ? "\r\n" : "\n");
    st = st ? KC_ENOMEM : kc__flush(&b, out);
    kc__buf_free(&b);
    return st;
}

kc_status kc_write_metrics_header(kc_format fmt, FILE *out)
{
    if (fmt != KC_FMT_CSV && fmt != KC_FMT_TSV) return KC_OK;
    return header(fmt, METRIC_COLS, sizeof METRIC_COLS / sizeof *METRIC_COLS, out);
}

kc_status kc_write_events_header(kc_format fmt, FILE *out)
{
    if (fmt != KC_FMT_CSV && fmt != KC_FMT_TSV) return KC_OK;
    return header(fmt, EVENT_COLS, sizeof EVENT_COLS / sizeof *EVENT_COLS, out);
}

static const char *tf(int v) { return v ? "true" : "false"; }

static kc_status metric_row(kc_buf *b, kc_format fmt, const kc_doc *d, const kc_event *e)
{
    kc_status st = KC_OK;
    char para[32];
    snprintf(para, sizeof para, "%zu", e->para);
    st |= field(b, fmt, kc_doc_id(d), true);
    st |= field(b, fmt, e->date, false);
    st |= field(b, fmt, e->subject, false);
    st |= field(b, fmt, e->metric, false);
    st |= raw(b, fmt, e->value);
    st |= raw(b, fmt, e->value_max);
    st |= field(b, fmt, e->unit, false);
    st |= raw(b, fmt, tf(e->approx));
    st |= field(b, fmt, e->source, false);
    st |= raw(b, fmt, tf(e->baseline));
    st |= raw(b, fmt, para);
    st |= kc__buf_puts(b, fmt == KC_FMT_CSV ? "\r\n" : "\n");
    return st ? KC_ENOMEM : KC_OK;
}

kc_status kc_write_metrics(const kc_doc *d, kc_format fmt, const char *metric, int hdr,
                           FILE *out)
{
    if (!d || !out) return KC_EINVAL;
    kc_status st = KC_OK;
    if (hdr) st = kc_write_metrics_header(fmt, out);
    kc_buf b;
    kc__buf_init(&b);
    for (size_t i = 0; i < kc_doc_event_count(d) && st == KC_OK; i++) {
        const kc_event *e = kc_doc_event(d, i);
        if (!e->metric || strcmp(e->type, "metric") != 0) continue;
        if (metric && strcmp(metric, e->metric) != 0) continue;
        st = fmt == KC_FMT_JSONL ? kc__event_json(&b, d, e) : metric_row(&b, fmt, d, e);
    }
    if (st == KC_OK) st = kc__flush(&b, out);
    kc__buf_free(&b);
    return st;
}

kc_status kc_write_events(const kc_doc *d, kc_format fmt, int hdr, FILE *out)
{
    if (!d || !out) return KC_EINVAL;
    kc_status st = KC_OK;
    if (hdr) st = kc_write_events_header(fmt, out);
    kc_buf b, actors;
    kc__buf_init(&b);
    kc__buf_init(&actors);
    for (size_t i = 0; i < kc_doc_event_count(d) && st == KC_OK; i++) {
        const kc_event *e = kc_doc_event(d, i);
        if (fmt == KC_FMT_JSONL) { st = kc__event_json(&b, d, e); continue; }
        char para[32];
        snprintf(para, sizeof para, "%zu", e->para);
        kc__buf_clear(&actors);
        for (size_t k = 0; k < e->n_actors; k++) {
            if (k) st |= kc__buf_putc(&actors, ';');
            st |= kc__buf_puts(&actors, e->actors[k]);
        }
        st |= field(&b, fmt, kc_doc_id(d), true);
        st |= raw(&b, fmt, para);
        st |= field(&b, fmt, e->type, false);
        st |= field(&b, fmt, e->date, false);
        st |= field(&b, fmt, e->metric, false);
        st |= field(&b, fmt, e->subject, false);
        st |= raw(&b, fmt, e->value);
        st |= raw(&b, fmt, e->value_max);
        st |= field(&b, fmt, e->unit, false);
        st |= raw(&b, fmt, (e->metric || e->value || e->duration) ? tf(e->approx) : NULL);
        st |= field(&b, fmt, e->source, false);
        st |= raw(&b, fmt, e->metric ? tf(e->baseline) : NULL);
        st |= field(&b, fmt, actors.len ? actors.ptr : NULL, false);
        st |= field(&b, fmt, e->place, false);
        st |= field(&b, fmt, e->duration, false);
        st |= field(&b, fmt, e->trigger, false);
        st |= field(&b, fmt, e->sentence, false);
        st |= kc__buf_puts(&b, fmt == KC_FMT_CSV ? "\r\n" : "\n");
        if (st) st = KC_ENOMEM;
    }
    if (st == KC_OK) st = kc__flush(&b, out);
    kc__buf_free(&b);
    kc__buf_free(&actors);
    return st;
}
