/* Unit tests: the figure extractor (figures.c) — one cmocka test per table
 * row. Each row is one paragraph run through kc__figures_extract alone (the
 * dates extractor does not run, so time words must be skipped by figures.c
 * itself); it asserts the mention at the expected byte span: its bytes,
 * value, value_max, unit, approx and bound, and the number of figures in the
 * paragraph. Rows with text NULL are traps: no figure at all. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <cmocka.h>

#include "internal.h"

typedef struct figcase {
    const char *in;
    const char *text;      /* NULL: no figure expected */
    size_t bs, be;         /* byte span */
    const char *value, *value_max, *unit;
    int approx;
    kc_bound bound;
    size_t count;          /* figures expected in the paragraph */
} figcase;

static const figcase CASES[] = {
    {"코스피는 2,412.85로 마감했다.", "2,412.85", 13, 21, "2412.85", NULL, "", 0, KC_BOUND_NONE, 1},
    {"상관계수는 0.97이다.", "0.97", 16, 20, "0.97", NULL, "", 0, KC_BOUND_NONE, 1},
    /* copula endings after a counter; 나라/국 count countries */
    {"지지율 1위였고 2위는", "1위", 10, 14, "1", NULL, "위", 0, KC_BOUND_NONE, 2},
    {"한·중 두 나라는 협력했다.", "두 나라", 9, 19, "2", NULL, "나라", 0, KC_BOUND_NONE, 1},
    {"한·중·일 3국과 협의했다.", "3국", 14, 18, "3", NULL, "국", 0, KC_BOUND_NONE, 1},
    /* 반 (half) only as a whole phrase with a measure */
    {"반 리터", "반 리터", 0, 10, "0.5", NULL, "L", 0, KC_BOUND_NONE, 1},
    {"반 리터를 마셨다.", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    /* dollars and cents in one amount */
    {"그는 2달러 23센트를 냈다.", "2달러 23센트", 7, 23, "2.23", NULL, "달러", 0, KC_BOUND_NONE, 1},
    {"이달러이십삼센트", "이달러이십삼센트", 0, 24, "2.23", NULL, "달러", 0, KC_BOUND_NONE, 1},
    {"이불이십삼센트", "이불이십삼센트", 0, 21, "2.23", NULL, "달러", 0, KC_BOUND_NONE, 1},
    {"5달러 5센트", "5달러 5센트", 0, 15, "5.05", NULL, "달러", 0, KC_BOUND_NONE, 1},
    {"3달러 50센트", "3달러 50센트", 0, 16, "3.5", NULL, "달러", 0, KC_BOUND_NONE, 1},
    {"1,000명이 모였다.", "1,000명", 0, 8, "1000", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"매출은 1조2천억원이었다.", "1조2천억원", 10, 24, "1200000000000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"예산은 638조7천억원 규모다.", "638조7천억원", 10, 26, "638700000000000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"관객 1만 2천 명이 찾았다.", "1만 2천 명", 7, 20, "12000", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"순이익은 551억2천만원이다.", "551억2천만원", 13, 29, "55120000000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"시가총액 5.3조원", "5.3조원", 13, 22, "5300000000000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"4천만 국민", "4천만", 0, 7, "40000000", NULL, "", 0, KC_BOUND_NONE, 1},
    {"1억6천400여만원을 받았다.", "1억6천400여만원", 0, 20, "164000000", NULL, "원", 1, KC_BOUND_NONE, 1},
    {"삼천삼백만 원을 썼다.", "삼천삼백만 원", 0, 19, "33000000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"스무 살 청년", "스무 살", 0, 10, "20", NULL, "살", 0, KC_BOUND_NONE, 1},
    {"열두 명이 다쳤다.", "열두 명", 0, 10, "12", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"두 배로 늘었다.", "두 배", 0, 7, "2", NULL, "배", 0, KC_BOUND_NONE, 1},
    {"3분의 2가 찬성했다.", "3분의 2", 0, 9, "0.6666666666666666", NULL, "", 0, KC_BOUND_NONE, 1},
    {"사분의삼이 찬성", "사분의삼", 0, 12, "0.75", NULL, "", 0, KC_BOUND_NONE, 1},
    {"약 120억원을 투자했다.", "약 120억원", 0, 13, "12000000000", NULL, "원", 1, KC_BOUND_NONE, 1},
    {"5만여 명이 몰렸다.", "5만여 명", 0, 11, "50000", NULL, "명", 1, KC_BOUND_NONE, 1},
    {"3천460만여 명으로 급증", "3천460만여 명", 0, 17, "34600000", NULL, "명", 1, KC_BOUND_NONE, 1},
    {"3천470만여명으로 더욱 늘었다.", "3천470만여명", 0, 16, "34700000", NULL, "명", 1, KC_BOUND_NONE, 1},
    {"16일 3천290만 명으로 내려앉았다.", "3천290만 명", 6, 20, "32900000", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"평소 3천300만∼3천700만대 사이를 오가던", "3천300만∼3천700만대", 7, 33, "33000000", "37000000", "", 0, KC_BOUND_NONE, 1},
    {"매출 50억∼60억원", "50억∼60억원", 7, 23, "5000000000", "6000000000", "원", 0, KC_BOUND_NONE, 1},
    {"10∼20% 오를 전망", "10∼20%", 0, 8, "10", "20", "%", 0, KC_BOUND_NONE, 1},
    {"10~20% 오를 전망", "10~20%", 0, 6, "10", "20", "%", 0, KC_BOUND_NONE, 1},
    {"10〜20%", "10〜20%", 0, 8, "10", "20", "%", 0, KC_BOUND_NONE, 1},
    {"1∼2억원", "1∼2억원", 0, 11, "100000000", "200000000", "원", 0, KC_BOUND_NONE, 1},
    {"3천∼5천만원", "3천∼5천만원", 0, 17, "30000000", "50000000", "원", 0, KC_BOUND_NONE, 1},
    {"25000 - 30000원", "25000 - 30000원", 0, 16, "25000", "30000", "원", 0, KC_BOUND_NONE, 1},
    {"25000원 - 30000원", "25000원 - 30000원", 0, 19, "25000", "30000", "원", 0, KC_BOUND_NONE, 1},
    {"이만오천원 - 삼만원", "이만오천원 - 삼만원", 0, 27, "25000", "30000", "원", 0, KC_BOUND_NONE, 1},
    {"10 - 20 달러", "10 - 20 달러", 0, 14, "10", "20", "달러", 0, KC_BOUND_NONE, 1},
    {"10달러 - 20달러", "10달러 - 20달러", 0, 19, "10", "20", "달러", 0, KC_BOUND_NONE, 1},
    {"2-3명이 다쳤다", "2-3명", 0, 6, "2", "3", "명", 0, KC_BOUND_NONE, 1},
    {"5∼10% 수준", "5∼10% 수준", 0, 14, "5", "10", "%", 1, KC_BOUND_NONE, 1},
    {"10명에서 20명까지 늘었다", "10명에서 20명", 0, 17, "10", "20", "명", 0, KC_BOUND_NONE, 1},
    {"10%에서 20%로", "10%", 0, 3, "10", NULL, "%", 0, KC_BOUND_NONE, 2},
    {"10%에서 20%로", "20%", 10, 13, "20", NULL, "%", 0, KC_BOUND_NONE, 2},
    {"5000원 이상", "5000원 이상", 0, 14, "5000", NULL, "원", 0, KC_BOUND_MIN, 1},
    {"5000원 초과", "5000원 초과", 0, 14, "5000", NULL, "원", 0, KC_BOUND_OVER, 1},
    {"오천원 이상", "오천원 이상", 0, 16, "5000", NULL, "원", 0, KC_BOUND_MIN, 1},
    {"10000원 이하", "10000원 이하", 0, 15, "10000", NULL, "원", 0, KC_BOUND_MAX, 1},
    {"10000원 미만", "10000원 미만", 0, 15, "10000", NULL, "원", 0, KC_BOUND_UNDER, 1},
    {"만원 이하", "만원 이하", 0, 13, "10000", NULL, "원", 0, KC_BOUND_MAX, 1},
    {"십달러 미만", "십달러 미만", 0, 16, "10", NULL, "달러", 0, KC_BOUND_UNDER, 1},
    {"100명 넘게 왔다.", "100명 넘게", 0, 13, "100", NULL, "명", 0, KC_BOUND_OVER, 1},
    {"100명이 넘는", "100명", 0, 6, "100", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"3천 명 이상이 참석", "3천 명 이상", 0, 15, "3000", NULL, "명", 0, KC_BOUND_MIN, 1},
    {"30명 가량", "30명 가량", 0, 12, "30", NULL, "명", 1, KC_BOUND_NONE, 1},
    {"30명가량이", "30명가량", 0, 11, "30", NULL, "명", 1, KC_BOUND_NONE, 1},
    {"120억원 정도를", "120억원 정도", 0, 16, "12000000000", NULL, "원", 1, KC_BOUND_NONE, 1},
    {"10% 안팎", "10% 안팎", 0, 10, "10", NULL, "%", 1, KC_BOUND_NONE, 1},
    {"50명 남짓", "50명 남짓", 0, 12, "50", NULL, "명", 1, KC_BOUND_NONE, 1},
    {"100명 가까이", "100명 가까이", 0, 16, "100", NULL, "명", 1, KC_BOUND_NONE, 1},
    {"5% 내외", "5% 내외", 0, 9, "5", NULL, "%", 1, KC_BOUND_NONE, 1},
    {"15% 수준에", "15% 수준", 0, 10, "15", NULL, "%", 1, KC_BOUND_NONE, 1},
    {"최대 50%", "최대 50%", 0, 10, "50", NULL, "%", 0, KC_BOUND_MAX, 1},
    {"최소 3명", "최소 3명", 0, 11, "3", NULL, "명", 0, KC_BOUND_MIN, 1},
    {"최대 약 30%", "최대 약 30%", 0, 14, "30", NULL, "%", 1, KC_BOUND_MAX, 1},
    {"대략 200개", "대략 200개", 0, 13, "200", NULL, "개", 1, KC_BOUND_NONE, 1},
    {"영하 5도", "영하 5도", 0, 11, "-5", NULL, "도", 0, KC_BOUND_NONE, 1},
    {"영하5도까지", "영하5도", 0, 10, "-5", NULL, "도", 0, KC_BOUND_NONE, 1},
    {"-3.5% 하락", "-3.5%", 0, 5, "-3.5", NULL, "%", 0, KC_BOUND_NONE, 1},
    {"+2.5% 상승", "+2.5%", 0, 5, "2.5", NULL, "%", 0, KC_BOUND_NONE, 1},
    {"마이너스 3% 성장", "마이너스 3%", 0, 15, "-3", NULL, "%", 0, KC_BOUND_NONE, 1},
    {"마이너스3", "마이너스3", 0, 13, "-3", NULL, "", 0, KC_BOUND_NONE, 1},
    {"3%p 하락", "3%p", 0, 3, "3", NULL, "%p", 0, KC_BOUND_NONE, 1},
    {"2.5%포인트 올랐다", "2.5%포인트", 0, 13, "2.5", NULL, "%p", 0, KC_BOUND_NONE, 1},
    {"10퍼센트포인트", "10퍼센트포인트", 0, 20, "10", NULL, "%p", 0, KC_BOUND_NONE, 1},
    {"30퍼센트", "30퍼센트", 0, 11, "30", NULL, "%", 0, KC_BOUND_NONE, 1},
    {"지수는 20포인트 올랐다", "20포인트", 10, 21, "20", NULL, "포인트", 0, KC_BOUND_NONE, 1},
    {"1위를 차지했다", "1위", 0, 4, "1", NULL, "위", 0, KC_BOUND_NONE, 1},
    {"2위에 올랐다", "2위", 0, 4, "2", NULL, "위", 0, KC_BOUND_NONE, 1},
    {"두 차례 사과했다", "두 차례", 0, 10, "2", NULL, "차례", 0, KC_BOUND_NONE, 1},
    {"세 곳에서", "세 곳", 0, 7, "3", NULL, "곳", 0, KC_BOUND_NONE, 1},
    {"네 개국이", "네 개국", 0, 10, "4", NULL, "개국", 0, KC_BOUND_NONE, 1},
    {"다섯 명이", "다섯 명", 0, 10, "5", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"여섯 개", "여섯 개", 0, 10, "6", NULL, "개", 0, KC_BOUND_NONE, 1},
    {"일곱 번", "일곱 번", 0, 10, "7", NULL, "번", 0, KC_BOUND_NONE, 1},
    {"여덟 가지", "여덟 가지", 0, 13, "8", NULL, "가지", 0, KC_BOUND_NONE, 1},
    {"아홉 마리", "아홉 마리", 0, 13, "9", NULL, "마리", 0, KC_BOUND_NONE, 1},
    {"열 명", "열 명", 0, 7, "10", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"한 명도", "한 명", 0, 7, "1", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"스물다섯 살", "스물다섯 살", 0, 16, "25", NULL, "살", 0, KC_BOUND_NONE, 1},
    {"서른 살", "서른 살", 0, 10, "30", NULL, "살", 0, KC_BOUND_NONE, 1},
    {"마흔 살", "마흔 살", 0, 10, "40", NULL, "살", 0, KC_BOUND_NONE, 1},
    {"쉰 살", "쉰 살", 0, 7, "50", NULL, "살", 0, KC_BOUND_NONE, 1},
    {"예순 살", "예순 살", 0, 10, "60", NULL, "살", 0, KC_BOUND_NONE, 1},
    {"일흔 살", "일흔 살", 0, 10, "70", NULL, "살", 0, KC_BOUND_NONE, 1},
    {"여든 살", "여든 살", 0, 10, "80", NULL, "살", 0, KC_BOUND_NONE, 1},
    {"아흔 살", "아흔 살", 0, 10, "90", NULL, "살", 0, KC_BOUND_NONE, 1},
    {"다섯명이", "다섯명", 0, 9, "5", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"세 배로", "세 배", 0, 7, "3", NULL, "배", 0, KC_BOUND_NONE, 1},
    {"1.5배", "1.5배", 0, 6, "1.5", NULL, "배", 0, KC_BOUND_NONE, 1},
    {"$100", "$100", 0, 4, "100", NULL, "달러", 0, KC_BOUND_NONE, 1},
    {"US$5", "US$5", 0, 4, "5", NULL, "달러", 0, KC_BOUND_NONE, 1},
    {"EUR 20", "EUR 20", 0, 6, "20", NULL, "유로", 0, KC_BOUND_NONE, 1},
    {"EUR29.99", "EUR29.99", 0, 8, "29.99", NULL, "유로", 0, KC_BOUND_NONE, 1},
    {"₩10", "₩10", 0, 5, "10", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"10₩", "10₩", 0, 5, "10", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"100달러", "100달러", 0, 9, "100", NULL, "달러", 0, KC_BOUND_NONE, 1},
    {"10불", "10불", 0, 5, "10", NULL, "달러", 0, KC_BOUND_NONE, 1},
    {"10엔", "10엔", 0, 5, "10", NULL, "엔", 0, KC_BOUND_NONE, 1},
    {"500위안", "500위안", 0, 9, "500", NULL, "위안", 0, KC_BOUND_NONE, 1},
    {"20유로", "20유로", 0, 8, "20", NULL, "유로", 0, KC_BOUND_NONE, 1},
    {"9파운드", "9파운드", 0, 10, "9", NULL, "파운드", 0, KC_BOUND_NONE, 1},
    {"10센트", "10센트", 0, 8, "10", NULL, "센트", 0, KC_BOUND_NONE, 1},
    {"3,000억 달러", "3,000억 달러", 0, 15, "300000000000", NULL, "달러", 0, KC_BOUND_NONE, 1},
    {"십달러", "십달러", 0, 9, "10", NULL, "달러", 0, KC_BOUND_NONE, 1},
    {"만달러", "만달러", 0, 9, "10000", NULL, "달러", 0, KC_BOUND_NONE, 1},
    {"구파운드", "구파운드", 0, 12, "9", NULL, "파운드", 0, KC_BOUND_NONE, 1},
    {"백원", "백원", 0, 6, "100", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"이천칠백삼십오만원", "이천칠백삼십오만원", 0, 27, "27350000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"27,350,000원", "27,350,000원", 0, 13, "27350000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"이만칠천원", "이만칠천원", 0, 15, "27000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"일점이삼달러", "일점이삼달러", 0, 18, "1.23", NULL, "달러", 0, KC_BOUND_NONE, 1},
    {"이십구점구구유로", "이십구점구구유로", 0, 24, "29.99", NULL, "유로", 0, KC_BOUND_NONE, 1},
    {"섭씨 37도", "섭씨 37도", 0, 12, "37", NULL, "°C", 0, KC_BOUND_NONE, 1},
    {"섭씨37도", "섭씨37도", 0, 11, "37", NULL, "°C", 0, KC_BOUND_NONE, 1},
    {"섭씨37°", "섭씨37°", 0, 10, "37", NULL, "°C", 0, KC_BOUND_NONE, 1},
    {"화씨70도", "화씨70도", 0, 11, "70", NULL, "°F", 0, KC_BOUND_NONE, 1},
    {"37°C", "37°C", 0, 5, "37", NULL, "°C", 0, KC_BOUND_NONE, 1},
    {"70°F", "70°F", 0, 5, "70", NULL, "°F", 0, KC_BOUND_NONE, 1},
    {"45°", "45°", 0, 4, "45", NULL, "도", 0, KC_BOUND_NONE, 1},
    {"45도", "45도", 0, 5, "45", NULL, "도", 0, KC_BOUND_NONE, 1},
    {"9m", "9m", 0, 2, "9", NULL, "m", 0, KC_BOUND_NONE, 1},
    {"9미터", "9미터", 0, 7, "9", NULL, "m", 0, KC_BOUND_NONE, 1},
    {"구메터", "구메터", 0, 9, "9", NULL, "m", 0, KC_BOUND_NONE, 1},
    {"3 km", "3 km", 0, 4, "3", NULL, "km", 0, KC_BOUND_NONE, 1},
    {"3km", "3km", 0, 3, "3", NULL, "km", 0, KC_BOUND_NONE, 1},
    {"3.0 km", "3.0 km", 0, 6, "3", NULL, "km", 0, KC_BOUND_NONE, 1},
    {"3 킬로미터", "3 킬로미터", 0, 14, "3", NULL, "km", 0, KC_BOUND_NONE, 1},
    {"3 킬로", "3 킬로", 0, 8, "3", NULL, "km", 0, KC_BOUND_NONE, 1},
    {"8 마일", "8 마일", 0, 8, "8", NULL, "마일", 0, KC_BOUND_NONE, 1},
    {"8 miles", "8 miles", 0, 7, "8", NULL, "마일", 0, KC_BOUND_NONE, 1},
    {"2cm", "2cm", 0, 3, "2", NULL, "cm", 0, KC_BOUND_NONE, 1},
    {"2 센치", "2 센치", 0, 8, "2", NULL, "cm", 0, KC_BOUND_NONE, 1},
    {"이센치", "이센치", 0, 9, "2", NULL, "cm", 0, KC_BOUND_NONE, 1},
    {"250ml", "250ml", 0, 5, "250", NULL, "ml", 0, KC_BOUND_NONE, 1},
    {"250 밀리리터", "250 밀리리터", 0, 16, "250", NULL, "ml", 0, KC_BOUND_NONE, 1},
    {"이백오십미리리터", "이백오십미리리터", 0, 24, "250", NULL, "ml", 0, KC_BOUND_NONE, 1},
    {"2 리터", "2 리터", 0, 8, "2", NULL, "L", 0, KC_BOUND_NONE, 1},
    {"이리터", "이리터", 0, 9, "2", NULL, "L", 0, KC_BOUND_NONE, 1},
    {"3 갤론", "3 갤론", 0, 8, "3", NULL, "갤런", 0, KC_BOUND_NONE, 1},
    {"3 헥토리터", "3 헥토리터", 0, 14, "3", NULL, "hL", 0, KC_BOUND_NONE, 1},
    {"10만 t", "10만 t", 0, 7, "100000", NULL, "t", 0, KC_BOUND_NONE, 1},
    {"5톤 트럭", "5톤", 0, 4, "5", NULL, "t", 0, KC_BOUND_NONE, 1},
    {"30kg", "30kg", 0, 4, "30", NULL, "kg", 0, KC_BOUND_NONE, 1},
    {"84m2 아파트", "84m2", 0, 4, "84", NULL, "㎡", 0, KC_BOUND_NONE, 1},
    {"33평", "33평", 0, 5, "33", NULL, "평", 0, KC_BOUND_NONE, 1},
    {"1GW 규모", "1GW", 0, 3, "1", NULL, "GW", 0, KC_BOUND_NONE, 1},
    {"10GB", "10GB", 0, 4, "10", NULL, "GB", 0, KC_BOUND_NONE, 1},
    {"10여 개국", "10여 개국", 0, 12, "10", NULL, "개국", 1, KC_BOUND_NONE, 1},
    {"100여 곳", "100여 곳", 0, 10, "100", NULL, "곳", 1, KC_BOUND_NONE, 1},
    {"20여 명이", "20여 명", 0, 9, "20", NULL, "명", 1, KC_BOUND_NONE, 1},
    {"20대 남성", "20대", 0, 5, "20", NULL, "대", 0, KC_BOUND_NONE, 1},
    {"10만대 판매", "10만대", 0, 8, "100000", NULL, "대", 0, KC_BOUND_NONE, 1},
    {"1만원대", "1만원", 0, 7, "10000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"1000원짜리", "1000원", 0, 7, "1000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"5만 원씩", "5만 원", 0, 8, "50000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"3번 출구", "3번", 0, 4, "3", NULL, "번", 0, KC_BOUND_NONE, 1},
    {"5개사", "5개사", 0, 7, "5", NULL, "개사", 0, KC_BOUND_NONE, 1},
    {"2건의", "2건", 0, 4, "2", NULL, "건", 0, KC_BOUND_NONE, 1},
    {"300가구", "300가구", 0, 9, "300", NULL, "가구", 0, KC_BOUND_NONE, 1},
    {"3표 차이", "3표", 0, 4, "3", NULL, "표", 0, KC_BOUND_NONE, 1},
    {"19세 이상", "19세 이상", 0, 12, "19", NULL, "세", 0, KC_BOUND_MIN, 1},
    {"만 19세 이상", "19세 이상", 4, 16, "19", NULL, "세", 0, KC_BOUND_MIN, 1},
    {"2명이", "2명", 0, 4, "2", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"0.5%", "0.5%", 0, 4, "0.5", NULL, "%", 0, KC_BOUND_NONE, 1},
    {"1,000", "1,000", 0, 5, "1000", NULL, "", 0, KC_BOUND_NONE, 1},
    {"1,2,3", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"DAU는 3천만이다", "3천만", 7, 14, "30000000", NULL, "", 0, KC_BOUND_NONE, 1},
    {"12억 3456만 7898원", "12억 3456만 7898원", 0, 21, "1234567898", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"사망자는 5명, 부상자는 12명", "5명", 13, 17, "5", NULL, "명", 0, KC_BOUND_NONE, 2},
    {"사망자는 5명, 부상자는 12명", "12명", 32, 37, "12", NULL, "명", 0, KC_BOUND_NONE, 2},
    {"(10%)", "10%", 1, 4, "10", NULL, "%", 0, KC_BOUND_NONE, 1},
    {"\"5만 명\"", "5만 명", 1, 9, "50000", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"1천만 명을 돌파", "1천만 명", 0, 11, "10000000", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"999,999,999,999,999,999,999조원", "999,999,999,999,999,999,999조원", 0, 33, "999999999999999999999000000000000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"연 3.5%", "3.5%", 4, 8, "3.5", NULL, "%", 0, KC_BOUND_NONE, 1},
    {"약120억원", "약120억원", 0, 12, "12000000000", NULL, "원", 1, KC_BOUND_NONE, 1},
    {"코로나19 확진자", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"5G 서비스", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"G20 정상회의", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"갤럭시S23 출시", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"2호선 강남역", "2호선", 0, 7, "2", NULL, "호선", 0, KC_BOUND_NONE, 1},
    {"3호기 원전", "3호기", 0, 7, "3", NULL, "호기", 0, KC_BOUND_NONE, 1},
    {"제3자 제공", "제3", 0, 4, "3", NULL, "제", 0, KC_BOUND_NONE, 1},
    {"02-123-4567로 전화", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"010-1234-5678", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"1588-1234", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"abc123@naver.com", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"연락처 test99@example.co.kr 로", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"http://news.com/2022/10/22/123", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"www.yna.co.kr/view/AKR2022", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"삼성전자 주가", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"일본 정부", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"천안 시민", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"백화점 매출", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"만약 그렇다면", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"십중팔구 그렇다", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"일상 깊숙이", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"배터리 하나에서 스파크가", "하나", 10, 16, "1", NULL, "", 0, KC_BOUND_NONE, 1},
    {"카카오 서비스", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"이번 사태", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"이날 발표", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"사건 현장", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"구조 개선", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"억만장자", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"팔만대장경", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"조만간 발표", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"이명박 전 대통령", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"사원 모집", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"일원으로", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"오명을 씻었다", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"한국 경제", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"한편 정부는", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"세계 경제", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"세대 갈등", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"한번 해보자", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"한 점 소홀함이 없어야", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"이 곳에서", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"이 개는", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"천만에요", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"이만 줄이겠습니다", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"열차 운행", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"서울 시민", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"너무 많다", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"세배를 드렸다", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"두 번째", "두 번째", 0, 10, "2", NULL, "번째", 0, KC_BOUND_NONE, 1},
    {"2번째", "2번째", 0, 7, "2", NULL, "번째", 0, KC_BOUND_NONE, 1},
    {"1차 접종", "1차", 0, 4, "1", NULL, "차", 0, KC_BOUND_NONE, 1},
    {"3학년 학생", "3학년", 0, 7, "3", NULL, "학년", 0, KC_BOUND_NONE, 1},
    {"5세대 이동통신", "5세대", 0, 7, "5", NULL, "세대", 0, KC_BOUND_NONE, 1},
    {"10주년 기념", "10주년", 0, 8, "10", NULL, "주년", 0, KC_BOUND_NONE, 1},
    {"21세기", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"16일 오후", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"2022년 10월", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"3시 30분", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"10시간 동안", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"약 10시간 동안", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"일주일도 되지 않는", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"나흘만인 19일", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"3개월 만에", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"지난 1년간의 DAU", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"12년여간 가장 오래간", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"10년 넘게", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"한 달", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"10∼12일", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"10:30에 시작", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"2022.10.22 발표", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"2022-10-22", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"3/4 분기", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"v1.2.3", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"3D 프린터", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"A4 용지", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"4K 화질", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"3명예", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"7천 6백 10만원", "7천 6백 10만원", 0, 18, "76100000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"76.1백만원", "76.1백만원", 0, 13, "76100000", NULL, "원", 0, KC_BOUND_NONE, 1},
    {"1천 5백만 명", "1천 5백만 명", 0, 16, "15000000", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"36％가", "36％", 0, 5, "36", NULL, "%", 0, KC_BOUND_NONE, 1},
    {"184명 중 5분의 4가", "184명", 0, 6, "184", NULL, "명", 0, KC_BOUND_NONE, 2},
    {"184명 중 5분의 4가", "5분의 4", 11, 20, "0.8", NULL, "", 0, KC_BOUND_NONE, 2},
    {"100분의 1 이하로", "100분의 1 이하", 0, 18, "0.01", NULL, "", 0, KC_BOUND_MAX, 1},
    {"아이폰4가 출시", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"경계하고 있다.[1]", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"2. 중앙선거관리위원회의 요청", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"2020 도쿄올림픽", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"정조 18년(1794) 건립", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"5·18 민주화운동", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"6·25 전쟁", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},    /* issue 7: ordinals and counters (제N, N강, N심), records, scores,
     * dotted lists, bare Hangul numerals, isolated phrases, 이유로. */
    {"제18대 대통령선거", "제18대", 0, 8, "18", NULL, "대", 0, KC_BOUND_NONE, 1},
    {"형사소송법 제110조는", "제110", 16, 22, "110", NULL, "제", 0, KC_BOUND_NONE, 1},
    {"제2금융권 가계부채", "제2", 0, 4, "2", NULL, "제", 0, KC_BOUND_NONE, 1},
    {"제3회 국민 안전의 날", "제3회", 0, 7, "3", NULL, "회", 0, KC_BOUND_NONE, 1},
    {"문제3 풀이", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"이세돌 9단과 대국", "9단", 10, 14, "9", NULL, "단", 0, KC_BOUND_NONE, 1},
    {"8강전에서 승리", "8강전", 0, 7, "8", NULL, "강", 0, KC_BOUND_NONE, 1},
    {"1심에서 유죄", "1심", 0, 4, "1", NULL, "심", 0, KC_BOUND_NONE, 1},
    {"시즌 2 강자", "2", 7, 8, "2", NULL, "", 0, KC_BOUND_NONE, 1},
    {"3승3무1패를 기록", "3승", 0, 4, "3", NULL, "승", 0, KC_BOUND_NONE, 3},
    {"3승3무1패를 기록", "3무", 4, 8, "3", NULL, "무", 0, KC_BOUND_NONE, 3},
    {"3승3무1패를 기록", "1패", 8, 12, "1", NULL, "패", 0, KC_BOUND_NONE, 3},
    {"9회말 2사 만루", "9회말", 0, 7, "9", NULL, "회", 0, KC_BOUND_NONE, 2},
    {"9회말 2사 만루", "2사", 8, 12, "2", NULL, "사", 0, KC_BOUND_NONE, 2},
    {"3-5로 추격한", "3", 0, 1, "3", NULL, "", 0, KC_BOUND_NONE, 2},
    {"3-5로 추격한", "5", 2, 3, "5", NULL, "", 0, KC_BOUND_NONE, 2},
    {"홈 경기에서 74-70으로 승리했다", "74", 17, 19, "74", NULL, "", 0, KC_BOUND_NONE, 2},
    {"홈 경기에서 74-70으로 승리했다", "70", 20, 22, "70", NULL, "", 0, KC_BOUND_NONE, 2},
    {"주소 (137-767) 참조", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"우편번호 135-080", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"4-2-3-1 전형으로", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"변호사(56·17기)가", "56", 10, 12, "56", NULL, "", 0, KC_BOUND_NONE, 2},
    {"변호사(56·17기)가", "17기", 14, 19, "17", NULL, "기", 0, KC_BOUND_NONE, 2},
    {"2·3차 협력사", "2", 0, 1, "2", NULL, "", 0, KC_BOUND_NONE, 2},
    {"2·3차 협력사", "3차", 3, 7, "3", NULL, "차", 0, KC_BOUND_NONE, 2},
    {"최순인(가명·52) 씨는", "52", 18, 20, "52", NULL, "", 0, KC_BOUND_NONE, 1},
    {"3·1절 기념식", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"1남1녀를 뒀다", "1남", 0, 4, "1", NULL, "남", 0, KC_BOUND_NONE, 2},
    {"1남1녀를 뒀다", "1녀", 4, 8, "1", NULL, "녀", 0, KC_BOUND_NONE, 2},
    {"천칠백이십삼", "천칠백이십삼", 0, 18, "1723", NULL, "", 0, KC_BOUND_NONE, 1},
    {"관객 천만 명", "천만 명", 7, 17, "10000000", NULL, "명", 0, KC_BOUND_NONE, 1},
    {"천만 관객을 돌파", "천만", 0, 6, "10000000", NULL, "", 0, KC_BOUND_NONE, 1},
    {"모두 이백오십에 그쳤다", "이백오십", 7, 19, "250", NULL, "", 0, KC_BOUND_NONE, 1},
    {"사천백이십삼점삼", "사천백이십삼점삼", 0, 24, "4123.3", NULL, "", 0, KC_BOUND_NONE, 1},
    {"문제 중 하나는 비용이다", "하나", 11, 17, "1", NULL, "", 0, KC_BOUND_NONE, 1},
    {"친구 다섯이 모였다", "다섯", 7, 13, "5", NULL, "", 0, KC_BOUND_NONE, 1},
    {"서른다섯", "서른다섯", 0, 12, "35", NULL, "", 0, KC_BOUND_NONE, 1},
    {"1000", "1000", 0, 4, "1000", NULL, "", 0, KC_BOUND_NONE, 1},
    {"3/4", "3/4", 0, 3, "0.75", NULL, "", 0, KC_BOUND_NONE, 1},
    {"일", "일", 0, 3, "1", NULL, "", 0, KC_BOUND_NONE, 1},
    {"영", "영", 0, 3, "0", NULL, "", 0, KC_BOUND_NONE, 1},
    {"한", "한", 0, 3, "1", NULL, "", 0, KC_BOUND_NONE, 1},
    {"열", "열", 0, 3, "10", NULL, "", 0, KC_BOUND_NONE, 1},
    {"만", "만", 0, 3, "10000", NULL, "", 0, KC_BOUND_NONE, 1},
    {"마이너스삼", "마이너스삼", 0, 15, "-3", NULL, "", 0, KC_BOUND_NONE, 1},
    {"삼 갤론", "삼 갤론", 0, 10, "3", NULL, "갤런", 0, KC_BOUND_NONE, 1},
    {"한근", "한근", 0, 6, "1", NULL, "근", 0, KC_BOUND_NONE, 1},
    {"이유로 대표팀에서 하차했다", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"무릎 통증을 이유로", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"바로 그 이유로.", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"가능성이 하나도 없다", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"열이 났다", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"쉰 목소리", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"천사 같은 아이", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"이천에서 열린 행사", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"구조를 바꿨다", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"한 매체가 보도했다", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"두고 보자", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"일단 가보자", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"사실 확인", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"구단 관계자", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"이십사", "이십사", 0, 9, "24", NULL, "", 0, KC_BOUND_NONE, 1},
    {"8-7, 그대로 끝났다", "8", 0, 1, "8", NULL, "", 0, KC_BOUND_NONE, 2},
    {"8-7, 그대로 끝났다", "7", 2, 3, "7", NULL, "", 0, KC_BOUND_NONE, 2},
    {"1-2,000", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"2선발 투수", "2선발", 0, 7, "2", NULL, "선발", 0, KC_BOUND_NONE, 1},
    {"한미 양국의 관계", "양국", 7, 13, "2", NULL, "국", 0, KC_BOUND_NONE, 1},
    {"12일 양측에 통보했다", "양측", 6, 12, "2", NULL, "측", 0, KC_BOUND_NONE, 1},
    {"양사는 협력한다", "양사", 0, 6, "2", NULL, "사", 0, KC_BOUND_NONE, 1},
    {"양말을 샀다", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"양국간섭", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
    {"서양국가", NULL, 0, 0, NULL, NULL, NULL, 0, KC_BOUND_NONE, 0},
};

static kc_engine *ENG;

static int setup(void **state)
{
    (void)state;
    char err[256];
    return kc_engine_new(&ENG, NULL, err, sizeof err) == KC_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    kc_engine_free(ENG);
    return 0;
}

/* Run figures.c alone over every paragraph of text. */
static kc_doc *run_figures(const char *text, size_t len)
{
    kc_doc *d;
    assert_int_equal(kc_doc_new(&d, ENG, "t"), KC_OK);
    assert_int_equal(kc__doc_load_paragraphs(d, text, len, "2022-10-22"), KC_OK);
    pcre2_match_data *md = pcre2_match_data_create(64, NULL);
    assert_non_null(md);
    for (size_t p = 0; p < d->nparas; p++) {
        size_t l;
        const char *s = kc_doc_paragraph(d, p, &l);
        assert_int_equal(kc__figures_extract(d, p, s, l, md), KC_OK);
    }
    pcre2_match_data_free(md);
    return d;
}

static void dump(const kc_doc *d, const char *in)
{
    size_t l;
    const char *s = d->nparas ? kc_doc_paragraph(d, 0, &l) : "";
    print_error("input \"%s\": %zu figure(s)\n", in, d->nmentions);
    for (size_t i = 0; i < d->nmentions; i++) {
        const kc_mention *m = &d->mentions[i];
        print_error("  [%zu,%zu) \"%.*s\" value=%s max=%s unit=\"%s\" approx=%d bound=%d\n",
                    m->byte_start, m->byte_end,
                    (int)(m->byte_end - m->byte_start), s + m->byte_start,
                    m->value, m->value_max ? m->value_max : "-", m->unit,
                    m->approx, (int)m->bound);
    }
}

static void t_case(void **state)
{
    const figcase *c = *state;
    kc_doc *d = run_figures(c->in, strlen(c->in));
    if (d->nmentions != c->count) dump(d, c->in);
    assert_int_equal(d->nmentions, c->count);
    if (c->text) {
        const kc_mention *m = NULL;
        for (size_t i = 0; i < d->nmentions; i++)
            if (d->mentions[i].byte_start == c->bs) m = &d->mentions[i];
        if (!m) dump(d, c->in);
        assert_non_null(m);
        size_t l;
        const char *s = kc_doc_paragraph(d, 0, &l);
        if (m->byte_end != c->be || strcmp(m->value, c->value) != 0 ||
            strcmp(m->unit, c->unit) != 0)
            dump(d, c->in);
        assert_int_equal(m->kind, KC_MENTION_FIGURE);
        assert_int_equal(m->byte_end, c->be);
        assert_memory_equal(s + m->byte_start, c->text, strlen(c->text));
        assert_string_equal(m->value, c->value);
        if (c->value_max) {
            assert_non_null(m->value_max);
            assert_string_equal(m->value_max, c->value_max);
        } else {
            assert_null(m->value_max);
        }
        assert_string_equal(m->unit, c->unit);
        assert_int_equal(m->approx, c->approx);
        assert_int_equal(m->bound, c->bound);
    }
    kc_doc_free(d);
}

/* The whole chain: kc_doc_extract fills code-point offsets and text. */
static void t_chain_offsets(void **state)
{
    (void)state;
    const char *t = "평소 3천300만∼3천700만대 사이였다.\n16일 3천290만 명으로 내려앉았다.\n";
    kc_doc *d;
    assert_int_equal(kc_doc_new(&d, ENG, "t"), KC_OK);
    assert_int_equal(kc__doc_load_paragraphs(d, t, strlen(t), "2022-10-22"), KC_OK);
    kc_options o;
    kc_options_init(&o);
    assert_int_equal(kc_doc_extract(d, &o), KC_OK);
    const kc_mention *a = NULL, *b = NULL;
    for (size_t i = 0; i < kc_doc_mention_count(d); i++) {
        const kc_mention *m = kc_doc_mention(d, i);
        if (m->kind != KC_MENTION_FIGURE) continue;
        if (m->para == 0) a = m;
        else b = m;
    }
    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(a->text, "3천300만∼3천700만대");
    assert_int_equal(a->start, 3);
    assert_int_equal(a->end, 17);
    assert_string_equal(b->text, "3천290만 명");
    assert_int_equal(b->start, 4);
    assert_int_equal(b->end, 12);
    kc_doc_free(d);
}

/* Figures skip what the dates extractor claimed: a duration mention added
 * first over "10시간" hides any figure there. */
static void t_span_taken(void **state)
{
    (void)state;
    const char *t = "약 120명이 10시간 동안";
    kc_doc *d;
    assert_int_equal(kc_doc_new(&d, ENG, "t"), KC_OK);
    assert_int_equal(kc__doc_load_paragraphs(d, t, strlen(t), NULL), KC_OK);
    size_t l;
    const char *s = kc_doc_paragraph(d, 0, &l);
    /* Pretend the dates extractor took "약 120명" (bytes 0..11). */
    kc_mention *m = kc__doc_add_mention(d, KC_MENTION_DURATION, 0, 0, 11);
    assert_non_null(m);
    assert_int_equal(kc__figures_extract(d, 0, s, l, NULL), KC_OK);
    assert_int_equal(d->nmentions, 1);
    kc_doc_free(d);
}

/* The sample article: exactly the figures the issue lists. */
static void t_sample(void **state)
{
    (void)state;
    FILE *fp = fopen("corpus/kakao_editorial.txt", "rb");
    if (!fp) { skip(); return; }
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    kc_doc *d = run_figures(buf, n);
    static const char *const want[][3] = {
        {"하나", "1", ""},
        {"두 차례", "2", "차례"},
        {"3천300만∼3천700만대", "33000000", ""},
        {"3천290만 명", "32900000", "명"},
        {"3천460만여 명", "34600000", "명"},
        {"3천470만여명", "34700000", "명"}};
    size_t k = 0;
    for (size_t i = 0; i < d->nmentions && k < 6; i++) {
        const kc_mention *m = &d->mentions[i];
        size_t l;
        const char *s = kc_doc_paragraph(d, m->para, &l);
        size_t wl = strlen(want[k][0]);
        assert_int_equal(m->byte_end - m->byte_start, wl);
        assert_memory_equal(s + m->byte_start, want[k][0], wl);
        assert_string_equal(m->value, want[k][1]);
        assert_string_equal(m->unit, want[k][2]);
        k++;
    }
    assert_int_equal(k, 6);
    /* The same six again only if the body repeats (this sample does). */
    assert_true(d->nmentions == 6 || d->nmentions == 12);
    kc_doc_free(d);
}

/* Pathological paragraphs stay linear (STYLE.md: guard every start). */
static char *repeat(const char *unit, size_t reps, const char *tail, size_t *len)
{
    size_t ul = strlen(unit), tl = strlen(tail);
    char *b = malloc(ul * reps + tl + 1);
    assert_non_null(b);
    for (size_t i = 0; i < reps; i++) memcpy(b + i * ul, unit, ul);
    memcpy(b + ul * reps, tail, tl + 1);
    *len = ul * reps + tl;
    return b;
}

static void t_pathological(void **state)
{
    (void)state;
    static const struct { const char *unit; size_t reps; const char *tail; } P[] = {
        {"1,", 100000, "x원"},
        {"9", 1000000, "x억"},
        {"1천", 100000, ""},
        {"1만 ", 100000, "명"},
        {"삼", 100000, "원"},
        {"약 ", 100000, "5%"},
        {"1-", 100000, "2명"},
        {"1∼", 100000, "2명"},
        {"a1", 100000, ""},
    };
    for (size_t k = 0; k < sizeof P / sizeof *P; k++) {
        size_t len;
        char *b = repeat(P[k].unit, P[k].reps, P[k].tail, &len);
        /* completes without a limit hit; time is guarded by the
         * pathological suite (P8), not by a timed unit test */
        kc_doc *d = run_figures(b, len);
        assert_int_equal(kc_doc_stats(d)->regex_limit_hits, 0);
        kc_doc_free(d);
        free(b);
    }
}

int main(void)
{
    enum { N = sizeof CASES / sizeof *CASES, EXTRA = 4 };
    static struct CMUnitTest tests[N + EXTRA];
    for (size_t i = 0; i < N; i++) {
        tests[i] = (struct CMUnitTest)cmocka_unit_test_prestate(t_case, (void *)&CASES[i]);
        tests[i].name = CASES[i].in;
    }
    tests[N] = (struct CMUnitTest)cmocka_unit_test(t_chain_offsets);
    tests[N + 1] = (struct CMUnitTest)cmocka_unit_test(t_span_taken);
    tests[N + 2] = (struct CMUnitTest)cmocka_unit_test(t_sample);
    tests[N + 3] = (struct CMUnitTest)cmocka_unit_test(t_pathological);
    return cmocka_run_group_tests(tests, setup, teardown);
}
