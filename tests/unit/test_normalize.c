/* Unit tests: normalize.c (NFC, documented foldings, zero-width removal,
 * line ends, spaces), idempotence and bounded time on jamo floods. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "internal.h"

#define B(s) s, sizeof(s) - 1

typedef struct ncase {
    const char *name;
    const char *in;
    size_t inlen;
    const char *out;
    size_t outlen;
    size_t zw;    /* zero_width_removed */
    size_t spans; /* normalized_spans, or SIZE_MAX: don't check */
} ncase;

#define ANY SIZE_MAX

static const ncase N[] = {
    /* P14, P16: NFC */
    {"clean Hangul", B("카카오톡이 약 10시간 동안 멈췄다."), B("카카오톡이 약 10시간 동안 멈췄다."), 0, 0},
    {"NFD 한국", B("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xAE\xE1\x86\xA8"), B("한국"), 0, 2},
    {"LV + T", B("\xEA\xB0\x80\xE1\x86\xA8"), B("각"), 0, 1},
    {"LV + T mid-word", B("오늘\xEA\xB0\x80\xE1\x86\xA8자"), B("오늘각자"), 0, 1},
    {"L + V", B("\xE1\x84\x80\xE1\x85\xA1"), B("가"), 0, 1},
    {"archaic L + V", B("\xE1\x84\x93\xE1\x85\xA1"), B("\xE1\x84\x93\xE1\x85\xA1"), 0, 1},
    {"lone T", B("\xE1\x86\xA8"), B("\xE1\x86\xA8"), 0, 1},
    {"T after space", B("가 \xE1\x86\xA8"), B("가 \xE1\x86\xA8"), 0, 1},
    {"fillers L V", B("a\xE1\x85\x9F\xE1\x85\xA0" "b"), B("ab"), 2, 0},
    {"e acute", B("caf" "e\xCC\x81"), B("caf\xC3\xA9"), 0, 1},
    {"reorder marks", B("a\xCC\x82\xCC\xA3"), B("\xE1\xBA\xAD"), 0, 1},
    {"singleton Ohm", B("\xE2\x84\xA6"), B("\xCE\xA9"), 0, 1},
    {"mark at line start", B(" \xCC\x81x"), B("\xCC\x81x"), 0, 1},
    /* P14: compatibility folding */
    {"fullwidth digits", B("２０２４년 ３월"), B("2024년 3월"), 0, 5},
    {"fullwidth ASCII", B("ＫＢＳ　１％ （주） ＡＩ！"), B("KBS 1% (주) AI!"), 0, ANY},
    {"fullwidth won", B("\xEF\xBF\xA6" "1000"), B("\xE2\x82\xA9" "1000"), 0, 1},
    {"units", B("㎞ ㎡ ㎏ ㎝ ㎜ ㎖ ℓ ㏄"), B("km m2 kg cm mm ml l cc"), 0, 8},
    {"celsius", B("25℃, 77℉"), B("25°C, 77°F"), 0, 2},
    {"㈜", B("㈜카카오"), B("(주)카카오"), 0, ANY},
    {"half-width jamo", B("\xEF\xBE\xA1\xEF\xBF\x82"), B("ㄱㅏ"), 0, 2},
    {"compat jamo kept", B("ㄱㅏ ㅋㅋㅋ"), B("ㄱㅏ ㅋㅋㅋ"), 0, 0},
    {"superscript kept", B("84㎡ 대신 84m² ①항"), B("84m2 대신 84m² ①항"), 0, 1},
    /* spaces */
    {"ideographic space", B("가\xE3\x80\x80나"), B("가 나"), 0, 0},
    {"NBSP", B("10\xC2\xA0%"), B("10 %"), 0, 0},
    {"Zs spaces", B("a\xE2\x80\x82" "b\xE2\x80\xAF" "c\xE1\x9A\x80" "d\xE2\x81\x9F" "e"), B("a b c d e"), 0, 0},
    {"tabs and runs", B("a\t\tb  c \t d"), B("a b c d"), 0, 0},
    {"trim", B("  a b  \n\t c \n"), B("a b\nc\n"), 0, 0},
    {"space only lines", B("   \n\t\n\xE3\x80\x80\n"), B("\n\n\n"), 0, 0},
    {"dirty line between clean", B("abc\n  def  \nghi"), B("abc\ndef\nghi"), 0, 0},
    /* P15: zero-width and fillers inside words */
    {"ZW in 삼성전자", B("삼\xE2\x80\x8B성\xE2\x80\x8C전\xE2\x80\x8D자"), B("삼성전자"), 3, 0},
    {"SHY in 2024년", B("2024\xC2\xAD년 3\xEF\xBB\xBF월"), B("2024년 3월"), 2, 0},
    {"WJ MVS", B("a\xE2\x81\xA0" "b\xE1\xA0\x8E" "c"), B("abc"), 2, 0},
    {"U+3164 in word", B("삼성\xE3\x85\xA4전자"), B("삼성전자"), 1, 0},
    {"U+115F in word", B("삼성\xE1\x85\x9F전자"), B("삼성전자"), 1, 0},
    {"U+FFA0 in word", B("삼성\xEF\xBE\xA0전자"), B("삼성전자"), 1, 0},
    {"filler alone", B("가 \xE3\x85\xA4 나\n\xE3\x85\xA4\n"), B("가 나\n\n"), 2, 0},
    {"ZW between spaces", B("a \xE2\x80\x8B b"), B("a b"), 1, 0},
    {"ZW then T", B("가\xE2\x80\x8B\xE1\x86\xA8"), B("각"), 1, 1},
    {"BOM inside", B("a\xEF\xBB\xBF" "b"), B("ab"), 1, 0},
    /* P13: line ends */
    {"line ends", B("a\r\nb\rc\xC2\x85" "d\xE2\x80\xA8" "e\xE2\x80\xA9" "f\n"), B("a\nb\nc\nd\ne\nf\n"), 0, 0},
    {"CR CR LF", B("a\r\r\nb"), B("a\n\nb"), 0, 0},
    {"CRLF clean lines", B("가나\r\n다라\r\n"), B("가나\n다라\n"), 0, 0},
    {"trailing space before CRLF", B("가 \r\n나"), B("가\n나"), 0, 0},
    {"blank lines kept", B("a\n\n\nb"), B("a\n\n\nb"), 0, 0},
    /* P23: kept as they are */
    {"noncharacters", B("\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xB7\x90"), B("\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xB7\x90"), 0, 0},
    {"bidi kept", B("a\xE2\x80\xAE" "b\xE2\x81\xA6" "c"), B("a\xE2\x80\xAE" "b\xE2\x81\xA6" "c"), 0, 0},
    {"U+FFFD kept", B("a\xEF\xBF\xBD" "b"), B("a\xEF\xBF\xBD" "b"), 0, 0},
    {"controls kept", B("a\x1A" "b\x0B" "c"), B("a\x1A" "b\x0B" "c"), 0, 0},
    {"emoji kept", B("\xF0\x9F\x98\x80 \xF0\x9F\x91\x8D"), B("\xF0\x9F\x98\x80 \xF0\x9F\x91\x8D"), 0, 0},
    /* guards: the contract says valid UTF-8 without NUL; survive anyway */
    {"NUL guard", B("a\0b"), B("a\xEF\xBF\xBD" "b"), 0, 0},
    {"invalid guard", B("a\xFF" "b\xE0\xA0"), B("a\xEF\xBF\xBD" "b\xEF\xBF\xBD"), 0, 0},
    {"empty", B(""), B(""), 0, 0},
};

static char *norm(const char *in, size_t n, size_t *outlen, kc_stats *st)
{
    kc_buf b;
    kc__buf_init(&b);
    memset(st, 0, sizeof *st);
    if (kc__normalize(in, n, &b, st) != KC_OK || kc__buf_reserve(&b, 0)) {
        kc__buf_free(&b);
        return NULL;
    }
    *outlen = b.len;
    return kc__buf_detach(&b);
}

static void dump(const char *what, const char *s, size_t n)
{
    fprintf(stderr, "%s (%zu):", what, n);
    for (size_t i = 0; i < n; i++) fprintf(stderr, " %02X", (unsigned char)s[i]);
    fprintf(stderr, "\n");
}

static void run_case(void **state)
{
    const ncase *c = *state;
    kc_stats st, st2;
    size_t n = 0, n2 = 0;
    char *o = norm(c->in, c->inlen, &n, &st);
    assert_non_null(o);
    if (n != c->outlen || memcmp(o, c->out, n) != 0) {
        dump("got", o, n);
        dump("want", c->out, c->outlen);
        fail();
    }
    assert_int_equal(st.zero_width_removed, c->zw);
    if (c->spans != ANY) assert_int_equal(st.normalized_spans, c->spans);
    /* idempotent */
    char *o2 = norm(o, n, &n2, &st2);
    assert_non_null(o2);
    assert_int_equal(n2, n);
    assert_memory_equal(o2, o, n);
    assert_int_equal(st2.zero_width_removed, 0);
    free(o);
    free(o2);
}

/* P16: 100 k jamo with no vowel (and 100 k vowels, 100 k finals, 100 k
 * combining acute) must neither crash nor take long; output is stable. */
static void flood(const char *unit, size_t ulen, size_t count, bool same)
{
    kc_buf in;
    kc__buf_init(&in);
    for (size_t i = 0; i < count; i++) assert_int_equal(kc__buf_append(&in, unit, ulen), KC_OK);
    kc_stats st;
    size_t n = 0, n2 = 0;
    /* no timing here (speed is for make bench; the pathological suite P16
     * guards these floods against hangs): output only */
    char *o = norm(in.ptr, in.len, &n, &st);
    assert_non_null(o);
    if (same) {
        assert_int_equal(n, in.len);
        assert_memory_equal(o, in.ptr, n);
    }
    char *o2 = norm(o, n, &n2, &st);
    assert_non_null(o2);
    assert_int_equal(n2, n);
    assert_memory_equal(o2, o, n);
    free(o);
    free(o2);
    kc__buf_free(&in);
}

static void t_flood_L(void **state) { (void)state; flood("\xE1\x84\x80", 3, 100000, true); }
static void t_flood_V(void **state) { (void)state; flood("\xE1\x85\xA1", 3, 100000, true); }
static void t_flood_T(void **state) { (void)state; flood("\xE1\x86\xA8", 3, 100000, true); }
static void t_flood_acute(void **state) { (void)state; flood("\xCC\x81", 2, 100000, true); }
static void t_flood_LVT(void **state)
{
    (void)state;
    /* 100 k decomposed syllables compose to 100 k 각 */
    kc_buf in;
    kc__buf_init(&in);
    for (int i = 0; i < 100000; i++)
        assert_int_equal(kc__buf_append(&in, "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8", 9), KC_OK);
    kc_stats st;
    size_t n = 0;
    char *o = norm(in.ptr, in.len, &n, &st);
    assert_non_null(o);
    assert_int_equal(n, 300000);
    for (size_t i = 0; i < n; i += 3) assert_memory_equal(o + i, "각", 3);
    free(o);
    kc__buf_free(&in);
}
static void t_flood_zw(void **state)
{
    (void)state;
    kc_buf in;
    kc__buf_init(&in);
    for (int i = 0; i < 100000; i++) assert_int_equal(kc__buf_append(&in, "가\xE2\x80\x8B", 6), KC_OK);
    kc_stats st;
    size_t n = 0;
    char *o = norm(in.ptr, in.len, &n, &st);
    assert_non_null(o);
    assert_int_equal(n, 300000);
    assert_int_equal(st.zero_width_removed, 100000);
    free(o);
    kc__buf_free(&in);
}

/* A 1 MiB line of clean text is copied (fast path); the trailing space of
 * the last word goes. */
static void t_long_line(void **state)
{
    (void)state;
    kc_buf in;
    kc__buf_init(&in);
    while (in.len < (1u << 20)) assert_int_equal(kc__buf_append(&in, "가나다 ", 10), KC_OK);
    kc_stats st;
    size_t n = 0;
    char *o = norm(in.ptr, in.len, &n, &st);
    assert_non_null(o);
    assert_int_equal(n, in.len - 1);
    assert_memory_equal(o, in.ptr, n);
    assert_int_equal(st.normalized_spans, 0);
    free(o);
    kc__buf_free(&in);
}

/* normalize appends to out and fails cleanly on misuse. */
static void t_append_and_args(void **state)
{
    (void)state;
    kc_buf b;
    kc_stats st;
    memset(&st, 0, sizeof st);
    kc__buf_init(&b);
    assert_int_equal(kc__buf_append(&b, "x", 1), KC_OK);
    assert_int_equal(kc__normalize("\xEF\xBC\x91", 3, &b, &st), KC_OK);
    assert_int_equal(b.len, 2);
    assert_memory_equal(b.ptr, "x1", 2);
    assert_int_equal(kc__normalize(NULL, 1, &b, &st), KC_EINVAL);
    assert_int_equal(kc__normalize(NULL, 0, &b, &st), KC_OK);
    kc__buf_free(&b);
}

/* Idempotence over the fixtures and random mixes of the tricky pieces. */
static void t_idempotent_mix(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "가", "\xE1\x86\xA8", "\xE1\x85\xA1", "\xE1\x84\x80", " ", "\t", "\r", "\n", "\r\n",
        "\xE2\x80\x8B", "\xE3\x80\x80", "\xEF\xBC\x92", "\xCC\x81", "\xCC\xA3", "a",
        "\xE3\x85\xA4", "\xE1\x85\x9F", "\xE2\x80\xA8", "\xC2\x85", "\xE3\x88\x9C", "㎞",
        "\xEF\xBE\xA1", "\xC2\xA0", "\xE2\x84\xA6", "ㄱ", "\xF0\x9F\x98\x80",
    };
    size_t np = sizeof pieces / sizeof pieces[0];
    uint32_t seed = 12345;
    for (int round = 0; round < 2000; round++) {
        kc_buf in;
        kc__buf_init(&in);
        int len = 1 + round % 23;
        for (int k = 0; k < len; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % np];
            assert_int_equal(kc__buf_append(&in, p, strlen(p)), KC_OK);
        }
        kc_stats st;
        size_t n = 0, n2 = 0;
        char *o = norm(in.ptr, in.len, &n, &st);
        assert_non_null(o);
        char *o2 = norm(o, n, &n2, &st);
        assert_non_null(o2);
        if (n2 != n || memcmp(o, o2, n) != 0) {
            dump("input", in.ptr, in.len);
            dump("once", o, n);
            dump("twice", o2, n2);
            fail();
        }
        /* line count is preserved: one '\n' per input line end */
        size_t lf_in = 0, lf_out = 0;
        for (size_t i = 0; i < n; i++) lf_out += o[i] == '\n';
        for (size_t i = 0; i < in.len; i++) {
            unsigned char c = (unsigned char)in.ptr[i];
            if (c == '\n') lf_in++;
            else if (c == '\r' && !(i + 1 < in.len && in.ptr[i + 1] == '\n')) lf_in++;
            else if (c == 0xC2 && (unsigned char)in.ptr[i + 1] == 0x85) lf_in++;
            else if (c == 0xE2 && (unsigned char)in.ptr[i + 1] == 0x80 &&
                     ((unsigned char)in.ptr[i + 2] & 0xFE) == 0xA8) lf_in++;
        }
        assert_int_equal(lf_in, lf_out);
        free(o);
        free(o2);
        kc__buf_free(&in);
    }
}

#define N_N (sizeof N / sizeof N[0])

int main(void)
{
    struct CMUnitTest tests[N_N + 16];
    size_t n = 0;
    for (size_t i = 0; i < N_N; i++) {
        tests[n] = (struct CMUnitTest)cmocka_unit_test_prestate(run_case, (void *)&N[i]);
        tests[n++].name = N[i].name;
    }
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_flood_L);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_flood_V);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_flood_T);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_flood_acute);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_flood_LVT);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_flood_zw);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_long_line);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_append_and_args);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_idempotent_mix);
    return _cmocka_run_group_tests("normalize", tests, n, NULL, NULL);
}
