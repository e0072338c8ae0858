/* Unit tests: segment, boilerplate, dedup and the reader pipeline through
 * the public API, with exact bytes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

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

static kc_doc *read_doc(const char *text, const kc_options *o)
{
    kc_doc *d;
    assert_int_equal(kc_doc_new(&d, eng, "t"), KC_OK);
    assert_int_equal(kc_doc_feed(d, text, strlen(text)), KC_OK);
    kc_options def;
    kc_options_init(&def);
    assert_int_equal(kc_doc_read(d, o ? o : &def), KC_OK);
    return d;
}

static void assert_para(const kc_doc *d, size_t i, const char *want)
{
    size_t n;
    const char *p = kc_doc_paragraph(d, i, &n);
    assert_non_null(p);
    assert_int_equal(n, strlen(want));
    assert_memory_equal(p, want, n);
}

static void assert_drop(const kc_doc *d, size_t i, size_t line, kc_drop_reason r)
{
    size_t l;
    kc_drop_reason rr;
    assert_true(kc_doc_dropped(d, i, &l, &rr));
    assert_int_equal(l, line);
    assert_int_equal(rr, r);
}

/* An article of our own making: dateline, byline prefix, e-mail, related
 * articles block, copyright footer, portal chrome. */
static const char ARTICLE[] =
    "한국은행, 기준금리 3.5%로 동결\n"
    "입력 2023.04.11. 오전 10:21 수정 2023.04.11. 오전 11:02\n"
    "기사원문\n"
    "공유\n"
    "글자크기 설정\n"
    "(서울=연합뉴스) 박영희 기자 = 한국은행 금융통화위원회는 11일 기준금리를 연 3.50%로 동결했다.\n"
    "\n"
    "물가 상승률이 둔화하고 있다는 판단에서다.\n"
    "youngpark@yna.co.kr\n"
    "관련기사\n"
    "▶ 미국 연준, 금리 인상 속도 조절\n"
    "▶ 코스피 2,500선 회복\n"
    "<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>\n";

static void t_article(void **state)
{
    (void)state;
    kc_doc *d = read_doc(ARTICLE, NULL);
    assert_string_equal(kc_doc_title(d), "한국은행, 기준금리 3.5%로 동결");
    assert_string_equal(kc_doc_published(d), "2023-04-11");
    assert_string_equal(kc_doc_source(d), "연합뉴스");
    assert_string_equal(kc_doc_byline(d), "박영희 기자");
    assert_int_equal(kc_doc_paragraph_count(d), 2);
    assert_para(d, 0, "한국은행 금융통화위원회는 11일 기준금리를 연 3.50%로 동결했다.");
    assert_para(d, 1, "물가 상승률이 둔화하고 있다는 판단에서다.");
    assert_int_equal(kc_doc_paragraph_line(d, 0), 6);
    assert_int_equal(kc_doc_paragraph_line(d, 1), 8);
    assert_int_equal(kc_doc_dropped_count(d), 10);
    assert_drop(d, 0, 2, KC_DROP_BOILERPLATE); /* dateline */
    assert_drop(d, 1, 3, KC_DROP_BOILERPLATE);
    assert_drop(d, 2, 4, KC_DROP_BOILERPLATE);
    assert_drop(d, 3, 5, KC_DROP_BOILERPLATE);
    assert_drop(d, 4, 7, KC_DROP_EMPTY);
    assert_drop(d, 5, 9, KC_DROP_BYLINE);
    assert_drop(d, 6, 10, KC_DROP_BOILERPLATE);
    assert_drop(d, 7, 11, KC_DROP_BOILERPLATE);
    assert_drop(d, 8, 12, KC_DROP_BOILERPLATE);
    assert_drop(d, 9, 13, KC_DROP_SOURCE_TAG);
    const kc_stats *s = kc_doc_stats(d);
    assert_int_equal(s->lines_in, 13);
    assert_int_equal(s->dropped_boilerplate, 7);
    assert_int_equal(s->dropped_byline, 1);
    assert_int_equal(s->dropped_source_tag, 1);
    assert_int_equal(s->dropped_empty, 1);
    kc_doc_free(d);
}

static void t_title_not_sentence(void **state)
{
    (void)state;
    /* a first line that is a finished sentence is body, not a title */
    kc_doc *d = read_doc("정부가 대책을 발표했다.\n후속 조치도 나왔다.\n", NULL);
    assert_null(kc_doc_title(d));
    assert_int_equal(kc_doc_paragraph_count(d), 2);
    kc_doc_free(d);
}

static void t_meta_title(void **state)
{
    (void)state;
    kc_doc *d;
    assert_int_equal(kc_doc_new(&d, eng, "m"), KC_OK);
    assert_int_equal(kc_doc_set_meta(d, "title", "속보 제목", strlen("속보 제목")), KC_OK);
    assert_int_equal(kc_doc_set_meta(d, "date", "2024-02-29T10:00:00+09:00", 25), KC_OK);
    assert_int_equal(kc_doc_set_meta(d, "nope", "x", 1), KC_EINVAL);
    const char *t = "속보 제목\n본문이다.\n";
    assert_int_equal(kc_doc_feed(d, t, strlen(t)), KC_OK);
    assert_int_equal(kc_doc_read(d, NULL), KC_OK);
    assert_string_equal(kc_doc_title(d), "속보 제목");
    assert_string_equal(kc_doc_published(d), "2024-02-29");
    assert_int_equal(kc_doc_paragraph_count(d), 1);
    assert_para(d, 0, "본문이다.");
    kc_doc_free(d);
}

static void t_dedup_run_rule(void **state)
{
    (void)state;
    const char *t =
        "제목\n"
        "\"그럼!\"\n"
        "첫 문단은 충분히 길어서 반복되면 중복으로 처리되어야 하는 문장이다.\n"
        "\"그럼!\"\n"
        "첫 문단은 충분히 길어서 반복되면 중복으로 처리되어야 하는 문장이다.\n"
        "\"그럼!\"\n";
    /* lines 4-6 repeat the run of lines 2-3: the short lines inside the
     * repeated run go with it */
    kc_doc *d = read_doc(t, NULL);
    assert_int_equal(kc_doc_paragraph_count(d), 2);
    assert_para(d, 0, "\"그럼!\"");
    assert_int_equal(kc_doc_dropped_count(d), 3);
    assert_drop(d, 0, 4, KC_DROP_DUPLICATE);
    assert_drop(d, 1, 5, KC_DROP_DUPLICATE);
    assert_drop(d, 2, 6, KC_DROP_DUPLICATE);
    kc_doc_free(d);
}

static void t_dedup_whitespace_and_case(void **state)
{
    (void)state;
    const char *t = "제목\nKakao 서비스가  복구되었다고 회사 측이 오늘 공식적으로 밝혔다.\n"
                    "kakao 서비스가 복구되었다고 회사 측이 오늘 공식적으로   밝혔다.\n";
    kc_doc *d = read_doc(t, NULL);
    assert_int_equal(kc_doc_paragraph_count(d), 1);
    assert_drop(d, 0, 3, KC_DROP_DUPLICATE);
    kc_doc_free(d);
}

static void t_dedup_off(void **state)
{
    (void)state;
    kc_options o;
    kc_options_init(&o);
    o.dedup = KC_DEDUP_OFF;
    const char *t = "제목\n같은 문단이 두 번 나오는 경우에도 끄면 그대로 남아야 한다고 본다.\n"
                    "같은 문단이 두 번 나오는 경우에도 끄면 그대로 남아야 한다고 본다.\n";
    kc_doc *d = read_doc(t, &o);
    assert_int_equal(kc_doc_paragraph_count(d), 2);
    kc_doc_free(d);
}

static void t_corpus_dedup(void **state)
{
    (void)state;
    kc_dedup *dd;
    assert_int_equal(kc_dedup_new(&dd), KC_OK);
    const char *a = "기사 하나\n두 기사에 똑같이 실린 문단은 두 번째 기사에서 빠져야 한다고 본다.\n첫 기사만의 문단이다.\n";
    const char *b = "기사 둘\n두 기사에 똑같이 실린 문단은 두 번째 기사에서 빠져야 한다고 본다.\n둘째 기사만의 문단이다.\n";
    kc_doc *d1 = read_doc(a, NULL), *d2 = read_doc(b, NULL);
    assert_int_equal(kc_dedup_apply(dd, d1), KC_OK);
    assert_int_equal(kc_dedup_apply(dd, d2), KC_OK);
    assert_int_equal(kc_doc_paragraph_count(d1), 2);
    assert_int_equal(kc_doc_paragraph_count(d2), 1);
    assert_para(d2, 0, "둘째 기사만의 문단이다.");
    assert_drop(d2, 0, 2, KC_DROP_DUPLICATE);
    kc_doc_free(d1);
    kc_doc_free(d2);
    kc_dedup_free(dd);
    kc_dedup_free(NULL);
}

static void t_segment_long_line(void **state)
{
    (void)state;
    kc_options o;
    kc_options_init(&o);
    o.max_line_bytes = 10;
    o.dedup = KC_DEDUP_OFF;
    /* 가나다라마 = 15 bytes: split at a code-point boundary, 9 + 6 */
    kc_doc *d = read_doc("제목\n가나다라마.\n", &o);
    const kc_stats *s = kc_doc_stats(d);
    assert_int_equal(s->long_lines_split, 1);
    assert_int_equal(kc_doc_paragraph_count(d), 2);
    assert_para(d, 0, "가나다");
    assert_para(d, 1, "라마.");
    kc_doc_free(d);
}

static void t_strict_long_line(void **state)
{
    (void)state;
    kc_options o;
    kc_options_init(&o);
    o.max_line_bytes = 10;
    o.strict = 1;
    kc_doc *d;
    assert_int_equal(kc_doc_new(&d, eng, "s"), KC_OK);
    assert_int_equal(kc_doc_feed(d, "가나다라마.\n", 17), KC_OK);
    assert_int_equal(kc_doc_read(d, &o), KC_ESTRICT);
    assert_string_equal(kc_doc_error(d), "byte 0: line longer than 10 bytes");
    kc_doc_free(d);
}

static void t_misuse(void **state)
{
    (void)state;
    kc_doc *d;
    assert_int_equal(kc_doc_new(NULL, eng, "x"), KC_EINVAL);
    assert_int_equal(kc_doc_new(&d, eng, "x"), KC_OK);
    assert_int_equal(kc_doc_extract(d, NULL), KC_EINVAL); /* before read */
    assert_int_equal(kc_doc_read(d, NULL), KC_OK);
    assert_int_equal(kc_doc_read(d, NULL), KC_EINVAL);    /* twice */
    assert_int_equal(kc_doc_feed(d, "x", 1), KC_EINVAL);  /* after read */
    assert_null(kc_doc_paragraph(d, 0, NULL));
    kc_doc_free(d);
    kc_doc_free(NULL);
    kc_engine_free(NULL);
    assert_string_equal(kc_strerror(KC_ENOMEM), "out of memory");
    assert_string_equal(kc_drop_reason_name(KC_DROP_NEAR_DUPLICATE), "near-duplicate");
}

static void t_dict_override(void **state)
{
    (void)state;
    char dir[] = "/tmp/kcdictXXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/boilerplate.tsv", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("kind\treason\tpattern\nexact\tboilerplate\t광고문구\n", f);
    fclose(f);
    kc_engine *e2;
    char err[256];
    assert_int_equal(kc_engine_new(&e2, dir, err, sizeof err), KC_OK);
    kc_doc *d;
    assert_int_equal(kc_doc_new(&d, e2, "o"), KC_OK);
    const char *t = "제목\n광고문구\n공유\n";
    assert_int_equal(kc_doc_feed(d, t, strlen(t)), KC_OK);
    assert_int_equal(kc_doc_read(d, NULL), KC_OK);
    /* the override replaces the embedded file: 공유 is kept, 광고문구 dropped */
    assert_int_equal(kc_doc_paragraph_count(d), 1);
    assert_para(d, 0, "공유");
    kc_doc_free(d);
    kc_engine_free(e2);
    /* a malformed override is an error naming file and line */
    f = fopen(path, "w");
    fputs("kind\treason\tpattern\nbogus\tboilerplate\tx\n", f);
    fclose(f);
    assert_int_equal(kc_engine_new(&e2, dir, err, sizeof err), KC_EDICT);
    assert_null(e2);
    assert_string_equal(err, "boilerplate.tsv:2: unknown kind 'bogus'");
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_article),
        cmocka_unit_test(t_title_not_sentence),
        cmocka_unit_test(t_meta_title),
        cmocka_unit_test(t_dedup_run_rule),
        cmocka_unit_test(t_dedup_whitespace_and_case),
        cmocka_unit_test(t_dedup_off),
        cmocka_unit_test(t_corpus_dedup),
        cmocka_unit_test(t_segment_long_line),
        cmocka_unit_test(t_strict_long_line),
        cmocka_unit_test(t_misuse),
        cmocka_unit_test(t_dict_override),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
