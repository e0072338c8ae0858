/*
 * fuzz_common.h — shared by the libFuzzer harnesses in tests/fuzz/.
 *
 * Only the public kcorpus.h is used: the harnesses exercise what a library
 * user can reach. One engine is built at start-up (as the CLI does) and
 * shared by every input. Every harness checks, besides "no crash" (ASan,
 * UBSan), the library's documented invariants on whatever it produced:
 *   - strings are valid UTF-8 and contain no NUL (kcorpus.h: "never contain
 *     NUL (a NUL in the input becomes U+FFFD)");
 *   - mention offsets lie inside their paragraph and text == the slice;
 *   - code-point offsets agree with the byte offsets.
 * A violated invariant calls __builtin_trap(), which libFuzzer reports as a
 * crash with the input saved.
 */
#ifndef KC_FUZZ_COMMON_H
#define KC_FUZZ_COMMON_H

#include "kcorpus.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond)                                                     \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "invariant failed: %s (%s:%d)\n", #cond,         \
                    __FILE__, __LINE__);                                     \
            __builtin_trap();                                                \
        }                                                                    \
    } while (0)

static kc_engine *fuzz_eng;

static inline void fuzz_init_engine(void)
{
    char err[512];
    if (kc_engine_new(&fuzz_eng, NULL, err, sizeof err) != KC_OK) {
        fprintf(stderr, "fuzz: engine: %s\n", err);
        exit(1);
    }
}

/* Strict UTF-8 validation (RFC 3629: no overlongs, surrogates, > U+10FFFF). */
static inline int fuzz_valid_utf8(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c == 0) return 0;
        if (c < 0x80) { i++; continue; }
        size_t k;
        unsigned min, cp;
        if (c >= 0xC2 && c <= 0xDF) { k = 1; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { k = 2; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { k = 3; cp = c & 0x07; min = 0x10000; }
        else return 0;
        if (n - i <= k) return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        i += k + 1;
    }
    return 1;
}

static inline size_t fuzz_cp_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static inline void fuzz_check_str(const char *s)
{
    if (s) FUZZ_CHECK(fuzz_valid_utf8(s, strlen(s)));
}

/* Reader invariants: every kept paragraph and metadata string is clean. */
static inline void fuzz_check_read(const kc_doc *d)
{
    size_t np = kc_doc_paragraph_count(d);
    for (size_t i = 0; i < np; i++) {
        size_t len = 0;
        const char *p = kc_doc_paragraph(d, i, &len);
        FUZZ_CHECK(p != NULL);
        /* paragraphs point into the document text and are not terminated
         * (doc.c); check there is no NUL inside */
        FUZZ_CHECK(memchr(p, 0, len) == NULL);
        FUZZ_CHECK(fuzz_valid_utf8(p, len));
        FUZZ_CHECK(kc_doc_paragraph_line(d, i) >= 1);
    }
    size_t past;
    FUZZ_CHECK(kc_doc_paragraph(d, np, &past) == NULL);
    fuzz_check_str(kc_doc_title(d));
    fuzz_check_str(kc_doc_published(d));
    fuzz_check_str(kc_doc_source(d));
    fuzz_check_str(kc_doc_byline(d));
    size_t nd = kc_doc_dropped_count(d);
    for (size_t i = 0; i < nd; i++) {
        size_t line;
        kc_drop_reason r;
        FUZZ_CHECK(kc_doc_dropped(d, i, &line, &r) == 1);
        FUZZ_CHECK(line >= 1);
        FUZZ_CHECK(kc_drop_reason_name(r) != NULL);
    }
}

/* Extractor invariants: offsets, slices, value strings. */
static inline void fuzz_check_extract(const kc_doc *d)
{
    size_t np = kc_doc_paragraph_count(d);
    size_t nm = kc_doc_mention_count(d);
    for (size_t i = 0; i < nm; i++) {
        const kc_mention *m = kc_doc_mention(d, i);
        FUZZ_CHECK(m != NULL);
        FUZZ_CHECK(m->para < np);
        size_t len = 0;
        const char *p = kc_doc_paragraph(d, m->para, &len);
        FUZZ_CHECK(m->byte_start <= m->byte_end && m->byte_end <= len);
        FUZZ_CHECK(m->start <= m->end);
        FUZZ_CHECK(m->text != NULL);
        FUZZ_CHECK(strlen(m->text) == m->byte_end - m->byte_start);
        FUZZ_CHECK(memcmp(p + m->byte_start, m->text, m->byte_end - m->byte_start) == 0);
        FUZZ_CHECK(fuzz_cp_count(p, m->byte_start) == m->start);
        FUZZ_CHECK(fuzz_cp_count(m->text, strlen(m->text)) == m->end - m->start);
        FUZZ_CHECK(kc_mention_kind_name(m->kind) != NULL);
        fuzz_check_str(m->value);
        fuzz_check_str(m->value_max);
        fuzz_check_str(m->unit);
        fuzz_check_str(m->name);
        fuzz_check_str(m->title);
        if (m->kind == KC_MENTION_ENTITY) FUZZ_CHECK(m->name != NULL && m->etype != NULL);
        if (m->kind == KC_MENTION_FIGURE) FUZZ_CHECK(m->unit != NULL);
        if (m->kind != KC_MENTION_ENTITY) FUZZ_CHECK(m->value != NULL);
        if (i) {
            const kc_mention *q = kc_doc_mention(d, i - 1);
            FUZZ_CHECK(q->para < m->para || (q->para == m->para && q->start <= m->start));
        }
    }
    size_t ne = kc_doc_event_count(d);
    for (size_t i = 0; i < ne; i++) {
        const kc_event *e = kc_doc_event(d, i);
        FUZZ_CHECK(e != NULL && e->type != NULL);
        FUZZ_CHECK(e->para < np || np == 0);
        fuzz_check_str(e->sentence);
        fuzz_check_str(e->metric);
        fuzz_check_str(e->subject);
        fuzz_check_str(e->value);
        for (size_t k = 0; k < e->n_actors; k++) FUZZ_CHECK(e->actors[k] != NULL);
    }
}

/* Run an emitter into memory and check the bytes it wrote. */
typedef kc_status (*fuzz_emit_fn)(const kc_doc *d, FILE *f, int variant);

static inline void fuzz_emit(const kc_doc *d, fuzz_emit_fn fn, int variant, int must_be_utf8)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return;
    kc_status st = fn(d, f, variant);
    fclose(f);
    FUZZ_CHECK(st == KC_OK || st == KC_ENOMEM);
    if (st == KC_OK && must_be_utf8 && len) {
        /* JSONL/CSV/text output: valid UTF-8 (text output may hold '\n') */
        for (size_t i = 0; i < len; i++) FUZZ_CHECK(buf[i] != '\0');
        FUZZ_CHECK(fuzz_valid_utf8(buf, len));
    }
    free(buf);
}

#endif
