/*
 * fuzz_jsonl.c — libFuzzer target: the JSONL input path.
 *
 * The JSONL parser lives in the CLI (src/main.c, feed_jsonl_file, with
 * jansson); main.c is not part of the library, so this harness repeats its
 * logic line for line — KEEP IN SYNC with feed_jsonl_file and read_line:
 *   - lines end at '\n'; one trailing '\r' is removed; NUL bytes are data;
 *   - a line of only spaces/tabs is skipped;
 *   - the fast path of src/jsonl_fast.h (kc_jf_parse) first; when it
 *     declines, json_loadb(JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL); the line must be
 *     an object with a string "text"; "id" a string or an integer;
 *   - the doc id is the id, or "line<N>"; date/title/url/source strings go
 *     to kc_doc_set_meta; the text is fed with kc_doc_set_text_input(1).
 * Differential check: whenever the fast path accepts a line, jansson must
 * accept it too and give the same bytes for every field the CLI reads.
 * Each article then runs through read, extract and the emitters, with the
 * invariants of fuzz_common.h.
 */
#include "fuzz_common.h"

#include <jansson.h>

#include "../../src/jsonl_fast.h"

static kc_jf fuzz_jf;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_init_engine();
    return 0;
}

static void set_meta_from_json(kc_doc *d, json_t *obj, const char *k)
{
    json_t *v = json_object_get(obj, k);
    if (json_is_string(v)) {
        kc_status st = kc_doc_set_meta(d, k, json_string_value(v), json_string_length(v));
        FUZZ_CHECK(st == KC_OK || st == KC_ENOMEM || st == KC_EINVAL);
    }
}

static kc_status emit(const kc_doc *d, FILE *f, int variant)
{
    switch (variant) {
    case 0: return kc_write_clean(d, KC_FMT_JSONL, f);
    case 1: return kc_write_mentions(d, f);
    default: return kc_write_metrics(d, KC_FMT_CSV, NULL, 0, f);
    }
}

static void one_line(const char *line, size_t len, size_t lineno, kc_dedup *dd)
{
    size_t k = 0;
    while (k < len && (line[k] == ' ' || line[k] == '\t')) k++;
    if (k == len) return; /* blank line */
    int fast = kc_jf_parse(&fuzz_jf, line, len);
    if (fast < 0) return;
    json_error_t err;
    json_t *j = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
    if (fast) {
        /* the fast path must agree with jansson exactly */
        FUZZ_CHECK(j && json_is_object(j));
        for (int f = 0; f < KC_JF_NFIELDS; f++) {
            json_t *v = json_object_get(j, kc_jf_names[f]);
            if (!fuzz_jf.have[f]) {
                FUZZ_CHECK(!v);
                continue;
            }
            FUZZ_CHECK(json_is_string(v));
            FUZZ_CHECK(json_string_length(v) == fuzz_jf.len[f]);
            FUZZ_CHECK(memcmp(json_string_value(v), fuzz_jf.buf + fuzz_jf.off[f], fuzz_jf.len[f]) == 0);
        }
    }
    json_t *text = NULL, *id = NULL;
    const char *why = NULL;
    if (!j) why = err.text;
    else if (!json_is_object(j)) why = "not a JSON object";
    else if (!(text = json_object_get(j, "text"))) why = "missing \"text\" field";
    else if (!json_is_string(text)) why = "\"text\" is not a string";
    else {
        id = json_object_get(j, "id");
        if (id && !json_is_string(id) && !json_is_integer(id)) why = "\"id\" is not a string or integer";
    }
    if (why) {
        FUZZ_CHECK(why[0] != '\0'); /* the CLI prints it: it must say something */
        json_decref(j);
        return;
    }
    char idbuf[64];
    const char *ids;
    if (json_is_string(id)) ids = json_string_value(id);
    else if (json_is_integer(id)) { snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(id)); ids = idbuf; }
    else { snprintf(idbuf, sizeof idbuf, "line%zu", lineno); ids = idbuf; }
    kc_doc *d = NULL;
    if (kc_doc_new(&d, fuzz_eng, ids) != KC_OK) { json_decref(j); return; }
    kc_doc_set_text_input(d, 1);
    set_meta_from_json(d, j, "date");
    set_meta_from_json(d, j, "title");
    set_meta_from_json(d, j, "url");
    set_meta_from_json(d, j, "source");
    FUZZ_CHECK(kc_doc_feed(d, json_string_value(text), json_string_length(text)) == KC_OK);
    json_decref(j);
    kc_options o;
    kc_options_init(&o);
    if (kc_doc_read(d, &o) == KC_OK) {
        fuzz_check_read(d);
        FUZZ_CHECK(kc_dedup_apply(dd, d) == KC_OK);
        if (kc_doc_extract(d, &o) == KC_OK) {
            fuzz_check_extract(d);
            for (int v = 0; v < 3; v++) fuzz_emit(d, emit, v, 1);
        }
    }
    kc_doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kc_dedup *dd = NULL;
    if (kc_dedup_new(&dd) != KC_OK) return 0;
    /* read_line(): copy so the line is NUL-terminated like main.c's buffer */
    char *line = malloc(size + 1);
    if (!line) { kc_dedup_free(dd); return 0; }
    size_t i = 0, lineno = 0;
    while (i < size) {
        const uint8_t *nl = memchr(data + i, '\n', size - i);
        size_t end = nl ? (size_t)(nl - data) : size;
        size_t n = end - i;
        memcpy(line, data + i, n);
        if (n && line[n - 1] == '\r') n--;
        line[n] = '\0';
        lineno++;
        one_line(line, n, lineno, dd);
        i = nl ? end + 1 : size;
    }
    free(line);
    kc_dedup_free(dd);
    return 0;
}
