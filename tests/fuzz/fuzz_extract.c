/*
 * fuzz_extract.c — libFuzzer target: read + extract (figures, dates,
 * times, durations, entities, events) and every record emitter.
 *
 * Regex limits: the engine sets PCRE2's match limit (100,000) and depth
 * limit (1,000) on every match (engine.c), so catastrophic backtracking
 * shows up as a counted limit hit, not a hang; libFuzzer's -timeout catches
 * a pattern that is slow without hitting them. The harness also checks
 * offsets and slices of every mention (fuzz_common.h).
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

static kc_status emit(const kc_doc *d, FILE *f, int variant)
{
    switch (variant) {
    case 0: return kc_write_mentions(d, f);
    case 1: return kc_write_events(d, KC_FMT_JSONL, 1, f);
    case 2: return kc_write_events(d, KC_FMT_CSV, 1, f);
    case 3: return kc_write_metrics(d, KC_FMT_CSV, NULL, 1, f);
    case 4: return kc_write_metrics(d, KC_FMT_TSV, "DAU", 1, f);
    default: return kc_write_metrics(d, KC_FMT_JSONL, NULL, 0, f);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The input is treated as already-decoded text half the time (JSONL
     * path) so the extractors see the fuzzer's UTF-8 directly. */
    kc_doc *d = NULL;
    if (kc_doc_new(&d, fuzz_eng, "fuzz") != KC_OK) return 0;
    kc_doc_set_text_input(d, size & 1);
    FUZZ_CHECK(kc_doc_feed(d, data, size) == KC_OK);
    kc_options o;
    kc_options_init(&o);
    /* resolve relative dates against a fixed day: exercises the calendar */
    memcpy(o.ref_date, "2022-10-22", 11);
    if (kc_doc_read(d, &o) == KC_OK) {
        fuzz_check_read(d);
        kc_status st = kc_doc_extract(d, &o);
        FUZZ_CHECK(st == KC_OK || st == KC_ENOMEM);
        if (st == KC_OK) {
            fuzz_check_extract(d);
            for (int v = 0; v < 6; v++) fuzz_emit(d, emit, v, 1);
            FUZZ_CHECK(kc_doc_extract(d, &o) == KC_OK); /* again: a no-op */
            fuzz_check_extract(d);
        }
    }
    kc_doc_free(d);
    return 0;
}
