/* Unit tests: events.c on hand-made mentions (independent of the
 * extractors), exact field values. */
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

/* Add a mention over the first occurrence (at or after byte `from`) of
 * `span` in paragraph p. */
static kc_mention *add(kc_doc *d, size_t p, const char *span, kc_mention_kind k, size_t from)
{
    size_t len;
    const char *s = kc_doc_paragraph(d, p, &len);
    assert_non_null(s);
    size_t n = strlen(span);
    for (size_t i = from; i + n <= len; i++) {
        if (memcmp(s + i, span, n) == 0) {
            kc_mention *m = kc__doc_add_mention(d, k, p, i, i + n);
            assert_non_null(m);
            m->text = span;
            return m;
        }
    }
    fail_msg("span '%s' not in paragraph %zu", span, p);
    return NULL;
}

static kc_mention *fig(kc_doc *d, size_t p, const char *span, const char *v, const char *vmax,
                       const char *unit, int approx)
{
    kc_mention *m = add(d, p, span, KC_MENTION_FIGURE, 0);
    m->value = v;
    m->value_max = vmax;
    m->unit = unit;
    m->approx = approx;
    return m;
}

static void date(kc_doc *d, size_t p, const char *span, const char *v)
{
    add(d, p, span, KC_MENTION_DATE, 0)->value = v;
}

static void ent(kc_doc *d, size_t p, const char *span, const char *type, const char *name)
{
    kc_mention *m = add(d, p, span, KC_MENTION_ENTITY, 0);
    m->etype = type;
    m->name = name;
}

static kc_doc *load(const char *text)
{
    kc_doc *d;
    assert_int_equal(kc_doc_new(&d, eng, "ev"), KC_OK);
    assert_int_equal(kc__doc_load_paragraphs(d, text, strlen(text), "2022-10-22"), KC_OK);
    return d;
}

static void run(kc_doc *d)
{
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    assert_int_equal(kc__events_extract(d, 0, kc_doc_paragraph_count(d), md), KC_OK);
    pcre2_match_data_free(md);
}

static void assert_str(const char *got, const char *want)
{
    if (!want) assert_null(got);
    else { assert_non_null(got); assert_string_equal(got, want); }
}

static void assert_metric(const kc_event *e, const char *date_, const char *subject,
                          const char *metric, const char *v, const char *vmax, const char *unit,
                          int approx, int baseline)
{
    assert_string_equal(e->type, "metric");
    assert_str(e->date, date_);
    assert_str(e->subject, subject);
    assert_str(e->metric, metric);
    assert_str(e->value, v);
    assert_str(e->value_max, vmax);
    assert_str(e->unit, unit);
    assert_int_equal(e->approx, approx);
    assert_int_equal(e->baseline, baseline);
}

/* The DAU passage of the sample editorial, with the mentions the
 * extractors give it. */
static void t_dau_carry_over(void **state)
{
    (void)state;
    kc_doc *d = load(
        "아이지에이웍스의 모바일인덱스 집계에 따르면 평소 3천300만∼3천700만대 사이를 오가던 카카오톡 일간 활성 이용자(DAU)는 사태 다음날인 16일 3천290만 명으로 내려앉았다.\n"
        "지난 1년간의 DAU 중 가장 낮은 수치였다.\n"
        "그러나 카카오톡의 주요 기능이 복구된 17일 곧바로 3천460만여 명으로 급증하며 평소 수준을 회복했다.\n"
        "18일에는 3천470만여명으로 더욱 늘었다.\n"
        "10년 넘게 우리 생활의 일부가 된 카카오톡의 '록인 효과'가 톡톡히 드러난 것이다.\n");
    ent(d, 0, "아이지에이웍스", "org", "아이지에이웍스");
    ent(d, 0, "모바일인덱스", "product", "모바일인덱스");
    fig(d, 0, "3천300만∼3천700만대", "33000000", "37000000", "", 0);
    ent(d, 0, "카카오톡", "product", "카카오톡");
    date(d, 0, "16일", "2022-10-16");
    fig(d, 0, "3천290만 명", "32900000", NULL, "명", 0);
    ent(d, 2, "카카오톡", "product", "카카오톡");
    date(d, 2, "17일", "2022-10-17");
    fig(d, 2, "3천460만여 명", "34600000", NULL, "명", 1);
    date(d, 3, "18일", "2022-10-18");
    fig(d, 3, "3천470만여명", "34700000", NULL, "명", 1);
    add(d, 4, "10년 넘게", KC_MENTION_DURATION, 0)->value = "P10Y";
    ent(d, 4, "카카오톡", "product", "카카오톡");
    run(d);
    size_t nm = 0;
    const kc_event *m[8];
    for (size_t i = 0; i < kc_doc_event_count(d); i++) {
        const kc_event *e = kc_doc_event(d, i);
        if (!strcmp(e->type, "metric")) { assert_true(nm < 8); m[nm++] = e; }
    }
    assert_int_equal(nm, 4);
    assert_metric(m[0], NULL, "카카오톡", "DAU", "33000000", "37000000", "", 0, 1);
    assert_metric(m[1], "2022-10-16", "카카오톡", "DAU", "32900000", NULL, "명", 0, 0);
    assert_metric(m[2], "2022-10-17", "카카오톡", "DAU", "34600000", NULL, "명", 1, 0);
    assert_metric(m[3], "2022-10-18", "카카오톡", "DAU", "34700000", NULL, "명", 1, 0);
    for (size_t i = 0; i < 4; i++) assert_string_equal(m[i]->source, "아이지에이웍스 모바일인덱스");
    assert_int_equal(m[3]->para, 3);
    assert_string_equal(m[3]->sentence, "18일에는 3천470만여명으로 더욱 늘었다.");
    kc_doc_free(d);
}

static void t_unit_filter_and_metric_switch(void **state)
{
    (void)state;
    kc_doc *d = load(
        "네이버는 3분기 매출이 2조573억원으로 20.3% 증가했다고 밝혔다.\n"
        "영업이익은 3천302억원으로 3.7% 늘었다.\n");
    ent(d, 0, "네이버", "org", "네이버");
    date(d, 0, "3분기", "2022-Q3");
    fig(d, 0, "2조573억원", "2057300000000", NULL, "원", 0);
    fig(d, 0, "20.3%", "20.3", NULL, "%", 0);
    fig(d, 1, "3천302억원", "330200000000", NULL, "원", 0);
    fig(d, 1, "3.7%", "3.7", NULL, "%", 0);
    run(d);
    assert_int_equal(kc_doc_event_count(d), 2);
    assert_metric(kc_doc_event(d, 0), "2022-Q3", "네이버", "매출", "2057300000000", NULL, "원", 0, 0);
    /* the date and subject carry into the next sentence */
    assert_metric(kc_doc_event(d, 1), "2022-Q3", "네이버", "영업이익", "330200000000", NULL, "원", 0, 0);
    assert_null(kc_doc_event(d, 1)->source);
    kc_doc_free(d);
}

static void t_events_basic(void **state)
{
    (void)state;
    kc_doc *d = load(
        "위기는 평화로웠던 지난 15일, 토요일 오후 갑자기 찾아왔다.\n"
        "판교 데이터센터 전기실의 배터리에서 시작된 불이 번지면서다.\n"
        "과학기술정보통신부 이종호 장관은 이 사태와 관련해 두 차례 사과했다.\n"
        "결국 나흘만인 19일 남궁훈 전 대표는 긴급 기자회견을 열어 사퇴했다.\n"
        "보상 노력에 한 점 소홀함이 없어야 한다.\n"
        "\"안주할 것인가?\"\n"
        "불이익을 받은 사람은 없었다.\n");
    date(d, 0, "지난 15일", "2022-10-15");
    ent(d, 1, "판교", "location", "판교");
    ent(d, 2, "과학기술정보통신부", "org", "과학기술정보통신부");
    ent(d, 2, "이종호", "person", "이종호");
    fig(d, 2, "두 차례", "2", NULL, "차례", 0);
    date(d, 3, "19일", "2022-10-19");
    ent(d, 3, "남궁훈", "person", "남궁훈");
    run(d);
    assert_int_equal(kc_doc_event_count(d), 4);
    const kc_event *e = kc_doc_event(d, 0);
    assert_string_equal(e->type, "fire");
    assert_string_equal(e->date, "2022-10-15"); /* from the sentence before */
    assert_string_equal(e->place, "판교 데이터센터");
    e = kc_doc_event(d, 1);
    assert_string_equal(e->type, "apology");
    assert_null(e->date);
    assert_int_equal(e->n_actors, 2);
    assert_string_equal(e->actors[0], "과학기술정보통신부");
    assert_string_equal(e->actors[1], "이종호");
    assert_string_equal(e->value, "2");
    assert_string_equal(e->unit, "차례");
    e = kc_doc_event(d, 2);
    assert_string_equal(e->type, "press_conference");
    assert_string_equal(e->date, "2022-10-19");
    e = kc_doc_event(d, 3);
    assert_string_equal(e->type, "resignation");
    assert_string_equal(e->date, "2022-10-19");
    assert_int_equal(e->n_actors, 1);
    assert_string_equal(e->actors[0], "남궁훈");
    kc_doc_free(d);
}

/* A time mention on a known day dates an event like a date mention: "7일
 * 전" counted from a reference instant is a time (2022-10-15T06:00), a
 * period word after a date one over that day; an open or bare clock time
 * gives no day. */
static void t_time_dates_event(void **state)
{
    (void)state;
    kc_doc *d = load(
        "7일 전 판교 데이터센터에서 불이 났다.\n"
        "오후에 대표가 사퇴했다.\n"
        "오후 2시 이후 대표가 사과했다.\n");
    add(d, 0, "7일 전", KC_MENTION_TIME, 0)->value = "2022-10-15T06:00";
    ent(d, 0, "판교", "location", "판교");
    add(d, 1, "오후", KC_MENTION_TIME, 0)->value = "2022-10-16T12:00/2022-10-16T19:00";
    add(d, 2, "오후 2시", KC_MENTION_TIME, 0)->value = "14:00/..";
    run(d);
    assert_int_equal(kc_doc_event_count(d), 3);
    const kc_event *e = kc_doc_event(d, 0);
    assert_string_equal(e->type, "fire");
    assert_string_equal(e->date, "2022-10-15");
    e = kc_doc_event(d, 1);
    assert_string_equal(e->type, "resignation");
    assert_string_equal(e->date, "2022-10-16");
    e = kc_doc_event(d, 2);
    assert_string_equal(e->type, "apology");
    assert_string_equal(e->date, "2022-10-16"); /* the sentence before */
    kc_doc_free(d);
}

static void t_emit_metrics_csv(void **state)
{
    (void)state;
    kc_doc *d = load("평소 분기 매출은 1조8천억∼1조9천억원 수준이었다.\n");
    fig(d, 0, "1조8천억∼1조9천억원 수준", "1800000000000", "1900000000000", "원", 1);
    run(d);
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_int_equal(kc_write_metrics(d, KC_FMT_CSV, NULL, 1, f), KC_OK);
    fclose(f);
    assert_string_equal(buf,
        "doc,date,subject,metric,value,value_max,unit,approx,source,baseline,para\r\n"
        "ev,,,매출,1800000000000,1900000000000,원,true,,true,0\r\n");
    free(buf);
    f = open_memstream(&buf, &n);
    assert_int_equal(kc_write_metrics(d, KC_FMT_CSV, "DAU", 0, f), KC_OK);
    fclose(f);
    assert_string_equal(buf, "");
    free(buf);
    kc_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_dau_carry_over),
        cmocka_unit_test(t_unit_filter_and_metric_switch),
        cmocka_unit_test(t_events_basic),
        cmocka_unit_test(t_time_dates_event),
        cmocka_unit_test(t_emit_metrics_csv),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
