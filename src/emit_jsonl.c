/* emit_jsonl.c — JSON Lines writers: cleaned documents, mentions, events,
 * the report. Strings are escaped so that any JSON parser reads them back
 * exactly: quotes, backslash, C0 and C1 controls, DEL, U+2028/U+2029 (which
 * break JavaScript consumers) and bidi controls (which can hide text when a
 * person reads the output) are written as \uXXXX. */
#include "internal.h"
#include "emit.h"

#include <stdio.h>

kc_status kc__json_str(kc_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (kc__buf_reserve(b, n + 2) != KC_OK) return KC_ENOMEM;
    b->ptr[b->len++] = '"'; /* reserved; the terminator follows below */
    b->ptr[b->len] = '\0';
    size_t i = 0, run = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        /* the common characters first: printable ASCII but " and \, and
         * three-byte sequences led by EA-ED (U+A000-U+DFFF, Hangul among
         * them: nothing there is escaped) */
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') { i++; run++; continue; }
        if (c >= 0xEA && c <= 0xED && i + 2 < n) { i += 3; run += 3; continue; }
        uint32_t cp = c;
        size_t len = 1;
        if (c >= 0x80) {
            /* bytes are valid UTF-8 by construction (the reader); decode to
             * find the characters worth escaping */
            if (c >= 0xC0 && i + 1 < n && (c < 0xE0 || i + 2 < n) && (c < 0xF0 || i + 3 < n))
                cp = kc__utf8_get((const unsigned char *)s + i, &len);
            else
                cp = 0xFFFD;
        }
        bool esc = cp < 0x20 || cp == '"' || cp == '\\' || cp == 0x7F ||
                   (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
                   (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
        if (!esc && cp != 0xFFFD) { i += len; run += len; continue; }
        if (run && kc__buf_append(b, s + i - run, run) != KC_OK) return KC_ENOMEM;
        run = 0;
        char e[8];
        size_t en = 2;
        e[0] = '\\';
        switch (cp) {
        case '"': e[1] = '"'; break;
        case '\\': e[1] = '\\'; break;
        case '\n': e[1] = 'n'; break;
        case '\r': e[1] = 'r'; break;
        case '\t': e[1] = 't'; break;
        case 0xFFFD:
            /* a byte that is not valid UTF-8 cannot appear here; if it does
             * (library misuse), write U+FFFD rather than invalid JSON */
            if (kc__buf_append(b, "\xEF\xBF\xBD", 3) != KC_OK) return KC_ENOMEM;
            i += (c >= 0x80 && cp == 0xFFFD && len == 1) ? 1 : len;
            continue;
        default:
            e[1] = 'u';
            e[2] = hex[(cp >> 12) & 15];
            e[3] = hex[(cp >> 8) & 15];
            e[4] = hex[(cp >> 4) & 15];
            e[5] = hex[cp & 15];
            en = 6;
        }
        if (kc__buf_append(b, e, en) != KC_OK) return KC_ENOMEM;
        i += len;
    }
    /* the last run and the closing quote in one reserve */
    if (kc__buf_reserve(b, run + 1) != KC_OK) return KC_ENOMEM;
    if (run) memcpy(b->ptr + b->len, s + n - run, run);
    b->len += run;
    b->ptr[b->len++] = '"';
    b->ptr[b->len] = '\0';
    return KC_OK;
}

kc_status kc__json_cstr(kc_buf *b, const char *s)
{
    if (!s) return kc__buf_puts(b, "null");
    return kc__json_str(b, s, strlen(s));
}

/* "key": — keys are ASCII literals. Plain appends, not printf: the
 * writers run for every mention and printf's parsing dominated them. */
static kc_status key(kc_buf *b, const char *k, bool first)
{
    size_t n = strlen(k);
    if (kc__buf_reserve(b, n + 4) != KC_OK) return KC_ENOMEM;
    char *o = b->ptr + b->len;
    if (!first) *o++ = ',';
    *o++ = '"';
    memcpy(o, k, n);
    o += n;
    *o++ = '"';
    *o++ = ':';
    b->len = (size_t)(o - b->ptr);
    b->ptr[b->len] = '\0';
    return KC_OK;
}

/* ,"key":N for a size_t */
static kc_status key_size(kc_buf *b, const char *k, size_t v)
{
    char d[24];
    size_t n = 0;
    do { d[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    if (key(b, k, false) != KC_OK || kc__buf_reserve(b, n) != KC_OK) return KC_ENOMEM;
    while (n) b->ptr[b->len++] = d[--n];
    b->ptr[b->len] = '\0';
    return KC_OK;
}

static kc_status key_bool(kc_buf *b, const char *k, int v)
{
    kc_status st = key(b, k, false);
    return st ? st : kc__buf_puts(b, v ? "true" : "false");
}

/* ,"bound":"max" when there is one */
static kc_status put_bound(kc_buf *b, kc_bound bd)
{
    if (!bd) return KC_OK;
    kc_status st = key(b, "bound", false);
    return st ? st : kc__json_cstr(b, kc_bound_name(bd));
}

kc_status kc__flush(kc_buf *b, FILE *out)
{
    if (b->len && fwrite(b->ptr, 1, b->len, out) != b->len) return KC_EIO;
    kc__buf_clear(b);
    return ferror(out) ? KC_EIO : KC_OK;
}

static kc_status write_clean_jsonl(kc_buf *b, const kc_doc *d)
{
    kc_status st = kc__buf_putc(b, '{');
    st |= key(b, "doc", true);
    st |= kc__json_cstr(b, kc_doc_id(d));
    st |= key(b, "title", false);
    st |= kc__json_cstr(b, kc_doc_title(d));
    st |= key(b, "published", false);
    st |= kc__json_cstr(b, kc_doc_published(d));
    st |= key(b, "source", false);
    st |= kc__json_cstr(b, kc_doc_source(d));
    st |= key(b, "byline", false);
    st |= kc__json_cstr(b, kc_doc_byline(d));
    if (kc_doc_url(d)) {
        st |= key(b, "url", false);
        st |= kc__json_cstr(b, kc_doc_url(d));
    }
    st |= key(b, "paragraphs", false);
    st |= kc__buf_putc(b, '[');
    for (size_t i = 0; i < kc_doc_paragraph_count(d); i++) {
        size_t n;
        const char *p = kc_doc_paragraph(d, i, &n);
        if (i) st |= kc__buf_putc(b, ',');
        st |= kc__json_str(b, p, n);
    }
    st |= kc__buf_puts(b, "],\"dropped\":[");
    for (size_t i = 0; i < kc_doc_dropped_count(d); i++) {
        size_t line;
        kc_drop_reason r;
        kc_doc_dropped(d, i, &line, &r);
        st |= kc__buf_printf(b, "%s{\"line\":%zu,\"reason\":\"%s\"}", i ? "," : "", line,
                             kc_drop_reason_name(r));
    }
    st |= kc__buf_puts(b, "]}\n");
    return st ? KC_ENOMEM : KC_OK;
}

kc_status kc_write_clean(const kc_doc *d, kc_format fmt, FILE *out)
{
    if (!d || !out) return KC_EINVAL;
    kc_buf b;
    kc__buf_init(&b);
    kc_status st = KC_OK;
    if (fmt == KC_FMT_JSONL) {
        st = write_clean_jsonl(&b, d);
    } else if (fmt == KC_FMT_TEXT) {
        const char *t = kc_doc_title(d);
        st |= kc__buf_puts(&b, t ? t : "");
        st |= kc__buf_puts(&b, "\n");
        for (size_t i = 0; i < kc_doc_paragraph_count(d); i++) {
            size_t n;
            const char *p = kc_doc_paragraph(d, i, &n);
            st |= kc__buf_putc(&b, '\n');
            st |= kc__buf_append(&b, p, n);
            st |= kc__buf_putc(&b, '\n');
        }
        if (st) st = KC_ENOMEM;
    } else {
        st = KC_EINVAL;
    }
    if (st == KC_OK) st = kc__flush(&b, out);
    kc__buf_free(&b);
    return st;
}

static kc_status put_num(kc_buf *b, const char *k, const char *v)
{
    if (key(b, k, false)) return KC_ENOMEM;
    /* values are exact decimals produced by the extractors; anything else
     * would break the JSON, so guard and quote it */
    bool ok = v && *v;
    for (const char *p = v; ok && *p; p++)
        ok = (*p >= '0' && *p <= '9') || *p == '.' || (*p == '-' && p == v);
    if (!v) return kc__buf_puts(b, "null");
    return ok ? kc__buf_puts(b, v) : kc__json_cstr(b, v);
}

kc_status kc__mention_json(kc_buf *b, const kc_doc *d, const kc_mention *m)
{
    kc_status st = KC_OK;
    st |= key(b, "doc", true);
    st |= kc__json_cstr(b, kc_doc_id(d));
    st |= key_size(b, "para", m->para);
    st |= key_size(b, "start", m->start);
    st |= key_size(b, "end", m->end);
    st |= key(b, "kind", false);
    st |= kc__json_cstr(b, kc_mention_kind_name(m->kind));
    st |= key(b, "text", false);
    st |= kc__json_cstr(b, m->text ? m->text : "");
    switch (m->kind) {
    case KC_MENTION_FIGURE:
        st |= put_num(b, "value", m->value);
        if (m->value_max) st |= put_num(b, "value_max", m->value_max);
        st |= key(b, "unit", false);
        st |= kc__json_cstr(b, m->unit ? m->unit : "");
        st |= key_bool(b, "approx", m->approx);
        st |= put_bound(b, m->bound);
        break;
    case KC_MENTION_DATE:
        st |= key(b, "value", false);
        st |= kc__json_cstr(b, m->value);
        if (m->weekday > 0) st |= key_size(b, "weekday", (size_t)m->weekday);
        if (m->relative) st |= kc__buf_puts(b, ",\"relative\":true");
        if (m->weekday_mismatch) st |= kc__buf_puts(b, ",\"weekday_mismatch\":true");
        if (m->part) {
            st |= key(b, "part", false);
            st |= kc__json_cstr(b, m->part);
        }
        if (m->approx) st |= kc__buf_puts(b, ",\"approx\":true");
        st |= put_bound(b, m->bound);
        break;
    case KC_MENTION_TIME:
        st |= key(b, "value", false);
        st |= kc__json_cstr(b, m->value);
        if (m->relative) st |= kc__buf_puts(b, ",\"relative\":true");
        if (m->approx) st |= kc__buf_puts(b, ",\"approx\":true");
        st |= put_bound(b, m->bound);
        break;
    case KC_MENTION_DURATION:
        st |= key(b, "value", false);
        st |= kc__json_cstr(b, m->value);
        st |= key_bool(b, "approx", m->approx);
        st |= put_bound(b, m->bound);
        if (m->interval) {
            st |= key(b, "interval", false);
            st |= kc__json_cstr(b, m->interval);
        }
        break;
    case KC_MENTION_ENTITY:
        st |= key(b, "type", false);
        st |= kc__json_cstr(b, m->etype);
        st |= key(b, "name", false);
        st |= kc__json_cstr(b, m->name);
        if (m->title) {
            st |= key(b, "title", false);
            st |= kc__json_cstr(b, m->title);
        }
        break;
    }
    return st ? KC_ENOMEM : KC_OK;
}

kc_status kc_write_mentions(const kc_doc *d, FILE *out)
{
    if (!d || !out) return KC_EINVAL;
    kc_buf b;
    kc__buf_init(&b);
    kc_status st = KC_OK;
    for (size_t i = 0; i < kc_doc_mention_count(d) && st == KC_OK; i++) {
        kc__buf_putc(&b, '{');
        st = kc__mention_json(&b, d, kc_doc_mention(d, i));
        if (st == KC_OK) st = kc__buf_puts(&b, "}\n");
        if (st == KC_OK && b.len > 65536) st = kc__flush(&b, out);
    }
    if (st == KC_OK) st = kc__flush(&b, out);
    kc__buf_free(&b);
    return st;
}

kc_status kc__event_json(kc_buf *b, const kc_doc *d, const kc_event *e)
{
    kc_status st = KC_OK;
    st |= kc__buf_putc(b, '{');
    st |= key(b, "doc", true);
    st |= kc__json_cstr(b, kc_doc_id(d));
    st |= kc__buf_printf(b, ",\"para\":%zu", e->para);
    st |= key(b, "type", false);
    st |= kc__json_cstr(b, e->type);
    st |= key(b, "date", false);
    st |= kc__json_cstr(b, e->date);
    if (e->metric) {
        st |= key(b, "metric", false);
        st |= kc__json_cstr(b, e->metric);
        st |= key(b, "subject", false);
        st |= kc__json_cstr(b, e->subject);
        st |= e->value ? put_num(b, "value", e->value) : kc__buf_puts(b, ",\"value\":null");
        st |= e->value_max ? put_num(b, "value_max", e->value_max)
                           : kc__buf_puts(b, ",\"value_max\":null");
        st |= key(b, "unit", false);
        st |= kc__json_cstr(b, e->unit);
        st |= kc__buf_printf(b, ",\"approx\":%s", e->approx ? "true" : "false");
        st |= key(b, "source", false);
        st |= kc__json_cstr(b, e->source);
        st |= kc__buf_printf(b, ",\"baseline\":%s", e->baseline ? "true" : "false");
    } else {
        st |= kc__buf_puts(b, ",\"actors\":[");
        for (size_t i = 0; i < e->n_actors; i++) {
            if (i) st |= kc__buf_putc(b, ',');
            st |= kc__json_cstr(b, e->actors[i]);
        }
        st |= kc__buf_putc(b, ']');
        if (e->place) {
            st |= key(b, "place", false);
            st |= kc__json_cstr(b, e->place);
        }
        if (e->value) {
            st |= put_num(b, "value", e->value);
            st |= key(b, "unit", false);
            st |= kc__json_cstr(b, e->unit ? e->unit : "");
        }
        if (e->duration) {
            st |= key(b, "duration", false);
            st |= kc__json_cstr(b, e->duration);
        }
        /* the value or duration is approximate (약, 여, 가량 …) */
        if ((e->value || e->duration) && e->approx) st |= kc__buf_puts(b, ",\"approx\":true");
        if (e->trigger) {
            st |= key(b, "trigger", false);
            st |= kc__json_cstr(b, e->trigger);
        }
    }
    st |= key(b, "sentence", false);
    st |= kc__json_cstr(b, e->sentence ? e->sentence : "");
    st |= kc__buf_puts(b, "}\n");
    return st ? KC_ENOMEM : KC_OK;
}

kc_status kc_write_stats_json(const kc_stats *s, size_t docs, size_t failed, FILE *out)
{
    kc_buf b;
    kc__buf_init(&b);
    kc_status st = KC_OK;
    st |= kc__buf_printf(&b,
        "{\"documents\":%zu,\"failed\":%zu,\"bytes_in\":%zu,\"bytes_out\":%zu,"
        "\"lines_in\":%zu,\"paragraphs_out\":%zu,"
        "\"decode\":{\"invalid_sequences\":%zu,\"nul_bytes\":%zu,\"control_chars\":%zu,"
        "\"private_use\":%zu,\"bidi_controls\":%zu},"
        "\"normalize\":{\"normalized_spans\":%zu,\"zero_width_removed\":%zu},"
        "\"segment\":{\"long_lines_split\":%zu},"
        "\"dropped\":{\"boilerplate\":%zu,\"duplicate\":%zu,\"near-duplicate\":%zu,"
        "\"byline\":%zu,\"source-tag\":%zu,\"empty\":%zu},"
        "\"extract\":{\"mentions\":%zu,\"events\":%zu,\"regex_limit_hits\":%zu}}\n",
        docs, failed, s->bytes_in, s->bytes_out, s->lines_in, s->paragraphs_out,
        s->invalid_sequences, s->nul_bytes, s->control_chars, s->private_use,
        s->bidi_controls, s->normalized_spans, s->zero_width_removed, s->long_lines_split,
        s->dropped_boilerplate, s->dropped_duplicate, s->dropped_near_duplicate,
        s->dropped_byline, s->dropped_source_tag, s->dropped_empty, s->mentions, s->events,
        s->regex_limit_hits);
    if (st == KC_OK) st = kc__flush(&b, out);
    kc__buf_free(&b);
    return st;
}
