/* Unit tests: extract.c — whole-document and windowed extraction give the
 * same mentions and events (windowing bounds memory on huge documents). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "internal.h"
#include <stdio.h>
#include <stdlib.h>

static kc_engine *eng;

static int setup(void **state)
{
    (void)state;
    char err[256];
    return kc_engine_new(&eng, NULL, err, sizeof err) == KC_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    kc_engine_free(eng);
    return 0;
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *b = malloc(1 << 20);
    assert_non_null(b);
    *n = fread(b, 1, 1 << 20, f);
    fclose(f);
    return b;
}

static kc_doc *read_sample(void)
{
    size_t n;
    char *b = slurp("corpus/kakao_editorial.txt", &n);
    kc_doc *d;
    assert_int_equal(kc_doc_new(&d, eng, "kakao_editorial"), KC_OK);
    assert_int_equal(kc_doc_set_meta(d, "date", "2022-10-22", 10), KC_OK);
    assert_int_equal(kc_doc_feed(d, b, n), KC_OK);
    assert_int_equal(kc_doc_read(d, NULL), KC_OK);
    free(b);
    return d;
}

static void serialize(const kc_doc *d, FILE *fm, FILE *fe)
{
    assert_int_equal(kc_write_mentions(d, fm), KC_OK);
    assert_int_equal(kc_write_events(d, KC_FMT_JSONL, 0, fe), KC_OK);
}

/* The sample extracted whole with opts: its mentions and events as JSONL
 * (caller frees m and e), its event count and statistics. */
typedef struct serialized {
    char *m, *e;
    size_t nm, ne;
    size_t nevents;   /* kc_doc_event_count */
    kc_stats stats;
} serialized;

static void extract_whole(const kc_options *opts, serialized *out)
{
    memset(out, 0, sizeof *out);
    kc_doc *d = read_sample();
    FILE *f = open_memstream(&out->m, &out->nm), *fe = open_memstream(&out->e, &out->ne);
    assert_int_equal(kc_doc_extract(d, opts), KC_OK);
    serialize(d, f, fe);
    fclose(f);
    fclose(fe);
    out->nevents = kc_doc_event_count(d);
    out->stats = *kc_doc_stats(d);
    kc_doc_free(d);
}

static void t_window_equals_whole(void **state)
{
    (void)state;
    serialized w;
    extract_whole(NULL, &w);
    char *whole = w.m, *wev = w.e, *win = NULL, *vev = NULL;
    size_t nw = w.nm, nwe = w.ne, nv = 0, nve = 0;
    size_t total_m = w.stats.mentions;
    kc_doc *d;
    FILE *f, *fe;

    /* windows of one paragraph (max_bytes 1), then of ~500 bytes */
    for (size_t mb = 1; mb <= 501; mb += 500) {
        d = read_sample();
        f = open_memstream(&win, &nv);
        fe = open_memstream(&vev, &nve);
        int more = 1, calls = 0;
        while (more) {
            assert_int_equal(kc_doc_extract_window(d, NULL, mb, &more), KC_OK);
            serialize(d, f, fe);
            calls++;
        }
        fclose(f);
        fclose(fe);
        assert_int_equal(kc_doc_stats(d)->mentions, total_m);
        if (mb == 1) assert_int_equal(calls, (int)kc_doc_paragraph_count(d));
        assert_int_equal(nv, nw);
        assert_memory_equal(win, whole, nw);
        assert_int_equal(nve, nwe);
        assert_memory_equal(vev, wev, nwe);
        free(vev);
        vev = NULL;
        /* after the last window: misuse to continue, or to mix the calls */
        assert_int_equal(kc_doc_extract_window(d, NULL, mb, &more), KC_EINVAL);
        assert_int_equal(more, 0);
        kc_doc_free(d);
        free(win);
        win = NULL;
    }
    d = read_sample();
    int more;
    assert_int_equal(kc_doc_extract_window(d, NULL, 1, &more), KC_OK);
    assert_int_equal(kc_doc_extract(d, NULL), KC_EINVAL);
    kc_doc_free(d);
    free(whole);
    free(wev);
}

/* no_events: the same mentions byte for byte, no event records */
static void t_no_events(void **state)
{
    (void)state;
    serialized a, b;
    extract_whole(NULL, &a);
    assert_true(a.nevents > 0);

    kc_options o;
    kc_options_init(&o);
    assert_int_equal(o.no_events, 0);
    o.no_events = 1;
    extract_whole(&o, &b);
    assert_int_equal(b.nevents, 0);
    assert_int_equal(b.stats.events, 0);
    assert_int_equal(b.nm, a.nm);
    assert_memory_equal(b.m, a.m, a.nm);
    assert_int_equal(b.ne, 0);
    free(a.m);
    free(a.e);
    free(b.m);
    free(b.e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_window_equals_whole),
        cmocka_unit_test(t_no_events),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
