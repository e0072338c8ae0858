/*
 * fuzz_decode.c — libFuzzer target: decode + normalize (+ segment,
 * boilerplate, in-document dedup) through the public API, kc_doc_feed +
 * kc_doc_read, under every --encoding choice and as JSON text input.
 *
 * Besides crashes, checks:
 *   - the reader's output invariants (fuzz_common.h: valid UTF-8, no NUL);
 *   - chunk-boundary invariance: the same bytes fed whole and fed in small
 *     chunks (size taken from the input) give identical paragraphs — a
 *     multi-byte character or CRLF split across kc_doc_feed calls is the
 *     classic streaming bug (yajl, cmark's 20-byte feed).
 */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_init_engine();
    return 0;
}

static kc_doc *read_doc(const uint8_t *data, size_t size, kc_encoding enc, int text_input,
                        size_t chunk, int strict)
{
    kc_doc *d = NULL;
    if (kc_doc_new(&d, fuzz_eng, "fuzz") != KC_OK) return NULL;
    kc_doc_set_text_input(d, text_input);
    size_t off = 0;
    while (off < size) {
        size_t n = size - off < chunk ? size - off : chunk;
        FUZZ_CHECK(kc_doc_feed(d, data + off, n) == KC_OK);
        off += n;
    }
    kc_options o;
    kc_options_init(&o);
    o.encoding = enc;
    o.strict = strict;
    /* small segments so that line splitting is exercised on 64 KiB inputs */
    o.max_line_bytes = 256 + size % 1024;
    kc_status st = kc_doc_read(d, &o);
    if (st == KC_ESTRICT) {
        FUZZ_CHECK(kc_doc_error(d)[0] != '\0'); /* strict names byte/reason */
    } else if (st != KC_OK) {
        FUZZ_CHECK(st == KC_EENCODING || st == KC_ENOMEM);
        kc_doc_free(d);
        return NULL;
    }
    if (st == KC_OK) fuzz_check_read(d);
    return d;
}

static void same_paragraphs(const kc_doc *a, const kc_doc *b)
{
    size_t n = kc_doc_paragraph_count(a);
    FUZZ_CHECK(n == kc_doc_paragraph_count(b));
    for (size_t i = 0; i < n; i++) {
        size_t la, lb;
        const char *pa = kc_doc_paragraph(a, i, &la);
        const char *pb = kc_doc_paragraph(b, i, &lb);
        FUZZ_CHECK(la == lb && memcmp(pa, pb, la) == 0);
    }
    FUZZ_CHECK(kc_doc_dropped_count(a) == kc_doc_dropped_count(b));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const kc_encoding encs[] = {KC_ENC_AUTO, KC_ENC_UTF8, KC_ENC_CP949, KC_ENC_EUCKR};
    for (size_t e = 0; e < sizeof encs / sizeof encs[0]; e++) {
        kc_doc *whole = read_doc(data, size, encs[e], 0, size ? size : 1, 0);
        if (!whole) continue;
        size_t chunk = 1 + (size ? data[size - 1] % 13 : 0);
        kc_doc *chunked = read_doc(data, size, encs[e], 0, chunk, 0);
        if (chunked) {
            same_paragraphs(whole, chunked);
            kc_doc_free(chunked);
        }
        kc_doc_free(whole);
    }
    kc_doc_free(read_doc(data, size, KC_ENC_AUTO, 1, size ? size : 1, 0)); /* JSON text */
    kc_doc_free(read_doc(data, size, KC_ENC_AUTO, 0, size ? size : 1, 1)); /* --strict */
    return 0;
}
