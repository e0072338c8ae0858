/* Unit tests: the entity extractor (entities.c) — one cmocka test per table
 * row. Each row is one or more paragraphs (lines) run through
 * kc__entities_extract alone; for every expected entity the test finds the
 * mention at the exact byte span in its paragraph and asserts its type,
 * canonical name and title. count (when not -1) is the exact number of
 * entity mentions; `absent` words must not be (part of) any entity span.
 * Rows with no expected entity and count 0 are traps: ordinary words that
 * must not become names. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <cmocka.h>

#include "internal.h"

typedef struct exp_ent {
    size_t para;
    const char *text;     /* the span's bytes (surface, no particle) */
    size_t bs, be;        /* byte span in the paragraph */
    const char *type, *name, *title;
} exp_ent;

typedef struct entcase {
    const char *in;
    int count;            /* exact number of entity mentions, -1: any */
    size_t n;
    exp_ent e[4];
    const char *absent[2];
} entcase;

static const entcase CASES[] = {
    {"주무 부처인 과학기술정보통신부 이종호 장관은 이 사태와 관련해 두 차례 사과했다.", 2, 2, {{0, "과학기술정보통신부", 17, 44, "org", "과학기술정보통신부", NULL}, {0, "이종호", 45, 54, "person", "이종호", "장관"}}, {"부처", NULL}},
    {"윤석열 대통령은 카카오를 사실상의 '국가기반통신망'으로 칭하며 '독점'에 따른 시장 왜곡 문제 대응을 강조하기도 했다.", 2, 2, {{0, "윤석열", 0, 9, "person", "윤석열", "대통령"}, {0, "카카오", 23, 32, "org", "카카오", NULL}}, {"시장", NULL}},
    {"결국 사태 나흘만인 19일 카카오 남궁훈 전 대표는 긴급 기자회견을 열어 서비스 장애 사태에 책임지고 사퇴했다.", 2, 2, {{0, "카카오", 33, 42, "org", "카카오", NULL}, {0, "남궁훈", 43, 52, "person", "남궁훈", "전 대표"}}, {NULL, NULL}},
    {"카카오는 홍은택 대표가 위원장을 맡은 비상대책위원회를 본격적으로 가동하며 이날부터 피해 사실 접수 등 사태 수습에 집중하기로 했다.", 2, 2, {{0, "카카오", 0, 9, "org", "카카오", NULL}, {0, "홍은택", 13, 22, "person", "홍은택", "대표"}}, {"비상대책위원회", "위원장"}},
    {"당시 카카오 창업자인 김범수 카카오 미래이니셔티브센터장은 '골목상권 침해' 논란 등에 대해 연신 고개를 숙였다.", 3, 3, {{0, "카카오", 7, 16, "org", "카카오", NULL}, {0, "김범수", 30, 39, "person", "김범수", "센터장"}, {0, "카카오", 40, 49, "org", "카카오", NULL}}, {NULL, NULL}},
    {"카카오 메인 서버가 입주한 SK 주식회사 C&C 판교 데이터센터 전기실의 배터리 하나에서 스파크가 일며 시작된 불이 걷잡을 수 없이 번지면서다.", 3, 3, {{0, "카카오", 0, 9, "org", "카카오", NULL}, {0, "SK 주식회사 C&C", 37, 56, "org", "SK 주식회사 C&C", NULL}, {0, "판교", 57, 63, "location", "판교", NULL}}, {"데이터센터", NULL}},
    {"아이지에이웍스의 모바일인덱스 집계에 따르면 평소 3천300만∼3천700만대 사이를 오가던 카카오톡 일간 활성 이용자(DAU)는 줄었다.", 3, 3, {{0, "아이지에이웍스", 0, 21, "org", "아이지에이웍스", NULL}, {0, "모바일인덱스", 25, 43, "product", "모바일인덱스", NULL}, {0, "카카오톡", 118, 130, "product", "카카오톡", NULL}}, {"이용자", NULL}},
    {"사용자 입장에서는 카카오 서비스에 문제가 있다고 느꼈을 터이고, 같은 데이터센터를 사용하는 네이버 등과 피해 범위와 복구 속도 등에서 비교되면서다.", 2, 2, {{0, "카카오", 26, 35, "org", "카카오", NULL}, {0, "네이버", 129, 138, "org", "네이버", NULL}}, {"사용자", "데이터센터"}},
    {"정치권에서도 질타가 쏟아졌고, 정부는 연달아 머리를 숙이며 재발 방지책 마련에 나섰다.", 0, 0, {{0}}, {"정치권", "정부"}},
    {"'국민 메신저' 카카오톡이 약 10시간 동안 완전히 멈춰 섰다.", 1, 1, {{0, "카카오톡", 19, 31, "product", "카카오톡", NULL}}, {"국민", "메신저"}},
    {"지난해 국회 국정감사에서다.", 1, 1, {{0, "국회", 10, 16, "org", "국회", NULL}}, {NULL, NULL}},
    {"카카오는 사옥인 판교 아지트 화장실 거울에 카카오톡 '나와의 대화' 형식으로 적은 문구를 되새기길 바란다.", 3, 3, {{0, "카카오", 0, 9, "org", "카카오", NULL}, {0, "판교", 23, 29, "location", "판교", NULL}, {0, "카카오톡", 60, 72, "product", "카카오톡", NULL}}, {NULL, NULL}},
    {"/연합뉴스", 1, 1, {{0, "연합뉴스", 1, 13, "media", "연합뉴스", NULL}}, {NULL, NULL}},
    {"홍은택 대표가 기자회견에서 한 말마따나 걸어 온 길을 되짚어봐야 한다.", 1, 1, {{0, "홍은택", 0, 9, "person", "홍은택", "대표"}}, {"기자회견", NULL}},
    {"카카오가 이용자를 '이미 잡은 물고기'로 인식하며 면피용 대책을 내놓는 데 그칠까 걱정되는 지점이다.", 1, 1, {{0, "카카오", 0, 9, "org", "카카오", NULL}}, {"이용자", NULL}},
    {"어제 카카오는 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오가 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오를 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오의 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오에서 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오와 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오도 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오만 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오까지 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오부터 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오에게 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오께서 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오으로 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오이라는 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오에서는 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오과의 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오처럼 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오보다 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오조차 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"어제 카카오마저 주목받았다.", 1, 1, {{0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"이번에 삼성전자는 주목받았다.", 1, 1, {{0, "삼성전자", 10, 22, "org", "삼성전자", NULL}}, {NULL, NULL}},
    {"이번에 현대차가 주목받았다.", 1, 1, {{0, "현대차", 10, 19, "org", "현대자동차", NULL}}, {NULL, NULL}},
    {"이번에 과기정통부는 주목받았다.", 1, 1, {{0, "과기정통부", 10, 25, "org", "과학기술정보통신부", NULL}}, {NULL, NULL}},
    {"이번에 카톡으로 주목받았다.", 1, 1, {{0, "카톡", 10, 16, "product", "카카오톡", NULL}}, {NULL, NULL}},
    {"이번에 NAVER의 주목받았다.", 1, 1, {{0, "NAVER", 10, 15, "org", "네이버", NULL}}, {NULL, NULL}},
    {"이번에 Naver는 주목받았다.", 1, 1, {{0, "Naver", 10, 15, "org", "네이버", NULL}}, {NULL, NULL}},
    {"이번에 민주당이 주목받았다.", 1, 1, {{0, "민주당", 10, 19, "org", "더불어민주당", NULL}}, {NULL, NULL}},
    {"이번에 국민의힘은 주목받았다.", 1, 1, {{0, "국민의힘", 10, 22, "org", "국민의힘", NULL}}, {NULL, NULL}},
    {"이번에 서울대 주목받았다.", 1, 1, {{0, "서울대", 10, 19, "org", "서울대학교", NULL}}, {NULL, NULL}},
    {"이번에 서울시는 주목받았다.", 1, 1, {{0, "서울시", 10, 19, "org", "서울특별시", NULL}}, {NULL, NULL}},
    {"이번에 SK C&C가 주목받았다.", 1, 1, {{0, "SK C&C", 10, 16, "org", "SK 주식회사 C&C", NULL}}, {NULL, NULL}},
    {"이번에 KBS가 주목받았다.", 1, 1, {{0, "KBS", 10, 13, "media", "KBS", NULL}}, {NULL, NULL}},
    {"이번에 조선일보에 주목받았다.", 1, 1, {{0, "조선일보", 10, 22, "media", "조선일보", NULL}}, {NULL, NULL}},
    {"이번에 로이터통신에 주목받았다.", 1, 1, {{0, "로이터통신", 10, 25, "media", "로이터", NULL}}, {NULL, NULL}},
    {"이번에 아이폰을 주목받았다.", 1, 1, {{0, "아이폰", 10, 19, "product", "아이폰", NULL}}, {NULL, NULL}},
    {"이번에 북한이 주목받았다.", 1, 1, {{0, "북한", 10, 16, "org", "북한", NULL}}, {NULL, NULL}},
    {"이번에 미국 정부가 발표했다.", 1, 1, {{0, "미국", 10, 16, "org", "미국", NULL}}, {"정부", NULL}},
    {"이번에 일본에서 열렸다.", 1, 1, {{0, "일본", 10, 16, "location", "일본", NULL}}, {NULL, NULL}},
    {"이번에 금융위는 주목받았다.", 1, 1, {{0, "금융위", 10, 19, "org", "금융위원회", NULL}}, {NULL, NULL}},
    {"이번에 공정위가 주목받았다.", 1, 1, {{0, "공정위", 10, 19, "org", "공정거래위원회", NULL}}, {NULL, NULL}},
    {"이번에 방통위의 주목받았다.", 1, 1, {{0, "방통위", 10, 19, "org", "방송통신위원회", NULL}}, {NULL, NULL}},
    {"이번에 헌재는 주목받았다.", 1, 1, {{0, "헌재", 10, 16, "org", "헌법재판소", NULL}}, {NULL, NULL}},
    {"이번에 LG엔솔이 주목받았다.", 1, 1, {{0, "LG엔솔", 10, 18, "org", "LG에너지솔루션", NULL}}, {NULL, NULL}},
    {"이번에 하이닉스는 주목받았다.", 1, 1, {{0, "하이닉스", 10, 22, "org", "SK하이닉스", NULL}}, {NULL, NULL}},
    {"이번에 행안부가 주목받았다.", 1, 1, {{0, "행안부", 10, 19, "org", "행정안전부", NULL}}, {NULL, NULL}},
    {"이번에 기재부는 주목받았다.", 1, 1, {{0, "기재부", 10, 19, "org", "기획재정부", NULL}}, {NULL, NULL}},
    {"이번에 대검은 주목받았다.", 1, 1, {{0, "대검", 10, 16, "org", "대검찰청", NULL}}, {NULL, NULL}},
    {"이번에 식약처가 주목받았다.", 1, 1, {{0, "식약처", 10, 19, "org", "식품의약품안전처", NULL}}, {NULL, NULL}},
    {"이번에 연준이 주목받았다.", 1, 1, {{0, "연준", 10, 16, "org", "연방준비제도", NULL}}, {NULL, NULL}},
    {"이번에 나토와 주목받았다.", 1, 1, {{0, "나토", 10, 16, "org", "북대서양조약기구", NULL}}, {NULL, NULL}},
    {"이번에 구글은 주목받았다.", 1, 1, {{0, "구글", 10, 16, "org", "구글", NULL}}, {NULL, NULL}},
    {"이번에 엔비디아가 주목받았다.", 1, 1, {{0, "엔비디아", 10, 22, "org", "엔비디아", NULL}}, {NULL, NULL}},
    {"이번에 TSMC와 주목받았다.", 1, 1, {{0, "TSMC", 10, 14, "org", "TSMC", NULL}}, {NULL, NULL}},
    {"이번에 판교에서 주목받았다.", 1, 1, {{0, "판교", 10, 16, "location", "판교", NULL}}, {NULL, NULL}},
    {"이번에 여의도에 주목받았다.", 1, 1, {{0, "여의도", 10, 19, "location", "여의도", NULL}}, {NULL, NULL}},
    {"이번에 강남구는 주목받았다.", 1, 1, {{0, "강남구", 10, 19, "org", "강남구", NULL}}, {NULL, NULL}},
    {"이번에 수원시가 주목받았다.", 1, 1, {{0, "수원시", 10, 19, "org", "수원시", NULL}}, {NULL, NULL}},
    {"이번에 부산은 주목받았다.", 1, 1, {{0, "부산", 10, 16, "org", "부산광역시", NULL}}, {NULL, NULL}},
    {"이번에 가평군 주목받았다.", 1, 1, {{0, "가평군", 10, 19, "location", "가평군", NULL}}, {NULL, NULL}},
    {"이번에 뉴욕에서 주목받았다.", 1, 1, {{0, "뉴욕", 10, 16, "location", "뉴욕", NULL}}, {NULL, NULL}},
    {"이번에 도쿄 주목받았다.", 1, 1, {{0, "도쿄", 10, 16, "location", "도쿄", NULL}}, {NULL, NULL}},
    {"이번에 일본과 주목받았다.", 1, 1, {{0, "일본", 10, 16, "location", "일본", NULL}}, {NULL, NULL}},
    {"이번에 베트남으로 주목받았다.", 1, 1, {{0, "베트남", 10, 19, "location", "베트남", NULL}}, {NULL, NULL}},
    {"이번에 한국은행은 주목받았다.", 1, 1, {{0, "한국은행", 10, 22, "org", "한국은행", NULL}}, {NULL, NULL}},
    {"이번에 한은이 주목받았다.", 1, 1, {{0, "한은", 10, 16, "org", "한국은행", NULL}}, {NULL, NULL}},
    {"이번에 연합뉴스TV에 주목받았다.", 1, 1, {{0, "연합뉴스TV", 10, 24, "media", "연합뉴스TV", NULL}}, {NULL, NULL}},
    {"이번에 뉴스1 주목받았다.", 1, 1, {{0, "뉴스1", 10, 17, "media", "뉴스1", NULL}}, {NULL, NULL}},
    {"이번에 JTBC는 주목받았다.", 1, 1, {{0, "JTBC", 10, 14, "media", "JTBC", NULL}}, {NULL, NULL}},
    {"이번에 블룸버그통신은 주목받았다.", 1, 1, {{0, "블룸버그통신", 10, 28, "media", "블룸버그", NULL}}, {NULL, NULL}},
    {"이번에 갤럭시 주목받았다.", 1, 1, {{0, "갤럭시", 10, 19, "product", "갤럭시", NULL}}, {NULL, NULL}},
    {"이번에 누리호가 주목받았다.", 1, 1, {{0, "누리호", 10, 19, "product", "누리호", NULL}}, {NULL, NULL}},
    {"이번에 챗GPT를 주목받았다.", 1, 1, {{0, "챗GPT", 10, 16, "product", "챗GPT", NULL}}, {NULL, NULL}},
    {"이번에 한전은 주목받았다.", 1, 1, {{0, "한전", 10, 16, "org", "한국전력공사", NULL}}, {NULL, NULL}},
    {"이번에 LH가 주목받았다.", 1, 1, {{0, "LH", 10, 12, "org", "한국토지주택공사", NULL}}, {NULL, NULL}},
    {"이번에 코레일은 주목받았다.", 1, 1, {{0, "코레일", 10, 19, "org", "한국철도공사", NULL}}, {NULL, NULL}},
    {"이번에 카이스트 주목받았다.", 1, 1, {{0, "카이스트", 10, 22, "org", "한국과학기술원", NULL}}, {NULL, NULL}},
    {"이번에 쿠팡이 주목받았다.", 1, 1, {{0, "쿠팡", 10, 16, "org", "쿠팡", NULL}}, {NULL, NULL}},
    {"이번에 배민을 주목받았다.", 1, 1, {{0, "배민", 10, 16, "org", "배달의민족", NULL}}, {NULL, NULL}},
    {"미국 국무부는 성명을 냈다.", 1, 1, {{0, "미국 국무부", 0, 16, "org", "미국 국무부", NULL}}, {NULL, NULL}},
    {"미 국무부 대변인은 말했다.", 1, 1, {{0, "미 국무부", 0, 13, "org", "미국 국무부", NULL}}, {NULL, NULL}},
    {"SK C&C 판교 데이터센터에서 불이 났다.", 2, 2, {{0, "SK C&C", 0, 6, "org", "SK 주식회사 C&C", NULL}, {0, "판교", 7, 13, "location", "판교", NULL}}, {NULL, NULL}},
    {"카카오톡과 카톡은 같은 서비스다.", 2, 2, {{0, "카카오톡", 0, 12, "product", "카카오톡", NULL}, {0, "카톡", 16, 22, "product", "카카오톡", NULL}}, {NULL, NULL}},
    {"현대자동차와 현대차는 같은 회사다.", 2, 2, {{0, "현대자동차", 0, 15, "org", "현대자동차", NULL}, {0, "현대차", 19, 28, "org", "현대자동차", NULL}}, {NULL, NULL}},
    {"LG전자·삼성전자·SK하이닉스가 참여했다.", 3, 3, {{0, "LG전자", 0, 8, "org", "LG전자", NULL}, {0, "삼성전자", 10, 22, "org", "삼성전자", NULL}, {0, "SK하이닉스", 24, 38, "org", "SK하이닉스", NULL}}, {NULL, NULL}},
    {"미국과 중국은 무역 갈등을 빚었다.", 2, 2, {{0, "미국", 0, 6, "location", "미국", NULL}, {0, "중국", 10, 16, "org", "중국", NULL}}, {NULL, NULL}},
    {"서울특별시와 서울은 같은 곳이다.", 2, 2, {{0, "서울특별시", 0, 15, "location", "서울특별시", NULL}, {0, "서울", 19, 25, "org", "서울특별시", NULL}}, {NULL, NULL}}, /* gpe_roles: topic particle -> org; wrong in a copular clause (known limit) */
    {"고양이가 울었다.", 0, 0, {{0}}, {"고양", NULL}},
    {"경기 침체가 길어졌다.", 0, 0, {{0}}, {"경기", NULL}},
    {"경기 성남시 분당구에서 열렸다.", 3, 3, {{0, "경기", 0, 6, "location", "경기도", NULL}, {0, "성남시", 7, 16, "location", "성남시", NULL}, {0, "분당구", 17, 26, "location", "분당구", NULL}}, {NULL, NULL}},
    {"충남 예산군에 공장을 지었다.", 2, 2, {{0, "충남", 0, 6, "location", "충청남도", NULL}, {0, "예산군", 7, 16, "location", "예산군", NULL}}, {NULL, NULL}},
    {"내년 예산이 늘었다.", 0, 0, {{0}}, {"예산", NULL}},
    {"화성 탐사선이 발사됐다.", 0, 0, {{0}}, {"화성", NULL}},
    {"경기 화성시 동탄에서 사고가 났다.", 3, 3, {{0, "경기", 0, 6, "location", "경기도", NULL}, {0, "화성시", 7, 16, "location", "화성시", NULL}, {0, "동탄", 17, 23, "location", "동탄", NULL}}, {NULL, NULL}},
    {"경기 화성 동탄에서 사고가 났다.", 1, 1, {{0, "동탄", 14, 20, "location", "동탄", NULL}}, {"화성", NULL}},
    {"목적 달성을 위해 노력했다.", 0, 0, {{0}}, {"달성", NULL}},
    {"수단과 방법을 가리지 않았다.", 0, 0, {{0}}, {"수단", NULL}},
    {"투수 류현진이 마운드에 올랐다.", 1, 1, {{0, "류현진", 7, 16, "person", "류현진", "투수"}}, {NULL, NULL}},
    {"배우 김태희가 출연한다.", 1, 1, {{0, "김태희", 7, 16, "person", "김태희", "배우"}}, {NULL, NULL}},
    {"홍길동씨는 현장에 있었다.", 1, 1, {{0, "홍길동", 0, 9, "person", "홍길동", "씨"}}, {NULL, NULL}},
    {"홍길동 씨는 현장에 있었다.", 1, 1, {{0, "홍길동", 0, 9, "person", "홍길동", "씨"}}, {NULL, NULL}},
    {"이가은 씨가 말했다.", 1, 1, {{0, "이가은", 0, 9, "person", "이가은", "씨"}}, {NULL, NULL}},
    {"문은 씨가 답했다.", 1, 1, {{0, "문은", 0, 6, "person", "문은", "씨"}}, {NULL, NULL}},
    {"김훈 씨의 소설", 1, 1, {{0, "김훈", 0, 6, "person", "김훈", "씨"}}, {NULL, NULL}},
    {"선우은숙 씨가 웃었다.", 1, 1, {{0, "선우은숙", 0, 12, "person", "선우은숙", "씨"}}, {NULL, NULL}},
    {"제갈성렬 감독이 말했다.", 1, 1, {{0, "제갈성렬", 0, 12, "person", "제갈성렬", "감독"}}, {NULL, NULL}},
    {"황보관 기술위원장은 밝혔다.", 1, 1, {{0, "황보관", 0, 9, "person", "황보관", "위원장"}}, {NULL, NULL}},
    {"독고영재 배우가 출연했다.", 1, 1, {{0, "독고영재", 0, 12, "person", "독고영재", "배우"}}, {NULL, NULL}},
    {"김철수(35)씨가 붙잡혔다.", 1, 1, {{0, "김철수", 0, 9, "person", "김철수", NULL}}, {NULL, NULL}},
    {"피해자 이영희(42·회사원)씨는 병원으로 옮겨졌다.", 1, 1, {{0, "이영희", 10, 19, "person", "이영희", NULL}}, {NULL, NULL}},
    {"박정호 현 회장이 참석했다.", 1, 1, {{0, "박정호", 0, 9, "person", "박정호", "현 회장"}}, {NULL, NULL}},
    {"이재용 삼성전자 회장은 출장을 떠났다.", 2, 2, {{0, "이재용", 0, 9, "person", "이재용", "회장"}, {0, "삼성전자", 10, 22, "org", "삼성전자", NULL}}, {NULL, NULL}},
    {"최태원 SK그룹 회장이 말했다.", 2, 2, {{0, "최태원", 0, 9, "person", "최태원", "회장"}, {0, "SK그룹", 10, 18, "org", "SK그룹", NULL}}, {NULL, NULL}},
    {"이종호 과기정통부 장관은 사과했다.", 2, 2, {{0, "이종호", 0, 9, "person", "이종호", "장관"}, {0, "과기정통부", 10, 25, "org", "과학기술정보통신부", NULL}}, {NULL, NULL}},
    {"이종호 과기정통부장관은 사과했다.", 2, 2, {{0, "이종호", 0, 9, "person", "이종호", "장관"}, {0, "과기정통부", 10, 25, "org", "과학기술정보통신부", NULL}}, {NULL, NULL}},
    {"오세훈 서울시장이 발표했다.", 1, 1, {{0, "오세훈", 0, 9, "person", "오세훈", "서울시장"}}, {"서울", NULL}},
    {"한덕수 국무총리는 회의를 열었다.", 1, 1, {{0, "한덕수", 0, 9, "person", "한덕수", "국무총리"}}, {NULL, NULL}},
    {"추경호 경제부총리 겸 기재부 장관", -1, 1, {{0, "추경호", 0, 9, "person", "추경호", "부총리"}}, {NULL, NULL}},
    {"김영희 교수는 말했다.", 1, 1, {{0, "김영희", 0, 9, "person", "김영희", "교수"}}, {NULL, NULL}},
    {"박민수 기자", 1, 1, {{0, "박민수", 0, 9, "person", "박민수", "기자"}}, {NULL, NULL}},
    {"이준석 전 대표는 탈당했다.", 1, 1, {{0, "이준석", 0, 9, "person", "이준석", "전 대표"}}, {NULL, NULL}},
    {"정의선 현대차그룹 회장", 2, 2, {{0, "정의선", 0, 9, "person", "정의선", "회장"}, {0, "현대차그룹", 10, 25, "org", "현대자동차그룹", NULL}}, {NULL, NULL}},
    {"김동연 경기도지사가 말했다.", -1, 1, {{0, "김동연", 0, 9, "person", "김동연", "도지사"}}, {NULL, NULL}},
    {"최수연 네이버 대표는 밝혔다.", 2, 2, {{0, "최수연", 0, 9, "person", "최수연", "대표"}, {0, "네이버", 10, 19, "org", "네이버", NULL}}, {NULL, NULL}},
    {"손흥민 선수가 골을 넣었다.", 1, 1, {{0, "손흥민", 0, 9, "person", "손흥민", "선수"}}, {NULL, NULL}},
    {"김연경 선수는 은퇴했다.", 1, 1, {{0, "김연경", 0, 9, "person", "김연경", "선수"}}, {NULL, NULL}},
    {"이창용 한국은행 총재는 금리를 올렸다.", 2, 2, {{0, "이창용", 0, 9, "person", "이창용", "총재"}, {0, "한국은행", 10, 22, "org", "한국은행", NULL}}, {NULL, NULL}},
    {"홍은택 대표가 말했다.\n홍은택은 다시 사과했다.", 2, 2, {{0, "홍은택", 0, 9, "person", "홍은택", "대표"}, {1, "홍은택", 0, 9, "person", "홍은택", NULL}}, {NULL, NULL}},
    {"김철수 교수는 말했다.\n이어 김철수 교수팀은 발표했다.", 2, 2, {{0, "김철수", 0, 9, "person", "김철수", "교수"}, {1, "김철수", 7, 16, "person", "김철수", NULL}}, {NULL, NULL}},
    {"윤석열 대통령은 말했다. 윤석열 대통령은 또 말했다.", 2, 2, {{0, "윤석열", 0, 9, "person", "윤석열", "대통령"}, {0, "윤석열", 34, 43, "person", "윤석열", "대통령"}}, {NULL, NULL}},
    {"남궁훈 전 대표와 홍은택 대표가 함께 나왔다.", 2, 2, {{0, "남궁훈", 0, 9, "person", "남궁훈", "전 대표"}, {0, "홍은택", 24, 33, "person", "홍은택", "대표"}}, {NULL, NULL}},
    {"김병현(26.콜로라도 로키스)과 최희섭(26.LA 다저스)의 대결", 4, 4, {{0, "김병현", 0, 9, "person", "김병현", NULL}, {0, "최희섭", 40, 49, "person", "최희섭", NULL}, {0, "콜로라도 로키스", 13, 35, "org", "콜로라도 로키스", NULL}, {0, "LA 다저스", 53, 65, "org", "LA 다저스", NULL}}, {NULL, NULL}},
    {"경북권(76.5%)에서 가장 높았다.", 0, 0, {{0}}, {"경북권", NULL}},
    {"홍길동(28 )씨", 1, 1, {{0, "홍길동", 0, 9, "person", "홍길동", NULL}}, {NULL, NULL}},
    {"최수빈(14득점)과 한수지(10득점·4블로킹)", 2, 2, {{0, "최수빈", 0, 9, "person", "최수빈", NULL}, {0, "한수지", 23, 32, "person", "한수지", NULL}}, {NULL, NULL}},
    {"작가 나쓰메 소세키(1867~1916)의 대표작", -1, 1, {{0, "소세키", 17, 26, "person", "소세키", NULL}}, {NULL, NULL}},
    {"출루율(0.508)에 걸쳐", 0, 0, {{0}}, {"출루율", NULL}},
    {"김제동(43)씨는 말했다.", 1, 1, {{0, "김제동", 0, 9, "person", "김제동", NULL}}, {NULL, NULL}},
    {"도쿄대 교수는 말했다.", 1, 1, {{0, "도쿄대", 0, 9, "org", "도쿄대", NULL}}, {NULL, NULL}},
    {"기준이 대표는", 0, 0, {{0}}, {"기준이", NULL}},
    {"하면서 대표가", 0, 0, {{0}}, {"하면서", NULL}},
    {"정부 대변인은 말했다.", 0, 0, {{0}}, {"정부", NULL}},
    {"이번 시장은 어려웠다.", 0, 0, {{0}}, {"이번", NULL}},
    {"주식시장이 흔들렸다.", 0, 0, {{0}}, {"주식", NULL}},
    {"신당의 대표가 나섰다.", 0, 0, {{0}}, {"신당의", NULL}},
    {"유명한 배우가 왔다.", 0, 0, {{0}}, {"유명한", NULL}},
    {"우승한 감독은 웃었다.", 0, 0, {{0}}, {"우승한", NULL}},
    {"주한미군 사령관이 말했다.", -1, 0, {{0}}, {"주한미", NULL}},
    {"공동 대표로 선임됐다.", 0, 0, {{0}}, {"공동", NULL}},
    {"신임 대표는 말했다.", 0, 0, {{0}}, {"신임", NULL}},
    {"한미일 외교장관 회의", 0, 0, {{0}}, {"한미일", NULL}},
    {"회사의 대표는 누구인가.", 0, 0, {{0}}, {"회사의", NULL}},
    {"그 기자는 말했다.", 0, 0, {{0}}, {"그", NULL}},
    {"당시 회장은 몰랐다.", 0, 0, {{0}}, {"당시", NULL}},
    {"최근 사장은 바뀌었다.", 0, 0, {{0}}, {"최근", NULL}},
    {"이날 위원장은 말했다.", 0, 0, {{0}}, {"이날", NULL}},
    {"전국 시장 상인들", 0, 0, {{0}}, {"전국", NULL}},
    {"관계자는 말했다.", 0, 0, {{0}}, {"관계자", NULL}},
    {"생산량이 늘었다.", 0, 0, {{0}}, {"생산", NULL}},
    {"사용자의 입장은 달랐다.", 0, 0, {{0}}, {"사용자", NULL}},
    {"정부의 입장은 달랐다.", 0, 0, {{0}}, {"정부", NULL}},
    {"정치권의 입장은 달랐다.", 0, 0, {{0}}, {"정치권", NULL}},
    {"국민의 입장은 달랐다.", 0, 0, {{0}}, {"국민", NULL}},
    {"기업의 입장은 달랐다.", 0, 0, {{0}}, {"기업", NULL}},
    {"회사의 입장은 달랐다.", 0, 0, {{0}}, {"회사", NULL}},
    {"부처의 입장은 달랐다.", 0, 0, {{0}}, {"부처", NULL}},
    {"여당의 입장은 달랐다.", 0, 0, {{0}}, {"여당", NULL}},
    {"야당의 입장은 달랐다.", 0, 0, {{0}}, {"야당", NULL}},
    {"이용자의 입장은 달랐다.", 0, 0, {{0}}, {"이용자", NULL}},
    {"메신저의 입장은 달랐다.", 0, 0, {{0}}, {"메신저", NULL}},
    {"업계의 입장은 달랐다.", 0, 0, {{0}}, {"업계", NULL}},
    {"당국의 입장은 달랐다.", 0, 0, {{0}}, {"당국", NULL}},
    {"한국해양진흥공사는 밝혔다.", 1, 1, {{0, "한국해양진흥공사", 0, 24, "org", "한국해양진흥공사", NULL}}, {NULL, NULL}},
    {"서울교통공사가 파업했다.", 1, 1, {{0, "서울교통공사", 0, 18, "org", "서울교통공사", NULL}}, {NULL, NULL}},
    {"도로 보수공사가 한창이다.", 0, 0, {{0}}, {"보수공사", NULL}},
    {"대구지방환경청은 조사했다.", 1, 1, {{0, "대구지방환경청", 0, 21, "org", "대구지방환경청", NULL}}, {NULL, NULL}},
    {"민원 요청이 많았다.", 0, 0, {{0}}, {"요청", NULL}},
    {"CME그룹은 발표했다.", 1, 1, {{0, "CME그룹", 0, 9, "org", "CME그룹", NULL}}, {NULL, NULL}},
    {"걸그룹 멤버", 0, 0, {{0}}, {"걸그룹", NULL}},
    {"SBI저축은행이 출시했다.", 1, 1, {{0, "SBI저축은행", 0, 15, "org", "SBI저축은행", NULL}}, {NULL, NULL}},
    {"시중은행이 금리를 올렸다.", 0, 0, {{0}}, {"시중은행", NULL}},
    {"광주과학기술원과 부산대가 협약을 맺었다.", 2, 2, {{0, "광주과학기술원", 0, 21, "org", "광주과학기술원", NULL}, {0, "부산대", 25, 34, "org", "부산대학교", NULL}}, {NULL, NULL}},
    {"경북도립대 학생", 1, 1, {{0, "경북도립대", 0, 15, "org", "경북도립대", NULL}}, {NULL, NULL}},
    {"국립대 등록금", 0, 0, {{0}}, {"국립대", NULL}},
    {"지방대 위기", 0, 0, {{0}}, {"지방대", NULL}},
    {"경기 화성시 동탄동에서 불이 났다.", 3, 3, {{0, "경기", 0, 6, "location", "경기도", NULL}, {0, "화성시", 7, 16, "location", "화성시", NULL}, {0, "동탄동", 17, 26, "location", "동탄동", NULL}}, {NULL, NULL}},
    {"부산 해운대구 우동", 3, 3, {{0, "부산", 0, 6, "location", "부산광역시", NULL}, {0, "해운대구", 7, 19, "location", "해운대구", NULL}, {0, "우동", 20, 26, "location", "우동", NULL}}, {NULL, NULL}},
    {"서울에서 열리는 행사", 1, 1, {{0, "서울", 0, 6, "location", "서울특별시", NULL}}, {"열리", NULL}},
    {"서울 외에도 부산이 있다.", 2, 2, {{0, "서울", 0, 6, "location", "서울특별시", NULL}, {0, "부산", 17, 23, "org", "부산광역시", NULL}}, {"외에도", NULL}}, /* gpe_roles: subject particle -> org; wrong before 있다 (known limit) */
    {"우리 활동이 늘었다.", 0, 0, {{0}}, {"활동", NULL}},
    {"연구 결과를 발표했다.", 0, 0, {{0}}, {"연구", NULL}},
    {"신논현역 인근", 1, 1, {{0, "신논현역", 0, 12, "location", "신논현역", NULL}}, {NULL, NULL}},
    {"지역 주민들", 0, 0, {{0}}, {"지역", NULL}},
    {"무역 갈등", 0, 0, {{0}}, {"무역", NULL}},
    {"양양국제공항에 도착했다.", 1, 1, {{0, "양양국제공항", 0, 18, "location", "양양국제공항", NULL}}, {NULL, NULL}},
    {"국제공항 건설", 0, 0, {{0}}, {"국제공항", NULL}},
    {"중국산 제품이 늘었다.", 0, 0, {{0}}, {"중국산", "중국"}},
    {"국내산 소고기", 0, 0, {{0}}, {"국내산", NULL}},
    {"100g당 가격", 0, 0, {{0}}, {"100g당", NULL}},
    {"정의당과 국민의당", 2, 2, {{0, "정의당", 0, 9, "org", "정의당", NULL}, {0, "국민의당", 13, 25, "org", "국민의당", NULL}}, {NULL, NULL}},
    {"해당 식당은 문을 닫았다.", 0, 0, {{0}}, {"해당", "식당"}},
    {"(주)아이티센은 밝혔다.", 1, 1, {{0, "아이티센", 5, 17, "org", "아이티센", NULL}}, {NULL, NULL}},
    {"주식회사 한빛소프트가 출시했다.", 1, 1, {{0, "한빛소프트", 13, 28, "org", "한빛소프트", NULL}}, {NULL, NULL}},
    {"한빛소프트(주)가 출시했다.", 1, 1, {{0, "한빛소프트", 0, 15, "org", "한빛소프트", NULL}}, {NULL, NULL}},
    {"경남일보는 보도했다.", 1, 1, {{0, "경남일보", 0, 12, "media", "경남일보", NULL}}, {NULL, NULL}},
    {"지역신문 기자", 0, 0, {{0}}, {"지역신문", NULL}},
    {"한국거래소는 밝혔다.", 1, 1, {{0, "한국거래소", 0, 15, "org", "한국거래소", NULL}}, {NULL, NULL}},
    {"구미공단에서", 0, 0, {{0}}, {"구미공단", NULL}},
    {"경기 고양시 일산동구", -1, 2, {{0, "경기", 0, 6, "location", "경기도", NULL}, {0, "고양시", 7, 16, "location", "고양시", NULL}}, {NULL, NULL}},
    {"재단법인 설립을 추진했다.", 0, 0, {{0}}, {"설립", NULL}},
    {"서울 올림픽도 열렸다.", 0, 0, {{0}}, {"서울", "올림픽도"}},
    {"러시아 배타적경제수역에서", 1, 1, {{0, "러시아", 0, 9, "location", "러시아", NULL}}, {"배타적경제수역", NULL}},
    {"예산안에 따르면 지출이 늘었다.", 0, 0, {{0}}, {"예산안", NULL}},
    {"적극적에 따르면", 0, 0, {{0}}, {"적극적", NULL}},
    {"데이터에이아이 집계에 따르면 매출이 늘었다.", 1, 1, {{0, "데이터에이아이", 0, 21, "org", "데이터에이아이", NULL}}, {NULL, NULL}},
    {"와이즈앱 조사 결과 이용자가 늘었다.", 1, 1, {{0, "와이즈앱", 0, 12, "org", "와이즈앱", NULL}}, {NULL, NULL}},
    {"Gartner 집계에 따르면 점유율이 올랐다.", 1, 1, {{0, "Gartner", 0, 7, "org", "Gartner", NULL}}, {NULL, NULL}},
    {"앱애니에 따르면 다운로드가 늘었다.", 1, 1, {{0, "앱애니", 0, 9, "org", "앱애니", NULL}}, {NULL, NULL}},
    {"한국갤럽에 따르면 지지율이 떨어졌다.", 1, 1, {{0, "한국갤럽", 0, 12, "org", "한국갤럽", NULL}}, {NULL, NULL}},
    {"관계자에 따르면 사고는 새벽에 났다.", 0, 0, {{0}}, {"관계자", NULL}},
    {"업계에 따르면 가격이 올랐다.", 0, 0, {{0}}, {"업계", NULL}},
    {"현지 언론에 따르면 피해가 컸다.", 0, 0, {{0}}, {"언론", NULL}},
    {"소식통에 따르면 회담이 열린다.", 0, 0, {{0}}, {"소식통", NULL}},
    {"이번 사태의 원인 조사와 재발 방지 대책 마련", 0, 0, {{0}}, {"원인", NULL}},
    {"경찰 조사 결과", 0, 0, {{0}}, {"경찰", NULL}},
    {"잠정 집계에 따르면", 0, 0, {{0}}, {"잠정", NULL}},
    {"용의자를 붙잡아 조사하고 있다.", 0, 0, {{0}}, {"붙잡아", NULL}},
    {"여론조사에 따르면", 0, 0, {{0}}, {"여론조사", NULL}},
    {"통계청 집계에 따르면", 1, 1, {{0, "통계청", 0, 9, "org", "통계청", NULL}}, {NULL, NULL}},
    {"카운터포인트리서치에 따르면", 1, 1, {{0, "카운터포인트리서치", 0, 27, "org", "카운터포인트리서치", NULL}}, {NULL, NULL}},
    {"트럼프 대통령은 관세를 올렸다.", 1, 1, {{0, "트럼프", 0, 9, "person", "도널드 트럼프", "대통령"}}, {NULL, NULL}},
    {"류현진이 마운드에 올랐다.", 1, 1, {{0, "류현진", 0, 9, "person", "류현진", NULL}}, {NULL, NULL}},
    {"카카오 창사 이후 처음이다.", 1, 1, {{0, "카카오", 0, 9, "org", "카카오", NULL}}, {"창사", NULL}},
    {"부동산 대표가 말했다.", 0, 0, {{0}}, {"부동산", NULL}},
    {"인터넷 기자", 0, 0, {{0}}, {"인터넷", NULL}},
    {"지난주 회장이 바뀌었다.", 0, 0, {{0}}, {"지난주", NULL}},
    {"뉴섬 캘리포니아 주지사", -1, 1, {{0, "캘리포니아", 7, 22, "org", "캘리포니아", NULL}}, {NULL, NULL}},
    {"김철수 前 대표", 1, 1, {{0, "김철수", 0, 9, "person", "김철수", "前 대표"}}, {NULL, NULL}},
    {"이영수 전 장관과 박지성 전 선수", 2, 2, {{0, "이영수", 0, 9, "person", "이영수", "전 장관"}, {0, "박지성", 24, 33, "person", "박지성", "전 선수"}}, {NULL, NULL}},
    {"'카카오'와 \"네이버\"", 2, 2, {{0, "카카오", 1, 10, "org", "카카오", NULL}, {0, "네이버", 16, 25, "org", "네이버", NULL}}, {NULL, NULL}},
    {"(카카오)", 1, 1, {{0, "카카오", 1, 10, "org", "카카오", NULL}}, {NULL, NULL}},
    {"카카오·네이버·쿠팡", 3, 3, {{0, "카카오", 0, 9, "org", "카카오", NULL}, {0, "네이버", 11, 20, "org", "네이버", NULL}, {0, "쿠팡", 22, 28, "org", "쿠팡", NULL}}, {NULL, NULL}},
    {"[카카오]", 1, 1, {{0, "카카오", 1, 10, "org", "카카오", NULL}}, {NULL, NULL}},
    {"카카오, 네이버 등은", 2, 2, {{0, "카카오", 0, 9, "org", "카카오", NULL}, {0, "네이버", 11, 20, "org", "네이버", NULL}}, {NULL, NULL}},
    {"「조선일보」", 1, 1, {{0, "조선일보", 3, 15, "media", "조선일보", NULL}}, {NULL, NULL}},
    {"카카오뱅크는 흑자를 냈다.", 1, 1, {{0, "카카오뱅크", 0, 15, "org", "카카오뱅크", NULL}}, {NULL, NULL}},
    {"카카오페이지", 1, 1, {{0, "카카오페이지", 0, 18, "product", "카카오페이지", NULL}}, {NULL, NULL}},
    {"카카오스러운 서비스", 0, 0, {{0}}, {"카카오", NULL}},
    {"", 0, 0, {{0}}, {NULL, NULL}},
    {"   ", 0, 0, {{0}}, {NULL, NULL}},
    /* a place before an organisation, a titled person, an event; sports teams */
    {"서울 강서경찰서는 수사에 나섰다.", 1, 1, {{0, "서울 강서경찰서", 0, 22, "org", "서울 강서경찰서", NULL}}, {NULL, NULL}},
    {"변호사는 서울 영등포구치소에 수감됐다.", 1, 1, {{0, "서울 영등포구치소", 13, 38, "org", "서울 영등포구치소", NULL}}, {NULL, NULL}},
    {"서울 동대문구 경희대에서 열린다.", 3, 3, {{0, "서울", 0, 6, "location", "서울특별시", NULL}, {0, "동대문구", 7, 19, "location", "동대문구", NULL}, {0, "경희대", 20, 29, "org", "경희대학교", NULL}}, {NULL, NULL}},
    {"판교 카카오 본사에 모였다.", 2, 2, {{0, "판교", 0, 6, "location", "판교", NULL}, {0, "카카오", 7, 16, "org", "카카오", NULL}}, {NULL, NULL}},
    {"전북 최강희 감독은 거절했다.", 2, 2, {{0, "전북", 0, 6, "org", "전북", NULL}, {0, "최강희", 7, 16, "person", "최강희", "감독"}}, {NULL, NULL}},
    {"공식개막전 전북-성남 경기에 앞서 선수단을 만났다.", 2, 2, {{0, "전북", 16, 22, "org", "전북", NULL}, {0, "성남", 23, 29, "org", "성남", NULL}}, {NULL, NULL}},
    {"대표팀 선수들은 도쿄에서 훈련했고 우승을 다짐했다.", 1, 1, {{0, "도쿄", 23, 29, "location", "도쿄", NULL}}, {NULL, NULL}},
    {"그는 인천 문학구장에서 열리는 올스타전에 선수로 나서고 감독도 왔다.", 1, 1, {{0, "인천", 7, 13, "location", "인천광역시", NULL}}, {NULL, NULL}},
    {"수원의 인구는 늘었다.", 1, 1, {{0, "수원", 0, 6, "location", "수원시", NULL}}, {NULL, NULL}},
    {"김원이 전 서울시 정무수석도 가담했다.", 2, 2, {{0, "김원이", 0, 9, "person", "김원이", "수석"}, {0, "서울시", 14, 23, "org", "서울특별시", NULL}}, {NULL, NULL}},
    {"2018 평창 겨울올림픽이 다가왔다.", 0, 0, {{0}}, {"평창", NULL}},
    {"세종시 관계자는 말했다.", 1, 1, {{0, "세종시", 0, 9, "org", "세종특별자치시", NULL}}, {NULL, NULL}},
    {"이재명 성남시장은 말했다.", 1, 1, {{0, "이재명", 0, 9, "person", "이재명", "성남시장"}}, {"성남", NULL}},
    {"그는 수원의 유니폼을 입고 11골을 넣었다.", 1, 1, {{0, "수원", 7, 13, "org", "수원", NULL}}, {NULL, NULL}},
    {"그는 수원의 유니폼을 입었다.", 1, 1, {{0, "수원", 7, 13, "location", "수원시", NULL}}, {NULL, NULL}},
    /* demonyms and a particle glued to a closing quote are no places */
    {"한국인 선수는 없다.", 0, 0, {{0}}, {"한국", NULL}},
    {"중국인 관광객이 늘었다.", 0, 0, {{0}}, {"중국", NULL}},
    {"중국 관광객이 늘었다.", 1, 1, {{0, "중국", 0, 6, "location", "중국", NULL}}, {NULL, NULL}},
    {"\u201C좀비 짓거리들\u201D이란 비난을 쏟아냈다.", 0, 0, {{0}}, {"이란", NULL}},
    {"\u201C좀비\u201D 이란 비난", 1, 1, {{0, "이란", 13, 19, "location", "이란", NULL}}, {NULL, NULL}},
    {"이란은 협상에 나섰다.", 1, 1, {{0, "이란", 0, 6, "org", "이란", NULL}}, {NULL, NULL}},
    /* blocked endings: no station, township, mountain, city */
    {"구매내역이 있는 회원", 0, 0, {{0}}, {"구매내역", NULL}},
    {"비타민과 구연산 등", 0, 0, {{0}}, {"구연산", NULL}},
    {"한국 오면 준다", 1, 1, {{0, "한국", 0, 6, "location", "한국", NULL}}, {"오면", NULL}},
    {"의사를 무시하고 예산을 반드시 집행하라", 0, 0, {{0}}, {"예산", NULL}},
    {"제로섬 게임을 벌인다", 0, 0, {{0}}, {"제로섬", NULL}},
    /* X전 after a city in a sports report is a match: the city is a team */
    {"메이저리그 시범경기 LA 에인절스전에서 안타를 쳤다.", 1, 1, {{0, "LA", 29, 31, "org", "LA", NULL}}, {NULL, NULL}},
    {"1사 후 피츠버그 강정호가 사구로 출루했다.", 1, 1, {{0, "피츠버그", 9, 21, "org", "피츠버그", NULL}}, {NULL, NULL}},
    /* a province's short name with 도 */
    {"충남도와 협약을 맺었다.", 1, 1, {{0, "충남도", 0, 9, "org", "충청남도", NULL}}, {NULL, NULL}},
    {"강원도의 산은 높다.", 1, 1, {{0, "강원도", 0, 9, "location", "강원특별자치도", NULL}}, {"산은", NULL}},
    /* two-syllable names and hidden names before an age; letters for names */
    {"회사원 김모(40)씨는 말했다.", 1, 1, {{0, "김모", 10, 16, "person", "김모", NULL}}, {NULL, NULL}},
    {"김범(26)이 돌아왔다.", 1, 1, {{0, "김범", 0, 6, "person", "김범", NULL}}, {NULL, NULL}},
    {"사과(3개)를 샀다.", 0, 0, {{0}}, {"사과", NULL}},
    {"이모가 왔다.", 0, 0, {{0}}, {"이모", NULL}},
    {"후배 A씨(53)를 찔렀다.", 1, 1, {{0, "A", 7, 8, "person", "A", "\uC528"}}, {NULL, NULL}},
    {"시민 A 씨(59)가 발견했다. 플랜 A 가 있다.", 1, 1, {{0, "A", 7, 8, "person", "A", "\uC528"}}, {NULL, NULL}},
    {"A 대표는 말했다.", 0, 0, {{0}}, {NULL, NULL}},
    /* a foreign name before an age; not a title, a kinship word */
    {"좌완 앤디 밴헤켄(38)의 올 시즌", 1, 1, {{0, "밴헤켄", 14, 23, "person", "밴헤켄", NULL}}, {NULL, NULL}},
    {"최 군 아버지(34)와 어머니가 왔다.", 0, 0, {{0}}, {"아버지", NULL}},
    {"둘째 사비에르(12)와 제레미아(6)", 2, 2, {{0, "사비에르", 7, 19, "person", "사비에르", NULL}, {0, "제레미아", 27, 39, "person", "제레미아", NULL}}, {NULL, NULL}},
    /* Hanja country abbreviations of headlines */
    {"北미사일 대응 가능", 1, 1, {{0, "\u5317", 0, 3, "location", "북한", NULL}}, {"미사일", NULL}},
    {"韓日 정상회담", 2, 2, {{0, "\u97D3", 0, 3, "location", "한국", NULL}, {0, "\u65E5", 3, 6, "location", "일본", NULL}}, {NULL, NULL}},
    {"中小기업이 늘었다", 0, 0, {{0}}, {NULL, NULL}},
    {"IS 격퇴를 위한 노력", 1, 1, {{0, "IS", 0, 2, "org", "이슬람국가", NULL}}, {NULL, NULL}},
    /* clubs under their 2010s names, music groups; 아이콘 'icon' is a word */
    {"넥센 박병호는 홈런을 쳤다.", 1, 1, {{0, "넥센", 0, 6, "org", "키움 히어로즈", NULL}}, {NULL, NULL}},
    {"소녀시대는 최종 합계에서 이겼다.", 1, 1, {{0, "소녀시대", 0, 12, "org", "소녀시대", NULL}}, {NULL, NULL}},
    {"그는 패션 아이콘이 됐다.", 0, 0, {{0}}, {"아이콘", NULL}},
    /* edges: an age bracket cut off by the end, a lone Hanja alias, Hanja then a digit */
    {"김범(26", 0, 0, {{0}}, {"김범", NULL}},
    {"\u5317", 1, 1, {{0, "\u5317", 0, 3, "location", "북한", NULL}}, {NULL, NULL}},
    {"\u5317" "3", 0, 0, {{0}}, {NULL, NULL}},
    /* a case-exact alias: IS is the Islamic State, "is" an English word */
    {"He said this is a test.", 0, 0, {{0}}, {"is", NULL}},
    {"abc def", 0, 0, {{0}}, {NULL, NULL}},
    {"1234 5678", 0, 0, {{0}}, {NULL, NULL}},
    {"U.S. 스틸", -1, 0, {{0}}, {NULL, NULL}},
};

static kc_engine *ENG;

static int setup(void **state)
{
    (void)state;
    char err[256];
    if (kc_engine_new(&ENG, NULL, err, sizeof err) != KC_OK) {
        fprintf(stderr, "engine: %s\n", err);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kc_engine_free(ENG);
    return 0;
}

/* Run the entity extractor alone over every paragraph of `in`. */
static kc_doc *run(const char *in)
{
    kc_doc *d = NULL;
    assert_int_equal(kc_doc_new(&d, ENG, "t"), KC_OK);
    assert_int_equal(kc__doc_load_paragraphs(d, in, strlen(in), "2022-10-22"), KC_OK);
    pcre2_match_data *md = pcre2_match_data_create(64, NULL);
    assert_non_null(md);
    for (size_t p = 0; p < kc_doc_paragraph_count(d); p++) {
        size_t len;
        const char *s = kc_doc_paragraph(d, p, &len);
        assert_int_equal(kc__entities_extract(d, p, s, len, md), KC_OK);
    }
    pcre2_match_data_free(md);
    return d;
}

static void t_case(void **state)
{
    const entcase *c = *state;
    kc_doc *d = run(c->in);
    size_t nent = 0;
    for (size_t i = 0; i < d->nmentions; i++) {
        const kc_mention *m = &d->mentions[i];
        assert_int_equal(m->kind, KC_MENTION_ENTITY);
        assert_non_null(m->etype);
        assert_non_null(m->name);
        assert_true(m->byte_start < m->byte_end);
        nent++;
    }
    for (size_t k = 0; k < c->n; k++) {
        const exp_ent *x = &c->e[k];
        const kc_mention *hit = NULL;
        for (size_t i = 0; i < d->nmentions; i++) {
            const kc_mention *m = &d->mentions[i];
            if (m->para == x->para && m->byte_start == x->bs && m->byte_end == x->be) hit = m;
        }
        if (!hit) fail_msg("no entity at %zu:[%zu,%zu) '%s'", x->para, x->bs, x->be, x->text);
        size_t len;
        const char *s = kc_doc_paragraph(d, x->para, &len);
        assert_memory_equal(s + hit->byte_start, x->text, strlen(x->text));
        assert_string_equal(hit->etype, x->type);
        assert_string_equal(hit->name, x->name);
        if (x->title) {
            assert_non_null(hit->title);
            assert_string_equal(hit->title, x->title);
        } else {
            assert_null(hit->title);
        }
    }
    if (c->count >= 0) assert_int_equal(nent, (size_t)c->count);
    for (size_t a = 0; a < 2 && c->absent[a]; a++) {
        size_t al = strlen(c->absent[a]);
        for (size_t i = 0; i < d->nmentions; i++) {
            const kc_mention *m = &d->mentions[i];
            size_t len;
            const char *s = kc_doc_paragraph(d, m->para, &len);
            /* the absent word must not lie inside an entity span */
            for (size_t b = m->byte_start; b + al <= m->byte_end; b++)
                if (memcmp(s + b, c->absent[a], al) == 0)
                    fail_msg("'%s' inside entity '%s'", c->absent[a], m->name);
        }
    }
    kc_doc_free(d);
}

/* The whole chain on the sample article: offsets in code points, span
 * text equal to the paragraph slice, one canonical name per entity. */
static void t_sample(void **state)
{
    (void)state;
    FILE *f = fopen("corpus/kakao_editorial.txt", "rb");
    if (!f) { skip(); return; }
    char buf[65536];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    kc_doc *d = NULL;
    assert_int_equal(kc_doc_new(&d, ENG, "kakao_editorial"), KC_OK);
    assert_int_equal(kc__doc_load_paragraphs(d, buf, n, "2022-10-22"), KC_OK);
    kc_options o;
    kc_options_init(&o);
    assert_int_equal(kc_doc_extract(d, &o), KC_OK);
    static const char *const want[][3] = {
        {"person", "이종호", "장관"}, {"person", "윤석열", "대통령"},
        {"person", "남궁훈", "전 대표"}, {"person", "홍은택", "대표"},
        {"person", "김범수", "센터장"}, {"org", "카카오", NULL},
        {"org", "SK 주식회사 C&C", NULL}, {"org", "네이버", NULL},
        {"org", "과학기술정보통신부", NULL}, {"org", "아이지에이웍스", NULL},
        {"org", "국회", NULL}, {"media", "연합뉴스", NULL},
        {"product", "카카오톡", NULL}, {"product", "모바일인덱스", NULL},
        {"location", "판교", NULL}};
    for (size_t w = 0; w < sizeof want / sizeof *want; w++) {
        int found = 0;
        for (size_t i = 0; i < kc_doc_mention_count(d); i++) {
            const kc_mention *m = kc_doc_mention(d, i);
            if (m->kind != KC_MENTION_ENTITY || strcmp(m->name, want[w][1])) continue;
            assert_string_equal(m->etype, want[w][0]);
            if (want[w][2] && m->title && !strcmp(m->title, want[w][2])) found = 2;
            else if (!found) found = 1;
        }
        assert_true(found == (want[w][2] ? 2 : 1));
    }
    /* every entity: span text is the paragraph slice in code points, and
     * the only names are the ones above */
    for (size_t i = 0; i < kc_doc_mention_count(d); i++) {
        const kc_mention *m = kc_doc_mention(d, i);
        if (m->kind != KC_MENTION_ENTITY) continue;
        size_t len;
        const char *s = kc_doc_paragraph(d, m->para, &len);
        assert_int_equal(m->start, kc__utf8_count(s, m->byte_start));
        assert_int_equal(m->end - m->start, kc__utf8_count(m->text, strlen(m->text)));
        int known = 0;
        for (size_t w = 0; w < sizeof want / sizeof *want; w++)
            if (!strcmp(m->name, want[w][1])) known = 1;
        if (!known) fail_msg("unexpected entity '%s' (%s)", m->name, m->etype);
    }
    kc_doc_free(d);
}

/* Spans the dates extractor took (it runs first) are not entities. */
static void t_taken(void **state)
{
    (void)state;
    kc_doc *d = NULL;
    assert_int_equal(kc_doc_new(&d, ENG, "t"), KC_OK);
    const char *in = "판교 카카오 서울 네이버";
    assert_int_equal(kc__doc_load_paragraphs(d, in, strlen(in), NULL), KC_OK);
    /* pretend two dates cover 카카오 (bytes 7..16) and part of 네이버 */
    assert_non_null(kc__doc_add_mention(d, KC_MENTION_DATE, 0, 7, 16));
    assert_non_null(kc__doc_add_mention(d, KC_MENTION_TIME, 0, 27, 30));
    size_t len;
    const char *s = kc_doc_paragraph(d, 0, &len);
    assert_int_equal(kc__entities_extract(d, 0, s, len, NULL), KC_OK);
    assert_int_equal(d->nmentions, 4);
    assert_string_equal(d->mentions[2].name, "판교");
    assert_string_equal(d->mentions[3].name, "서울특별시");
    kc_doc_free(d);
}

/* A dictionary override with a malformed row fails with file:line. */
static void t_bad_dict(void **state)
{
    (void)state;
    char dir[] = "/tmp/kc_ent_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/gazetteer.tsv", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("name\ttype\taliases\n카카오\tcompany\t\n", f);
    fclose(f);
    kc_engine *e = NULL;
    char err[256] = "";
    assert_int_equal(kc_engine_new(&e, dir, err, sizeof err), KC_EDICT);
    assert_null(e);
    assert_non_null(strstr(err, "gazetteer.tsv:2"));
    /* a valid override replaces the embedded gazetteer */
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("# test\nname\ttype\taliases\n큐브랩\torg\t큐브|~큐\n", f);
    fclose(f);
    assert_int_equal(kc_engine_new(&e, dir, err, sizeof err), KC_OK);
    kc_doc *d = NULL;
    assert_int_equal(kc_doc_new(&d, e, "t"), KC_OK);
    const char *in = "큐브는 카카오와 협력한다.";
    assert_int_equal(kc__doc_load_paragraphs(d, in, strlen(in), NULL), KC_OK);
    size_t len;
    const char *s = kc_doc_paragraph(d, 0, &len);
    assert_int_equal(kc__entities_extract(d, 0, s, len, NULL), KC_OK);
    assert_int_equal(d->nmentions, 1); /* 카카오 is no longer known */
    assert_string_equal(d->mentions[0].name, "큐브랩");
    assert_int_equal(d->mentions[0].byte_end, 6);
    kc_doc_free(d);
    kc_engine_free(e);
    remove(path);
    rmdir(dir);
}

/* Long and hostile input: many words, long words, no spaces, stays linear
 * and well-formed (spans inside the paragraph, on UTF-8 boundaries). */
static void t_pathological(void **state)
{
    (void)state;
    static const char *const pieces[] = {"카카오는 ", "김철수 ", "씨", "대표 ", "전 ",
                                         "서울 ", "가나다라마바사아자차카타파하",
                                         "(주)", "에 따르면 ", "·", "((", "시 "};
    size_t np = sizeof pieces / sizeof *pieces;
    kc_buf b;
    kc__buf_init(&b);
    unsigned x = 12345;
    while (b.len < 200000) {
        x = x * 1103515245u + 12345u;
        assert_int_equal(kc__buf_puts(&b, pieces[(x >> 16) % np]), KC_OK);
    }
    kc_doc *d = NULL;
    assert_int_equal(kc_doc_new(&d, ENG, "p"), KC_OK);
    assert_int_equal(kc__doc_load_paragraphs(d, b.ptr, b.len, NULL), KC_OK);
    size_t len;
    const char *s = kc_doc_paragraph(d, 0, &len);
    assert_int_equal(kc__entities_extract(d, 0, s, len, NULL), KC_OK);
    assert_true(d->nmentions > 0);
    for (size_t i = 0; i < d->nmentions; i++) {
        const kc_mention *m = &d->mentions[i];
        assert_true(m->byte_end <= len);
        assert_true((s[m->byte_start] & 0xC0) != 0x80);
        assert_true(m->byte_end == len || (s[m->byte_end] & 0xC0) != 0x80);
    }
    kc_doc_free(d);
    kc__buf_free(&b);
}

int main(void)
{
    enum { N = sizeof CASES / sizeof *CASES, EXTRA = 4 };
    static struct CMUnitTest tests[N + EXTRA];
    for (size_t i = 0; i < N; i++) {
        tests[i] = (struct CMUnitTest)cmocka_unit_test_prestate(t_case, (void *)&CASES[i]);
        tests[i].name = CASES[i].in;
    }
    tests[N] = (struct CMUnitTest)cmocka_unit_test(t_sample);
    tests[N + 1] = (struct CMUnitTest)cmocka_unit_test(t_bad_dict);
    tests[N + 2] = (struct CMUnitTest)cmocka_unit_test(t_pathological);
    tests[N + 3] = (struct CMUnitTest)cmocka_unit_test(t_taken);
    return cmocka_run_group_tests(tests, setup, teardown);
}
