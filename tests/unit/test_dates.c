/* Unit tests: dates.c — dates, times and durations resolved against a
 * reference day. One table row per case: reference date (NULL: none), the
 * paragraph text (a '\n' starts a new paragraph, so context carries over),
 * the expected kind, span text and value, and the expected flags:
 *   approx, over/min/max/under (bound), wd=N (stated weekday), mismatch,
 *   early/mid/late (part), rel / abs (relative flag, checked only when
 *   given). Kind 0 means: no date, time or duration mention at all.
 * The span's byte offsets are checked against its first occurrence in the
 * paragraph that holds it. Reference dates cross month and year ends and
 * leap days; the Duckling Korean examples that suit news are included
 * (reference 2013-02-12, a Tuesday). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

typedef struct dcase {
    const char *ref, *text;
    int kind;
    const char *span, *value, *flags;
} dcase;

static const dcase CASES[] = {
    /* ref|text|kind|span|value|flags   (kind: D date, T time, U duration, - none of the three) */
    /* bare day: the reference month when not after the reference day, else earlier */
    {"2024-03-01", "29일 발표했다", KC_MENTION_DATE, "29일", "2024-02-29", "abs"},
    {"2023-03-01", "29일 발표했다", KC_MENTION_DATE, "29일", "2023-01-29", ""},
    {"2023-03-01", "30일 발표했다", KC_MENTION_DATE, "30일", "2023-01-30", ""},
    {"2023-01-03", "30일 발표했다", KC_MENTION_DATE, "30일", "2022-12-30", ""},
    {"2023-01-03", "3일 발표했다", KC_MENTION_DATE, "3일", "2023-01-03", ""},
    {"2023-01-03", "31일에는", KC_MENTION_DATE, "31일", "2022-12-31", ""},
    {"2022-10-22", "22일 오전", KC_MENTION_DATE, "22일", "2022-10-22", ""},
    {"2022-10-22", "23일 열린", KC_MENTION_DATE, "23일", "2022-09-23", ""},
    {"2024-03-31", "31일", KC_MENTION_DATE, "31일", "2024-03-31", ""},
    {"2024-04-30", "31일", KC_MENTION_DATE, "31일", "2024-03-31", ""},
    {"2000-03-01", "29일", KC_MENTION_DATE, "29일", "2000-02-29", ""},
    {"2100-03-01", "29일", KC_MENTION_DATE, "29일", "2100-01-29", ""},
    {"2022-10-22", "1일 평균", KC_MENTION_DATE, "1일", "2022-10-01", ""},
    {"2022-10-22", "지난 22일", KC_MENTION_DATE, "지난 22일", "2022-09-22", "rel"},
    {"2022-10-22", "지난 21일", KC_MENTION_DATE, "지난 21일", "2022-10-21", "rel"},
    {"2022-10-22", "지난 15일, 토요일 오후", KC_MENTION_DATE, "지난 15일, 토요일", "2022-10-15", "wd=6 rel"},
    {"2022-10-22", "15일(토) 오후", KC_MENTION_DATE, "15일(토)", "2022-10-15", "wd=6"},
    {"2022-10-22", "15일 (토)", KC_MENTION_DATE, "15일 (토)", "2022-10-15", "wd=6"},
    {"2022-10-03", "30일(금) 발표", KC_MENTION_DATE, "30일(금)", "2022-09-30", "wd=5"},
    {"2022-10-03", "30일(일) 발표", KC_MENTION_DATE, "30일(일)", "2022-10-30", "wd=7"},
    {"2022-10-22", "15일(월) 발표", KC_MENTION_DATE, "15일(월)", "2022-10-15", "wd=1 mismatch"},
    {"2022-10-22", "2022년 10월 15일 월요일", KC_MENTION_DATE, "2022년 10월 15일 월요일", "2022-10-15", "wd=1 mismatch"},
    {"2022-10-22", "2022년 10월 15일 토요일", KC_MENTION_DATE, "2022년 10월 15일 토요일", "2022-10-15", "wd=6"},
    {"2013-02-12", "1월 31일(금)", KC_MENTION_DATE, "1월 31일(금)", "2014-01-31", "wd=5"},
    {"2022-10-22", "오는 25일", KC_MENTION_DATE, "오는 25일", "2022-10-25", "rel"},
    {"2022-10-22", "오는 5일", KC_MENTION_DATE, "오는 5일", "2022-11-05", "rel"},
    {"2022-12-20", "오는 5일", KC_MENTION_DATE, "오는 5일", "2023-01-05", "rel"},
    {"2023-01-30", "오는 30일", KC_MENTION_DATE, "오는 30일", "2023-03-30", "rel"},
    {"2024-01-31", "오는 29일", KC_MENTION_DATE, "오는 29일", "2024-02-29", "rel"},
    {"2022-10-22", "15일께 발표", KC_MENTION_DATE, "15일께", "2022-10-15", "approx"},
    /* months and years */
    {"2022-10-22", "3월 1일", KC_MENTION_DATE, "3월 1일", "2022-03-01", "abs"},
    {"2022-10-22", "12월 25일", KC_MENTION_DATE, "12월 25일", "2022-12-25", ""},
    {"2022-10-22", "지난 12월", KC_MENTION_DATE, "지난 12월", "2021-12", "rel"},
    {"2022-10-22", "지난 2월", KC_MENTION_DATE, "지난 2월", "2022-02", "rel"},
    {"2022-10-22", "오는 3월", KC_MENTION_DATE, "오는 3월", "2023-03", "rel"},
    {"2022-10-22", "오는 11월", KC_MENTION_DATE, "오는 11월", "2022-11", "rel"},
    {"2013-02-12", "다음 3월", KC_MENTION_DATE, "다음 3월", "2013-03", "rel"},
    {"2022-10-22", "지난 10월 30일", KC_MENTION_DATE, "지난 10월 30일", "2021-10-30", "rel"},
    {"2022-10-22", "오는 1월 5일", KC_MENTION_DATE, "오는 1월 5일", "2023-01-05", "rel"},
    {"2023-01-10", "지난달", KC_MENTION_DATE, "지난달", "2022-12", "rel"},
    {"2023-01-10", "지난달 24일", KC_MENTION_DATE, "지난달 24일", "2022-12-24", "rel"},
    {"2023-01-10", "이달", KC_MENTION_DATE, "이달", "2023-01", "rel"},
    {"2023-01-10", "이달 말", KC_MENTION_DATE, "이달 말", "2023-01", "rel late"},
    {"2022-12-05", "다음 달", KC_MENTION_DATE, "다음 달", "2023-01", "rel"},
    {"2022-12-05", "내달 5일", KC_MENTION_DATE, "내달 5일", "2023-01-05", "rel"},
    {"2013-02-12", "저번달", KC_MENTION_DATE, "저번달", "2013-01", "rel"},
    {"2013-02-12", "다음달", KC_MENTION_DATE, "다음달", "2013-03", "rel"},
    {"2023-01-02", "지난해", KC_MENTION_DATE, "지난해", "2022", "rel"},
    {"2023-01-02", "작년", KC_MENTION_DATE, "작년", "2022", "rel"},
    {"2023-01-02", "올해", KC_MENTION_DATE, "올해", "2023", "rel"},
    {"2023-01-02", "금년", KC_MENTION_DATE, "금년", "2023", "rel"},
    {"2023-01-02", "내년", KC_MENTION_DATE, "내년", "2024", "rel"},
    {"2023-01-02", "내년도 예산", KC_MENTION_DATE, "내년도", "2024", "rel"},
    {"2023-01-02", "재작년", KC_MENTION_DATE, "재작년", "2021", "rel"},
    {"2023-01-02", "지난해 말", KC_MENTION_DATE, "지난해 말", "2022", "rel late"},
    {"2023-01-02", "지난해 11월", KC_MENTION_DATE, "지난해 11월", "2022-11", "rel"},
    {"2023-01-02", "올해 3월 1일", KC_MENTION_DATE, "올해 3월 1일", "2023-03-01", "rel"},
    {"2022-10-22", "2030년까지", KC_MENTION_DATE, "2030년", "2030", "abs"},
    {"2022-10-22", "2019년 3월 1일", KC_MENTION_DATE, "2019년 3월 1일", "2019-03-01", "abs"},
    {"2022-10-22", "2019년 이전", KC_MENTION_DATE, "2019년", "2019", ""},
    {"2022-10-22", "'23년 목표", KC_MENTION_DATE, "'23년", "2023", ""},
    {"2022-10-22", "’99년", KC_MENTION_DATE, "’99년", "1999", ""},
    {"2022-10-22", "'23년 3월", KC_MENTION_DATE, "'23년 3월", "2023-03", ""},
    {"2013-02-12", "2014년 10월", KC_MENTION_DATE, "2014년 10월", "2014-10", ""},
    {"2022-10-22", "94년 8월", KC_MENTION_DATE, "94년 8월", "1994-08", ""},
    {"2022-10-22", "74년", KC_MENTION_DATE, "74년", "1974", ""},
    {"2022-10-22", "79년도", KC_MENTION_DATE, "79년도", "1979", ""},
    {"2022-10-22", "이천십오년 삼월 삼일", KC_MENTION_DATE, "이천십오년 삼월 삼일", "2015-03-03", ""},
    {"2024-05-01", "2024년 2월 29일", KC_MENTION_DATE, "2024년 2월 29일", "2024-02-29", ""},
    /* digit notations */
    {"2022-10-22", "2023.3.15 공시", KC_MENTION_DATE, "2023.3.15", "2023-03-15", ""},
    {"2022-10-22", "2023. 3. 15. 발표", KC_MENTION_DATE, "2023. 3. 15.", "2023-03-15", ""},
    {"2022-10-22", "2023-03-15 기준", KC_MENTION_DATE, "2023-03-15", "2023-03-15", ""},
    {"2022-10-22", "2023/03/15", KC_MENTION_DATE, "2023/03/15", "2023-03-15", ""},
    {"2013-02-12", "2015/3/3", KC_MENTION_DATE, "2015/3/3", "2015-03-03", ""},
    {"2013-02-12", "2015-3-3", KC_MENTION_DATE, "2015-3-3", "2015-03-03", ""},
    {"2013-02-12", "74/10/31", KC_MENTION_DATE, "74/10/31", "1974-10-31", ""},
    {"2022-10-22", "2024.02.29", KC_MENTION_DATE, "2024.02.29", "2024-02-29", ""},
    {"2022-10-22", "2023.02.29", 0, NULL, NULL, ""},
    {"2022-10-22", "문의 02-1234-5678", 0, NULL, NULL, ""},
    {"2022-10-22", "버전 1.2.3", 0, NULL, NULL, ""},
    /* weekdays */
    {"2013-02-12", "지난 일요일", KC_MENTION_DATE, "지난 일요일", "2013-02-10", "wd=7 rel"},
    {"2013-02-12", "저번 일요일", KC_MENTION_DATE, "저번 일요일", "2013-02-10", "wd=7 rel"},
    {"2013-02-12", "다음 화요일", KC_MENTION_DATE, "다음 화요일", "2013-02-19", "wd=2 rel"},
    {"2013-02-12", "오는 금요일", KC_MENTION_DATE, "오는 금요일", "2013-02-15", "wd=5 rel"},
    {"2013-02-12", "이번주 수요일", KC_MENTION_DATE, "이번주 수요일", "2013-02-13", "wd=3 rel"},
    {"2013-02-12", "이번주 화요일", KC_MENTION_DATE, "이번주 화요일", "2013-02-12", "wd=2 rel"},
    {"2013-02-12", "지난주 일요일", KC_MENTION_DATE, "지난주 일요일", "2013-02-10", "wd=7 rel"},
    {"2013-02-12", "저번주 화요일", KC_MENTION_DATE, "저번주 화요일", "2013-02-05", "wd=2 rel"},
    {"2013-02-12", "다음주 금요일", KC_MENTION_DATE, "다음주 금요일", "2013-02-22", "wd=5 rel"},
    {"2013-02-12", "다음주 화요일", KC_MENTION_DATE, "다음주 화요일", "2013-02-19", "wd=2 rel"},
    {"2013-02-12", "토요일", KC_MENTION_DATE, "토요일", "2013-02-09", "wd=6"},
    {"2013-02-12", "화요일에", KC_MENTION_DATE, "화요일", "2013-02-12", "wd=2"},
    {"2023-01-02", "지난주 금요일", KC_MENTION_DATE, "지난주 금요일", "2022-12-30", "wd=5 rel"},
    {"2023-01-02", "지난 토요일", KC_MENTION_DATE, "지난 토요일", "2022-12-31", "wd=6 rel"},
    {"2024-03-01", "지난 목요일", KC_MENTION_DATE, "지난 목요일", "2024-02-29", "wd=4 rel"},
    /* relative days */
    {"2023-01-01", "어제", KC_MENTION_DATE, "어제", "2022-12-31", "rel"},
    {"2023-01-01", "그제", KC_MENTION_DATE, "그제", "2022-12-30", "rel"},
    {"2023-01-01", "엊그제", KC_MENTION_DATE, "엊그제", "2022-12-30", "rel"},
    {"2023-01-01", "내일", KC_MENTION_DATE, "내일", "2023-01-02", "rel"},
    {"2023-01-01", "모레", KC_MENTION_DATE, "모레", "2023-01-03", "rel"},
    {"2023-01-01", "내일모레", KC_MENTION_DATE, "내일모레", "2023-01-03", "rel"},
    {"2023-01-01", "오늘", KC_MENTION_DATE, "오늘", "2023-01-01", "rel"},
    {"2024-02-28", "내일", KC_MENTION_DATE, "내일", "2024-02-29", "rel"},
    {"2024-02-28", "모레", KC_MENTION_DATE, "모레", "2024-03-01", "rel"},
    {"2023-02-28", "내일", KC_MENTION_DATE, "내일", "2023-03-01", "rel"},
    {"2024-03-01", "어제", KC_MENTION_DATE, "어제", "2024-02-29", "rel"},
    {"2023-01-01", "오늘은", KC_MENTION_DATE, "오늘", "2023-01-01", "rel"},
    {"2023-01-01", "오늘날", 0, NULL, NULL, ""},
    {"2022-10-22", "이날 오후", KC_MENTION_DATE, "이날", "2022-10-22", "rel"},
    {"2022-10-22", "2023년 12월 31일 개막해 다음날 폐막", KC_MENTION_DATE, "다음날", "2024-01-01", "rel"},
    {"2022-10-22", "2023년 12월 31일 개막해 이튿날 폐막", KC_MENTION_DATE, "이튿날", "2024-01-01", "rel"},
    {"2024-05-01", "3월 1일 행사 전날", KC_MENTION_DATE, "전날", "2024-02-29", "rel"},
    {"2022-10-22", "19일 회견, 당일 사퇴", KC_MENTION_DATE, "당일", "2022-10-19", "rel"},
    {"2022-10-22", "사태 다음날인 16일", KC_MENTION_DATE, "다음날", "2022-10-16", "rel"},
    {"2022-10-22", "사태 다음날인 16일", KC_MENTION_DATE, "16일", "2022-10-16", "abs"},
    {"2022-10-22", "사태 나흘만인 19일", KC_MENTION_DATE, "19일", "2022-10-19", ""},
    {"2022-10-22", "사태 나흘만인 19일", KC_MENTION_DURATION, "나흘만", "P4D", ""},
    /* weeks */
    {"2022-10-12", "이번 주", KC_MENTION_DATE, "이번 주", "2022-W41", "rel"},
    {"2022-10-12", "지난주", KC_MENTION_DATE, "지난주", "2022-W40", "rel"},
    {"2022-10-12", "다음 주", KC_MENTION_DATE, "다음 주", "2022-W42", "rel"},
    {"2023-01-01", "이번 주", KC_MENTION_DATE, "이번 주", "2022-W52", "rel"},
    {"2023-01-01", "다음 주", KC_MENTION_DATE, "다음 주", "2023-W01", "rel"},
    {"2021-01-01", "이번 주", KC_MENTION_DATE, "이번 주", "2020-W53", "rel"},
    {"2013-02-12", "이번주", KC_MENTION_DATE, "이번주", "2013-W07", "rel"},
    {"2013-02-12", "금주", KC_MENTION_DATE, "금주", "2013-W07", "rel"},
    {"2013-02-12", "오는주", KC_MENTION_DATE, "오는주", "2013-W08", "rel"},
    {"2013-02-12", "금주령", 0, NULL, NULL, ""},
    {"2013-02-12", "2014년 10월 첫번째주", KC_MENTION_DATE, "2014년 10월 첫번째주", "2014-W41", ""},
    {"2013-02-12", "2014년 9월 마지막주", KC_MENTION_DATE, "2014년 9월 마지막주", "2014-W39", ""},
    /* nth weekday, last day */
    {"2013-02-12", "2014년 9월 셋째화요일", KC_MENTION_DATE, "2014년 9월 셋째화요일", "2014-09-16", "wd=2"},
    {"2013-02-12", "2014년 9월 세번째화요일", KC_MENTION_DATE, "2014년 9월 세번째화요일", "2014-09-16", "wd=2"},
    {"2013-02-12", "2014년 3월 마지막일요일", KC_MENTION_DATE, "2014년 3월 마지막일요일", "2014-03-30", "wd=7"},
    {"2013-02-12", "2014년 10월 첫번째 수요일", KC_MENTION_DATE, "2014년 10월 첫번째 수요일", "2014-10-01", "wd=3"},
    {"2013-02-12", "2014년 10월 둘째 수요일", KC_MENTION_DATE, "2014년 10월 둘째 수요일", "2014-10-08", "wd=3"},
    {"2013-02-12", "2015년 10월 마지막날", KC_MENTION_DATE, "2015년 10월 마지막날", "2015-10-31", ""},
    {"2022-10-22", "2024년 2월 마지막 날", KC_MENTION_DATE, "2024년 2월 마지막 날", "2024-02-29", ""},
    /* quarters, halves, parts, decades */
    {"2013-02-12", "2018년 4분기", KC_MENTION_DATE, "2018년 4분기", "2018-Q4", ""},
    {"2022-10-22", "3분기 실적", KC_MENTION_DATE, "3분기", "2022-Q3", ""},
    {"2022-10-22", "삼분기", KC_MENTION_DATE, "삼분기", "2022-Q3", ""},
    {"2023-02-01", "지난 분기", KC_MENTION_DATE, "지난 분기", "2022-Q4", "rel"},
    {"2023-02-01", "이번 분기", KC_MENTION_DATE, "이번 분기", "2023-Q1", "rel"},
    {"2022-11-01", "다음 분기", KC_MENTION_DATE, "다음 분기", "2023-Q1", "rel"},
    {"2013-02-12", "이번분기", KC_MENTION_DATE, "이번분기", "2013-Q1", "rel"},
    {"2013-02-12", "다음분기", KC_MENTION_DATE, "다음분기", "2013-Q2", "rel"},
    {"2023-02-01", "지난해 4분기", KC_MENTION_DATE, "지난해 4분기", "2022-Q4", "rel"},
    {"2025-03-01", "올 상반기", KC_MENTION_DATE, "올 상반기", "2025-H1", "rel"},
    {"2022-10-22", "2025년 하반기", KC_MENTION_DATE, "2025년 하반기", "2025-H2", ""},
    {"2024-12-01", "내년 상반기", KC_MENTION_DATE, "내년 상반기", "2025-H1", "rel"},
    {"2022-10-22", "3월 초", KC_MENTION_DATE, "3월 초", "2022-03", "early"},
    {"2022-10-22", "10월 중순", KC_MENTION_DATE, "10월 중순", "2022-10", "mid"},
    {"2022-10-22", "12월 말", KC_MENTION_DATE, "12월 말", "2022-12", "late"},
    {"2022-10-22", "2024년 3월 하순", KC_MENTION_DATE, "2024년 3월 하순", "2024-03", "late"},
    {"2022-10-22", "연말", KC_MENTION_DATE, "연말", "2022", "rel late"},
    {"2022-10-22", "연초", KC_MENTION_DATE, "연초", "2022", "rel early"},
    {"2022-10-22", "1980년대", KC_MENTION_DATE, "1980년대", "198X", ""},
    {"2022-10-22", "90년대", KC_MENTION_DATE, "90년대", "199X", ""},
    {"2022-10-22", "2000년대 초", KC_MENTION_DATE, "2000년대 초", "200X", "early"},
    /* N일 전 / 후 */
    {"2023-01-03", "5일 전", KC_MENTION_DATE, "5일 전", "2022-12-29", "rel"},
    {"2023-01-03", "3주 전", KC_MENTION_DATE, "3주 전", "2022-12-13", "rel"},
    {"2023-01-03", "2년 전", KC_MENTION_DATE, "2년 전", "2021", "rel"},
    {"2023-01-03", "6개월 전", KC_MENTION_DATE, "6개월 전", "2022-07", "rel"},
    {"2023-01-03", "3일 후", KC_MENTION_DATE, "3일 후", "2023-01-06", "rel"},
    {"2023-01-03", "10일 뒤", KC_MENTION_DATE, "10일 뒤", "2023-01-13", "rel"},
    {"2013-02-12", "7일전", KC_MENTION_DATE, "7일전", "2013-02-05", "rel"},
    {"2013-02-12", "2년전", KC_MENTION_DATE, "2년전", "2011", "rel"},
    {"2013-02-12", "5일 후", KC_MENTION_DATE, "5일 후", "2013-02-17", "rel"},
    {"2024-03-10", "10일 전", KC_MENTION_DATE, "10일 전", "2024-02-29", "rel"},
    /* times */
    /* counting from the reference instant (needs a reference time of day) */
    {"2013-02-12T04:30", "방금 끝났다", KC_MENTION_TIME, "방금", "2013-02-12T04:30", "rel"},
    {"2013-02-12T04:30:15", "지금까지", KC_MENTION_TIME, "지금", "2013-02-12T04:30:15", "rel"},
    {"2013-02-12", "지금까지", 0, NULL, NULL, ""},
    {NULL, "지금 당장", 0, NULL, NULL, ""},
    /* N 안에/내: the deadline one grain finer than the unit, bound max;
     * N 이내: the span from the reference instant to it */
    {"2013-02-12T04:30", "한시간안에", KC_MENTION_TIME, "한시간안에", "2013-02-12T05:30", "rel max"},
    {"2013-02-12T04:30", "약 한시간반 안에", KC_MENTION_TIME, "약 한시간반 안에", "2013-02-12T06:00", "approx max"},
    {"2013-02-12T04:30", "1초안에", KC_MENTION_TIME, "1초안에", "2013-02-12T04:30:01", "max"},
    {"2013-02-12T04:30", "24시간 내에 답하라", KC_MENTION_TIME, "24시간 내에", "2013-02-13T04:30", "max"},
    {"2013-02-12T04:30", "2주 이내에", KC_MENTION_TIME, "2주 이내에", "2013-02-12T04:30/2013-02-26T00:00", ""},
    {"2013-02-12T04:30", "삼년안에", KC_MENTION_DATE, "삼년안에", "2016-02", "rel max"},
    {"2013-02-12T04:30", "하루안에", KC_MENTION_TIME, "하루안에", "2013-02-13T04:00", "max"},
    {"2013-02-12T04:30", "7일안에", KC_MENTION_TIME, "7일안에", "2013-02-19T04:00", "max"},
    {"2013-02-12T04:30", "1주일안에", KC_MENTION_DATE, "1주일안에", "2013-02-19", "rel max"},
    {"2024-01-31T10:00", "1개월 이내", KC_MENTION_TIME, "1개월 이내", "2024-01-31T10:00/2024-02-29T00:00", ""},
    {"2023-12-31T23:30", "한시간 안에", KC_MENTION_TIME, "한시간 안에", "2024-01-01T00:30", "max"},
    {"2023-11-30T22:00", "3년 이내로", KC_MENTION_TIME, "3년 이내로", "2023-11-30T22:00/2026-11-01T00:00", ""},
    {"2024-02-29T09:15", "1년 안에", KC_MENTION_DATE, "1년 안에", "2025-02", "max"},
    /* 몇 = 3, approximate, only counted from the reference instant */
    {"2013-02-12T04:30", "몇시간안", KC_MENTION_TIME, "몇시간안", "2013-02-12T07:30", "approx max"},
    {"2013-02-12T23:50", "몇 분 안에", KC_MENTION_TIME, "몇 분 안에", "2013-02-12T23:53:00", "approx max"},
    {"2013-02-12T04:30", "몇시간이후", KC_MENTION_TIME, "몇시간이후", "2013-02-12T07:30/..", "approx"},
    {"2013-02-12", "몇 시간 안에", 0, NULL, NULL, ""},
    {"2022-10-22", "몇 년 전", 0, NULL, NULL, ""},
    /* 이 "this" is no count: spaced from its unit, or the start of 이달 */
    {"2013-02-12T04:30", "이 초안은 폐기됐다", 0, NULL, NULL, ""},
    {"2013-02-12T04:30", "이달 안에 발사", KC_MENTION_DATE, "이달", "2013-02", "rel"},
    {"2013-02-12T04:30", "두 시간 뒤", KC_MENTION_TIME, "두 시간 뒤", "2013-02-12T06:30/..", ""},
    /* N 이후: from that instant on */
    {"2013-02-12T22:30", "3시간 이후", KC_MENTION_TIME, "3시간 이후", "2013-02-13T01:30/..", ""},
    {"2013-02-12", "3시간 이내", KC_MENTION_DURATION, "3시간 이내", "PT3H", "max"},
    {NULL, "한시간안에", KC_MENTION_DURATION, "한시간", "PT1H", ""},
    /* N 후/뒤: "after", from that instant on (Duckling's 5일 후, 몇시간후) */
    {"2013-02-12T04:30", "3시간 후", KC_MENTION_TIME, "3시간 후", "2013-02-12T07:30/..", "rel"},
    {"2023-02-28T23:00", "2시간 뒤 도착", KC_MENTION_TIME, "2시간 뒤", "2023-03-01T01:00/..", ""},
    {"2013-02-12T04:30", "몇시간후", KC_MENTION_TIME, "몇시간후", "2013-02-12T07:30/..", "approx rel"},
    {"2013-02-12T04:30", "5일 후", KC_MENTION_TIME, "5일 후", "2013-02-17T04:00/..", "rel"},
    {"2024-02-28T21:15", "이틀 뒤", KC_MENTION_TIME, "이틀 뒤", "2024-03-01T21:00/..", "rel"},
    {"2013-11-30T10:00", "3개월 뒤", KC_MENTION_DATE, "3개월 뒤", "2014-02-28/..", "rel"},
    {"2023-12-31T23:59", "1분 후", KC_MENTION_TIME, "1분 후", "2024-01-01T00:00/..", "rel"},
    /* N 전/이전 counted from the instant: one grain finer than the unit,
     * as for "within" (days to the hour, weeks and months to the day,
     * years to the month) */
    {"2013-02-12T04:30", "7일전", KC_MENTION_TIME, "7일전", "2013-02-05T04:00", "rel"},
    {"2013-02-12T04:30", "14일전에", KC_MENTION_TIME, "14일전", "2013-01-29T04:00", "rel"},
    {"2013-02-12T04:30", "3주이전", KC_MENTION_DATE, "3주이전", "2013-01-22", "rel"},
    {"2013-02-12T04:30", "2년전", KC_MENTION_DATE, "2년전", "2011-02", "rel"},
    {"2013-02-12T04:30", "2년이전", KC_MENTION_DATE, "2년이전", "2011-02", "rel"},
    {"2024-03-31T12:00", "1개월 전", KC_MENTION_DATE, "1개월 전", "2024-02-29", "rel"},
    {"2024-02-29T08:00", "4년 전", KC_MENTION_DATE, "4년 전", "2020-02", "rel"},
    {"2013-01-01T00:30", "하루 전", KC_MENTION_TIME, "하루 전", "2012-12-31T00:00", "rel"},
    {"2013-02-12T04:30", "몇 년 전", 0, NULL, NULL, ""},
    /* 까지 before a later time: the span from the reference instant */
    {"2013-02-12T04:30", "오후 2시까지", KC_MENTION_TIME, "오후 2시", "2013-02-12T04:30/2013-02-12T14:00", "rel"},
    {"2013-02-12T04:30", "내일 오후 2시까지", KC_MENTION_TIME, "내일 오후 2시", "2013-02-12T04:30/2013-02-13T14:00", "rel"},
    {"2013-02-12T15:00", "오후 2시까지", KC_MENTION_TIME, "오후 2시", "../14:00", ""},
    {"2013-02-12T04:30", "어제 오후 2시까지", KC_MENTION_TIME, "어제 오후 2시", "../2013-02-11T14:00", "rel"},
    {"2013-02-12", "오후 2시까지", KC_MENTION_TIME, "오후 2시", "../14:00", ""},
    {"2024-03-01T00:10", "30분 전", KC_MENTION_TIME, "30분 전", "2024-02-29T23:40", ""},
    {"2013-02-12T04:30", "지난 2분", KC_MENTION_TIME, "지난 2분", "2013-02-12T04:28/2013-02-12T04:30", ""},
    {"2013-02-12T04:30", "다음 3분", KC_MENTION_TIME, "다음 3분", "2013-02-12T04:31/2013-02-12T04:34", ""},
    {"2013-02-12T04:30", "지난 2초", KC_MENTION_TIME, "지난 2초", "2013-02-12T04:29:58/2013-02-12T04:30:00", ""},
    {"2013-02-12T04:30", "지난 한시간", KC_MENTION_TIME, "지난 한시간", "2013-02-12T03:00/2013-02-12T04:00", ""},
    {"2013-02-12T04:30", "지난 24시간", KC_MENTION_TIME, "지난 24시간", "2013-02-11T04:00/2013-02-12T04:00", ""},
    {"2013-01-01T00:20", "지난 1시간", KC_MENTION_TIME, "지난 1시간", "2012-12-31T23:00/2013-01-01T00:00", ""},
    {"2013-02-12T04:30", "다음 3시간", KC_MENTION_TIME, "다음 3시간", "2013-02-12T05:00/2013-02-12T08:00", ""},
    {"2013-02-12T04:30", "지난 3시간 동안", KC_MENTION_DURATION, "지난 3시간", "PT3H", ""},
    {"2022-10-22", "오전 10시 30분", KC_MENTION_TIME, "오전 10시 30분", "10:30", ""},
    {"2022-10-22", "오후 2시", KC_MENTION_TIME, "오후 2시", "14:00", ""},
    {"2022-10-22", "새벽 3시께", KC_MENTION_TIME, "새벽 3시께", "03:00", "approx"},
    {"2022-10-22", "14:30 기준", KC_MENTION_TIME, "14:30", "14:30", ""},
    {"2022-10-22", "정오", KC_MENTION_TIME, "정오", "12:00", ""},
    {"2022-10-22", "자정", KC_MENTION_TIME, "자정", "00:00", ""},
    {"2022-10-22", "10시 반", KC_MENTION_TIME, "10시 반", "10:30", ""},
    {"2022-10-22", "저녁 8시", KC_MENTION_TIME, "저녁 8시", "20:00", ""},
    {"2022-10-22", "밤 11시", KC_MENTION_TIME, "밤 11시", "23:00", ""},
    {"2022-10-22", "밤 12시", KC_MENTION_TIME, "밤 12시", "00:00", ""},
    {"2022-10-22", "밤 1시", KC_MENTION_TIME, "밤 1시", "01:00", ""},
    {"2022-10-22", "오후 12시", KC_MENTION_TIME, "오후 12시", "12:00", ""},
    {"2022-10-22", "오전 12시", KC_MENTION_TIME, "오전 12시", "00:00", ""},
    {"2022-10-22", "낮 2시", KC_MENTION_TIME, "낮 2시", "14:00", ""},
    {"2022-10-22", "아침 7시", KC_MENTION_TIME, "아침 7시", "07:00", ""},
    {"2022-10-22", "오후세시반", KC_MENTION_TIME, "오후세시반", "15:30", ""},
    {"2022-10-22", "오후 세시", KC_MENTION_TIME, "오후 세시", "15:00", ""},
    {"2022-10-22", "3PM", KC_MENTION_TIME, "3PM", "15:00", ""},
    {"2022-10-22", "3:20pm", KC_MENTION_TIME, "3:20pm", "15:20", ""},
    {"2022-10-22", "15:23:24", KC_MENTION_TIME, "15:23:24", "15:23:24", ""},
    {"2022-10-22", "오후 3시 20분 15초", KC_MENTION_TIME, "오후 3시 20분 15초", "15:20:15", ""},
    {"2022-10-22", "오후 3시쯤", KC_MENTION_TIME, "오후 3시쯤", "15:00", "approx"},
    {"2022-10-22", "3시에 시작", KC_MENTION_TIME, "3시", "03:00", ""},
    {"2022-10-22", "19일 오후 2시", KC_MENTION_TIME, "오후 2시", "2022-10-19T14:00", ""},
    {"2022-10-22", "19일 오후 2시", KC_MENTION_DATE, "19일", "2022-10-19", ""},
    {"2013-02-12", "2014년 7월 18일 금요일 오후 7시", KC_MENTION_TIME, "오후 7시", "2014-07-18T19:00", ""},
    {"2013-02-12", "2014년 7월 18일 금요일 오후 7시", KC_MENTION_DATE, "2014년 7월 18일 금요일", "2014-07-18", "wd=5"},
    {"2013-02-12", "내일 저녁다섯시", KC_MENTION_TIME, "내일 저녁다섯시", "2013-02-13T17:00", ""},
    {"2013-02-12", "엊그제 아침8시", KC_MENTION_TIME, "엊그제 아침8시", "2013-02-10T08:00", ""},
    {"2013-02-12", "오늘밤 8시", KC_MENTION_TIME, "오늘밤 8시", "2013-02-12T20:00", ""},
    {"2013-02-12", "내일 3pm", KC_MENTION_TIME, "내일 3pm", "2013-02-13T15:00", ""},
    {"2013-02-28", "내일 오전 9시", KC_MENTION_TIME, "내일 오전 9시", "2013-03-01T09:00", ""},
    {"2012-12-31", "내일 0시", KC_MENTION_TIME, "내일 0시", "2013-01-01T00:00", ""},
    {"2022-10-22", "16일 열린 회의는 오후 3시에 끝났다", KC_MENTION_TIME, "오후 3시", "2022-10-16T15:00", ""},
    {"2022-10-22", "16일 회의가 열렸다. 오후 3시에 끝났다", KC_MENTION_TIME, "오후 3시", "15:00", ""},
    {"2022-10-22", "회의는 오후 2시∼4시", KC_MENTION_TIME, "오후 2시∼4시", "14:00/16:00", ""},
    /* clock ranges and open intervals */
    {"2013-02-12", "9:30 ~ 11:00", KC_MENTION_TIME, "9:30 ~ 11:00", "09:30/11:00", ""},
    {"2013-02-12", "9:30 부터 11:00", KC_MENTION_TIME, "9:30 부터 11:00", "09:30/11:00", ""},
    {"2013-02-12", "11:30-1:30", KC_MENTION_TIME, "11:30-1:30", "11:30/13:30", ""},
    {"2022-10-22", "오전 10시부터 오후 5시까지 열린다", KC_MENTION_TIME, "오전 10시부터 오후 5시", "10:00/17:00", ""},
    {"2022-10-22", "19일 오후 11시∼오전 1시", KC_MENTION_TIME, "오후 11시∼오전 1시", "2022-10-19T23:00/2022-10-20T01:00", ""},
    {"2022-10-31", "오늘 오후 11시부터 1시", KC_MENTION_TIME, "오늘 오후 11시부터 1시", "2022-10-31T23:00/2022-11-01T01:00", ""},
    {NULL, "오후2시 이후", KC_MENTION_TIME, "오후2시 이후", "14:00/..", ""},
    {"2022-10-22", "오후 5시50분부터", KC_MENTION_TIME, "오후 5시50분", "17:50/..", ""},
    {"2022-10-22", "오전11시 전", KC_MENTION_TIME, "오전11시 전", "../11:00", ""},
    {"2022-10-22", "오전 11시 이전에", KC_MENTION_TIME, "오전 11시 이전", "../11:00", ""},
    {"2022-10-22", "오후 2시까지", KC_MENTION_TIME, "오후 2시", "../14:00", ""},
    {"2022-10-22", "오전 10시 전후", KC_MENTION_TIME, "오전 10시", "10:00", ""},
    {"2022-10-22", "이날 오후 1시", KC_MENTION_TIME, "오후 1시", "2022-10-22T13:00", ""},
    {"2022-10-22", "서울시청", 0, NULL, NULL, ""},
    {"2022-10-22", "한시적 운영", 0, NULL, NULL, ""},
    {"2022-10-22", "일시 중단", 0, NULL, NULL, ""},
    {"2022-10-22", "3:1로 이겼다", 0, NULL, NULL, ""},
    /* durations */
    {"2022-10-22", "10시간", KC_MENTION_DURATION, "10시간", "PT10H", ""},
    {"2022-10-22", "약 10시간 동안", KC_MENTION_DURATION, "약 10시간", "PT10H", "approx"},
    {"2022-10-22", "나흘", KC_MENTION_DURATION, "나흘", "P4D", ""},
    {"2022-10-22", "사흘", KC_MENTION_DURATION, "사흘", "P3D", ""},
    {"2022-10-22", "이틀", KC_MENTION_DURATION, "이틀", "P2D", ""},
    {"2022-10-22", "하루", KC_MENTION_DURATION, "하루", "P1D", ""},
    {"2022-10-22", "일주일", KC_MENTION_DURATION, "일주일", "P7D", ""},
    {"2022-10-22", "지난 일주일은", KC_MENTION_DURATION, "지난 일주일", "P7D", ""},
    {"2022-10-22", "열흘", KC_MENTION_DURATION, "열흘", "P10D", ""},
    {"2022-10-22", "보름", KC_MENTION_DURATION, "보름", "P15D", ""},
    {"2022-10-22", "닷새째", KC_MENTION_DURATION, "닷새째", "P5D", ""},
    {"2022-10-22", "3일간", KC_MENTION_DURATION, "3일간", "P3D", ""},
    {"2022-10-22", "16일 동안", KC_MENTION_DURATION, "16일", "P16D", ""},
    {"2022-10-22", "6개월", KC_MENTION_DURATION, "6개월", "P6M", ""},
    {"2022-10-22", "5년간", KC_MENTION_DURATION, "5년간", "P5Y", ""},
    {"2022-10-22", "12년여간", KC_MENTION_DURATION, "12년여간", "P12Y", "approx"},
    {"2022-10-22", "10년 넘게", KC_MENTION_DURATION, "10년 넘게", "P10Y", "over"},
    {"2022-10-22", "지난 1년간의", KC_MENTION_DURATION, "지난 1년간", "P1Y", ""},
    {"2022-10-22", "2주간", KC_MENTION_DURATION, "2주간", "P2W", ""},
    {"2022-10-22", "30분", KC_MENTION_DURATION, "30분", "PT30M", ""},
    {"2022-10-22", "10초", KC_MENTION_DURATION, "10초", "PT10S", ""},
    {"2022-10-22", "한 달", KC_MENTION_DURATION, "한 달", "P1M", ""},
    {"2022-10-22", "두 달", KC_MENTION_DURATION, "두 달", "P2M", ""},
    {"2022-10-22", "세 달", KC_MENTION_DURATION, "세 달", "P3M", ""},
    {"2022-10-22", "24시간 운영", KC_MENTION_DURATION, "24시간", "PT24H", ""},
    {"2022-10-22", "1.1 시간", KC_MENTION_DURATION, "1.1 시간", "PT66M", ""},
    {"2022-10-22", "1 초", KC_MENTION_DURATION, "1 초", "PT1S", ""},
    {"2022-10-22", "서른분", KC_MENTION_DURATION, "서른분", "PT30M", ""},
    {"2022-10-22", "1시간 30분", KC_MENTION_DURATION, "1시간 30분", "PT1H30M", ""},
    {"2022-10-22", "2년 6개월", KC_MENTION_DURATION, "2년 6개월", "P2Y6M", ""},
    {"2022-10-22", "3시간 반", KC_MENTION_DURATION, "3시간 반", "PT3H30M", ""},
    {"2022-10-22", "한 달 반", KC_MENTION_DURATION, "한 달 반", "P1M15D", ""},
    {"2022-10-22", "2.5일", KC_MENTION_DURATION, "2.5일", "PT60H", ""},
    {"2022-10-22", "1.5년", KC_MENTION_DURATION, "1.5년", "P18M", ""},
    {"2022-10-22", "3일째", KC_MENTION_DURATION, "3일째", "P3D", ""},
    {"2022-10-22", "12년 만에", KC_MENTION_DURATION, "12년 만", "P12Y", ""},
    {"2022-10-22", "10여년", KC_MENTION_DURATION, "10여년", "P10Y", "approx"},
    {"2022-10-22", "10여 년", KC_MENTION_DURATION, "10여 년", "P10Y", "approx"},
    {"2022-10-22", "40여분", KC_MENTION_DURATION, "40여분", "PT40M", "approx"},
    {"2022-10-22", "100일", KC_MENTION_DURATION, "100일", "P100D", ""},
    {"2022-10-22", "3년 이상", KC_MENTION_DURATION, "3년 이상", "P3Y", "min"},
    {"2022-10-22", "1년 미만", KC_MENTION_DURATION, "1년 미만", "P1Y", "under"},
    {"2022-10-22", "5년 이내", KC_MENTION_DURATION, "5년 이내", "P5Y", "max"},
    {"2022-10-22", "한 시간가량", KC_MENTION_DURATION, "한 시간가량", "PT1H", "approx"},
    {"2022-10-22", "3개월 남짓", KC_MENTION_DURATION, "3개월 남짓", "P3M", "approx"},
    {"2022-10-22", "20년 가까이", KC_MENTION_DURATION, "20년 가까이", "P20Y", "approx"},
    {"2022-10-22", "최근 3년간", KC_MENTION_DURATION, "최근 3년간", "P3Y", ""},
    {"2022-10-22", "향후 5년간", KC_MENTION_DURATION, "향후 5년간", "P5Y", ""},
    {"2022-10-22", "징역 12년", KC_MENTION_DURATION, "12년", "P12Y", ""},
    {"2022-10-22", "2주일", KC_MENTION_DURATION, "2주일", "P2W", ""},
    {"2022-10-22", "두 시간", KC_MENTION_DURATION, "두 시간", "PT2H", ""},
    {"2022-10-22", "스물네시간", KC_MENTION_DURATION, "스물네시간", "PT24H", ""},
    {"2022-10-22", "약 한시간반", KC_MENTION_DURATION, "약 한시간반", "PT1H30M", "approx"},
    {"2022-10-22", "15분안", KC_MENTION_DURATION, "15분", "PT15M", ""},
    /* not dates */
    {"2022-10-22", "3월호", 0, NULL, NULL, ""},
    {"2022-10-22", "5G 통신", 0, NULL, NULL, ""},
    {"2022-10-22", "코로나19 확산", 0, NULL, NULL, ""},
    {"2022-10-22", "3분의 1", 0, NULL, NULL, ""},
    {"2022-10-22", "주식 100주", 0, NULL, NULL, ""},
    {"2022-10-22", "오일 가격", 0, NULL, NULL, ""},
    {"2022-10-22", "이분은 누구", 0, NULL, NULL, ""},
    {"2022-10-22", "이번 사태", 0, NULL, NULL, ""},
    {"2022-10-22", "지난 대선", 0, NULL, NULL, ""},
    {"2022-10-22", "올 것이다", 0, NULL, NULL, ""},
    {"2022-10-22", "세계 경제", 0, NULL, NULL, ""},
    {"2022-10-22", "3천290만 명", 0, NULL, NULL, ""},
    {"2022-10-22", "2,000원", 0, NULL, NULL, ""},
    {"2022-10-22", "삼성전자", 0, NULL, NULL, ""},
    /* no reference date: unresolved parts stay X */
    {NULL, "지난 15일, 토요일", KC_MENTION_DATE, "지난 15일, 토요일", "XXXX-XX-15", "wd=6 rel"},
    {NULL, "15일", KC_MENTION_DATE, "15일", "XXXX-XX-15", ""},
    {NULL, "3월 1일", KC_MENTION_DATE, "3월 1일", "XXXX-03-01", ""},
    {NULL, "지난해", KC_MENTION_DATE, "지난해", "XXXX", "rel"},
    {NULL, "어제", KC_MENTION_DATE, "어제", "XXXX-XX-XX", "rel"},
    {NULL, "이번 주", KC_MENTION_DATE, "이번 주", "XXXX-WXX", "rel"},
    {NULL, "3분기", KC_MENTION_DATE, "3분기", "XXXX-Q3", ""},
    {NULL, "2019년 3월 1일", KC_MENTION_DATE, "2019년 3월 1일", "2019-03-01", ""},
    {NULL, "사태 다음날인 16일", KC_MENTION_DATE, "16일", "XXXX-XX-16", ""},
    {NULL, "15일 불이 났다. 다음날 복구", KC_MENTION_DATE, "다음날", "XXXX-XX-16", "rel"},
    {NULL, "오후 2시", KC_MENTION_TIME, "오후 2시", "14:00", ""},
    {NULL, "토요일", KC_MENTION_DATE, "토요일", "XXXX-XX-XX", "wd=6"},
    {NULL, "5일 전", KC_MENTION_DATE, "5일 전", "XXXX-XX-XX", "rel"},
    /* regressions found on kowikinews */
    {"2015-06-15", "서해 상공", 0, NULL, NULL, ""},
    {"2015-06-15", "2011년 1사분기경", KC_MENTION_DATE, "2011년 1사분기경", "2011-Q1", "approx"},
    {"2015-06-15", "지난 한 해", KC_MENTION_DURATION, "지난 한 해", "P1Y", "iv=2014"},
    {"2015-06-15", "글피인 24일", KC_MENTION_DATE, "글피", "2015-06-24", "rel"},
    {"2015-06-15", "전년도 대비", KC_MENTION_DATE, "전년도", "2014", "rel"},
    /* holidays: fixed solar days, the lunar table, the nearest occurrence */
    {"2016-06-30", "크리스마스에 만나", KC_MENTION_DATE, "크리스마스", "2016-12-25", ""},
    {"2016-02-01", "크리스마스 이브", KC_MENTION_DATE, "크리스마스 이브", "2015-12-24", ""},
    {"2016-06-30", "지난해 추석", KC_MENTION_DATE, "지난해 추석", "2015-09-27", "rel"},
    {"2016-06-30", "추석연휴 교통", KC_MENTION_DATE, "추석", "2016-09-15", ""},
    {"2016-03-01", "지난 설 연휴", KC_MENTION_DATE, "지난 설", "2016-02-08", "rel"},
    {"2016-06-30", "정월대보름", KC_MENTION_DATE, "정월대보름", "2016-02-22", ""},
    {"2016-06-30", "2030년 추석", KC_MENTION_DATE, "2030년 추석", "2030-XX-XX", ""},
    {NULL, "광복절 경축사", KC_MENTION_DATE, "광복절", "XXXX-08-15", ""},
    {"2016-06-30", "사퇴설이 돌았다", 0, NULL, NULL, ""},
    {"2016-06-30", "그런 설이 있다", 0, NULL, NULL, ""},
    /* sexagenary year names; centuries */
    {"2015-01-02", "을미년 새해", KC_MENTION_DATE, "을미년", "2015", ""},
    {"2016-06-30", "병신년", KC_MENTION_DATE, "병신년", "2016", ""},
    {"2016-06-30", "19세기 말 작품", KC_MENTION_DATE, "19세기 말", "18XX", "late"},
    {"2016-06-30", "21세기 국가 경쟁력", KC_MENTION_DATE, "21세기", "20XX", ""},
    /* bare years that name something */
    {"2016-06-30", "2015시즌에도", KC_MENTION_DATE, "2015", "2015", ""},
    {"2016-06-30", "〈조용한 가족〉(1988)을", KC_MENTION_DATE, "1988", "1988", ""},
    {"2016-06-30", "살림출판사, 2016)이", KC_MENTION_DATE, "2016", "2016", ""},
    {"2016-06-30", "열린 2015 AFC 아시안컵", KC_MENTION_DATE, "2015", "2015", ""},
    {"2016-06-30", "‘2016 농촌재능나눔대상’", KC_MENTION_DATE, "2016", "2016", ""},
    {"2016-06-30", "2014인천아시안게임에서", KC_MENTION_DATE, "2014", "2014", ""},
    {"2016-06-30", "코스피 2000 돌파", 0, NULL, NULL, ""},
    {"2016-06-30", "‘2000 가구’", 0, NULL, NULL, ""},
    {"2016-06-30", "6·25 전쟁", 0, NULL, NULL, ""},
    /* lists share the unit of their last number; ranges are one interval */
    {"2016-06-30", "2012년 대비 2013, 2014년 각각", KC_MENTION_DATE, "2013", "2013", ""},
    {"2016-06-30", "9, 10일 이틀간", KC_MENTION_DATE, "9", "2016-06-09", ""},
    {"2016-06-30", "2, 5, 6, 13일 등", KC_MENTION_DATE, "5", "2016-06-05", ""},
    {"2016-06-30", "2분기(4~6월)에는", KC_MENTION_DATE, "4~6월", "2016-04/2016-06", ""},
    {"2016-06-30", "15∼21일까지 진행", KC_MENTION_DATE, "15∼21일", "2016-06-15/2016-06-21", ""},
    {"2016-06-30", "2015~2017년 계획", KC_MENTION_DATE, "2015~2017년", "2015/2017", ""},
    {"2016-06-30", "1, 2, 3", 0, NULL, NULL, ""},
    /* stays and rates */
    {"2016-06-30", "2박 3일 숙박권", KC_MENTION_DURATION, "2박 3일", "P3D", ""},
    {"2016-06-30", "1박2일 멤버", KC_MENTION_DURATION, "1박2일", "P2D", ""},
    {"2016-06-30", "‘1박2일’ 멤버들과", 0, NULL, NULL, ""},
    {"2016-06-30", "“1년 동안 준비했다”", KC_MENTION_DURATION, "1년", "P1Y", ""},
    {"2016-06-30", "1일 3회 복용", 0, NULL, NULL, ""},
    {"2016-06-30", "하루 2번 운행", 0, NULL, NULL, ""},
    {"2016-06-30", "2017년형 GT-R", KC_MENTION_DATE, "2017년", "2017", ""},
    /* amounts of time that are no length: granularity, recurrence,
     * consecutive counts, ordinals, game-clock readings, rate denominators */
    {"2016-06-30", "1년 단위로 추정한", 0, NULL, NULL, ""},
    {"2016-06-30", "2년 주기로 출시", 0, NULL, NULL, ""},
    {"2016-06-30", "6개월마다 검진", 0, NULL, NULL, ""},
    {"2016-06-30", "5년 연속 1위", 0, NULL, NULL, ""},
    {"2016-06-30", "이틀 연속 하락세", 0, NULL, NULL, ""},
    {"2016-06-30", "24시간 연속 관측", KC_MENTION_DURATION, "24시간", "PT24H", ""},
    {"2016-06-30", "6주 이상 연속 복용", KC_MENTION_DURATION, "6주 이상", "P6W", "min"},
    {"2016-06-30", "집권 3년 차 당청", 0, NULL, NULL, ""},
    {"2016-06-30", "1초 차이로 따돌리고", KC_MENTION_DURATION, "1초", "PT1S", ""},
    {"2016-06-30", "후반 33분 득점", 0, NULL, NULL, ""},
    {"2016-06-30", "연장 전반 14분 헤딩골", 0, NULL, NULL, ""},
    {"2016-06-30", "전반 10분 만에 선제골", KC_MENTION_DURATION, "10분 만", "PT10M", ""},
    {"2016-06-30", "전반부 30초는", KC_MENTION_DURATION, "30초", "PT30S", ""},
    {"2016-06-30", "하루에 물 2L를", 0, NULL, NULL, ""},
    {"2016-06-30", "1년에 240만 원", 0, NULL, NULL, ""},
    {"2016-06-30", "하루 평균 500명", 0, NULL, NULL, ""},
    {"2016-06-30", "하루 8000위안", 0, NULL, NULL, ""},
    {"2016-06-30", "한 달 최대 1억 원", 0, NULL, NULL, ""},
    {"2016-06-30", "하루 8시간씩", KC_MENTION_DURATION, "8시간", "PT8H", ""},
    {"2016-06-30", "1년에 걸쳐 조사", KC_MENTION_DURATION, "1년", "P1Y", ""},
    {"2016-06-30", "2주일에 한 번꼴로 찾아", 0, NULL, NULL, ""},
    {"2016-06-30", "4년에 한 번 열리는", 0, NULL, NULL, ""},
    {"2016-06-30", "4년에 걸친 공사", KC_MENTION_DURATION, "4년", "P4Y", ""},
    {"2016-06-30", "1년 만에 신곡", KC_MENTION_DURATION, "1년 만", "P1Y", ""},
    {"2016-06-30", "하루 만에 원점", KC_MENTION_DURATION, "하루 만", "P1D", ""},
    {"2016-06-30", "1년 만기 상품", KC_MENTION_DURATION, "1년", "P1Y", ""},
    {"2016-06-30", "징역 1년에 집행유예 2년", KC_MENTION_DURATION, "1년", "P1Y", ""},
    {"2016-06-30", "2014년 한 해에만", KC_MENTION_DURATION, "한 해", "P1Y", ""},
    {"2016-06-30", "지난 1년간 2000시간에 걸쳐", KC_MENTION_DURATION, "지난 1년간", "P1Y", ""},
    /* markers: 새 (over), 전치 (weeks to heal), 밖에/뿐 after the amount */
    {"2016-06-30", "30년새 5배", KC_MENTION_DURATION, "30년새", "P30Y", ""},
    {"2016-06-30", "전치 3주의 부상", KC_MENTION_DURATION, "전치 3주", "P3W", ""},
    {"2016-06-30", "만 3년여밖에 안 됐지만", KC_MENTION_DURATION, "3년여", "P3Y", "approx"},
    {"2016-06-30", "만남은 20분뿐", KC_MENTION_DURATION, "20분", "PT20M", ""},
    {"2016-06-30", "지 3주밖에 안 된", KC_MENTION_DURATION, "3주", "P3W", ""},
    {"2016-06-30", "폭행해 2주 간의 치료를", KC_MENTION_DURATION, "2주 간", "P2W", ""},
    {"2016-06-30", "이용규 4주 부상 이탈", KC_MENTION_DURATION, "4주", "P4W", ""},
    {"2016-06-30", "100주 매입", 0, NULL, NULL, ""},
    {"2016-06-30", "도심지에 10분대 진입", KC_MENTION_DURATION, "10분대", "PT10M", ""},
    {"2016-06-30", "외도로 50여년 세월을", KC_MENTION_DURATION, "50여년", "P50Y", "approx"},
    /* months, days, years count in Sino-Korean: 세월 (time) is no March */
    {"2016-06-30", "세월이 흘러", 0, NULL, NULL, ""},
    {"2016-06-30", "세월호 참사", 0, NULL, NULL, ""},
    /* a part of the day after a today-relative word: an interval */
    {"2013-02-12", "오늘저녁", KC_MENTION_TIME, "오늘저녁", "2013-02-12T18:00/2013-02-13T00:00", ""},
    {"2013-02-12", "내일 점심", KC_MENTION_TIME, "내일 점심", "2013-02-13T12:00/2013-02-13T14:00", ""},
    {"2013-02-12", "어제 밤", KC_MENTION_DATE, "어제", "2013-02-11", "rel"},
    {"2013-02-12", "오늘저녁", KC_MENTION_DATE, "오늘", "2013-02-12", "rel"},
    /* a weekend named by its week: Friday 18:00 to Monday 00:00 */
    /* 지난/다음/향후/최근 + a bare count of weeks, months, years: the calendar
     * units right before or after the reference's own (Duckling's reading) */
    {"2013-02-12", "지난 2주", KC_MENTION_DURATION, "지난 2주", "P2W", "iv=2013-W05/2013-W06"},
    {"2013-02-12", "지난 이주", KC_MENTION_DURATION, "지난 이주", "P2W", "iv=2013-W05/2013-W06"},
    {"2013-02-12", "다음 3주", KC_MENTION_DURATION, "다음 3주", "P3W", "iv=2013-W08/2013-W10"},
    {"2013-12-30", "다음 2주 동안", KC_MENTION_DURATION, "다음 2주", "P2W", ""},
    {"2013-12-30", "다음 2주에는", KC_MENTION_DURATION, "다음 2주", "P2W", "iv=2014-W02/2014-W03"},
    {"2013-02-12", "지난 2달", KC_MENTION_DURATION, "지난 2달", "P2M", "iv=2012-12/2013-01"},
    {"2013-02-12", "지난 두달", KC_MENTION_DURATION, "지난 두달", "P2M", "iv=2012-12/2013-01"},
    {"2013-11-30", "향후 3개월", KC_MENTION_DURATION, "향후 3개월", "P3M", "iv=2013-12/2014-02"},
    {"2024-02-29", "최근 1년", KC_MENTION_DURATION, "최근 1년", "P1Y", "iv=2023"},
    {"2013-02-12", "다음 삼년", KC_MENTION_DURATION, "다음 삼년", "P3Y", "iv=2014/2016"},
    {"2022-10-22", "지난 1년간", KC_MENTION_DURATION, "지난 1년간", "P1Y", ""},
    {"2022-10-22", "지난 2년여", KC_MENTION_DURATION, "지난 2년여", "P2Y", "approx"},
    {"2022-10-22", "지난 1년 반", KC_MENTION_DURATION, "지난 1년 반", "P1Y6M", ""},
    {NULL, "지난 2주", KC_MENTION_DURATION, "지난 2주", "P2W", ""},
    /* seasons: inclusive days; 이번/올 the current or next, 지난 the last ended */
    {"2013-02-12", "이번여름", KC_MENTION_DATE, "이번여름", "2013-06-21/2013-09-23", "rel"},
    {"2013-02-12", "이번겨울", KC_MENTION_DATE, "이번겨울", "2012-12-21/2013-03-20", "rel"},
    {"2013-02-12", "지난겨울", KC_MENTION_DATE, "지난겨울", "2011-12-21/2012-03-20", "rel"},
    {"2022-10-22", "올여름 폭염", KC_MENTION_DATE, "올여름", "2023-06-21/2023-09-23", "rel"},
    {"2022-10-22", "지난여름 폭염", KC_MENTION_DATE, "지난여름", "2022-06-21/2022-09-23", "rel"},
    {"2022-10-22", "이번 가을에", KC_MENTION_DATE, "이번 가을", "2022-09-24/2022-12-20", "rel"},
    {"2022-12-25", "다음 겨울", KC_MENTION_DATE, "다음 겨울", "2023-12-21/2024-03-20", "rel"},
    {"2022-10-22", "내년 봄 출시", KC_MENTION_DATE, "내년 봄", "2023-03-21/2023-06-20", "rel"},
    {"2022-10-22", "지난해 겨울", KC_MENTION_DATE, "지난해 겨울", "2021-12-21/2022-03-20", "rel"},
    {NULL, "올여름", KC_MENTION_DATE, "올여름", "XXXX-06-21/XXXX-09-23", "rel"},
    {"2022-10-22", "이번 여름휴가", 0, "", "", ""},
    {"2013-02-12", "지난주말", KC_MENTION_TIME, "지난주말", "2013-02-08T18:00/2013-02-11T00:00", "rel"},
    {"2016-06-30", "지난 주말 서울에서", KC_MENTION_TIME, "지난 주말", "2016-06-24T18:00/2016-06-27T00:00", "rel"},
    {"2016-06-30", "이번 주말에", KC_MENTION_TIME, "이번 주말", "2016-07-01T18:00/2016-07-04T00:00", ""},
    {"2016-06-30", "주말 동안", 0, NULL, NULL, ""},
    {"2013-02-12", "아침을 먹고", 0, NULL, NULL, ""},
    {"2013-02-12", "오전 경기도에", 0, NULL, NULL, ""},
    {"2013-02-12", "아침 식사 대용", 0, NULL, NULL, ""},
    {"2013-02-12", "오후 늦게 도착", 0, NULL, NULL, ""},
    /* a period word alone before a word that places it in time: that
     * stretch of the day in focus (the last date named, else the
     * reference day) */
    {"2013-02-12", "오후에", KC_MENTION_TIME, "오후", "2013-02-12T12:00/2013-02-12T19:00", "rel"},
    {"2013-02-12", "점심이후", KC_MENTION_TIME, "점심이후", "2013-02-12T12:00/..", "rel"},
    {"2013-02-12", "새벽부터", KC_MENTION_TIME, "새벽", "2013-02-12T00:00/..", "rel"},
    {"2013-02-12", "오전 중", KC_MENTION_TIME, "오전", "2013-02-12T00:00/2013-02-12T12:00", "rel"},
    {"2013-02-12", "아침 전에", KC_MENTION_TIME, "아침 전", "../2013-02-12T04:00", "rel"},
    {"2013-02-12", "저녁까지", KC_MENTION_TIME, "저녁", "../2013-02-13T00:00", "rel"},
    {"2013-02-12T04:30", "오후까지", KC_MENTION_TIME, "오후", "2013-02-12T04:30/2013-02-12T19:00", "rel"},
    {"2013-02-12", "밤에는", KC_MENTION_TIME, "밤", "2013-02-12T18:00/2013-02-13T00:00", "rel"},
    {NULL, "오후에", KC_MENTION_TIME, "오후", "12:00/19:00", "rel"},
    /* inside a sentence only after its day: alone it is often habitual */
    {"2022-10-22", "지난 15일 화재가 났고 오후에는 복구가 시작됐다", KC_MENTION_TIME, "오후", "2022-10-15T12:00/2022-10-15T19:00", "rel"},
    {"2024-03-01", "지난달 29일 만났고 오후에 헤어졌다", KC_MENTION_TIME, "오후", "2024-02-29T12:00/2024-02-29T19:00", "rel"},
    {"2022-10-22", "지난 15일 화재가 났다.\n오후에는 복구가 시작됐다", KC_MENTION_DATE, "지난 15일", "2022-10-15", "rel"},
    {"2022-10-22", "지난 15일 화재가 났다. 오후에는 복구가 시작됐다", KC_MENTION_DATE, "지난 15일", "2022-10-15", "rel"},
    {"2013-02-12", "밤에 잠이 오지 않는다", 0, NULL, NULL, ""},
    {"2013-02-12", "평양을 보려면 저녁에 가야 한다", 0, NULL, NULL, ""},
    {"2013-02-12", "새벽부터 줄을 섰다", 0, NULL, NULL, ""},
    /* a sentence's full stop glued to the next date */
    {"2016-06-30", "예선을 통과했다.20일 오후에 방송된", KC_MENTION_TIME, "오후", "2016-06-20T12:00/2016-06-20T19:00", "rel"},
    {"2016-06-30", "예선을 통과했다.20일 오후에 방송된", KC_MENTION_DATE, "20일", "2016-06-20", ""},
    {"2016-06-30", "1946년 10월1일, 아침 일찍부터", KC_MENTION_TIME, "아침", "1946-10-01T04:00/1946-10-01T12:00", "rel"},
    /* after a dated day: that day's stretch, the date a mention apart */
    {"2022-10-22", "16일 오후 방송된", KC_MENTION_TIME, "오후", "2022-10-16T12:00/2022-10-16T19:00", "rel"},
    {"2022-10-22", "16일 오후 방송된", KC_MENTION_DATE, "16일", "2022-10-16", ""},
    {"2022-10-22", "이날 밤 서울", KC_MENTION_TIME, "밤", "2022-10-22T18:00/2022-10-23T00:00", "rel"},
    {"2022-12-31", "31일 저녁", KC_MENTION_TIME, "저녁", "2022-12-31T18:00/2023-01-01T00:00", "rel"},
    /* 이번 + a period word: the reference day */
    {"2013-02-12", "이번아침", KC_MENTION_TIME, "이번아침", "2013-02-12T04:00/2013-02-12T12:00", "rel"},
    {"2013-02-12", "이번 아침에", KC_MENTION_TIME, "이번 아침", "2013-02-12T04:00/2013-02-12T12:00", "rel"},
    {"2013-02-12", "이번 사건", 0, NULL, NULL, ""},
    /* 전주: the week before only where time is certain; else Jeonju */
    {"2013-02-12", "전주", KC_MENTION_DATE, "전주", "2013-W06", "rel"},
    {"2013-02-12", "휘발유 값은 전주 대비 10원 올랐다", KC_MENTION_DATE, "전주", "2013-W06", "rel"},
    {"2013-01-02", "전주보다 3% 늘었다", KC_MENTION_DATE, "전주", "2012-W52", "rel"},
    {"2013-02-12", "전주에 비해 줄었다", KC_MENTION_DATE, "전주", "2013-W06", "rel"},
    {"2013-02-12", "전주 금요일에", KC_MENTION_DATE, "전주 금요일", "2013-02-08", "wd=5 rel"},
    {"2013-02-12", "전주에서 열린 축제", 0, NULL, NULL, ""},
    {"2013-02-12", "전북 전주 한옥마을", 0, NULL, NULL, ""},
    {"2013-02-12", "전주 KCC가 이겼다", 0, NULL, NULL, ""},
    {"2013-02-12", "전주시 완산구", 0, NULL, NULL, ""},
    /* a paragraph that is one expression (a cell, a query) */
    {"2013-02-12", "1954", KC_MENTION_DATE, "1954", "1954", ""},
    {"2013-02-12", "12년", KC_MENTION_DATE, "12년", "2012", "abs"},
    {"2013-02-12", "징역 12년", KC_MENTION_DURATION, "12년", "P12Y", ""},
    {"2013-02-12", "12년 동안", KC_MENTION_DURATION, "12년", "P12Y", ""},
    {"2013-02-12", "1954 명", 0, NULL, NULL, ""},
    {"2013-02-12", "2100", 0, NULL, NULL, ""},
    {"2013-02-12", "사람 1954", 0, NULL, NULL, ""},
    {"2013-02-12", "2000여명이 모였다", 0, NULL, NULL, ""},
    {"2013-02-12", "2000여 가구가", 0, NULL, NULL, ""},
    {"2013-02-12", "2014인천아시안게임", KC_MENTION_DATE, "2014", "2014", ""},
    /* time zones: the value carries the UTC offset of the zone named */
    {"2013-02-12T04:30", "4pm CET", KC_MENTION_TIME, "4pm CET", "16:00+01:00", ""},
    {"2013-02-12", "8:00 gmt", KC_MENTION_TIME, "8:00 gmt", "08:00+00:00", ""},
    {"2013-02-12", "오전 10시(한국시간)", KC_MENTION_TIME, "오전 10시(한국시간)", "10:00+09:00", ""},
    {"2022-10-22", "한국시간 7일 오전 3시", KC_MENTION_TIME, "오전 3시", "2022-10-07T03:00+09:00", ""},
    {"2013-07-01", "미국 동부시간 6일 오후 1시", KC_MENTION_TIME, "오후 1시", "2013-06-06T13:00-04:00", ""},
    {"2013-02-12", "미국 동부시간 6일 오후 1시", KC_MENTION_TIME, "오후 1시", "2013-02-06T13:00-05:00", ""},
    {"2013-02-12", "9:30 ~ 11:00 GMT", KC_MENTION_TIME, "9:30 ~ 11:00 GMT", "09:30+00:00/11:00+00:00", ""},
    {"2013-02-12", "오후 2시 이후 EST", KC_MENTION_TIME, "오후 2시 이후 EST", "14:00-05:00/..", ""},
    {NULL, "동부시간 오후 1시", KC_MENTION_TIME, "오후 1시", "13:00", ""},
    {"2013-02-12", "8:00 GMTX", KC_MENTION_TIME, "8:00", "08:00", ""},
    {"2013-02-12T04:30", "오후 2시(한국시간)까지", KC_MENTION_TIME, "오후 2시(한국시간)", "../14:00+09:00", ""},
    {"2013-02-12", "오후 2시(KST) 이후", KC_MENTION_TIME, "오후 2시(KST) 이후", "14:00+09:00/..", ""},
    {"2013-02-12", "오후 2시부터 GMT", KC_MENTION_TIME, "오후 2시", "14:00/..", ""},
    {"2023-12-31", "한국시간 1일 오전 2시", KC_MENTION_TIME, "오전 2시", "2023-12-01T02:00+09:00", ""},
    {"2024-03-10", "미국 동부시간 10일 오전 3시", KC_MENTION_TIME, "오전 3시", "2024-03-10T03:00-04:00", ""},
    {"2024-03-10", "미국 동부시간 10일 오전 1시", KC_MENTION_TIME, "오전 1시", "2024-03-10T01:00-05:00", ""},
    {"2013-02-12", "현지시간 6일 오후 1시", KC_MENTION_TIME, "오후 1시", "2013-02-06T13:00", ""},
};

static kc_engine *g_eng;

static bool has_flag(const char *flags, const char *f)
{
    size_t n = strlen(f);
    for (const char *p = flags; (p = strstr(p, f)) != NULL; p += n)
        if ((p == flags || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' ' || p[n] == '='))
            return true;
    return false;
}

static int flag_int(const char *flags, const char *f)
{
    const char *p = strstr(flags, f);
    return p ? atoi(p + strlen(f)) : 0;
}

/* Run only the dates extractor over every paragraph, as extract.c does. */
static kc_doc *run(const char *text, const char *ref)
{
    kc_doc *d = NULL;
    assert_int_equal(kc_doc_new(&d, g_eng, "t"), KC_OK);
    assert_int_equal(kc__doc_load_paragraphs(d, text, strlen(text), ref), KC_OK);
    pcre2_match_data *md = pcre2_match_data_create(64, NULL);
    assert_non_null(md);
    kc_datectx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.ref = d->ref; /* the reference time is read from d itself */
    for (size_t p = 0; p < kc_doc_paragraph_count(d); p++) {
        size_t len;
        const char *s = kc_doc_paragraph(d, p, &len);
        assert_int_equal(kc__dates_extract(d, p, s, len, &ctx, md), KC_OK);
    }
    pcre2_match_data_free(md);
    return d;
}

static void t_case(void **state)
{
    const dcase *c = *state;
    kc_doc *d = run(c->text, c->ref);
    if (c->kind == 0) {
        for (size_t i = 0; i < d->nmentions; i++) {
            const kc_mention *m = &d->mentions[i];
            size_t len;
            const char *s = kc_doc_paragraph(d, m->para, &len);
            print_error("unexpected %s '%.*s' = %s\n", kc_mention_kind_name(m->kind),
                        (int)(m->byte_end - m->byte_start), s + m->byte_start, m->value);
        }
        assert_int_equal(d->nmentions, 0);
        kc_doc_free(d);
        return;
    }
    const kc_mention *found = NULL;
    size_t want_start = 0, slen = strlen(c->span);
    for (size_t i = 0; i < d->nmentions && !found; i++) {
        const kc_mention *m = &d->mentions[i];
        size_t len;
        const char *s = kc_doc_paragraph(d, m->para, &len);
        if ((int)m->kind != c->kind || m->byte_end - m->byte_start != slen ||
            memcmp(s + m->byte_start, c->span, slen) != 0)
            continue;
        const char *first = strstr(s, c->span);
        assert_non_null(first);
        want_start = (size_t)(first - s);
        found = m;
    }
    if (!found) {
        for (size_t i = 0; i < d->nmentions; i++) {
            const kc_mention *m = &d->mentions[i];
            size_t len;
            const char *s = kc_doc_paragraph(d, m->para, &len);
            print_error("  got %s '%.*s' = %s\n", kc_mention_kind_name(m->kind),
                        (int)(m->byte_end - m->byte_start), s + m->byte_start, m->value);
        }
        fail_msg("no %s mention '%s' in '%s'", kc_mention_kind_name(c->kind), c->span, c->text);
    }
    assert_int_equal(found->byte_start, want_start);
    assert_int_equal(found->byte_end, want_start + slen);
    assert_string_equal(found->value, c->value);
    const char *f = c->flags;
    assert_int_equal(found->approx, has_flag(f, "approx"));
    kc_bound b = has_flag(f, "over") ? KC_BOUND_OVER : has_flag(f, "min") ? KC_BOUND_MIN
               : has_flag(f, "max") ? KC_BOUND_MAX : has_flag(f, "under") ? KC_BOUND_UNDER
               : KC_BOUND_NONE;
    assert_int_equal(found->bound, b);
    assert_int_equal(found->weekday, flag_int(f, "wd="));
    assert_int_equal(found->weekday_mismatch, has_flag(f, "mismatch"));
    const char *part = has_flag(f, "early") ? "early" : has_flag(f, "mid") ? "mid"
                     : has_flag(f, "late") ? "late" : NULL;
    if (part) assert_string_equal(found->part, part);
    else assert_null(found->part);
    if (has_flag(f, "rel")) assert_int_equal(found->relative, 1);
    if (has_flag(f, "abs")) assert_int_equal(found->relative, 0);
    /* iv=X: the duration's calendar interval (else none) */
    const char *iv = strstr(f, "iv=");
    if (iv) {
        const char *e = strchr(iv, ' ');
        size_t n = e ? (size_t)(e - iv - 3) : strlen(iv + 3);
        assert_non_null(found->interval);
        assert_int_equal(strlen(found->interval), n);
        assert_memory_equal(found->interval, iv + 3, n);
    } else {
        assert_null(found->interval);
    }
    kc_doc_free(d);
}

/* ---- the sample article, through the whole kc_doc_extract chain ---- */

static char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    char *b = malloc(1 << 20);
    *n = b ? fread(b, 1, (1 << 20) - 1, fp) : 0;
    fclose(fp);
    if (b) b[*n] = '\0';
    return b;
}

typedef struct want {
    int kind;
    const char *text, *value;
    int approx;
    kc_bound bound;
    int weekday;
} want;

static void check_article(const char *ref, const want *w, size_t nw)
{
    size_t n = 0;
    char *text = slurp("corpus/kakao_editorial.txt", &n);
    assert_non_null(text);
    kc_doc *d = NULL;
    assert_int_equal(kc_doc_new(&d, g_eng, "kakao_editorial"), KC_OK);
    assert_int_equal(kc__doc_load_paragraphs(d, text, n, ref), KC_OK);
    kc_options o;
    kc_options_init(&o);
    assert_int_equal(kc_doc_extract(d, &o), KC_OK);
    for (size_t k = 0; k < nw; k++) {
        const kc_mention *hit = NULL;
        for (size_t i = 0; i < kc_doc_mention_count(d) && !hit; i++) {
            const kc_mention *m = kc_doc_mention(d, i);
            if ((int)m->kind == w[k].kind && strcmp(m->text, w[k].text) == 0 &&
                strcmp(m->value, w[k].value) == 0)
                hit = m;
        }
        if (!hit) fail_msg("article: no %s '%s' = %s", kc_mention_kind_name(w[k].kind),
                           w[k].text, w[k].value);
        assert_int_equal(hit->approx, w[k].approx);
        assert_int_equal(hit->bound, w[k].bound);
        assert_int_equal(hit->weekday, w[k].weekday);
        /* code-point offsets agree with the span text */
        size_t plen;
        const char *p = kc_doc_paragraph(d, hit->para, &plen);
        assert_int_equal(hit->start, kc__utf8_count(p, hit->byte_start));
        assert_int_equal(hit->end - hit->start, kc__utf8_count(hit->text, strlen(hit->text)));
    }
    kc_doc_free(d);
    free(text);
}

#define D KC_MENTION_DATE
#define U KC_MENTION_DURATION

static void t_article_ref(void **state)
{
    (void)state;
    static const want w[] = {
        {D, "지난 15일, 토요일", "2022-10-15", 0, 0, 6},
        {D, "16일", "2022-10-16", 0, 0, 0},
        {D, "다음날", "2022-10-16", 0, 0, 0},
        {D, "17일", "2022-10-17", 0, 0, 0},
        {D, "18일", "2022-10-18", 0, 0, 0},
        {D, "19일", "2022-10-19", 0, 0, 0},
        {D, "이날", "2022-10-19", 0, 0, 0},
        {D, "지난해", "2021", 0, 0, 0},
        {U, "약 10시간", "PT10H", 1, 0, 0},
        {U, "12년여간", "P12Y", 1, 0, 0},
        {U, "10년 넘게", "P10Y", 0, KC_BOUND_OVER, 0},
        {U, "지난 1년간", "P1Y", 0, 0, 0},
        {U, "나흘만", "P4D", 0, 0, 0},
        {U, "지난 일주일", "P7D", 0, 0, 0},
        {U, "일주일", "P7D", 0, 0, 0},
    };
    check_article("2022-10-22", w, sizeof w / sizeof *w);
}

static void t_article_noref(void **state)
{
    (void)state;
    static const want w[] = {
        {D, "지난 15일, 토요일", "XXXX-XX-15", 0, 0, 6},
        {D, "16일", "XXXX-XX-16", 0, 0, 0},
        {D, "19일", "XXXX-XX-19", 0, 0, 0},
        {D, "지난해", "XXXX", 0, 0, 0},
        {U, "약 10시간", "PT10H", 1, 0, 0},
        {U, "나흘만", "P4D", 0, 0, 0},
    };
    check_article(NULL, w, sizeof w / sizeof *w);
}

/* Context carries across paragraphs: 이날/다음날 follow the last date. */
static void t_context(void **state)
{
    (void)state;
    kc_doc *d = run("지난 15일 화재가 났다.\n이튿날 복구가 시작됐다.\n그러나 전날 경고가 있었다.", "2022-10-22");
    assert_int_equal(d->nmentions, 3);
    assert_string_equal(d->mentions[0].value, "2022-10-15");
    assert_string_equal(d->mentions[1].value, "2022-10-16");
    assert_int_equal(d->mentions[1].para, 1);
    assert_string_equal(d->mentions[2].value, "2022-10-15");
    kc_doc_free(d);
}

/* A long run of digits and date words stays linear and bounded. */
static void t_pathological(void **state)
{
    (void)state;
    size_t n = 200000;
    char *s = malloc(n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++) s[i] = (char)('0' + i % 10);
    s[n] = '\0';
    kc_doc *d = run(s, "2022-10-22");
    assert_int_equal(d->nmentions, 0);
    kc_doc_free(d);
    const char *unit = "15일 ";
    size_t ul = strlen(unit), reps = 20000;
    char *t = malloc(ul * reps + 1);
    assert_non_null(t);
    for (size_t i = 0; i < reps; i++) memcpy(t + i * ul, unit, ul);
    t[ul * reps - 1] = '\0';
    d = run(t, "2022-10-22");
    assert_int_equal(d->nmentions, reps);
    kc_doc_free(d);
    free(s);
    free(t);
}

int main(void)
{
    char err[256];
    if (kc_engine_new(&g_eng, NULL, err, sizeof err) != KC_OK) {
        fprintf(stderr, "engine: %s\n", err);
        return 1;
    }
    size_t nc = sizeof CASES / sizeof *CASES;
    struct CMUnitTest *tests = calloc(nc + 4, sizeof *tests);
    char (*names)[96] = calloc(nc, sizeof *names);
    if (!tests || !names) return 1;
    for (size_t i = 0; i < nc; i++) {
        snprintf(names[i], sizeof names[i], "%s | %s", CASES[i].text,
                 CASES[i].span ? CASES[i].span : "-");
        tests[i] = (struct CMUnitTest){names[i], t_case, NULL, NULL, (void *)&CASES[i]};
    }
    tests[nc] = (struct CMUnitTest)cmocka_unit_test(t_article_ref);
    tests[nc + 1] = (struct CMUnitTest)cmocka_unit_test(t_article_noref);
    tests[nc + 2] = (struct CMUnitTest)cmocka_unit_test(t_context);
    tests[nc + 3] = (struct CMUnitTest)cmocka_unit_test(t_pathological);
    int rc = _cmocka_run_group_tests("dates", tests, nc + 4, NULL, NULL);
    free(tests);
    free(names);
    kc_engine_free(g_eng);
    return rc;
}
