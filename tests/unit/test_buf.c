/* Unit tests: buffers, arena, UTF-8 helpers, TSV iteration, number format. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "internal.h"

static void t_buf_append(void **state)
{
    (void)state;
    kc_buf b;
    kc__buf_init(&b);
    assert_int_equal(kc__buf_append(&b, "a\0b", 3), KC_OK);
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.ptr, "a\0b", 4);
    assert_int_equal(kc__buf_put_cp(&b, 0xD55C), KC_OK); /* 한 */
    assert_int_equal(b.len, 6);
    assert_memory_equal(b.ptr + 3, "\xED\x95\x9C", 3);
    assert_int_equal(kc__buf_put_cp(&b, 0x1F600), KC_OK);
    assert_memory_equal(b.ptr + 6, "\xF0\x9F\x98\x80", 4);
    assert_int_equal(kc__buf_printf(&b, "%d-%s", 42, "x"), KC_OK);
    assert_string_equal(b.ptr + 10, "42-x");
    kc__buf_free(&b);
}

static void t_arena(void **state)
{
    (void)state;
    kc_arena a;
    kc__arena_init(&a);
    char big[20000];
    memset(big, 'x', sizeof big);
    const char *s1 = kc__arena_strndup(&a, "hello", 5);
    const char *s2 = kc__arena_strndup(&a, big, sizeof big);
    const char *s3 = kc__arena_strndup(&a, "world", 3);
    assert_string_equal(s1, "hello");
    assert_int_equal(strlen(s2), sizeof big);
    assert_string_equal(s3, "wor");
    kc__arena_free(&a);
}

static void t_utf8(void **state)
{
    (void)state;
    const char *s = "가a나";
    assert_int_equal(kc__utf8_count(s, strlen(s)), 3);
    assert_int_equal(kc__utf8_prev(s, 7), 4);
    assert_int_equal(kc__utf8_prev(s, 3), 0);
    size_t n;
    assert_int_equal(kc__utf8_get((const unsigned char *)s, &n), 0xAC00);
    assert_int_equal(n, 3);
    /* the eight-bytes-at-a-time count against the byte rule, at every
     * offset and length of a mixed string (ASCII, 2-, 3-, 4-byte, stray
     * continuation bytes) */
    const char *m = "ab\xC3\xA9\xEA\xB0\x80\xF0\x9F\x98\x80\x80\x80z"
                    "\xEA\xB0\x80\xEA\xB0\x81 12\xC3\xA9\xEA\xB0\x80xyz\xBF";
    size_t ml = strlen(m);
    for (size_t a = 0; a < ml; a++)
        for (size_t b = a; b <= ml; b++) {
            size_t want = 0;
            for (size_t i = a; i < b; i++) want += ((unsigned char)m[i] & 0xC0) != 0x80;
            assert_int_equal(kc__utf8_count(m + a, b - a), want);
        }
    assert_int_equal(kc__utf8_count(m, ml), 16);
}

static void t_tsv(void **state)
{
    (void)state;
    const char data[] = "# comment\n\nname\ttype\n카카오\torg\talias1|alias2\r\n  # indented comment\nx\n";
    kc_dictfile f = {"t.tsv", data, sizeof data - 1};
    kc_tsv t;
    kc__tsv_init(&t, &f);
    kc_strv fv[3];
    assert_int_equal(kc__tsv_next(&t, fv, 3), 3);
    assert_int_equal(t.line, 4);
    assert_true(kc__strv_eq(fv[0], "카카오"));
    assert_true(kc__strv_eq(fv[2], "alias1|alias2"));
    assert_int_equal(kc__tsv_next(&t, fv, 2), 1);
    assert_true(kc__strv_eq(fv[0], "x"));
    assert_int_equal(kc__tsv_next(&t, fv, 2), 0);
}

static void t_fmt_double(void **state)
{
    (void)state;
    char b[64];
    kc__fmt_double(0.75, b, sizeof b);
    assert_string_equal(b, "0.75");
    kc__fmt_double(2.0 / 3.0, b, sizeof b);
    assert_string_equal(b, "0.6666666666666666");
    kc__fmt_double(1e21, b, sizeof b);
    assert_string_equal(b, "1000000000000000000000");
    kc__fmt_double(1.5e-7, b, sizeof b);
    assert_string_equal(b, "0.00000015");
    kc__fmt_double(-2412.85, b, sizeof b);
    assert_string_equal(b, "-2412.85");
}

static void t_ymd(void **state)
{
    (void)state;
    kc_ymd d;
    assert_true(kc__parse_ymd("2024-02-29", 10, &d));
    assert_int_equal(d.d, 29);
    assert_false(kc__parse_ymd("2023-02-29", 10, &d));
    assert_false(kc__parse_ymd("2023-13-01", 10, &d));
    assert_false(kc__parse_ymd("2023-1-01", 9, &d));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_buf_append), cmocka_unit_test(t_arena),
        cmocka_unit_test(t_utf8),       cmocka_unit_test(t_tsv),
        cmocka_unit_test(t_fmt_double), cmocka_unit_test(t_ymd),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
