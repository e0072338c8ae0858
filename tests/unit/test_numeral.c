/* Unit tests: kc__num_parse (numeral.c) — Arabic, scale words, Sino-Korean
 * and native numerals, exact decimals, and the private forms figures.c uses
 * (fractions, 마이너스, 반, inner 여). Table-driven: one cmocka test per row. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <cmocka.h>

#include "internal.h"

/* Private entry point of numeral.c (shared with figures.c only). */
size_t kc__num_parse_ex(const char *s, size_t len, unsigned forms, kc_num *out,
                        unsigned *info);

typedef struct numcase {
    const char *in;
    unsigned forms;   /* KC_NUM_* plus the private bits of numeral.c */
    size_t consumed;  /* bytes */
    const char *dec;  /* "" when nothing is consumed or on overflow */
    int integral, hangul, overflow;
} numcase;

static const numcase CASES[] = {
    {"2,412.85", 0xf, 8, "2412.85", 0, 0, 0},
    {"0.97", 0xf, 4, "0.97", 0, 0, 0},
    {"1,000", 0xf, 5, "1000", 1, 0, 0},
    {"1,000명", 0xf, 5, "1000", 1, 0, 0},
    {"27,350,000원", 0xf, 10, "27350000", 1, 0, 0},
    {"-3", 0xf, 2, "-3", 1, 0, 0},
    {"+2.5", 0xf, 4, "2.5", 0, 0, 0},
    {"−4.5도", 0xf, 6, "-4.5", 0, 0, 0},
    {"0", 0xf, 1, "0", 1, 0, 0},
    {"007", 0xf, 3, "7", 1, 0, 0},
    {"1,2,3", 0xf, 1, "1", 1, 0, 0},
    {"1,0000", 0xf, 1, "1", 1, 0, 0},
    {"1234,567", 0xf, 4, "1234", 1, 0, 0},
    {"3.", 0xf, 1, "3", 1, 0, 0},
    {"3.0", 0xf, 3, "3", 1, 0, 0},
    {"10.50%", 0xf, 5, "10.5", 0, 0, 0},
    {"3천300만", 0xf, 10, "33000000", 1, 1, 0},
    {"3천290만 명", 0xf, 10, "32900000", 1, 1, 0},
    {"3천460만여 명", 0xf, 10, "34600000", 1, 1, 0},
    {"1조2천억", 0xf, 11, "1200000000000", 1, 1, 0},
    {"638조7천억원", 0xf, 13, "638700000000000", 1, 1, 0},
    {"1만 2천", 0xf, 9, "12000", 1, 1, 0},
    {"1만 2천 명", 0xf, 9, "12000", 1, 1, 0},
    {"12억 3456만 7898", 0xf, 18, "1234567898", 1, 1, 0},
    {"3만 명", 0xf, 4, "30000", 1, 1, 0},
    {"551억2천만", 0xf, 13, "55120000000", 1, 1, 0},
    {"5.3조", 0xf, 6, "5300000000000", 1, 1, 0},
    {"4천만", 0xf, 7, "40000000", 1, 1, 0},
    {"2.5만", 0xf, 6, "25000", 1, 1, 0},
    {"1.5천", 0xf, 6, "1500", 1, 1, 0},
    {"0.5억", 0xf, 6, "50000000", 1, 1, 0},
    {"100만", 0xf, 6, "1000000", 1, 1, 0},
    {"1억이 넘는", 0xf, 4, "100000000", 1, 1, 0},
    {"삼천삼백만", 0xf, 15, "33000000", 1, 1, 0},
    {"이십오", 0xf, 9, "25", 1, 1, 0},
    {"오천팔백십구만백사십팔", 0xf, 33, "58190148", 1, 1, 0},
    {"칠천십이억삼천구백팔십만천백이십삼", 0xf, 51, "701239801123", 1, 1, 0},
    {"사백이억삼천사백구십팔만오천칠백이십구", 0xf, 57, "40234985729", 1, 1, 0},
    {"삼십이억삼천오백육십구만팔천백이십", 0xf, 51, "3235698120", 1, 1, 0},
    {"만이천삼백사십오", 0xf, 24, "12345", 1, 1, 0},
    {"일만", 0xf, 6, "10000", 1, 1, 0},
    {"오십팔만천구백", 0xf, 21, "581900", 1, 1, 0},
    {"일억이", 0xf, 9, "100000002", 1, 1, 0},
    {"이천칠백사십오억", 0xf, 24, "274500000000", 1, 1, 0},
    {"만", 0xf, 3, "10000", 1, 1, 0},
    {"천", 0xf, 3, "1000", 1, 1, 0},
    {"백", 0xf, 3, "100", 1, 1, 0},
    {"삼점사", 0xf, 9, "3.4", 0, 1, 0},
    {"사천백이십삼점삼", 0xf, 24, "4123.3", 0, 1, 0},
    {"일쩜이삼", 0xf, 12, "1.23", 0, 1, 0},
    {"일", 0xf, 0, "", 0, 0, 0},
    {"삼성", 0xf, 0, "", 0, 0, 0},
    {"이번", 0xf, 0, "", 0, 0, 0},
    {"삼", 0x20f, 3, "3", 1, 1, 0},
    {"하나", 0xf, 6, "1", 1, 1, 0},
    {"한 명", 0xf, 3, "1", 1, 1, 0},
    {"두 차례", 0xf, 3, "2", 1, 1, 0},
    {"세 곳", 0xf, 3, "3", 1, 1, 0},
    {"네 개", 0xf, 3, "4", 1, 1, 0},
    {"석 달", 0xf, 3, "3", 1, 1, 0},
    {"넉 달", 0xf, 3, "4", 1, 1, 0},
    {"다섯", 0xf, 6, "5", 1, 1, 0},
    {"여섯", 0xf, 6, "6", 1, 1, 0},
    {"일곱", 0xf, 6, "7", 1, 1, 0},
    {"여덟", 0xf, 6, "8", 1, 1, 0},
    {"아홉", 0xf, 6, "9", 1, 1, 0},
    {"열", 0xf, 3, "10", 1, 1, 0},
    {"열두 명", 0xf, 6, "12", 1, 1, 0},
    {"열하나", 0xf, 9, "11", 1, 1, 0},
    {"스무 살", 0xf, 6, "20", 1, 1, 0},
    {"스물다섯", 0xf, 12, "25", 1, 1, 0},
    {"서른다섯", 0xf, 12, "35", 1, 1, 0},
    {"마흔일곱", 0xf, 12, "47", 1, 1, 0},
    {"쉰두", 0xf, 6, "52", 1, 1, 0},
    {"예순아홉", 0xf, 12, "69", 1, 1, 0},
    {"일흔한", 0xf, 9, "71", 1, 1, 0},
    {"여든넷", 0xf, 9, "84", 1, 1, 0},
    {"아흔셋", 0xf, 9, "93", 1, 1, 0},
    {"십하나", 0xf, 9, "11", 1, 1, 0},
    {"하나", 0x1, 0, "", 0, 0, 0},
    {"3천만", 0x1, 1, "3", 1, 0, 0},
    {"삼천", 0x3, 0, "", 0, 0, 0},
    {"삼천", 0xf, 6, "3000", 1, 1, 0},
    {"천", 0x3, 0, "", 0, 0, 0},
    {"999,999,999,999,999,999,999조", 0xf, 30, "999999999999999999999000000000000", 1, 1, 0},
    {"999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999", 0xf, 120, "", 1, 0, 1},
    {"1경", 0xf, 4, "10000000000000000", 1, 1, 0},
    {"3분의 2", 0x1f, 9, "0.6666666666666666", 0, 0, 0},
    {"3분의 2", 0xf, 1, "3", 1, 0, 0},
    {"사분의삼", 0x1f, 12, "0.75", 0, 1, 0},
    /* a value past long long is not whole (the test once cast it: UB) */
    {"1분의 22222222222222222222", 0x1f, 28, "22222222222222220000", 0, 0, 0},
    {"3/4", 0x2f, 3, "0.75", 0, 0, 0},
    {"3/4", 0xf, 1, "3", 1, 0, 0},
    {"마이너스 3", 0x8f, 14, "-3", 1, 0, 0},
    {"마이나스3", 0x8f, 13, "-3", 1, 0, 0},
    {"마이너스삼", 0x28f, 15, "-3", 1, 1, 0},
    {"마이너스 3", 0xf, 0, "", 0, 0, 0},
    {"반", 0x10f, 3, "0.5", 0, 1, 0},
    {"1억6천400여만", 0x4f, 17, "164000000", 1, 1, 0},
    {"1억6천400여만", 0xf, 11, "100006400", 1, 1, 0},
    {"5만여", 0x4f, 4, "50000", 1, 1, 0},
    {"3천1천", 0xf, 4, "3000", 1, 1, 0},
    {"3천1백", 0xf, 8, "3100", 1, 1, 0},
    {"3만2만", 0xf, 4, "30000", 1, 1, 0},
    {"2022년", 0xf, 4, "2022", 1, 0, 0},
    {"10시", 0xf, 2, "10", 1, 0, 0},
    {"x", 0xf, 0, "", 0, 0, 0},
    /* zero words only stand first; bare 조/경 start no numeral */
    {"영점오", 0xf, 9, "0.5", 0, 1, 0},
    {"경영", 0xf, 0, "", 0, 0, 0},
    {"조영남", 0xf, 0, "", 0, 0, 0},
    {"천영", 0xf, 3, "1000", 1, 1, 0},
    {"일조", 0xf, 6, "1000000000000", 1, 1, 0},
};

static void t_case(void **state)
{
    const numcase *c = *state;
    kc_num n;
    unsigned info;
    size_t got = kc__num_parse_ex(c->in, strlen(c->in), c->forms, &n, &info);
    if (got != c->consumed || strcmp(n.dec, c->dec) != 0)
        print_error("input \"%s\": consumed %zu dec \"%s\"\n", c->in, got,
                    n.dec);
    assert_int_equal(got, c->consumed);
    assert_string_equal(n.dec, c->dec);
    if (got) {
        assert_int_equal(n.integral, c->integral);
        assert_int_equal(n.hangul, c->hangul);
        assert_int_equal(n.overflow, c->overflow);
        if (!n.overflow) assert_true(n.value == strtod(n.dec, NULL));
    }
    /* The public entry point agrees whenever no private form is asked. */
    if ((c->forms & ~(unsigned)KC_NUM_ALL) == 0) {
        kc_num m;
        assert_int_equal(kc__num_parse(c->in, strlen(c->in), c->forms, &m),
                         got);
        assert_string_equal(m.dec, n.dec);
    }
}

static void t_info(void **state)
{
    (void)state;
    kc_num n;
    unsigned info;
    const char *s = "1억6천400여만원";
    assert_int_equal(kc__num_parse_ex(s, strlen(s), KC_NUM_ALL | 0x40u, &n, &info),
                     strlen("1억6천400여만"));
    assert_int_equal(info & 1u, 1u);
    s = "3분의 2";
    kc__num_parse_ex(s, strlen(s), KC_NUM_ALL | 0x10u, &n, &info);
    assert_int_equal(info & 2u, 2u);
    /* Length-bounded: never reads past len. */
    s = "3천300만";
    assert_int_equal(kc__num_parse(s, 4, KC_NUM_ALL, &n), 4);
    assert_string_equal(n.dec, "3000");
    assert_int_equal(kc__num_parse(s, 0, KC_NUM_ALL, &n), 0);
}

/* Pathological inputs stay linear: each must parse in well under a second. */
static void t_pathological(void **state)
{
    (void)state;
    static const char *units[] = {"1,", "9", "1천", "삼", "만"};
    for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
        size_t ul = strlen(units[k]), reps = 200000;
        char *buf = malloc(ul * reps + 1);
        assert_non_null(buf);
        for (size_t i = 0; i < reps; i++) memcpy(buf + i * ul, units[k], ul);
        buf[ul * reps] = 0;
        kc_num n;
        /* Parse from the first 50 positions: each call is linear in what
         * it consumes, never in the rest of the buffer. */
        for (size_t i = 0; i < 50; i++)
            (void)kc__num_parse(buf + i * ul, ul * (reps - i), KC_NUM_ALL, &n);
        /* (no timing: the pathological suite guards linearity) */
        free(buf);
    }
}

int main(void)
{
    enum { N = sizeof CASES / sizeof *CASES };
    struct CMUnitTest tests[N + 2];
    for (size_t i = 0; i < N; i++) {
        tests[i] = (struct CMUnitTest)cmocka_unit_test_prestate(t_case, (void *)&CASES[i]);
        tests[i].name = CASES[i].in;
    }
    tests[N] = (struct CMUnitTest)cmocka_unit_test(t_info);
    tests[N + 1] = (struct CMUnitTest)cmocka_unit_test(t_pathological);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
