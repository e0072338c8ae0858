/*
 * fuzz_clean.c — libFuzzer target: the `clean` path. Reader, corpus-wide
 * dedup across two documents, then the clean emitters (text and JSONL).
 * Checks the reader invariants, that the emitters' bytes are valid UTF-8
 * without NUL, and that the JSONL record parses back (jansson) with the
 * very paragraphs the accessors return (emitter round trip).
 */
#include "fuzz_common.h"

#include <jansson.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_init_engine();
    return 0;
}

static kc_status emit_clean(const kc_doc *d, FILE *f, int variant)
{
    return kc_write_clean(d, variant ? KC_FMT_JSONL : KC_FMT_TEXT, f);
}

static void roundtrip(const kc_doc *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return;
    kc_status st = kc_write_clean(d, KC_FMT_JSONL, f);
    fclose(f);
    if (st == KC_OK) {
        FUZZ_CHECK(len > 0 && buf[len - 1] == '\n');
        FUZZ_CHECK(memchr(buf, '\n', len) == buf + len - 1); /* one line */
        json_error_t err;
        json_t *j = json_loadb(buf, len, 0, &err);
        FUZZ_CHECK(j != NULL && json_is_object(j));
        json_t *paras = json_object_get(j, "paragraphs");
        FUZZ_CHECK(json_is_array(paras));
        FUZZ_CHECK(json_array_size(paras) == kc_doc_paragraph_count(d));
        for (size_t i = 0; i < json_array_size(paras); i++) {
            json_t *p = json_array_get(paras, i);
            size_t l;
            const char *s = kc_doc_paragraph(d, i, &l);
            FUZZ_CHECK(json_is_string(p) && json_string_length(p) == l &&
                       memcmp(json_string_value(p), s, l) == 0);
        }
        json_t *drops = json_object_get(j, "dropped");
        FUZZ_CHECK(json_is_array(drops) && json_array_size(drops) == kc_doc_dropped_count(d));
        json_decref(j);
    }
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kc_dedup *dd = NULL;
    if (kc_dedup_new(&dd) != KC_OK) return 0;
    kc_options o;
    kc_options_init(&o);
    /* document 1: the first half; document 2: the whole input, so the
     * corpus dedup sees repeated paragraphs */
    size_t cuts[2] = {size / 2, size};
    for (int k = 0; k < 2; k++) {
        kc_doc *d = NULL;
        if (kc_doc_new(&d, fuzz_eng, k ? "two" : "one") != KC_OK) break;
        FUZZ_CHECK(kc_doc_feed(d, data, cuts[k]) == KC_OK);
        kc_status st = kc_doc_read(d, &o);
        if (st == KC_OK) {
            fuzz_check_read(d);
            st = kc_dedup_apply(dd, d);
            FUZZ_CHECK(st == KC_OK || st == KC_ENOMEM);
            fuzz_check_read(d);
            fuzz_emit(d, emit_clean, 0, 1);
            fuzz_emit(d, emit_clean, 1, 1);
            roundtrip(d);
        }
        kc_doc_free(d);
    }
    kc_dedup_free(dd);
    return 0;
}
