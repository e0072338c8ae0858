/* dates.c — kinds "date", "time" and "duration", resolved against the
 * article's reference day (SPEC "Mentions").
 *
 * How it reads. A scanner visits every position where a date can start (an
 * ASCII digit not glued to another number or Latin word, a Hangul syllable
 * at a word start, an apostrophe before a two-digit year). There it tries
 * two small parsers and keeps the longer match (a tie goes to the date):
 *  - a date/time expression: an ordered chain of components, e.g.
 *    [지난] [2019년] [3월] [15일] [, 토요일] [오후] [3시 30분], each kind
 *    allowed only after the ones before it in that order;
 *  - a duration: [지난/최근…] [약] N unit [여] [간|째|만] [가량…] [넘게…];
 *    dur_rejected() then drops amounts that are no length (1년 단위, 5년
 *    연속, 3년 차, 후반 33분, 하루에 물 2L, 하루 평균, 4년에 한 번);
 *  - a weekend: 지난/이번/다음 주말 (parse_weekend, a time interval).
 * Words come from dict/dates_*.tsv; digit notations (2023.3.15, 2023-03-15,
 * 2023/03/15, 14:30, 3PM) from PCRE2 patterns run anchored at the candidate
 * position. Numbers (Arabic, Sino-Korean, native) come from numeral.c.
 *
 * Word boundaries: an expression must end at a non-Hangul character or
 * before a particle listed in dates_units.tsv (kind "particle"). That one
 * rule from Korean morphology keeps 오늘날, 3월호, 서울시, 한시적, 금주령
 * out: a date word glued to a syllable that is not a particle is part of a
 * longer word.
 *
 * Span conventions (bytes; extract.c turns them into code points):
 *  - a date span covers its prefix and its stated weekday: "지난 15일",
 *    "지난 15일, 토요일", "15일(토)", "2019년 3월 1일", "3월 초";
 *    a trailing 께/쯤/경/무렵 is included and sets approx ("15일께").
 *  - a time is its own mention, from the time-of-day word on: "오후 2시",
 *    "새벽 3시께", "14:30"; in "19일 오후 2시" the date is "19일" and the
 *    time "오후 2시" with value 2022-10-19T14:00. A zone after it is part
 *    of it ("4pm CET"). A period word with no clock ("16일 오후", "오후에")
 *    is a time mention of its own over that stretch of the day.
 *  - a duration covers its opening word, 약, 여, the attached 간/째/만 and
 *    approximation/bound words: "지난 1년간", "약 10시간", "12년여간",
 *    "10년 넘게", "나흘만" (the particle in 나흘만인/만에 stays out), and
 *    "동안" stays out ("약 10시간 동안" → "약 10시간").
 *  - "다음날인 16일", "사태 나흘만인 19일": each part is its own mention;
 *    the explicit day wins, so 다음날 gets the value of 16일. A bare day
 *    linked this way takes the month that puts it nearest the date the
 *    relative word names ("글피인 24일" written on 06-15 → 06-24).
 *
 * Value conventions:
 *  - dates: 2022-10-16, 2022-10, 2022, 2022-Q4, 2025-H1, ISO week 2022-W41
 *    (지난주/이번 주/다음 주, 10월 첫째 주), decade 198X (1980년대), an
 *    unknown part X (XXXX-XX-15, XXXX for 지난해 without reference).
 *  - "N일 전/후" is a date (reference day ∓ N), "N년 전" a year, "N개월 전"
 *    a month; "N년 만에" is a duration P{N}Y.
 *  - durations: P4D, PT10H, P1M, P12Y, P2W (N주), P7D (일주일, as written);
 *    "1시간 30분" PT1H30M, "2년 반" P2Y6M; a decimal moves to the smaller
 *    unit when that makes it whole (1.1시간 → PT66M, 2.5일 → PT60H).
 *  - times: HH:MM (24-hour), HH:MM:SS when seconds are given; with a date
 *    known from the same expression or sentence, YYYY-MM-DDTHH:MM; with a
 *    named zone (dates_zones.tsv) its UTC offset appended, 16:00+01:00.
 *
 * Resolution (reference day R = publication date or --ref-date):
 *  - bare day D: R's month if D ≤ R.d, else the month before (news reports
 *    the past); 지난 D일 the same with D < R.d; 오는 D일 the next D after R;
 *    a day the month lacks (30일 in February) steps one more month.
 *  - M월 (D일) without year: R's year; 지난 M월 the latest on or before R,
 *    오는/다음 M월 the next on or after R. Bare quarters and halves: R's
 *    year.
 *  - a stated weekday that contradicts the date: when the month was
 *    inferred, the previous then the next month is tried; when the year was
 *    inferred, the previous then the next year; else weekday_mismatch.
 *  - a bare weekday is the latest one on or before R; 지난 X요일 the one
 *    before R, 오는/다음 X요일 the one after R, 이번 주/지난주 X요일 the
 *    day of that ISO week.
 *  - 전날/다음날/이튿날/당일/이날 count from the last date resolved in the
 *    document (ctx->last), else from R. With no R at all, parts that need it
 *    stay X — the clock is never read.
 *  - two-digit years: 20NN when that is at most R.y + 10 (no R: NN < 50),
 *    else 19NN. A bare "NN년" with no month after it is a year only for
 *    NN ≥ 50 ("74년") or as a whole paragraph; smaller ones are left to
 *    the duration reading ("징역 12년" is an amount of time).
 *  - a paragraph that is one expression (a table cell, a query) takes the
 *    date reading of an ambiguous form: 1954, 12년, 전주 (standalone()).
 *  - with a reference time of day (parse_clock): N unit 전 is that instant
 *    shifted, one grain finer than the unit; N unit 후/뒤/이후 from there
 *    on; 안에/내 a deadline, 이내 a span; 까지 before a later time a span
 *    from the instant.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>

/* numeral.c's extended entry point: with its LONE_SINO bit it accepts a
 * single Sino-Korean digit (삼 = 3), which kc__num_parse refuses on purpose
 * (이 and 일 are ordinary words). We ask for it only before 월/분기 and
 * inside an expression already known to be a date ("삼월 삼일"). */
#define DATES_NUM_LONE_SINO KC_NUM_LONE_SINO /* internal.h */

/* ------------------------------------------------------------------ */
/* Dictionary                                                         */
/* ------------------------------------------------------------------ */

enum {
    K_PREFIX = 1, K_DURPREFIX, K_RELDAY, K_LASTDAY, K_RELYEAR, K_LASTYEAR,
    K_RELMONTH, K_RELWEEK, K_RELQUARTER, K_AGO, K_COUNT, K_WEEKDAY, K_SHORT,
    K_PART, K_YEARPART, K_MONTHPART, K_HALF, K_NTH, K_DAYNTH, K_TOD,
    K_CLOCK, K_UNIT, K_APPROXPRE, K_APPROXPOST, K_BOUND, K_DURPOST,
    K_PARTICLE, K_YEARNOUN, K_RATE, K_HOLIDAY, K_LUNAR, K_LUNARDATE,
    K_HOLINEXT, K_STEM, K_BRANCH, K_TODSPAN, K_NOTDUR, K_GAMEHALF, K_PER, K_DURNOUN, K_WEEKEND,
    K_NOW, K_WITHIN, K_SEASON, K_FEW, K_TODMARK, K_AMBWEEK, K_COMPARE, K_ZONE,
    K_OPENMARK,
    K_FUNIT, /* a figure unit from units.tsv (figures.c's dictionary) */
    K__COUNT
};
typedef uint64_t kmask;
#define KM(k) ((kmask)1 << (k))

static const char *const kind_names[K__COUNT] = {
    NULL, "prefix", "durprefix", "relday", "lastday", "relyear", "lastyear",
    "relmonth", "relweek", "relquarter", "ago", "count", "weekday", "short",
    "part", "yearpart", "monthpart", "half", "nth", "daynth", "tod", "clock",
    "unit", "approxpre", "approxpost", "bound", "durpost", "particle",
    "yearnoun", "rate", "holiday", "lunar", "lunardate", "holinext", "stem",
    "branch", "todspan", "notdur", "gamehalf", "per", "durnoun", "weekend",
    "now", "within", "season", "few", "todmark", "ambweek", "compare", "zone",
    "openmark", NULL};

enum { U_YEAR = 1, U_YEARDO, U_DECADE, U_MONTH, U_DAY, U_HOUR, U_HOURS,
       U_MINUTE, U_SECOND, U_QUARTER, U_WEEKS, U_WEEKDAYS, U_MONTHS,
       U_YEARS, U_CENTURY, U_NIGHTS };
enum { TOD_AM = 1, TOD_PM, TOD_NIGHT, TOD_DAY };
enum { PART_EARLY = 1, PART_MID, PART_LATE };

typedef struct dword {
    const char *w;
    size_t n;
    int kind;
    int ival;
    const char *sval; /* the value column as written (count: "P4D") */
    size_t sn;
} dword;

#define KC_NSYL 11172 /* Hangul syllables U+AC00..U+D7A3 */

struct kc_dates {
    dword *words;
    size_t nwords;
    /* index of the sorted words by first syllable (see index_words) */
    uint32_t syl_lo[KC_NSYL];  /* first word not below syllable s */
    kmask syl_kinds[KC_NSYL];     /* kinds among them */
    uint8_t starts[(KC_NSYL + 7) / 8]; /* can start an expression (candidate) */
    pcre2_code *re_dot, *re_dash, *re_slash, *re_hhmm, *re_ampm;
    const dword **zones; /* the K_ZONE words (dates_zones.tsv) */
    size_t nzones;
};

/* A zone word's value that is an IANA ID rather than a fixed offset. */
#define ZONE_BY_ID 100000

static const char *const dict_files[] = {
    "dates_relative.tsv", "dates_counts.tsv", "dates_weekdays.tsv",
    "dates_parts.tsv",    "dates_timewords.tsv", "dates_units.tsv",
    "dates_holidays.tsv", "dates_zones.tsv"};

typedef struct named { const char *name; int v; } named;
static const named value_names[] = {
    {"am", TOD_AM},       {"pm", TOD_PM},          {"night", TOD_NIGHT},
    {"day", TOD_DAY},     {"early", PART_EARLY},   {"mid", PART_MID},
    {"late", PART_LATE},  {"over", KC_BOUND_OVER}, {"min", KC_BOUND_MIN},
    {"max", KC_BOUND_MAX}, {"under", KC_BOUND_UNDER}, {"year", U_YEAR},
    {"yeardo", U_YEARDO}, {"decade", U_DECADE},    {"month", U_MONTH},
    {"hour", U_HOUR},     {"hours", U_HOURS},      {"minute", U_MINUTE},
    {"second", U_SECOND}, {"quarter", U_QUARTER},  {"weeks", U_WEEKS},
    {"weekdays", U_WEEKDAYS}, {"months", U_MONTHS}, {"years", U_YEARS},
    {"century", U_CENTURY}, {"nights", U_NIGHTS},
};

static int cmp_dword(const void *a, const void *b)
{
    const dword *x = a, *y = b;
    size_t n = x->n < y->n ? x->n : y->n;
    int c = memcmp(x->w, y->w, n);
    if (c) return c;
    return x->n < y->n ? -1 : x->n > y->n;
}

/* "12-25" → 1225, "2016-02-08" → 20160208, "18:00/24:00" → minutes
 * start * 2000 + end; false when the digits do not fit the shape. */
static bool digits_shape(kc_strv v, const char *shape, int *out)
{
    size_t n = strlen(shape);
    if (v.n != n) return false;
    long acc = 0, part = 0, res = 0;
    for (size_t k = 0; k < n; k++) {
        char c = v.p[k];
        if (shape[k] == '9') {
            if (c < '0' || c > '9') return false;
            acc = acc * 10 + (c - '0');
            part = part * 10 + (c - '0');
        } else {
            if (c != shape[k]) return false;
            if (c == ':') { res += part * 60; part = 0; acc = 0; }
            if (c == '/') { res = (res + part) * 2000; part = 0; acc = 0; }
        }
    }
    *out = strchr(shape, ':') ? (int)(res + part) : (int)acc;
    return true;
}

/* An IANA zone ID as ICU knows it ("America/New_York"): a UChar copy. */
static bool zone_id(kc_strv v, UChar *u, size_t un)
{
    if (v.n == 0 || v.n >= un) return false;
    for (size_t k = 0; k < v.n; k++) {
        char c = v.p[k];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '/' || c == '_' ||
              c == '-' || c == '+' || (c >= '0' && c <= '9')))
            return false;
        u[k] = (UChar)c;
    }
    u[v.n] = 0;
    return true;
}

/* Is u a zone ID ICU knows? -1 when ICU itself failed. */
static int icu_zone_known(const UChar *u)
{
    UChar canon[64];
    UBool sys = 0;
    UErrorCode st = U_ZERO_ERROR;
    ucal_getCanonicalTimeZoneID(u, -1, canon, 64, &sys, &st);
    return U_SUCCESS(st) ? sys != 0 : st == U_ILLEGAL_ARGUMENT_ERROR ? 0 : -1;
}

/* A zone's value: "+09:00" → minutes east of UTC; an IANA ID that ICU
 * knows → ZONE_BY_ID. KC_EDICT for anything else, KC_ENOMEM when ICU could
 * not look the ID up. Under memory pressure ICU reports a zone whose data
 * it failed to load as unknown (found by P21): an ID is called unknown only
 * when a second look fails too while a zone ICU always has (Etc/UTC) is
 * still found. */
static kc_status zone_value(kc_strv v, int *out)
{
    int hm;
    if (v.n == 6 && (v.p[0] == '+' || v.p[0] == '-') &&
        digits_shape((kc_strv){v.p + 1, 5}, "99:99", &hm) && hm <= 14 * 60) {
        *out = v.p[0] == '-' ? -hm : hm;
        return KC_OK;
    }
    UChar id[64];
    static const UChar utc[] = {'E', 't', 'c', '/', 'U', 'T', 'C', 0};
    if (!zone_id(v, id, sizeof id / sizeof *id)) return KC_EDICT;
    *out = ZONE_BY_ID;
    if (icu_zone_known(id) == 1 || icu_zone_known(id) == 1) return KC_OK;
    return icu_zone_known(utc) == 1 ? KC_EDICT : KC_ENOMEM;
}

static bool parse_value(int kind, kc_strv v, int *out)
{
    if (kind == K_COUNT) { *out = 0; return v.n > 1 && v.p[0] == 'P'; }
    if (kind == K_HOLIDAY) return digits_shape(v, "99-99", out) &&
                                  *out / 100 >= 1 && *out / 100 <= 12 &&
                                  *out % 100 >= 1 && *out % 100 <= 31;
    if (kind == K_LUNARDATE) return digits_shape(v, "9999-99-99", out);
    if (kind == K_TODSPAN)
        return digits_shape(v, "99:99/99:99", out);
    if (kind == K_SEASON) { /* MM-DD/MM-DD, first and last day */
        int a, b;
        if (v.n != 11 || v.p[5] != '/' ||
            !digits_shape((kc_strv){v.p, 5}, "99-99", &a) ||
            !digits_shape((kc_strv){v.p + 6, 5}, "99-99", &b))
            return false;
        *out = a * 10000 + b;
        return a / 100 >= 1 && a / 100 <= 12 && a % 100 >= 1 && a % 100 <= 31 &&
               b / 100 >= 1 && b / 100 <= 12 && b % 100 >= 1 && b % 100 <= 31;
    }
    if (kind == K_LUNAR) {
        /* "seol" or "seol+14": the offset in days after the key's date */
        const char *plus = memchr(v.p, '+', v.n);
        *out = 0;
        if (!plus) return v.n > 0;
        kc_strv t = {plus + 1, v.n - (size_t)(plus + 1 - v.p)};
        return t.n > 0 && t.n < 3 && digits_shape(t, t.n == 1 ? "9" : "99", out);
    }
    if (kind == K_CLOCK) {
        if (v.n != 5 || v.p[2] != ':') return false;
        *out = ((v.p[0] - '0') * 10 + (v.p[1] - '0')) * 60 +
               (v.p[3] - '0') * 10 + (v.p[4] - '0');
        return true;
    }
    if (kind == K_UNIT && kc__strv_eq(v, "day")) { *out = U_DAY; return true; }
    for (size_t i = 0; i < sizeof value_names / sizeof *value_names; i++)
        if (kc__strv_eq(v, value_names[i].name)) {
            *out = value_names[i].v;
            return true;
        }
    char buf[16];
    if (v.n == 0 || v.n >= sizeof buf) return false;
    memcpy(buf, v.p, v.n);
    buf[v.n] = '\0';
    char *end;
    long l = strtol(buf, &end, 10);
    if (*end || l < -1000 || l > 1000) return false;
    *out = (int)l;
    return true;
}

void kc__dates_free(struct kc_dates *d)
{
    if (!d) return;
    free(d->words);
    free(d->zones);
    pcre2_code_free(d->re_dot);
    pcre2_code_free(d->re_dash);
    pcre2_code_free(d->re_slash);
    pcre2_code_free(d->re_hhmm);
    pcre2_code_free(d->re_ampm);
    free(d);
}

/* Digit notations. Each runs anchored at a candidate position; the
 * lookbehinds keep a date from starting inside a longer number, the
 * lookaheads from ending inside one (a phone number 02-123-4567 or a
 * version 1.2.3.4 is not a date). */
static const char RE_DOT[] =
    "(?<![\\d.])((?:1[89]|20)\\d\\d)\\.( ?)(1[0-2]|0?[1-9])\\.\\2"
    "(3[01]|[12]\\d|0?[1-9])(?![\\d])";
static const char RE_DASH[] =
    "(?<![\\d./-])((?:1[89]|20)\\d\\d)-(1[0-2]|0?[1-9])-(3[01]|[12]\\d|0?[1-9])"
    "(?![\\d-])";
static const char RE_SLASH[] =
    "(?<![\\d./])((?:1[89]|20)\\d\\d|\\d\\d)/(1[0-2]|0?[1-9])/"
    "(3[01]|[12]\\d|0?[1-9])(?![\\d/])";
/* 14:30, 15:23:24, 3:20pm, 3:20 p.m. — two-digit minutes only, so sports
 * scores (3:1) stay out. */
static const char RE_HHMM[] =
    "(?<![\\d.:])(2[0-4]|[01]?\\d):([0-5]\\d)(?::([0-5]\\d))?(?![\\d:])"
    "(?: ?([AaPp])\\.?[Mm]?\\.?(?![A-Za-z]))?";
static const char RE_AMPM[] =
    "(?<![\\d.:])(1[0-2]|0?[1-9]) ?([AaPp])\\.?[Mm]\\.?(?![A-Za-z])";

static kc_status compile(pcre2_code **re, const char *pat, char *err,
                         size_t errlen)
{
    char e[160];
    *re = kc__re_compile(pat, strlen(pat), 0, e, sizeof e);
    if (!*re) {
        snprintf(err, errlen, "dates.c: pattern: %s", e);
        return KC_EREGEX;
    }
    return KC_OK;
}

/* Kinds looked up at the first byte of an expression, duration or weekend
 * (parse_expr, lex_comp at R_START, parse_duration, parse_weekend): a word
 * of another kind only ever follows something. Keep in step with them. */
/* words counted from the reference day (이달, 이번 주, 오늘, 지난해 …) */
#define RELWORD_KINDS                                                         \
    (KM(K_RELDAY) | KM(K_LASTDAY) | KM(K_RELYEAR) | KM(K_LASTYEAR) |          \
     KM(K_RELMONTH) | KM(K_RELWEEK) | KM(K_RELQUARTER))

#define START_KINDS                                                           \
    (KM(K_PREFIX) | KM(K_DURPREFIX) | KM(K_APPROXPRE) | KM(K_COUNT) |         \
     KM(K_RELDAY) | KM(K_LASTDAY) | KM(K_RELYEAR) | KM(K_LASTYEAR) |          \
     KM(K_RELMONTH) | KM(K_RELWEEK) | KM(K_RELQUARTER) | KM(K_YEARPART) |     \
     KM(K_MONTHPART) | KM(K_HALF) | KM(K_WEEKDAY) | KM(K_TOD) | KM(K_CLOCK) | \
     KM(K_STEM) | KM(K_HOLIDAY) | KM(K_LUNAR) | KM(K_NOW) | KM(K_FEW) |       \
     KM(K_AMBWEEK))

static void syl_bytes(uint32_t x, unsigned char b[3])
{
    uint32_t c = 0xAC00 + x;
    b[0] = (unsigned char)(0xE0 | (c >> 12));
    b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    b[2] = (unsigned char)(0x80 | (c & 0x3F));
}

/* Does word w start with the three bytes b? */
static bool has_syl(const dword *w, const unsigned char b[3])
{
    return w->n >= 3 && memcmp(w->w, b, 3) == 0;
}

/* The sorted words by first syllable, for dict_match: where the binary
 * search over the words lands for each syllable (the first word not below
 * its three bytes) and the kinds of the words that start with it; and, for
 * candidate(), the syllables that can begin a date, time or duration: the
 * first syllable of a START_KINDS word or of a numeral (read_nu at the
 * start: numeral.c's own tables). */
static void index_words(struct kc_dates *d)
{
    size_t k = 0;
    for (uint32_t x = 0; x < KC_NSYL; x++) {
        unsigned char b[3];
        syl_bytes(x, b);
        /* the lower bound dict_match's binary search finds */
        while (k < d->nwords) {
            const dword *w = &d->words[k];
            size_t n = w->n < 3 ? w->n : 3;
            int c = memcmp(w->w, b, n);
            if (!(c < 0 || (c == 0 && w->n < 3))) break;
            k++;
        }
        d->syl_lo[x] = (uint32_t)k;
    }
    for (uint32_t x = 0; x < KC_NSYL; x++) {
        unsigned char b[3];
        syl_bytes(x, b);
        for (size_t i = d->syl_lo[x]; i < d->nwords && has_syl(&d->words[i], b); i++)
            d->syl_kinds[x] |= KM(d->words[i].kind);
        if (d->syl_kinds[x] & START_KINDS) d->starts[x / 8] |= (uint8_t)(1u << (x % 8));
    }
    kc__num_start_syllables(KC_NUM_SCALE | KC_NUM_SINO | KC_NUM_NATIVE, d->starts);
}

kc_status kc__dates_init(kc_engine *eng, char *err, size_t errlen)
{
    struct kc_dates *d = calloc(1, sizeof *d);
    if (!d) return KC_ENOMEM;
    size_t cap = 0;
    kc_status st = KC_OK;
    for (size_t f = 0; st == KC_OK && f < sizeof dict_files / sizeof *dict_files; f++) {
        const kc_dictfile *df = kc__dict_get(eng, dict_files[f]);
        if (!df) {
            snprintf(err, errlen, "%s: missing dictionary", dict_files[f]);
            st = KC_EDICT;
            break;
        }
        kc_tsv t;
        kc__tsv_init(&t, df);
        kc_strv fv[3];
        size_t nf;
        while ((nf = kc__tsv_next(&t, fv, 3)) != 0) {
            int kind = 0;
            for (int k = 1; k < K__COUNT; k++)
                if (nf == 3 && kind_names[k] && kc__strv_eq(fv[1], kind_names[k]))
                    kind = k;
            int iv = 0;
            if (kind == K_ZONE && fv[0].n) {
                st = zone_value(fv[2], &iv);
                if (st == KC_ENOMEM) break;
            }
            if (!kind || fv[0].n == 0 || st != KC_OK ||
                (kind != K_ZONE && !parse_value(kind, fv[2], &iv))) {
                snprintf(err, errlen, "%s:%zu: expected word, kind, value",
                         dict_files[f], t.line);
                st = KC_EDICT;
                break;
            }
            if (d->nwords == cap) {
                size_t nc = cap ? cap * 2 : 256, bytes;
                if (!kc__mul_ok(nc, sizeof *d->words, &bytes)) { st = KC_ELIMIT; break; }
                dword *nw = realloc(d->words, bytes);
                if (!nw) { st = KC_ENOMEM; break; }
                d->words = nw;
                cap = nc;
            }
            d->words[d->nwords++] = (dword){fv[0].p, fv[0].n, kind, iv,
                                            fv[2].p, fv[2].n};
        }
    }
    /* The figure units (units.tsv, figures.c's dictionary, read only):
     * a bare four-digit number followed by one is a quantity (2000 가구),
     * never a year. Units of class time and prefix are not counters. */
    const kc_dictfile *uf = st == KC_OK ? kc__dict_get(eng, "units.tsv") : NULL;
    if (uf) {
        kc_tsv t;
        kc__tsv_init(&t, uf);
        kc_strv fv[4];
        size_t nf;
        while (st == KC_OK && (nf = kc__tsv_next(&t, fv, 4)) != 0) {
            if (fv[0].n == 0 || (nf >= 3 && (kc__strv_eq(fv[2], "time") ||
                                             kc__strv_eq(fv[2], "prefix"))))
                continue;
            if (d->nwords == cap) {
                size_t nc = cap ? cap * 2 : 256, bytes;
                if (!kc__mul_ok(nc, sizeof *d->words, &bytes)) { st = KC_ELIMIT; break; }
                dword *nw = realloc(d->words, bytes);
                if (!nw) { st = KC_ENOMEM; break; }
                d->words = nw;
                cap = nc;
            }
            d->words[d->nwords++] = (dword){fv[0].p, fv[0].n, K_FUNIT, 0,
                                            fv[0].p, 0};
        }
    }
    if (st == KC_OK && d->nwords)
        qsort(d->words, d->nwords, sizeof *d->words, cmp_dword);
    if (st == KC_OK) index_words(d);
    for (size_t k = 0; st == KC_OK && k < d->nwords; k++) {
        if (d->words[k].kind != K_ZONE) continue;
        const dword **nz = realloc(d->zones, (d->nzones + 1) * sizeof *nz);
        if (!nz) { st = KC_ENOMEM; break; }
        d->zones = nz;
        d->zones[d->nzones++] = &d->words[k];
    }
    if (st == KC_OK) st = compile(&d->re_dot, RE_DOT, err, errlen);
    if (st == KC_OK) st = compile(&d->re_dash, RE_DASH, err, errlen);
    if (st == KC_OK) st = compile(&d->re_slash, RE_SLASH, err, errlen);
    if (st == KC_OK) st = compile(&d->re_hhmm, RE_HHMM, err, errlen);
    if (st == KC_OK) st = compile(&d->re_ampm, RE_AMPM, err, errlen);
    if (st != KC_OK) {
        kc__dates_free(d);
        return st;
    }
    eng->dates = d;
    return KC_OK;
}

/* ------------------------------------------------------------------ */
/* Calendar                                                           */
/* ------------------------------------------------------------------ */

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int mdays(int y, int m)
{
    static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : n[m - 1];
}
/* Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm). */
static long dnum(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
static kc_ymd dciv(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    return (kc_ymd){(int)(y + (m <= 2)), (int)m, (int)d};
}
/* ISO weekday, 1 = Monday. 1970-01-01 was a Thursday. */
static int wday(long z) { return (int)(((z % 7) + 7 + 3) % 7) + 1; }
static bool full(kc_ymd a) { return a.y && a.m && a.d; }
static kc_ymd add_days(kc_ymd a, long k) { return dciv(dnum(a.y, a.m, a.d) + k); }
static void add_months(int *y, int *m, int k)
{
    int t = *y * 12 + (*m - 1) + k;
    *y = t / 12;
    *m = t % 12 + 1;
}
static void iso_week(long z, int *wy, int *wk)
{
    long thu = z - (wday(z) - 1) + 3;
    kc_ymd t = dciv(thu);
    *wy = t.y;
    *wk = (int)((thu - dnum(t.y, 1, 1)) / 7) + 1;
}

/* ------------------------------------------------------------------ */
/* Lexing helpers                                                     */
/* ------------------------------------------------------------------ */

typedef struct scan {
    const struct kc_dates *D;
    const kc_engine *eng;
    kc_doc *doc;
    const char *s;
    size_t len;
    pcre2_match_data *md;
    struct numcache *nc; /* read_num results by position (mutable) */
    struct dmcache *dc;  /* dict_match results by position (mutable) */
} scan;

static uint32_t cp_at(const scan *S, size_t j, size_t *n)
{
    if (j >= S->len) { *n = 0; return 0; }
    return kc__utf8_get((const unsigned char *)S->s + j, n);
}
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static bool hangul_at(const scan *S, size_t j)
{
    size_t n;
    return j < S->len && kc__is_hangul_syllable(cp_at(S, j, &n));
}
static bool hangul_before(const scan *S, size_t j)
{
    if (j == 0) return false;
    size_t p = kc__utf8_prev(S->s, j), n;
    return kc__is_hangul_syllable(cp_at(S, p, &n));
}

/* dict_match is asked about the same position with one kind mask after
 * another (candidate, then each shape's parser): remember, per position,
 * every dictionary word that starts there, whatever its kind. */
#define DMCACHE 64
#define DMCACHE_WORDS 8
struct dmcache {
    struct {
        size_t j1;  /* position + 1, 0 when empty */
        uint8_t n;
        const dword *w[DMCACHE_WORDS];
    } e[DMCACHE];
};

/* The words starting at j: the longest of a kind in `mask` (into *out,
 * its length returned), and every word whatever its kind into w[0..max),
 * their number in *nw (max + 1 when there are more). */
static size_t dict_scan(const scan *S, size_t j, kmask mask, const dword **out,
                        const dword **w, size_t max, size_t *nw)
{
    const struct kc_dates *D = S->D;
    size_t cpn;
    uint32_t c0 = cp_at(S, j, &cpn);
    size_t lo = 0, hi = D->nwords;
    if (kc__is_hangul_syllable(c0)) lo = hi = D->syl_lo[c0 - 0xAC00];
    /* lower bound of entries starting with this code point */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const dword *x = &D->words[mid];
        size_t n = x->n < cpn ? x->n : cpn;
        int c = memcmp(x->w, S->s + j, n);
        if (c < 0 || (c == 0 && x->n < cpn)) lo = mid + 1;
        else hi = mid;
    }
    size_t got = 0, best = 0;
    const char *t = S->s + j;
    for (size_t k = lo; k < D->nwords; k++) {
        const dword *x = &D->words[k];
        if (x->n < cpn) break;
        /* the entries starting with this code point (1-4 bytes, inline) */
        size_t q = 0;
        while (q < cpn && x->w[q] == t[q]) q++;
        if (q < cpn) break;
        if (x->n > S->len - j) continue;
        if (x->n == cpn || memcmp(x->w + cpn, t + cpn, x->n - cpn) == 0) {
            if (got < max) w[got] = x;
            if (got <= max) got++;
            if ((mask & KM(x->kind)) && x->n > best) {
                best = x->n;
                *out = x;
            }
        }
    }
    *nw = got;
    return best;
}

/* Longest dictionary word of a kind in `mask` starting at j. */
static size_t dict_match(const scan *S, size_t j, kmask mask,
                         const dword **out)
{
    const struct kc_dates *D = S->D;
    if (j >= S->len) return 0;
    unsigned char b0 = (unsigned char)S->s[j];
    if (b0 >= 0xEA && b0 <= 0xED) {
        size_t cpn;
        uint32_t c0 = cp_at(S, j, &cpn);
        /* the syllable's kinds, from the index */
        if (kc__is_hangul_syllable(c0) && !(D->syl_kinds[c0 - 0xAC00] & mask)) return 0;
    }
    struct dmcache *dc = S->dc;
    unsigned slot = (unsigned)(j % DMCACHE);
    if (dc && dc->e[slot].j1 == j + 1) {
        size_t best = 0;
        for (size_t k = 0; k < dc->e[slot].n; k++) {
            const dword *x = dc->e[slot].w[k];
            if ((mask & KM(x->kind)) && x->n > best) {
                best = x->n;
                *out = x;
            }
        }
        return best;
    }
    const dword *ws[DMCACHE_WORDS];
    size_t nw;
    size_t best = dict_scan(S, j, mask, out, ws, DMCACHE_WORDS, &nw);
    /* more words than a slot holds: answered, not remembered */
    if (dc && nw <= DMCACHE_WORDS) {
        dc->e[slot].j1 = j + 1;
        dc->e[slot].n = (uint8_t)nw;
        memcpy(dc->e[slot].w, ws, nw * sizeof ws[0]);
    }
    return best;
}

/* A date or time word may end here: end of text, a non-Hangul character,
 * or a particle (조사) — anything else glues it into a longer word. */
static bool end_ok(const scan *S, size_t j)
{
    if (!hangul_at(S, j)) {
        /* "3월Q" or "15일2"? a Latin letter or digit glued on is not a
         * boundary either. */
        return j >= S->len || (!is_digit(S->s[j]) && !is_alpha(S->s[j]));
    }
    const dword *w;
    return dict_match(S, j, KM(K_PARTICLE), &w) != 0;
}

static size_t skip_space(const scan *S, size_t j)
{
    return j < S->len && S->s[j] == ' ' ? j + 1 : j;
}

/* A number at j. Arabic digits (with the figure conventions numeral.c
 * knows, 1,000 / 1.5) or Hangul numerals (이천십오, 스물네, 세). lone:
 * also a single Sino digit. */
typedef struct numtok {
    double v;
    long iv;
    bool integral, hangul;
    int ndigits; /* leading ASCII digits */
    size_t n;
} numtok;

/* read_num is asked about the same position many times (each date and
 * duration shape tries the number at a word start, then the figures'
 * guards ask again): remember the last answers, direct-mapped. */
#define NUMCACHE 64
struct numcache {
    struct {
        size_t j1;   /* position + 1, 0 when empty */
        bool lone, ok;
        numtok t;
    } e[NUMCACHE];
};

static bool read_num_uncached(const scan *S, size_t j, bool lone, numtok *t);

static bool read_num(const scan *S, size_t j, bool lone, numtok *t)
{
    if (!S->nc) return read_num_uncached(S, j, lone, t);
    unsigned slot = (unsigned)(j * 2 + lone) % NUMCACHE;
    if (S->nc->e[slot].j1 == j + 1 && S->nc->e[slot].lone == lone) {
        *t = S->nc->e[slot].t;
        return S->nc->e[slot].ok;
    }
    bool ok = read_num_uncached(S, j, lone, t);
    S->nc->e[slot].j1 = j + 1;
    S->nc->e[slot].lone = lone;
    S->nc->e[slot].ok = ok;
    S->nc->e[slot].t = *t;
    return ok;
}

static bool read_num_uncached(const scan *S, size_t j, bool lone, numtok *t)
{
    memset(t, 0, sizeof *t);
    if (j >= S->len) return false;
    kc_num num;
    size_t n;
    if (is_digit(S->s[j])) {
        /* plain digits first: "2023.3.15" must not read as 2023.3 */
        size_t k = j;
        while (k < S->len && is_digit(S->s[k]) && k - j < 12) k++;
        t->ndigits = (int)(k - j);
        n = kc__num_parse(S->s + j, S->len - j, KC_NUM_ARABIC, &num);
        if (!n) return false;
    } else {
        if (!hangul_at(S, j)) return false;
        n = kc__num_parse(S->s + j, S->len - j,
                          KC_NUM_SCALE | KC_NUM_SINO | KC_NUM_NATIVE, &num);
        if (!n && lone) {
            unsigned info = 0;
            n = kc__num_parse_ex(S->s + j, S->len - j,
                                 KC_NUM_SINO | DATES_NUM_LONE_SINO, &num,
                                 &info);
        }
        if (!n) return false;
        t->hangul = true;
    }
    if (num.overflow || num.value < 0 || num.value > 1e9) return false;
    t->v = num.value;
    t->integral = num.integral;
    t->iv = (long)num.value;
    t->n = n;
    return true;
}

/* Number + unit ("15일", "2019년", "세 시간", "10여 년"). *yeo is set when
 * 여 sits between number and unit. Returns the end or 0. */
typedef struct nu {
    numtok num;
    int unit;
    bool yeo;
    size_t end;
} nu;

/* Is the Hangul number of n bytes at j native Korean (세, 스물), i.e. not
 * all of it reads as Sino-Korean? */
static bool num_native(const scan *S, size_t j, size_t n)
{
    kc_num sino;
    unsigned info = 0;
    return kc__num_parse_ex(S->s + j, S->len - j,
                            KC_NUM_SCALE | KC_NUM_SINO | DATES_NUM_LONE_SINO, &sino,
                            &info) != n;
}

static bool read_nu(const scan *S, size_t j, bool lone, nu *r)
{
    memset(r, 0, sizeof *r);
    if (!read_num(S, j, lone, &r->num)) return false;
    size_t k = j + r->num.n;
    if (k + 3 <= S->len && memcmp(S->s + k, "여", 3) == 0) {
        r->yeo = true;
        k += 3;
    }
    const dword *w;
    size_t m = dict_match(S, k, KM(K_UNIT), &w);
    if (!m) {
        /* one space between a number and its unit: "세 시간", "1 초" */
        size_t k2 = skip_space(S, k);
        if (k2 == k) return false;
        m = dict_match(S, k2, KM(K_UNIT), &w);
        if (!m) return false;
        k = k2;
    }
    r->unit = w->ival;
    r->end = k + m;
    /* months, days and years are counted in Sino-Korean (삼월, 삼일): a
     * native numeral before them is another word (세월 "time", 세일) */
    if (r->num.hangul && (r->unit == U_MONTH || r->unit == U_DAY ||
                          r->unit == U_YEAR || r->unit == U_DECADE) &&
        num_native(S, j, r->num.n))
        return false;
    /* 해 counts years only as a separate word after a native numeral
     * ("두 해"): glued on, 서해 and 동해 are seas */
    if (r->unit == U_YEARS && k == j + r->num.n) return false;
    return true;
}

static bool lit(const scan *S, size_t j, const char *w)
{
    size_t n = strlen(w);
    return j + n <= S->len && memcmp(S->s + j, w, n) == 0;
}

/* After a day or year count: does a word follow that makes it an amount of
 * time (3일간, 10년 넘게, 12년여, 5년 동안) or a shifted date (3일 전)? */
static bool duration_follows(const scan *S, size_t j)
{
    const dword *w;
    if (dict_match(S, j, KM(K_DURPOST), &w)) return true;
    if (lit(S, j, "동안") || lit(S, j, " 동안")) return true;
    size_t k = skip_space(S, j);
    if (dict_match(S, k, KM(K_BOUND), &w)) return true;
    if (dict_match(S, k, KM(K_APPROXPOST), &w) && w->ival == 2) return true;
    if (dict_match(S, j, KM(K_AGO), &w) && end_ok(S, j + w->n)) return true;
    if (k != j && dict_match(S, k, KM(K_AGO), &w) && end_ok(S, k + w->n))
        return true;
    return false;
}

/* "1일 3회", "하루 2번": a day before a count of times is the denominator
 * of a frequency, neither a date nor an amount of time. */
static bool rate_follows(const scan *S, size_t j)
{
    if (j >= S->len || S->s[j] != ' ') return false;
    numtok t;
    if (!read_num(S, j + 1, false, &t) || !t.integral) return false;
    size_t k = skip_space(S, j + 1 + t.n);
    const dword *w;
    size_t n = dict_match(S, k, KM(K_RATE), &w);
    return n && end_ok(S, k + n);
}

/* ------------------------------------------------------------------ */
/* Date/time expressions                                              */
/* ------------------------------------------------------------------ */

enum { R_START = 0, R_YEAR, R_MONTH, R_DAY, R_WDAY, R_PART, R_TOD, R_TIME };

typedef struct expr {
    size_t start, dend;  /* date span [start, dend); dend == 0: none */
    size_t tstart, tend; /* time span; tend == 0: none */
    size_t link_start, link_end; /* "다음날" in "다음날인 16일" */
    int link_kind, link_val;     /* K_RELDAY / K_LASTDAY and offset */
    kc_ymd anchor;               /* the linked word's own date, if known */
    bool has_pre;
    int pre;
    int y; bool y_abs, y_twodigit;
    int yrel; bool y_rel;
    int ylast; bool y_last;
    int decade; bool has_decade;
    int m; bool m_abs;
    int mrel; bool m_rel;
    int d; bool d_abs;
    int drel; bool d_rel;
    int dlast; bool d_last;
    int daynth;
    int wrel; bool w_rel;
    int nth; int nth_kind; /* 1 weekday, 2 week */
    int wd;
    int q; bool q_abs; int qrel; bool q_rel;
    int half;
    int part, partscope; /* partscope 1 year, 2 month, 3 reference year, 4 reference month */
    bool ago; int ago_n, ago_unit, ago_dir;
    bool approx;
    bool has_date;
    int tod;
    size_t tod_start, tod_end;   /* the time-of-day word */
    int todspan;                 /* its stretch (start*2000+end minutes) */
    bool has_time, has_sec, t_approx;
    int hh, mi, ss;
    int century;                 /* 19세기 → 19 */
    const dword *hol;            /* a holiday word (K_HOLIDAY / K_LUNAR) */
    const struct kc_dates *dates; /* for the lunar table (set with hol) */
    int tod_day;                 /* a period word with no clock (오늘 저녁,
                                    오후에): whose day it names (TD_*) */
    size_t tod_mark;             /* TD_BARE: the end of the word placing it */
} expr;

/* The day of a period word with no clock (오늘 저녁, 16일 오후, 오후에):
 * a day word counted from today before it, a dated day, the reference day
 * after 이번 (이번 아침), or none named — the day in focus. */
enum { TD_NONE, TD_TODAY, TD_DATED, TD_THIS, TD_BARE };

static int two_digit_year(int nn, const kc_ymd *ref)
{
    if (ref->y) return 2000 + nn <= ref->y + 10 ? 2000 + nn : 1900 + nn;
    return nn < 50 ? 2000 + nn : 1900 + nn;
}

/* An hour with minutes and seconds: "3시", "10시 30분", "세시반",
 * "3시 20분 15초", optionally 께/쯤/경/무렵 or 정각. */
static size_t lex_hour(const scan *S, size_t j, expr *e)
{
    nu h;
    if (!read_nu(S, j, false, &h) || h.unit != U_HOUR || h.yeo ||
        !h.num.integral || h.num.iv > 24)
        return 0;
    int mi = 0, ss = 0;
    bool sec = false;
    size_t k = h.end;
    size_t k2 = skip_space(S, k);
    nu m;
    if (lit(S, k2, "반")) {
        mi = 30;
        k = k2 + 3;
    } else if (read_nu(S, k2, true, &m) && m.unit == U_MINUTE && !m.yeo &&
               m.num.integral && m.num.iv < 60) {
        mi = (int)m.num.iv;
        k = m.end;
        size_t k3 = skip_space(S, k);
        nu sx;
        if (read_nu(S, k3, true, &sx) && sx.unit == U_SECOND && !sx.yeo &&
            sx.num.integral && sx.num.iv < 60) {
            ss = (int)sx.num.iv;
            sec = true;
            k = sx.end;
        }
    }
    /* "네시 십오분 전" (a quarter to four) is a different construction. */
    if (lit(S, k, "전") || lit(S, k, " 전")) {
        if (mi) return 0;
    }
    const dword *w;
    size_t a = dict_match(S, k, KM(K_APPROXPOST), &w);
    if (a && w->ival == 1) {
        e->t_approx = true;
        k += a;
    } else if (lit(S, k, "정각")) {
        k += strlen("정각");
    }
    e->hh = (int)h.num.iv;
    e->mi = mi;
    e->ss = ss;
    e->has_sec = sec;
    e->has_time = true;
    return k;
}

static int regex_at(const scan *S, const pcre2_code *re, size_t j)
{
    int rc = kc__re_match(S->eng, re, S->s, S->len, j, PCRE2_ANCHORED, S->md,
                          &S->doc->stats);
    return rc;
}
static int group_int(const scan *S, int g)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(S->md);
    if (ov[2 * g] == PCRE2_UNSET) return -1;
    int v = 0;
    for (PCRE2_SIZE k = ov[2 * g]; k < ov[2 * g + 1]; k++)
        if (is_digit(S->s[k])) v = v * 10 + (S->s[k] - '0');
    return v;
}
static size_t group_len(const scan *S, int g)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(S->md);
    if (ov[2 * g] == PCRE2_UNSET) return 0;
    return ov[2 * g + 1] - ov[2 * g];
}
static char group_char(const scan *S, int g)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(S->md);
    if (ov[2 * g] == PCRE2_UNSET || ov[2 * g] == ov[2 * g + 1]) return 0;
    return S->s[ov[2 * g]];
}
static size_t match_end(const scan *S)
{
    return pcre2_get_ovector_pointer(S->md)[1];
}

/* Is [b, e) the whole paragraph? A paragraph that is one expression — a
 * table cell, a column header, a caption's date line, a query — has no
 * sentence around it to make an ambiguous form an amount or a place, so
 * its date reading holds (1954, 12년, 전주). */
static bool standalone(const scan *S, size_t b, size_t e)
{
    return b == 0 && e == S->len;
}

/* One component at j that may come after rank `rank`. Applies it to e and
 * returns its end and new rank, or 0. */
static size_t lex_comp(const scan *S, size_t j, int rank, expr *e, int *nrank)
{
    const dword *w;
    size_t n;
    if (j >= S->len) return 0;
    char c = S->s[j];

    /* digit notations */
    if (is_digit(c) && rank == R_START) {
        const pcre2_code *res[3] = {S->D->re_dot, S->D->re_dash, S->D->re_slash};
        for (int r = 0; r < 3; r++) {
            if (regex_at(S, res[r], j) <= 0) continue;
            int ymd_y = group_int(S, 1);
            int g = r == 0 ? 3 : 2;
            int mo = group_int(S, g), da = group_int(S, g + 1);
            if (group_len(S, 1) == 2) ymd_y = two_digit_year(ymd_y, &S->doc->ref);
            if (da > mdays(ymd_y, mo)) continue;
            size_t end = match_end(S);
            /* "2023. 3. 15." — the spaced dotted style ends with a dot */
            if (r == 0 && group_len(S, 2) == 1 && end < S->len && S->s[end] == '.')
                end++;
            e->y = ymd_y; e->y_abs = true;
            e->m = mo; e->m_abs = true;
            e->d = da; e->d_abs = true;
            *nrank = R_DAY;
            return end;
        }
    }
    if (is_digit(c) && rank < R_TIME) {
        if (regex_at(S, S->D->re_hhmm, j) > 0) {
            int h = group_int(S, 1), mi = group_int(S, 2), ss = group_int(S, 3);
            char ap = group_char(S, 4);
            if (ap && (h == 0 || h > 12)) return 0;
            if (ap == 'p' || ap == 'P') { if (h < 12) h += 12; }
            else if ((ap == 'a' || ap == 'A') && h == 12) h = 0;
            e->hh = h; e->mi = mi;
            e->ss = ss < 0 ? 0 : ss;
            e->has_sec = ss >= 0;
            e->has_time = true;
            *nrank = R_TIME;
            return match_end(S);
        }
        if (regex_at(S, S->D->re_ampm, j) > 0) {
            int h = group_int(S, 1);
            char ap = group_char(S, 2);
            if (ap == 'p' || ap == 'P') { if (h < 12) h += 12; }
            else if (h == 12) h = 0;
            e->hh = h; e->mi = 0; e->has_time = true;
            *nrank = R_TIME;
            return match_end(S);
        }
    }
    /* '23년 */
    if ((c == '\'' || lit(S, j, "\xE2\x80\x98") || lit(S, j, "\xE2\x80\x99")) &&
        rank == R_START) {
        size_t k = j + (c == '\'' ? 1 : 3);
        if (k + 2 <= S->len && is_digit(S->s[k]) && is_digit(S->s[k + 1]) &&
            !(k + 2 < S->len && is_digit(S->s[k + 2]))) {
            nu r;
            if (read_nu(S, k, false, &r) && (r.unit == U_YEAR || r.unit == U_YEARDO) &&
                !r.yeo) {
                e->y = two_digit_year((int)r.num.iv, &S->doc->ref);
                e->y_abs = true;
                *nrank = R_YEAR;
                return r.end;
            }
        }
        return 0;
    }
    if (c == '(' && rank >= R_DAY && rank < R_WDAY) {
        if ((n = dict_match(S, j + 1, KM(K_SHORT) | KM(K_WEEKDAY), &w)) &&
            lit(S, j + 1 + n, ")")) {
            e->wd = w->ival;
            *nrank = R_WDAY;
            return j + 1 + n + 1;
        }
        return 0;
    }

    /* 을미년: a sexagenary year name, the year nearest the reference */
    if (rank == R_START && S->doc->ref.y) {
        const dword *st, *br;
        size_t a = dict_match(S, j, KM(K_STEM), &st);
        size_t b = a ? dict_match(S, j + a, KM(K_BRANCH), &br) : 0;
        if (a && b && lit(S, j + a + b, "년") && end_ok(S, j + a + b + 3) &&
            st->ival % 2 == br->ival % 2) {
            int ry = S->doc->ref.y;
            for (int y = ry - 30; y < ry + 30; y++)
                if (((y % 10) + 10) % 10 == st->ival && ((y % 12) + 12) % 12 == br->ival) {
                    e->y = y; e->y_abs = true;
                    *nrank = R_YEAR;
                    return j + a + b + 3;
                }
        }
    }
    /* holidays: 추석, 크리스마스, 지난해 추석, 2015년 설 연휴 */
    if (rank <= R_YEAR) {
        size_t hn = dict_match(S, j, KM(K_HOLIDAY) | KM(K_LUNAR), &w);
        if (hn) {
            size_t k = j + hn, k2 = skip_space(S, k);
            const dword *wn;
            bool next = dict_match(S, k, KM(K_HOLINEXT), &wn) ||
                        (k2 != k && dict_match(S, k2, KM(K_HOLINEXT), &wn));
            /* a one-syllable name (설) is a holiday only before a holiday
             * word (설 연휴, 설날): alone it is "a theory, a rumour" */
            bool ok = hn > 3 ? (end_ok(S, k) || next) : next;
            if (ok) {
                e->hol = w;
                e->dates = S->D;
                *nrank = R_DAY;
                return k;
            }
        }
    }
    /* words */
    kmask mask = 0;
    if (rank == R_START)
        mask |= KM(K_RELDAY) | KM(K_LASTDAY) | KM(K_RELYEAR) | KM(K_LASTYEAR) |
                KM(K_RELMONTH) | KM(K_RELWEEK) | KM(K_RELQUARTER) |
                KM(K_YEARPART) | KM(K_MONTHPART) | KM(K_AMBWEEK);
    if (rank <= R_YEAR) mask |= KM(K_HALF) | KM(K_RELMONTH);
    if (rank == R_MONTH) mask |= KM(K_DAYNTH) | KM(K_NTH) | KM(K_MONTHPART);
    if (rank <= R_DAY) mask |= KM(K_WEEKDAY);
    if ((rank == R_YEAR || rank == R_MONTH) && !e->d_abs) mask |= KM(K_PART);
    if (rank < R_TOD) mask |= KM(K_TOD);
    if (rank < R_TIME) mask |= KM(K_CLOCK);
    if ((n = dict_match(S, j, mask, &w)) != 0) {
        size_t k = j + n;
        switch (w->kind) {
        case K_RELDAY: e->drel = w->ival; e->d_rel = true; *nrank = R_DAY; return k;
        case K_LASTDAY: e->dlast = w->ival; e->d_last = true; *nrank = R_DAY; return k;
        case K_RELYEAR: e->yrel = w->ival; e->y_rel = true; *nrank = R_YEAR; return k;
        case K_LASTYEAR: e->ylast = w->ival; e->y_last = true; *nrank = R_YEAR; return k;
        case K_RELMONTH:
            if (rank == R_YEAR) return 0;
            e->mrel = w->ival; e->m_rel = true; *nrank = R_MONTH; return k;
        case K_RELWEEK: e->wrel = w->ival; e->w_rel = true; *nrank = R_DAY; return k;
        case K_AMBWEEK: {
            /* 전주: the week before, or the city of Jeonju (전주시, 전주에서,
             * 전북 전주, 전주 KCC). The week only where time is certain:
             * before a comparison (전주 대비, 전주보다, 전주에 비해), before a
             * weekday (전주 금요일), or as a whole paragraph (a table cell,
             * a query) */
            size_t k2 = skip_space(S, k);
            const dword *w2;
            size_t n2 = dict_match(S, k, KM(K_COMPARE), &w2);
            bool week = (n2 && end_ok(S, k + n2)) || standalone(S, j, k);
            if (!week && k2 != k) {
                n2 = dict_match(S, k2, KM(K_COMPARE) | KM(K_WEEKDAY), &w2);
                week = n2 && end_ok(S, k2 + n2);
            }
            if (!week) return 0;
            e->wrel = w->ival; e->w_rel = true; *nrank = R_DAY; return k;
        }
        case K_RELQUARTER: e->qrel = w->ival; e->q_rel = true; *nrank = R_MONTH; return k;
        case K_YEARPART: e->part = w->ival; e->partscope = 3; *nrank = R_PART; return k;
        case K_MONTHPART:
            e->part = w->ival;
            e->partscope = rank == R_MONTH ? 2 : 4;
            *nrank = R_PART;
            return k;
        case K_HALF: e->half = w->ival; *nrank = R_MONTH; return k;
        case K_DAYNTH: e->daynth = w->ival; *nrank = R_DAY; return k;
        case K_NTH: {
            /* 셋째 화요일, 첫째 주, 마지막 주 */
            size_t k2 = skip_space(S, k);
            const dword *w2;
            size_t n2 = dict_match(S, k2, KM(K_WEEKDAY), &w2);
            if (n2) {
                e->nth = w->ival; e->nth_kind = 1; e->wd = w2->ival;
                *nrank = R_WDAY;
                return k2 + n2;
            }
            if (lit(S, k2, "주") && !lit(S, k2, "주일")) {
                e->nth = w->ival; e->nth_kind = 2;
                *nrank = R_DAY;
                return k2 + 3;
            }
            return 0;
        }
        case K_WEEKDAY: e->wd = w->ival; *nrank = R_WDAY; return k;
        case K_PART:
            e->part = w->ival;
            e->partscope = rank == R_MONTH ? 2 : 1;
            *nrank = R_PART;
            return k;
        case K_TOD: {
            e->tod = w->ival;
            e->tod_start = j;
            e->tod_end = k;
            const dword *ws;
            e->todspan = 0;
            /* whether it names a stretch depends on what stands before and
             * after it: parse_expr (see dates_timewords.tsv) */
            if (dict_match(S, j, KM(K_TODSPAN), &ws) == n)
                e->todspan = ws->ival;
            *nrank = R_TOD;
            return k;
        }
        case K_CLOCK:
            e->hh = w->ival / 60; e->mi = w->ival % 60; e->has_time = true;
            *nrank = R_TIME;
            return k;
        default: return 0;
        }
    }

    /* number + unit */
    nu r;
    bool lone_used = false;
    if (!read_nu(S, j, false, &r)) {
        if (!read_nu(S, j, true, &r)) return 0;
        lone_used = true;
        /* a lone Sino digit only names a month or quarter (삼월, 삼분기),
         * or a day right after a month (삼월 삼일) */
        if (!(r.unit == U_MONTH || r.unit == U_QUARTER ||
              (rank == R_MONTH && r.unit == U_DAY)))
            return 0;
    }
    if (r.yeo || r.num.v != (double)r.num.iv || !r.num.integral) return 0;
    long v = r.num.iv;
    switch (r.unit) {
    case U_CENTURY:
        /* 19세기 = the 1800s: a period, written as a date value 18XX */
        if (rank != R_START || lone_used || v < 1 || v > 21) return 0;
        e->century = (int)v;
        *nrank = R_YEAR;
        return r.end;
    case U_YEAR:
    case U_YEARDO:
    case U_DECADE:
        if (rank != R_START || lone_used) return 0;
        if (r.unit == U_DECADE) {
            if (v % 10 != 0) return 0;
            if (v < 100) v = two_digit_year((int)v, &S->doc->ref);
            if (v < 1000 || v > 2990) return 0;
            e->decade = (int)v; e->has_decade = true;
            *nrank = R_YEAR;
            return r.end;
        }
        if (r.unit == U_YEAR && v < 1000 && duration_follows(S, r.end)) return 0;
        if (r.unit == U_YEAR && v >= 1000) {
            /* "2019년 이전" is a year; "1000년간" an amount of time */
            const dword *w2;
            if (dict_match(S, r.end, KM(K_DURPOST), &w2) || lit(S, r.end, "동안") ||
                lit(S, r.end, " 동안"))
                return 0;
        }
        if (v >= 1000 && v <= 2999) {
            e->y = (int)v;
        } else if (r.num.ndigits == 2 || (r.num.hangul && v < 100)) {
            /* "94년 8월", "79년도", "74년" — see the header note */
            size_t k2 = skip_space(S, r.end);
            nu mm;
            bool month_next = read_nu(S, k2, true, &mm) && mm.unit == U_MONTH;
            /* alone, as a table header or a query (12년, 13년), it is a
             * year too */
            if (!(r.unit == U_YEARDO || month_next || v >= 50 || standalone(S, j, r.end)))
                return 0;
            e->y = two_digit_year((int)v, &S->doc->ref);
            e->y_twodigit = true;
        } else {
            return 0;
        }
        e->y_abs = true;
        *nrank = R_YEAR;
        return r.end;
    case U_MONTH:
        if (rank > R_YEAR || v < 1 || v > 12) return 0;
        e->m = (int)v; e->m_abs = true;
        *nrank = R_MONTH;
        return r.end;
    case U_QUARTER:
        if (rank > R_YEAR || v < 1 || v > 4) return 0;
        e->q = (int)v; e->q_abs = true;
        *nrank = R_MONTH;
        return r.end;
    case U_DAY:
        if (rank > R_MONTH || v < 1 || v > 31) return 0;
        if (lone_used && rank != R_MONTH) return 0;
        if (r.num.hangul && rank < R_MONTH && !e->has_pre) return 0;
        if (duration_follows(S, r.end)) return 0;
        if (v == 1 && rank == R_START && rate_follows(S, r.end)) return 0;
        e->d = (int)v; e->d_abs = true;
        *nrank = R_DAY;
        return r.end;
    case U_HOUR:
        if (rank >= R_TIME) return 0;
        if (lone_used) return 0;
        {
            size_t k = lex_hour(S, j, e);
            if (!k) return 0;
            *nrank = R_TIME;
            return k;
        }
    default:
        return 0;
    }
}

/* "N일 전", "3주 후", "2년 전", "6개월 뒤": the reference day shifted. */
static size_t lex_ago(const scan *S, size_t j, expr *e)
{
    nu r;
    if (!read_nu(S, j, false, &r) || r.yeo || !r.num.integral) return 0;
    if (r.num.iv < 1 || r.num.iv >= 1000) return 0;
    int u = r.unit;
    if (u != U_DAY && u != U_WEEKS && u != U_WEEKDAYS && u != U_MONTHS &&
        u != U_YEAR && u != U_YEARS)
        return 0;
    size_t k = skip_space(S, r.end);
    const dword *w;
    size_t n = dict_match(S, k, KM(K_AGO), &w);
    if (!n) return 0;
    e->ago = true;
    e->ago_n = (int)r.num.iv;
    e->ago_unit = u;
    e->ago_dir = w->ival;
    return k + n;
}

/* The 12-hour clock after a time-of-day word (dates_timewords.tsv). */
static void apply_tod(expr *e, int tod)
{
    int h = e->hh;
    if (h > 12) return; /* already 24-hour: 오후 14시 */
    switch (tod) {
    case TOD_AM: if (h == 12) h = 0; break;
    case TOD_PM: if (h < 12) h += 12; break;
    case TOD_NIGHT: if (h == 12) h = 0; else if (h >= 6) h += 12; break;
    case TOD_DAY: if (h < 7) h += 12; break;
    default: break;
    }
    e->hh = h;
}

/* open_mark()'s kinds of interval end (dates_relative.tsv openmark) */
enum { OM_UNTIL_PART = -2, OM_UNTIL = -1, OM_FROM = 1, OM_FROM_PART = 2 };
static int open_mark(const scan *S, size_t j, size_t *end);

/* After a period word with no day (오후에, 오전 중, 새벽부터, 점심이후): a
 * word that places it in time — todmark (dates_timewords.tsv) or one that
 * opens an interval (open_mark). Returns that word's end, 0 if none. */
static size_t tod_marker(const scan *S, size_t j)
{
    const dword *w;
    size_t n = dict_match(S, j, KM(K_TODMARK), &w);
    if (n && end_ok(S, j + n)) return j + n;
    size_t k = skip_space(S, j);
    if (k != j && (n = dict_match(S, k, KM(K_TODMARK), &w)) != 0 && w->ival == 1 &&
        end_ok(S, k + n))
        return k + n;
    size_t oe;
    if (open_mark(S, j, &oe)) return oe;
    return 0;
}

/* Parse an expression at i. Returns its end or 0; e is filled. */
static size_t parse_expr(const scan *S, size_t i, expr *out)
{
    expr e;
    memset(&e, 0, sizeof e);
    e.start = i;
    size_t j = i;
    const dword *w;
    size_t best = 0;
    expr snap;
    int rank = R_START;

    size_t n = lex_ago(S, j, &e);
    if (n) {
        e.dend = n;
        e.has_date = true;
        if (!end_ok(S, n)) return 0;
        *out = e;
        return n;
    }
    /* a prefix (지난/오는/이번/다음/올) counts only with what follows */
    n = dict_match(S, j, KM(K_PREFIX) | KM(K_RELDAY) | KM(K_LASTDAY) |
                             KM(K_RELYEAR) | KM(K_RELMONTH) | KM(K_RELWEEK) |
                             KM(K_RELQUARTER) | KM(K_LASTYEAR),
                   &w);
    if (n && w->kind == K_PREFIX && j + n < S->len && S->s[j + n] == ' ') {
        e.has_pre = true;
        e.pre = w->ival;
        j += n + 1;
    } else if (n && w->kind == K_PREFIX && w->ival == 0) {
        /* "이번아침": this + a period of the day, written as one word */
        const dword *w2;
        size_t n2 = dict_match(S, j + n, KM(K_TODSPAN), &w2);
        if (n2 && end_ok(S, j + n + n2)) {
            e.has_pre = true;
            e.pre = 0;
            j += n;
        }
    }
    size_t date_end = 0, time_start = 0;
    size_t comps = 0;
    for (;;) {
        size_t k = 0;
        int nr = rank;
        size_t cands[3];
        size_t nc = 0;
        if (comps == 0) cands[nc++] = j;
        else {
            cands[nc++] = j;
            if (j < S->len && S->s[j] == ' ') cands[nc++] = j + 1;
            if (j + 1 < S->len && S->s[j] == ',' && S->s[j + 1] == ' ' &&
                rank == R_DAY)
                cands[nc++] = j + 2;
        }
        size_t at = 0;
        expr trial;
        for (size_t c = 0; c < nc && !k; c++) {
            trial = e;
            k = lex_comp(S, cands[c], rank, &trial, &nr);
            if (k && nr <= rank && !(rank == R_START && comps == 0)) k = 0;
            /* ", " after a day leads only to a weekday or a time of that
             * day ("15일, 토요일", "1946년 10월1일, 아침 일찍") */
            if (k && cands[c] == j + 2 && S->s[j] == ',' && nr != R_WDAY && nr != R_TOD &&
                nr != R_TIME)
                k = 0;
            if (k) at = cands[c];
        }
        if (!k) {
            /* "다음날인 16일": the relative word names the day the explicit
             * date gives; the explicit one wins (resolve() copies it). */
            if (comps == 1 && rank == R_DAY && (e.d_rel || e.d_last) &&
                lit(S, j, "인 ") && !e.has_pre) {
                expr ex;
                size_t m = parse_expr(S, j + 4, &ex);
                if (m && ex.has_date && !ex.d_rel && !ex.d_last &&
                    (ex.d_abs || ex.m_abs)) {
                    ex.link_start = e.start;
                    ex.link_end = j;
                    ex.link_kind = e.d_rel ? K_RELDAY : K_LASTDAY;
                    ex.link_val = e.d_rel ? e.drel : e.dlast;
                    *out = ex;
                    return m;
                }
            }
            break;
        }
        if (nr == R_TOD || (nr == R_TIME && rank < R_TOD)) {
            if (!time_start) time_start = at;
        }
        e = trial;
        comps++;
        rank = nr;
        j = k;
        if (rank < R_TOD) date_end = j;
        if (end_ok(S, j) || (S->s[j] == ',' ) ||
            (rank == R_DAY && e.hol && dict_match(S, j, KM(K_HOLINEXT), &w))) {
            /* approximate date: 15일께, 3월 초께 */
            size_t a = 0;
            if (rank < R_TOD && rank != R_START) {
                size_t an = dict_match(S, j, KM(K_APPROXPOST), &w);
                if (an && w->ival == 1 && end_ok(S, j + an)) a = an;
            }
            snap = e;
            if (a) {
                snap.approx = true;
                date_end = j + a;
            }
            snap.dend = rank < R_TOD ? date_end : date_end;
            snap.tstart = time_start;
            snap.tend = snap.has_time ? j : 0;
            best = a ? j + a : j;
            if (a) break;
        }
    }
    if (!best) return 0;
    e = snap;
    bool dated = e.y_abs || e.y_rel || e.y_last || e.has_decade || e.m_abs || e.m_rel ||
                 e.d_abs || e.d_rel || e.d_last || e.w_rel || e.wd || e.q_abs || e.q_rel ||
                 e.half || e.part || e.daynth || e.nth || e.century || e.hol;
    e.has_date = e.dend > e.start && dated;
    if (!e.has_time && e.todspan && e.tod_end == best) {
        /* a period word with no clock names a stretch of a day: after a day
         * word counted from today (오늘 저녁: one mention over both), after
         * a dated day (16일 오후, 이날 밤), after 이번 (이번 아침), or alone
         * before a word that places it in time (오후에, 오전 중, 점심이후):
         * then the day in focus. Alone before anything else (오전 경기도에,
         * 아침 식사, 아침을 먹고) it only qualifies what follows. */
        if (e.d_rel && !e.d_abs) e.tod_day = TD_TODAY;
        else if (e.has_date && (e.d_abs || e.d_last || e.wd || e.hol || e.daynth ||
                                e.nth_kind == 1))
            e.tod_day = TD_DATED;
        else if (!dated && e.has_pre && e.pre == 0) e.tod_day = TD_THIS;
        else if (!dated && !e.has_pre && (e.tod_mark = tod_marker(S, best)) != 0)
            e.tod_day = TD_BARE;
        /* alone it is often habitual or generic (밤에 잠이 오지 않는, 오전에
         *와야 살 수 있다, 저녁에 붐비는): a mention only when the sentence
         * has named its day before it (the caller checks) or when it is the
         * whole paragraph (오후에, a query) */
    }
    if (!e.has_date) e.dend = 0;
    if (!e.has_time) e.tend = 0;
    if (e.has_time && !e.tstart) e.tstart = e.start;
    if (e.tod_day) { e.tstart = e.tod_start; e.tend = e.tod_end; }
    if (!e.has_date && !e.has_time && !e.tod_day) return 0;
    /* a prefix alone before a time only ("지난 3시") is not ours */
    if (e.has_pre && !e.has_date && e.tod_day != TD_THIS) return 0;
    if (e.has_time && e.tod) apply_tod(&e, e.tod);
    *out = e;
    return best;
}

/* ------------------------------------------------------------------ */
/* Resolution                                                         */
/* ------------------------------------------------------------------ */

enum { G_NONE, G_DAY, G_MONTH, G_YEAR, G_QUARTER, G_HALF, G_WEEK, G_DECADE,
       G_CENTURY };

typedef struct dres {
    int grain;
    int y, m, d; /* 0 = unknown (X) */
    int q, h, w;
    int decade;
    bool relative, mismatch;
} dres;

static void fmt_part(char *b, size_t n, int v, int width)
{
    if (v) snprintf(b, n, "%0*d", width, v);
    else snprintf(b, n, "%.*s", width, "XXXX");
}

static void format_date(const dres *r, char *out, size_t n)
{
    char y[8], m[4], d[4];
    fmt_part(y, sizeof y, r->y, 4);
    fmt_part(m, sizeof m, r->m, 2);
    fmt_part(d, sizeof d, r->d, 2);
    switch (r->grain) {
    case G_DAY: snprintf(out, n, "%s-%s-%s", y, m, d); break;
    case G_MONTH: snprintf(out, n, "%s-%s", y, m); break;
    case G_YEAR: snprintf(out, n, "%s", y); break;
    case G_QUARTER: snprintf(out, n, "%s-Q%d", y, r->q); break;
    case G_HALF: snprintf(out, n, "%s-H%d", y, r->h); break;
    case G_WEEK:
        if (r->w) snprintf(out, n, "%s-W%02d", y, r->w);
        else snprintf(out, n, "%s-WXX", y);
        break;
    case G_DECADE: snprintf(out, n, "%03dX", r->decade / 10); break;
    case G_CENTURY: snprintf(out, n, "%02dXX", r->decade - 1); break;
    default: out[0] = '\0';
    }
}

/* Day D resolved in the reference month or earlier/later ones. dir -1:
 * latest D ≤ ref (strict: < ref), +1: next D > ref, 0: ref's month. */
static kc_ymd day_near(kc_ymd ref, int D, int dir, bool strict)
{
    int y = ref.y, m = ref.m;
    if (dir < 0) {
        if (D > ref.d || (strict && D == ref.d)) add_months(&y, &m, -1);
        for (int k = 0; k < 3 && D > mdays(y, m); k++) add_months(&y, &m, -1);
    } else if (dir > 0) {
        if (D <= ref.d) add_months(&y, &m, 1);
        for (int k = 0; k < 3 && D > mdays(y, m); k++) add_months(&y, &m, 1);
    }
    return (kc_ymd){y, m, D};
}

/* The date of holiday word w in year y; m/d stay 0 when a lunar holiday's
 * year is not in the table (the value is then YYYY-XX-XX). */
static kc_ymd holiday_in(const struct kc_dates *D, const dword *w, int y)
{
    if (w->kind == K_HOLIDAY) return (kc_ymd){y, w->ival / 100, w->ival % 100};
    size_t kn = 0;
    while (kn < w->sn && w->sval[kn] != '+') kn++;
    for (size_t k = 0; k < D->nwords; k++) {
        const dword *x = &D->words[k];
        if (x->kind != K_LUNARDATE || x->n != kn || memcmp(x->w, w->sval, kn) != 0 ||
            x->ival / 10000 != y)
            continue;
        kc_ymd t = {y, x->ival / 100 % 100, x->ival % 100};
        return w->ival ? add_days(t, w->ival) : t;
    }
    return (kc_ymd){y, 0, 0};
}

/* A holiday: in year Y when the text gives one; else after 지난 the
 * latest on or before the reference day, after 오는/다음 the next on or
 * after it, and bare the occurrence nearest to it (news speaks of the
 * coming 추석 and of the one just past alike). */
static void resolve_holiday(const expr *e, const kc_datectx *ctx, int Y,
                            dres *r)
{
    const struct kc_dates *D = e->dates;
    kc_ymd ref = ctx->ref;
    r->grain = G_DAY;
    if (Y || !ref.y) {
        kc_ymd t = Y ? holiday_in(D, e->hol, Y) : (kc_ymd){0, 0, 0};
        if (!Y && e->hol->kind == K_HOLIDAY) {
            t.m = e->hol->ival / 100;
            t.d = e->hol->ival % 100;
        }
        r->y = t.y; r->m = t.m; r->d = t.d;
        return;
    }
    long rz = dnum(ref.y, ref.m, ref.d), bestd = 0;
    bool have = false;
    for (int y = ref.y - 1; y <= ref.y + 1; y++) {
        kc_ymd t = holiday_in(D, e->hol, y);
        if (!t.m) continue;
        long dz = dnum(t.y, t.m, t.d) - rz;
        if (e->has_pre && e->pre < 0 && dz > 0) continue;
        if (e->has_pre && e->pre > 0 && dz < 0) continue;
        long ad = dz < 0 ? -dz : dz;
        if (!have || ad < bestd) {
            have = true; bestd = ad;
            r->y = t.y; r->m = t.m; r->d = t.d;
        }
    }
    if (!have) r->y = ref.y; /* a lunar year outside the table */
}

static void resolve(const expr *e, const kc_datectx *ctx, dres *r)
{
    memset(r, 0, sizeof *r);
    kc_ymd ref = ctx->ref;
    bool R = ref.y != 0;
    bool month_inferred = false, year_inferred = false;
    r->relative = e->has_pre;

    if (e->ago) {
        r->relative = true;
        int k = e->ago_n * e->ago_dir;
        if (e->ago_unit == U_DAY || e->ago_unit == U_WEEKS || e->ago_unit == U_WEEKDAYS) {
            r->grain = G_DAY;
            if (R) {
                kc_ymd t = add_days(ref, e->ago_unit == U_DAY ? k : 7L * k);
                r->y = t.y; r->m = t.m; r->d = t.d;
            }
        } else if (e->ago_unit == U_MONTHS) {
            r->grain = G_MONTH;
            if (R) { r->y = ref.y; r->m = ref.m; add_months(&r->y, &r->m, k); }
        } else {
            r->grain = G_YEAR;
            if (R) r->y = ref.y + k;
        }
        return;
    }
    /* relative days */
    if (e->d_rel || e->d_last) {
        r->relative = true;
        r->grain = G_DAY;
        kc_ymd base = ref;
        int k = e->d_rel ? e->drel : e->dlast;
        if (e->d_last && ctx->last_set && ctx->last.d) base = ctx->last;
        if (full(base)) {
            kc_ymd t = add_days(base, k);
            r->y = t.y; r->m = t.m; r->d = t.d;
        } else if (base.d && base.d + k >= 1 && base.d + k <= 28) {
            r->d = base.d + k;
            r->m = base.m; r->y = base.y;
            if (k && base.m == 0) r->m = 0;
        }
        goto weekday;
    }
    /* year */
    int Y = 0;
    bool yknown = false;
    if (e->y_abs) { Y = e->y; yknown = true; }
    else if (e->y_rel) { r->relative = true; Y = R ? ref.y + e->yrel : 0; yknown = true; }
    else if (e->y_last) {
        r->relative = true;
        int base = ctx->last_set && ctx->last.y ? ctx->last.y : ref.y;
        Y = base ? base + e->ylast : 0;
        yknown = true;
    }
    if (e->has_decade) {
        r->grain = G_DECADE;
        r->decade = e->decade;
        return;
    }
    if (e->century) {
        r->grain = G_CENTURY;
        r->decade = e->century;
        return;
    }
    if (e->hol) {
        resolve_holiday(e, ctx, yknown ? Y : 0, r);
        return;
    }
    if (e->w_rel && !e->wd) {
        r->relative = true;
        r->grain = G_WEEK;
        if (R) {
            long z = dnum(ref.y, ref.m, ref.d) + 7L * e->wrel;
            iso_week(z, &r->y, &r->w);
        }
        return;
    }
    if (e->q_rel) {
        r->relative = true;
        r->grain = G_QUARTER;
        if (R) {
            int t = ref.y * 4 + (ref.m - 1) / 3 + e->qrel;
            r->y = t / 4;
            r->q = t % 4 + 1;
        } else {
            r->q = 0;
        }
        return;
    }
    if (e->q_abs) {
        r->grain = G_QUARTER;
        r->q = e->q;
        r->y = yknown ? Y : ref.y;
        if (e->has_pre && R && !yknown) {
            int rq = (ref.m - 1) / 3 + 1;
            if (e->pre < 0 && e->q >= rq) r->y = ref.y - 1;
            if (e->pre > 0 && e->q <= rq) r->y = ref.y + 1;
        }
        return;
    }
    if (e->half) {
        r->grain = G_HALF;
        r->h = e->half;
        r->y = yknown ? Y : ref.y;
        if (e->has_pre && R && !yknown) {
            int rh = ref.m <= 6 ? 1 : 2;
            if (e->pre < 0 && e->half >= rh) r->y = ref.y - 1;
            if (e->pre > 0 && e->half <= rh) r->y = ref.y + 1;
        }
        return;
    }
    if (e->partscope == 3) { /* 연말 */
        r->relative = true;
        r->grain = G_YEAR;
        r->y = yknown ? Y : ref.y;
        return;
    }
    if (e->partscope == 4) { /* 월말 */
        r->relative = true;
        r->grain = G_MONTH;
        r->y = ref.y; r->m = ref.m;
        return;
    }
    /* month */
    int M = 0;
    bool mknown = false;
    if (e->m_rel) {
        r->relative = true;
        if (R) { Y = ref.y; M = ref.m; add_months(&Y, &M, e->mrel); }
        mknown = true;
        yknown = true;
    } else if (e->m_abs) {
        M = e->m;
        mknown = true;
        if (!yknown) {
            year_inferred = true;
            Y = ref.y;
            if (R && e->has_pre) {
                int D = e->d_abs ? e->d : 0;
                bool before = M < ref.m || (M == ref.m && (D ? D <= ref.d : true));
                bool after = M > ref.m || (M == ref.m && (D ? D >= ref.d : true));
                if (e->pre < 0 && !before) Y = ref.y - 1;
                if (e->pre > 0 && !after) Y = ref.y + 1;
            }
            yknown = true;
        }
    }
    if (!mknown && !e->d_abs && !e->wd && !e->nth && !e->daynth) {
        if (yknown) { r->grain = G_YEAR; r->y = Y; }
        return;
    }
    if (mknown && e->nth_kind == 2) {
        /* nth full week of the month (Monday and Sunday inside it) */
        r->grain = G_WEEK;
        if (!Y || !M) return;
        long first = dnum(Y, M, 1), last = dnum(Y, M, mdays(Y, M));
        long mon1 = first + (8 - wday(first)) % 7;
        long z = 0;
        if (e->nth > 0) z = mon1 + 7L * (e->nth - 1);
        else { long sun = last - (wday(last) % 7); z = sun - 6; }
        if (z + 6 > last || z < first) { r->w = 0; r->y = Y; return; }
        iso_week(z, &r->y, &r->w);
        return;
    }
    if (mknown && e->nth_kind == 1 && e->wd) {
        r->grain = G_DAY;
        r->y = Y; r->m = M;
        if (!Y || !M) return;
        long first = dnum(Y, M, 1), last = dnum(Y, M, mdays(Y, M));
        long z;
        if (e->nth > 0) z = first + (e->wd - wday(first) + 7) % 7 + 7L * (e->nth - 1);
        else z = last - (wday(last) - e->wd + 7) % 7;
        if (z > last) { r->d = 0; return; }
        kc_ymd t = dciv(z);
        r->d = t.d;
        return;
    }
    if (mknown && e->daynth) {
        r->grain = G_DAY;
        r->y = Y; r->m = M;
        if (e->daynth > 0) r->d = 1;
        else if (Y && M) r->d = mdays(Y, M);
        return;
    }
    if (mknown && !e->d_abs) {
        r->grain = G_MONTH;
        r->y = Y; r->m = M;
        if (!e->wd) return;
    }
    if (e->d_abs) {
        r->grain = G_DAY;
        r->d = e->d;
        if (mknown) {
            r->y = Y; r->m = M;
        } else if (full(e->anchor)) {
            /* "글피인 24일": the day nearest the date the word names */
            long best = 0, az = dnum(e->anchor.y, e->anchor.m, e->anchor.d);
            for (int k = -1; k <= 1; k++) {
                int y = e->anchor.y, m = e->anchor.m;
                add_months(&y, &m, k);
                if (e->d > mdays(y, m)) continue;
                long dz = dnum(y, m, e->d) - az;
                if (dz < 0) dz = -dz;
                if (!r->m || dz < best) { r->y = y; r->m = m; best = dz; }
            }
        } else if (R) {
            int dir = -1;
            bool strict = false;
            if (e->has_pre) {
                dir = e->pre;
                strict = e->pre < 0;
            }
            kc_ymd t = dir == 0 ? (kc_ymd){ref.y, ref.m, e->d}
                                : day_near(ref, e->d, dir, strict);
            r->y = t.y; r->m = t.m;
            month_inferred = true;
        }
        if (r->y && r->m && r->d > mdays(r->y, r->m)) { r->m = 0; r->y = 0; }
    } else if (e->wd && !mknown) {
        /* a weekday alone */
        r->grain = G_DAY;
        if (!R) return;
        long z = dnum(ref.y, ref.m, ref.d);
        int rw = wday(z);
        long t;
        if (e->w_rel) t = z - (rw - 1) + 7L * e->wrel + (e->wd - 1);
        else if (e->has_pre && e->pre < 0) t = z - ((rw - e->wd + 6) % 7 + 1);
        else if (e->has_pre && e->pre > 0) t = z + ((e->wd - rw + 6) % 7 + 1);
        else if (e->has_pre) t = z - (rw - 1) + (e->wd - 1);
        else t = z - (rw - e->wd + 7) % 7;
        if (e->w_rel) r->relative = true;
        kc_ymd d = dciv(t);
        r->y = d.y; r->m = d.m; r->d = d.d;
        return;
    }
weekday:
    if (e->wd && r->grain == G_DAY && r->y && r->m && r->d) {
        if (wday(dnum(r->y, r->m, r->d)) != e->wd) {
            bool fixed = false;
            if (month_inferred) {
                for (int k = 0; k < 2 && !fixed; k++) {
                    int y = r->y, m = r->m;
                    add_months(&y, &m, k == 0 ? -1 : 1);
                    if (r->d <= mdays(y, m) && wday(dnum(y, m, r->d)) == e->wd) {
                        r->y = y; r->m = m; fixed = true;
                    }
                }
            } else if (year_inferred) {
                for (int k = 0; k < 2 && !fixed; k++) {
                    int y = r->y + (k == 0 ? -1 : 1);
                    if (r->d <= mdays(y, r->m) && wday(dnum(y, r->m, r->d)) == e->wd) {
                        r->y = y; fixed = true;
                    }
                }
            }
            if (!fixed) r->mismatch = true;
        }
    }
}

/* "이번 여름", "올겨울", "지난봄", "내년 가을": a season of the year next to
 * the reference date (dates_relative.tsv, kind season: first and last day),
 * as an inclusive interval of days ("2013-06-21/2013-09-23"); a winter runs
 * into the next year. 이번/올 is the season the reference date is in, else
 * the next one; 지난 the last one that ended before it, 다음/오는 the first
 * that starts after it; a year word (내년, 지난해) the one starting in that
 * year. With no reference date the year stays X. Returns the end or 0. */
static size_t parse_season(const scan *S, size_t i, const kc_datectx *ctx,
                           char *v, size_t vn)
{
    const dword *w, *sw = NULL;
    bool year_word = false;
    size_t j = 0, m = 0;
    int off = 0;
    /* 지난 겨울 (a prefix), else 지난해 겨울 (a year word) */
    for (int pass = 0; pass < 2 && !m; pass++) {
        size_t n = dict_match(S, i, KM(pass ? K_RELYEAR : K_PREFIX), &w);
        if (!n) continue;
        off = w->ival;
        year_word = pass == 1;
        j = skip_space(S, i + n);
        m = dict_match(S, j, KM(K_SEASON), &sw);
        if (m && !end_ok(S, j + m)) m = 0;
    }
    if (!m) return 0;
    int ma = sw->ival / 1000000, da = sw->ival / 10000 % 100;
    int mb = sw->ival / 100 % 100, db = sw->ival % 100;
    bool wraps = mb < ma;
    if (!full(ctx->ref)) {
        snprintf(v, vn, "XXXX-%02d-%02d/XXXX-%02d-%02d", ma, da, mb, db);
        return j + m;
    }
    long z = dnum(ctx->ref.y, ctx->ref.m, ctx->ref.d);
    int y = 0;
    if (year_word) {
        y = ctx->ref.y + off;
    } else {
        /* the occurrences starting in the years around the reference */
        int best = 0;
        for (int yy = ctx->ref.y - 2; yy <= ctx->ref.y + 2; yy++) {
            long s0 = dnum(yy, ma, da);
            long e0 = dnum(wraps ? yy + 1 : yy, mb, db);
            bool ok;
            if (off < 0) ok = e0 < z && (!best || yy > best);
            else if (off > 0) ok = s0 > z && (!best || yy < best);
            else ok = (s0 <= z && z <= e0) || (s0 > z && (!best || yy < best));
            if (off == 0 && s0 <= z && z <= e0) { best = yy; break; }
            if (ok) best = yy;
        }
        y = best;
    }
    if (y < 1 || y > 9998) return 0;
    snprintf(v, vn, "%04d-%02d-%02d/%04d-%02d-%02d", y, ma, da, wraps ? y + 1 : y, mb, db);
    return j + m;
}

/* ------------------------------------------------------------------ */
/* Durations                                                          */
/* ------------------------------------------------------------------ */

typedef struct dur {
    double v[7]; /* Y M W D H MIN S */
    const char *lit; /* a count word's own value ("P4D") */
    size_t litn;
    bool approx;
    kc_bound bound;
    size_t core_end; /* end of the amount before 간/만/여/넘게…: only a
                      * bare amount can be a rate's denominator */
    int unit;        /* unit of the first count (U_*), 0 for a count word */
    int dir;         /* opened by 지난/최근 (-1) or 다음/향후 (+1), else 0 */
    long count;      /* the first count when whole, else 0 */
    bool single;     /* one count and unit, nothing after it (지난 2주) */
} dur;

enum { DY, DMO, DW, DD, DH, DMI, DS };

static int dur_slot(int unit)
{
    switch (unit) {
    case U_YEAR: case U_YEARS: return DY;
    case U_MONTHS: return DMO;
    case U_WEEKS: return DW;
    case U_WEEKDAYS: return DW;
    case U_DAY: return DD;
    case U_HOURS: return DH;
    case U_MINUTE: return DMI;
    case U_SECOND: return DS;
    default: return -1;
    }
}

static void dur_add(dur *d, int slot, double v)
{
    /* a fraction moves to the next smaller unit when that makes it whole:
     * 1.1시간 → 66분, 2.5일 → 60시간 */
    static const double factor[7] = {12, 0, 7, 24, 60, 60, 0};
    static const int next[7] = {DMO, -1, DD, DH, DMI, DS, -1};
    while ((v <= -9e18 || v >= 9e18 || v != (double)(long long)v) && next[slot] >= 0) {
        double w = v * factor[slot];
        if (w > 1e12) break;
        v = w;
        slot = next[slot];
        if (v - (double)(long long)v < 1e-9 || (double)(long long)(v + 1e-9) - v < 1e-9)
            v = (double)(long long)(v + 0.5);
    }
    d->v[slot] += v;
}

static void format_dur(const dur *d, char *out, size_t n)
{
    if (d->lit) {
        snprintf(out, n, "%.*s", (int)d->litn, d->lit);
        return;
    }
    static const char L[7] = {'Y', 'M', 'W', 'D', 'H', 'M', 'S'};
    size_t k = 0;
    out[k++] = 'P';
    bool t = false;
    for (int i = 0; i < 7 && k + 24 < n; i++) {
        if (d->v[i] == 0) continue;
        if (i >= DH && !t) { out[k++] = 'T'; t = true; }
        char num[40];
        kc__fmt_double(d->v[i], num, sizeof num);
        k += (size_t)snprintf(out + k, n - k, "%s%c", num, L[i]);
    }
    if (k == 1) { out[k++] = 'T'; out[k++] = '0'; out[k++] = 'S'; }
    out[k] = '\0';
}

/* "지난 2주", "다음 3달", "향후 3년": an amount of calendar units right
 * before or after the reference date's own unit, written as the inclusive
 * interval of those units (2013-W05/2013-W06 for 지난 2주 on 2013-02-12,
 * as Duckling reads it). Only for a bare count (no 간, 동안, 여, 반 …: "지난
 * 1년간" is the last twelve months, not a calendar year). Returns false
 * when there is none. */
static bool dur_interval(const dur *d, const kc_datectx *ctx, char *out, size_t n)
{
    if (!d->dir || !d->single || d->count <= 0 || d->count > 100 || d->approx ||
        d->bound || d->lit || !full(ctx->ref))
        return false;
    long c = d->count;
    kc_ymd r = ctx->ref;
    char a[16], b[16];
    switch (d->unit) {
    case U_WEEKS: case U_WEEKDAYS: {
        long z = dnum(r.y, r.m, r.d), mon = z - (wday(z) - 1);
        long za = d->dir < 0 ? mon - 7 * c : mon + 7;
        long zb = d->dir < 0 ? mon - 7 : mon + 7 * c;
        int wy, wk;
        iso_week(za, &wy, &wk);
        snprintf(a, sizeof a, "%04d-W%02d", wy, wk);
        iso_week(zb, &wy, &wk);
        snprintf(b, sizeof b, "%04d-W%02d", wy, wk);
        break;
    }
    case U_MONTHS: {
        int ya = r.y, ma = r.m, yb = r.y, mb = r.m;
        add_months(&ya, &ma, d->dir < 0 ? (int)-c : 1);
        add_months(&yb, &mb, d->dir < 0 ? -1 : (int)c);
        snprintf(a, sizeof a, "%04d-%02d", ya, ma);
        snprintf(b, sizeof b, "%04d-%02d", yb, mb);
        break;
    }
    case U_YEAR: case U_YEARS: {
        long ya = d->dir < 0 ? r.y - c : r.y + 1, yb = d->dir < 0 ? r.y - 1 : r.y + c;
        if (ya < 1) return false;
        snprintf(a, sizeof a, "%04ld", ya);
        snprintf(b, sizeof b, "%04ld", yb);
        break;
    }
    default:
        return false;
    }
    if (c == 1) snprintf(out, n, "%s", a);
    else snprintf(out, n, "%s/%s", a, b);
    return true;
}

/* Qualifiers after a duration: 여, 간, 째, 만, 가량, 넘게 … Returns the end;
 * *marked when any was found. */
static size_t dur_tail(const scan *S, size_t j, dur *d, bool *marked)
{
    const dword *w;
    for (int round = 0; round < 5; round++) {
        size_t n;
        if (lit(S, j, "여") && !d->approx && !end_ok(S, j) &&
            (n = 3, true) && (end_ok(S, j + n) ||
                              dict_match(S, j + n, KM(K_DURPOST), &w))) {
            d->approx = true;
            *marked = true;
            j += n;
            continue;
        }
        if ((n = dict_match(S, j, KM(K_DURPOST), &w)) != 0) {
            *marked = true;
            j += n;
            if (lit(S, j - n, "만")) break; /* 나흘만인, 12년 만에 */
            continue;
        }
        size_t k = skip_space(S, j);
        /* 간 written apart: "사흘 간", "2주 간의" */
        if (k != j && lit(S, k, "간") && end_ok(S, k + 3) && !lit(S, k + 3, "이")) {
            *marked = true;
            j = k + 3;
            continue;
        }
        if (k != j && lit(S, k, "만") && (k + 3 >= S->len || !hangul_at(S, k + 3) ||
                                          lit(S, k + 3, "에") || lit(S, k + 3, "인") ||
                                          lit(S, k + 3, "이"))) {
            /* "12년 만에" */
            *marked = true;
            j = k + 3;
            break;
        }
        if ((n = dict_match(S, k, KM(K_APPROXPOST), &w)) != 0 &&
            end_ok(S, k + n)) {
            d->approx = true;
            *marked = true;
            j = k + n;
            continue;
        }
        if ((n = dict_match(S, k, KM(K_BOUND), &w)) != 0 && end_ok(S, k + n)) {
            d->bound = (kc_bound)w->ival;
            *marked = true;
            j = k + n;
            continue;
        }
        break;
    }
    /* "3주밖에 안 된", "20분뿐": only so much time */
    if (lit(S, j, "밖에") || lit(S, j, "뿐")) *marked = true;
    {
        /* "전치 4주 부상", "2주 체험": a noun that the amount measures */
        const dword *wn;
        size_t k = skip_space(S, j), n;
        if (k != j && (n = dict_match(S, k, KM(K_DURNOUN), &wn)) != 0 &&
            end_ok(S, k + n))
            *marked = true;
    }
    if (lit(S, j, "동안") || lit(S, j, " 동안") || lit(S, j, "내에") ||
        lit(S, j, " 내에") || lit(S, j, "안에") || lit(S, j, " 안에"))
        *marked = true;
    return j;
}

static size_t parse_duration(const scan *S, size_t i, dur *d)
{
    memset(d, 0, sizeof *d);
    size_t j = i;
    const dword *w;
    bool marked = false, opener = false;
    size_t n = dict_match(S, j, KM(K_DURPREFIX), &w);
    if (n && j + n < S->len && S->s[j + n] == ' ') {
        opener = true;
        d->dir = w->ival < 0 ? -1 : w->ival > 0 ? 1 : 0;
        j += n + 1;
    }
    n = dict_match(S, j, KM(K_APPROXPRE), &w);
    if (n) {
        size_t k = skip_space(S, j + n);
        if (k != j + n) { d->approx = true; j = k; }
    }
    size_t core_start = j;
    n = dict_match(S, j, KM(K_COUNT), &w);
    nu r;
    /* 지난 이주, 다음 삼년: after an opener a lone Sino digit counts too,
     * unless a count word starts there (지난 일주일 is 일주일, P7D) */
    bool have_nu = read_nu(S, j, opener && !n, &r);
    if (n && !have_nu && rate_follows(S, j + n)) return 0; /* 하루 2회 */
    if (have_nu && r.unit == U_NIGHTS && !(n && n > r.end - j)) {
        /* "2박 3일": a stay, as long as its day count */
        nu r2;
        size_t k = skip_space(S, r.end);
        if (r.yeo || !r.num.integral || !read_nu(S, k, false, &r2) ||
            r2.unit != U_DAY || r2.yeo || !r2.num.integral ||
            (r2.num.iv != r.num.iv && r2.num.iv != r.num.iv + 1))
            return 0;
        dur_add(d, DD, r2.num.v);
        bool mk = false;
        j = dur_tail(S, r2.end, d, &mk);
        return end_ok(S, j) ? j : 0;
    }
    if (n && (!have_nu || n > r.end - j)) {
        d->lit = w->sval;
        d->litn = w->sn;
        j += n;
        marked = true;
    } else {
        if (!have_nu) return 0;
        int slot = dur_slot(r.unit);
        if (slot < 0) return 0;
        d->unit = r.unit;
        /* 여 between the number and its unit ("50여년") is never a date */
        if (r.yeo) {
            /* ... unless 전/후 follows: "60여 년 전" places a date */
            const dword *wa;
            size_t ka = skip_space(S, r.end);
            d->approx = true;
            marked = !dict_match(S, ka, KM(K_AGO), &wa);
        }
        long v = r.num.iv;
        /* a count in 일/년/주 is a day, year or shares otherwise */
        bool needs_mark = r.unit == U_DAY || r.unit == U_YEAR || r.unit == U_WEEKS;
        if (r.unit == U_DAY && !r.num.hangul && r.num.integral && v > 31) needs_mark = false;
        /* a fraction of a day or year is never a date (2.5일) */
        if (!r.num.integral) needs_mark = false;
        /* "징역 12년": a bare small count of years is an amount of time;
         * "74년" and "2019년" are years (see the header note) */
        if (r.unit == U_YEAR && !r.num.hangul && r.num.ndigits <= 2 && v < 50 &&
            v >= 1) {
            size_t k2 = skip_space(S, r.end);
            nu mm;
            if (!(read_nu(S, k2, true, &mm) && mm.unit == U_MONTH)) needs_mark = false;
        }
        if (r.unit == U_YEAR && r.num.v >= 1000 && !d->approx) needs_mark = true;
        if (r.unit == U_MINUTE && lit(S, r.end, "의")) return 0; /* 3분의 1 */
        if (r.num.hangul && r.num.iv < 10 && r.unit != U_HOURS &&
            r.unit != U_MONTHS && r.unit != U_YEARS && r.unit != U_WEEKDAYS)
            needs_mark = true; /* 오일, 이분, 삼일 are words */
        if (r.num.v <= 0) return 0;
        dur_add(d, slot, r.num.v);
        j = r.end;
        d->count = r.num.integral ? r.num.iv : 0;
        d->single = !r.yeo;
        /* 반: 1시간 반, 2년 반 */
        size_t k = skip_space(S, j);
        if (lit(S, k, "반") && end_ok(S, k + 3) && r.num.integral) {
            static const int half_slot[7] = {DMO, DD, -1, DH, DMI, DS, -1};
            static const double half_v[7] = {6, 15, 0, 12, 30, 30, 0};
            if (half_slot[slot] >= 0) {
                d->v[half_slot[slot]] += half_v[slot];
                j = k + 3;
                marked = true;
                d->single = false;
            }
        } else {
            /* 1시간 30분, 2년 6개월 */
            nu r2;
            if (read_nu(S, k, true, &r2) && !r2.yeo) {
                int s2 = dur_slot(r2.unit);
                if (s2 > slot && r2.unit != U_DAY && r2.unit != U_YEAR &&
                    r2.num.integral && !(slot == DY && s2 != DMO) &&
                    !(slot == DH && s2 != DMI) && !(slot == DMI && s2 != DS)) {
                    dur_add(d, s2, r2.num.v);
                    j = r2.end;
                    marked = true;
                    d->single = false;
                }
            }
        }
        if (!needs_mark) marked = true;
        else {
            bool m2 = false;
            size_t save = j;
            (void)dur_tail(S, j, &(dur){0}, &m2);
            j = save;
            if (!m2 && !opener && !d->approx && !r.yeo) return 0;
        }
    }
    (void)core_start;
    d->core_end = j;
    bool m3 = false;
    j = dur_tail(S, j, d, &m3);
    if (m3) d->single = false;
    if (!marked && !m3 && !opener) return 0;
    if (!end_ok(S, j)) return 0;
    return j;
}

/* Amounts of time that are not the length of anything (dates_units.tsv
 * kinds notdur, gamehalf, per):
 *  - "1년 단위", "5년 주기", "5년 연속", "3년 차", "6개월마다": a unit of
 *    granularity, a recurrence, a count of consecutive years or an ordinal
 *    (the third year) - nothing lasts that long;
 *  - "전반 14분", "후반 1분": a reading of the game clock, a moment;
 *  - one unit as the denominator of a rate: "하루에 물 2L", "1년에 240만
 *    원", "하루 평균 500명", "하루 8시간씩", "한 달 1000만원" - Korean puts
 *    the per-unit (하루, 1년, 한 달) before the amount it divides. "1년에
 *    걸쳐" is still an amount of time (over a year).
 * [i, de) is the duration just parsed. */
/* Is the word before i (one space between) a dictionary word of this kind
 * (and value, unless ival < 0)? Looks back at most 16 bytes. */
static bool prev_word_is(const scan *S, size_t i, int kind, int ival)
{
    if (i < 2 || S->s[i - 1] != ' ') return false;
    size_t b = i - 1;
    while (b > 0 && S->s[b - 1] != ' ' && i - 1 - b < 16) b--;
    if (b == i - 1 || (b > 0 && S->s[b - 1] != ' ')) return false;
    const dword *w;
    return dict_match(S, b, KM(kind), &w) == i - 1 - b && (ival < 0 || w->ival == ival);
}

static bool dur_rejected(const scan *S, size_t i, size_t de, const dur *d)
{
    const dword *w;
    size_t n;
    bool bare = d->core_end == de; /* nothing after the amount */
    /* 연속 counts consecutive calendar units ("5년 연속 1위", "이틀 연속
     * 하락"); after hours, or an amount with 간/이상, it is a stretch of
     * continuous time ("24시간 연속 관측", "6주 이상 연속 복용") */
    bool calendar = d->lit ? d->lit[d->litn - 1] != 'H'
                           : (d->unit != U_HOURS && d->unit != U_MINUTE &&
                              d->unit != U_SECOND);
    size_t k = skip_space(S, de);
    for (int pass = 0; pass < 2; pass++) {
        size_t at = pass ? k : de;
        if (pass && k == de) break;
        if ((n = dict_match(S, at, KM(K_NOTDUR), &w)) != 0 && end_ok(S, at + n)) {
            if (w->ival == 0) break;           /* 차이: a difference */
            if (w->ival == 1 && pass) break;   /* 마다 is glued on */
            if (w->ival == 3 && (!bare || !calendar)) break;
            return true;
        }
    }
    /* an amount alone in single quotes is a title ("‘1박2일’ 멤버들", a TV
     * show): news quotes names and terms with ‘ ’ and speech with “ ” */
    if (i >= 3 && lit(S, i - 3, "\xE2\x80\x98") && lit(S, de, "\xE2\x80\x99"))
        return true;
    int nz = 0, slot = -1;
    for (int q = 0; q < 7; q++)
        if (d->v[q] != 0) { nz++; slot = q; }
    /* a minute or second count right after 전반/후반/연장; "전반 10분
     * 만에" (within ten minutes) stays an amount */
    if (!d->lit && nz >= 1 && !(de >= 3 && lit(S, de - 3, "만")) && d->v[DY] == 0 && d->v[DMO] == 0 && d->v[DW] == 0 &&
        d->v[DD] == 0 && d->v[DH] == 0 && prev_word_is(S, i, K_GAMEHALF, -1))
        return true;
    /* "2주일에 한 번꼴", "4년에 한 번": the period of a recurrence */
    if (bare && lit(S, de, "에") && rate_follows(S, de + 3)) return true;
    /* one unit (하루, 한 달, 1년, 1시간) and nothing else in the span */
    bool one = d->lit ? (d->litn == 3 && d->lit[1] == '1')
                      : (nz == 1 && d->v[slot] == 1);
    if (!one || !bare || d->approx || d->bound) return false;
    /* "2014년 한 해에만": the year just named, not a per-year rate */
    if (i >= 4 && S->s[i - 1] == ' ' && lit(S, i - 4, "년")) return false;
    /* "징역 1년에 집행유예 2년": 에 joins two sentences */
    if (prev_word_is(S, i, K_PER, 2)) return false;
    if (lit(S, de, "에") && !lit(S, de + 3, "서")) {
        size_t a = skip_space(S, de + 3);
        return !lit(S, a, "걸쳐") && !lit(S, a, "걸친") && !lit(S, a, "걸쳤");
    }
    if (k == de) return false;
    if ((n = dict_match(S, k, KM(K_PER), &w)) != 0 && w->ival == 1 &&
        end_ok(S, k + n))
        return true;
    numtok t; /* "하루 3만5천t", "하루 두 개", "하루 8시간씩"; not 만기 */
    return !lit(S, k, "만") && read_num(S, k, false, &t);
}

/* "지난 주말", "이번주말", "다음 주말": the weekend of the ISO week before,
 * of or after the reference day's, as Duckling's Korean weekend - Friday
 * 18:00 to Monday 00:00, an interval with an exclusive end. A bare 주말
 * names no particular weekend and gets no mention. Returns the end. */
static size_t parse_weekend(const scan *S, size_t i, const kc_datectx *ctx,
                            char *v, size_t vn)
{
    const dword *w;
    size_t n = dict_match(S, i, KM(K_PREFIX), &w);
    if (!n) return 0;
    int off = w->ival;
    size_t j = skip_space(S, i + n);
    n = dict_match(S, j, KM(K_WEEKEND), &w);
    if (!n || !end_ok(S, j + n)) return 0;
    if (full(ctx->ref)) {
        long z = dnum(ctx->ref.y, ctx->ref.m, ctx->ref.d);
        long fri = z - (wday(z) - 1) + 7L * off + 4;
        kc_ymd a = dciv(fri), b = dciv(fri + 3);
        snprintf(v, vn, "%04d-%02d-%02dT18:00/%04d-%02d-%02dT00:00", a.y, a.m, a.d,
                 b.y, b.m, b.d);
    } else {
        snprintf(v, vn, "XXXX-XX-XXT18:00/XXXX-XX-XXT00:00");
    }
    return j + n;
}

/* ------------------------------------------------------------------ */
/* Counting from the reference instant                                */
/* ------------------------------------------------------------------ */

/* An instant: day number * 86400 + seconds of the day. */
static long long ref_inst(const kc_doc *doc)
{
    return (long long)dnum(doc->ref.y, doc->ref.m, doc->ref.d) * 86400 + doc->ref_sec;
}

static void fmt_inst(long long t, bool sec, char *b, size_t n);

/* "오후 2시까지", "오후까지": "until" an instant t written `to`. With a
 * reference time of day before t, the span from the reference instant to
 * it, written into v; false (v untouched) otherwise. */
static bool until_from_ref(const kc_doc *doc, long long t, const char *to, char *v, size_t vn)
{
    if (!doc->ref_time || !full(doc->ref) || t <= ref_inst(doc)) return false;
    char a[32];
    fmt_inst(ref_inst(doc), doc->ref_sec % 60 != 0, a, sizeof a);
    snprintf(v, vn, "%s/%s", a, to);
    return true;
}

static void fmt_inst(long long t, bool sec, char *b, size_t n)
{
    long z = (long)(t >= 0 ? t / 86400 : -((-t + 86399) / 86400));
    int x = (int)(t - (long long)z * 86400);
    kc_ymd d = dciv(z);
    if (sec)
        snprintf(b, n, "%04d-%02d-%02dT%02d:%02d:%02d", d.y, d.m, d.d, x / 3600,
                 x / 60 % 60, x % 60);
    else
        snprintf(b, n, "%04d-%02d-%02dT%02d:%02d", d.y, d.m, d.d, x / 3600, x / 60 % 60);
}

/* The grain one finer than a unit of time, at which Duckling and we state
 * the end of "within N": seconds and minutes to the second, hours to the
 * minute, days to the hour, weeks and months to the day, years to the
 * month. */
enum { WG_SEC, WG_MIN, WG_HOUR, WG_DAY, WG_MONTH };

static int within_grain(int unit)
{
    switch (unit) {
    case U_SECOND: case U_MINUTE: return WG_SEC;
    case U_HOURS: return WG_MIN;
    case U_DAY: return WG_HOUR;
    case U_WEEKS: case U_WEEKDAYS: case U_MONTHS: return WG_DAY;
    default: return WG_MONTH;
    }
}

/* The instant t cut to grain g: "2013-02-13T04:00", "2013-02-19",
 * "2016-02". Returns true when the value is a date (a day or a month). */
static bool fmt_grain(long long t, int g, char *b, size_t n)
{
    if (g <= WG_MIN) {
        fmt_inst(t, g == WG_SEC, b, n);
        return false;
    }
    long z = (long)(t >= 0 ? t / 86400 : -((-t + 86399) / 86400));
    int x = (int)(t - (long long)z * 86400);
    kc_ymd d = dciv(z);
    if (g == WG_HOUR) {
        snprintf(b, n, "%04d-%02d-%02dT%02d:00", d.y, d.m, d.d, x / 3600);
        return false;
    }
    if (g == WG_DAY) snprintf(b, n, "%04d-%02d-%02d", d.y, d.m, d.d);
    else snprintf(b, n, "%04d-%02d", d.y, d.m);
    return true;
}

/* An amount of time: [약] N unit [반] or a count word (하루, 일주일).
 * *months and *secs receive its length (calendar months apart, as they
 * vary), *unit the unit (U_*; a count word's from its value: 하루 U_DAY,
 * 일주일 U_WEEKS). Returns the end or 0. */
static size_t amount_of(const scan *S, const nu *r, int *months, long long *secs,
                        int *unit);

static size_t read_amount(const scan *S, size_t j, bool few, int *months, long long *secs,
                          int *unit, bool *approx)
{
    const dword *w;
    *months = 0;
    *secs = 0;
    *unit = 0;
    *approx = false;
    size_t n = dict_match(S, j, KM(K_APPROXPRE), &w);
    if (n && skip_space(S, j + n) != j + n) {
        *approx = true;
        j = skip_space(S, j + n);
    }
    nu r;
    n = dict_match(S, j, KM(K_FEW), &w);
    if (n && few) { /* 몇시간, 몇 분: a vague count, approximate */
        long fv = w->ival;
        const dword *u;
        size_t k = j + n, m = dict_match(S, k, KM(K_UNIT), &u);
        if (!m && skip_space(S, k) != k) {
            k = skip_space(S, k);
            m = dict_match(S, k, KM(K_UNIT), &u);
        }
        if (!m) return 0;
        memset(&r, 0, sizeof r);
        r.num.integral = true;
        r.num.iv = fv;
        r.num.v = (double)fv;
        r.unit = u->ival;
        r.end = k + m;
        *approx = true;
        return amount_of(S, &r, months, secs, unit);
    }
    n = dict_match(S, j, KM(K_COUNT), &w);
    bool have = read_nu(S, j, true, &r) && !r.yeo && r.num.integral && r.num.iv > 0 &&
                r.num.iv <= 100000;
    if (n && (!have || n > r.end - j)) {
        /* "P1D", "P7D", "P1W", "P1M", "P1Y", "PT6H" */
        long v = 0;
        size_t k = 1;
        bool t = k < w->sn && w->sval[k] == 'T';
        if (t) k++;
        while (k < w->sn && is_digit(w->sval[k])) v = v * 10 + (w->sval[k++] - '0');
        if (k + 1 != w->sn || v <= 0) return 0;
        char u = w->sval[k];
        if (t && u == 'H') *secs = v * 3600, *unit = U_HOURS;
        else if (!t && u == 'D') *secs = v * 86400, *unit = U_DAY;
        else if (!t && u == 'W') *secs = v * 7 * 86400, *unit = U_WEEKS;
        else if (!t && u == 'M') *months = (int)v, *unit = U_MONTHS;
        else if (!t && u == 'Y') *months = (int)v * 12, *unit = U_YEARS;
        else return 0;
        return j + n;
    }
    if (!have) return 0;
    /* 이 "this" before a unit: "이 초안" (this draft), "이 달 안" — a lone
     * one-syllable Hangul numeral needs its unit glued on (이분안에) — and
     * a relative word that spans as far is that word (이달 안에 = within
     * this month) */
    if (r.num.hangul && r.num.n == 3 && j + 3 < S->len && S->s[j + 3] == ' ' &&
        !num_native(S, j, 3))
        return 0;
    if (dict_match(S, j, RELWORD_KINDS, &w) >= r.end - j) return 0;
    return amount_of(S, &r, months, secs, unit);
}

/* The length of a number + unit read by read_amount, with a 반 after it. */
static size_t amount_of(const scan *S, const nu *rp, int *months, long long *secs,
                        int *unit)
{
    const nu r = *rp;
    long v = r.num.iv;
    long long step;
    int mstep = 0;
    switch (r.unit) {
    case U_SECOND: step = 1; break;
    case U_MINUTE: step = 60; break;
    case U_HOURS: step = 3600; break;
    case U_DAY: step = 86400; break;
    case U_WEEKS: case U_WEEKDAYS: step = 7 * 86400; break;
    case U_MONTHS: step = 0; mstep = 1; break;
    case U_YEAR: case U_YEARS: step = 0; mstep = 12; break;
    default: return 0;
    }
    *unit = r.unit;
    *secs = v * step;
    *months = (int)v * mstep;
    size_t j = r.end;
    size_t k = skip_space(S, j);
    if (lit(S, k, "반") && (step >= 60 || mstep)) { /* 한시간반, 2년 반 */
        if (mstep) *months += mstep / 2;
        else *secs += step / 2;
        j = k + 3;
    }
    return j;
}

/* The instant t shifted by a length; months first (the day is clamped to
 * the month's end: 1월 31일 + 1개월 = 2월 28일). */
static long long shift_inst(long long t, int months, long long secs, int dir)
{
    if (months) {
        long z = (long)(t / 86400);
        long long x = t - (long long)z * 86400;
        kc_ymd d = dciv(z);
        add_months(&d.y, &d.m, dir * months);
        if (d.d > mdays(d.y, d.m)) d.d = mdays(d.y, d.m);
        t = (long long)dnum(d.y, d.m, d.d) * 86400 + x;
    }
    return t + dir * secs;
}


/* Expressions that count from the reference instant (the publication time;
 * see docs/dates.md): without a reference time none is read.
 *  - 방금, 지금: the instant itself;
 *  - N unit (안에|안|내에|내): by that time, the instant + N stated one
 *    grain finer than the unit (within_grain), bound max: "한시간안에" at
 *    04:30 = 05:30, "하루안에" = the next day at 04:00, "1주일안에" a date,
 *    "삼년안에" a month; N unit (이내|이내에|이내로): the span, the interval
 *    from the instant to that instant at the same grain ("2주 이내에" =
 *    04:30 .. 00:00 fourteen days on);
 *  - N초/분/시간 (후|뒤|전|이전): the instant shifted ("3시간 후");
 *  - N초/분/시간 이후: from the instant shifted on, "T/.." ("3시간 이후");
 *  - 몇 for N (몇시간안에, 몇 분 이후): 3, approximate (dict "few");
 *  - 지난/다음 N초/분/시간: the N whole units before or after the current
 *    one, end exclusive ("지난 2분" at 04:30 = 04:28/04:30).
 * Returns the end; v gets the value, *kind the mention kind (a time, or a
 * date when the value is a day or a month), *bound its bound and *about
 * whether it is approximate (약 한시간반 안에). */
static size_t parse_clock(const scan *S, size_t i, char *v, size_t vn,
                          kc_mention_kind *kind, kc_bound *bound, bool *about)
{
    *kind = KC_MENTION_TIME;
    *bound = KC_BOUND_NONE;
    *about = false;
    const kc_doc *doc = S->doc;
    if (!doc->ref_time || !full(doc->ref)) return 0;
    long long now = ref_inst(doc);
    bool sec = doc->ref_sec % 60 != 0;
    const dword *w;
    size_t n = dict_match(S, i, KM(K_NOW), &w);
    if (n && end_ok(S, i + n)) {
        fmt_inst(now, sec, v, vn);
        return i + n;
    }
    int pre = 0;
    size_t j = i;
    n = dict_match(S, i, KM(K_PREFIX), &w);
    if (n && w->ival != 0 && lit(S, i + n, " ")) {
        pre = w->ival;
        j = i + n + 1;
    }
    int months, unit;
    long long secs;
    bool approx;
    size_t e = read_amount(S, j, true, &months, &secs, &unit, &approx);
    if (!e) return 0;
    bool clock = unit == U_SECOND || unit == U_MINUTE || unit == U_HOURS;
    char a[32], b[32];
    if (pre) {
        /* a duration word after it (지난 3시간 동안, 지난 1시간여간) makes
         * it a length */
        if (!clock || approx || !end_ok(S, e) || lit(S, e, " 동안") || lit(S, e, "동안") ||
            lit(S, e, "간") || lit(S, e, " 간"))
            return 0;
        long long u = unit == U_SECOND ? 1 : unit == U_MINUTE ? 60 : 3600;
        if (secs % u) return 0; /* 지난 1시간 반 */
        long long base = now - ((now % u) + u) % u;
        long long from = pre < 0 ? base - secs : base + u;
        long long to = pre < 0 ? base : base + u + secs;
        fmt_inst(from, unit == U_SECOND, a, sizeof a);
        fmt_inst(to, unit == U_SECOND, b, sizeof b);
        snprintf(v, vn, "%s/%s", a, b);
        return e;
    }
    size_t k = skip_space(S, e);
    n = dict_match(S, k, KM(K_WITHIN), &w);
    if (n && end_ok(S, k + n)) {
        long long to = shift_inst(now, months, secs, 1);
        int g = within_grain(unit);
        *about = approx;
        if (w->ival == 0) { /* the deadline */
            if (fmt_grain(to, g, v, vn)) *kind = KC_MENTION_DATE;
            *bound = KC_BOUND_MAX;
        } else { /* the span: the end at that grain, as an instant */
            fmt_grain(to, g, b, sizeof b);
            if (g >= WG_DAY) {
                size_t bl = strlen(b);
                snprintf(b + bl, sizeof b - bl, g == WG_MONTH ? "-01T00:00" : "T00:00");
            }
            fmt_inst(now, sec || g == WG_SEC, a, sizeof a);
            snprintf(v, vn, "%s/%s", a, b);
        }
        return k + n;
    }
    /* 이후 after the amount: from that instant on, an open interval as
     * after a clock time (몇시간이후, 3시간 이후) */
    size_t oe;
    if (clock && open_mark(S, e, &oe) == OM_FROM) {
        fmt_inst(shift_inst(now, 0, secs, 1), sec || unit == U_SECOND, a, sizeof a);
        snprintf(v, vn, "%s/..", a);
        *about = approx;
        return oe;
    }
    /* N unit 전/이전 ("ago"): the instant shifted back, stated one grain
     * finer than the unit as for "within" ("7일전" at 04:30 = 04:00 seven
     * days before, "2년전" = the month two years before); N unit 후/뒤
     * ("after"): from that instant on, "T/.." as 이후 ("5일 후", "몇시간후").
     * 몇 counts only before clock units: "몇 년 전" is too vague to date. */
    n = dict_match(S, k, KM(K_AGO), &w);
    if (n && end_ok(S, k + n) && (!approx || (clock && w->ival > 0))) {
        long long t = shift_inst(now, months, secs, w->ival);
        int g = clock ? (unit == U_SECOND || sec ? WG_SEC : WG_MIN) : within_grain(unit);
        *about = approx;
        if (w->ival < 0) {
            if (fmt_grain(t, g, v, vn)) *kind = KC_MENTION_DATE;
        } else {
            if (fmt_grain(t, g, a, sizeof a)) *kind = KC_MENTION_DATE;
            snprintf(v, vn, "%s/..", a);
        }
        return k + n;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* The scanner                                                        */
/* ------------------------------------------------------------------ */

static kc_status add(scan *S, size_t para, kc_mention_kind kind, size_t b,
                     size_t e, const char *value, kc_mention **out)
{
    kc_mention *m = kc__doc_add_mention(S->doc, kind, para, b, e);
    if (!m) return KC_ENOMEM;
    m->value = kc__doc_strdup(S->doc, value, strlen(value));
    if (!m->value) return KC_ENOMEM;
    *out = m;
    return KC_OK;
}

/* Only range marks and spaces between two times: "∼", "~", "-", "부터 ". */
/* Range marks between two ends: ∼ ~ - ～ – 부터 에서 */
static const char *const range_marks[] = {"\xE2\x88\xBC", "~", "-", "\xEF\xBD\x9E",
                                          "\xE2\x80\x93", "부터", "에서"};

static bool range_gap(const char *g, size_t n)
{
    const char *const *marks = range_marks;
    size_t k = 0;
    bool mark = false;
    while (k < n) {
        if (g[k] == ' ') { k++; continue; }
        size_t before = k;
        for (size_t m = 0; m < sizeof range_marks / sizeof *range_marks; m++) {
            size_t ml = strlen(marks[m]);
            if (k + ml <= n && memcmp(g + k, marks[m], ml) == 0) { k += ml; mark = true; break; }
        }
        if (k == before) return false;
    }
    return mark;
}

/* The value of a clock time: HH:MM[:SS], or YYYY-MM-DDTHH:MM[:SS] on a
 * known day. */
static void clock_value(const expr *e, kc_ymd dd, char *v, size_t vn)
{
    char hm[16];
    if (e->has_sec) snprintf(hm, sizeof hm, "%02d:%02d:%02d", e->hh, e->mi, e->ss);
    else snprintf(hm, sizeof hm, "%02d:%02d", e->hh, e->mi);
    if (full(dd) && e->hh < 24)
        snprintf(v, vn, "%04d-%02d-%02dT%s", dd.y, dd.m, dd.d, hm);
    else
        snprintf(v, vn, "%s", hm);
}

/* ------------------------------------------------------------------ */
/* Time zones (dates_zones.tsv)                                      */
/* ------------------------------------------------------------------ */

static bool ascii_ieq(const char *a, const char *b, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        char x = a[k], y = b[k];
        if (x >= 'a' && x <= 'z') x = (char)(x - 32);
        if (y >= 'a' && y <= 'z') y = (char)(y - 32);
        if (x != y) return false;
    }
    return true;
}

/* Is zone word w written at p? ASCII abbreviations in any case. */
static bool zone_eq(const scan *S, size_t p, const dword *w)
{
    return is_alpha(w->w[0]) ? ascii_ieq(S->s + p, w->w, w->n)
                             : memcmp(S->s + p, w->w, w->n) == 0;
}

/* The longest zone word at j — an ASCII abbreviation in any case as a
 * whole word, a Hangul name before a particle or a non-Hangul character.
 * Returns its end, 0 if none; *z gets the word. */
static size_t zone_at(const scan *S, size_t j, const dword **z)
{
    const struct kc_dates *D = S->D;
    size_t best = 0;
    for (size_t k = 0; k < D->nzones; k++) {
        const dword *w = D->zones[k];
        if (j > S->len || w->n > S->len - j || w->n <= best || !zone_eq(S, j, w)) continue;
        size_t e = j + w->n;
        if (is_alpha(w->w[0]) ? e < S->len && (is_alpha(S->s[e]) || is_digit(S->s[e]))
                              : !end_ok(S, e))
            continue;
        best = w->n;
        *z = w;
    }
    return best ? j + best : 0;
}

/* A zone after a clock time ending at j: "4pm CET", "8:00 gmt",
 * "오전 10시(한국시간)". Returns the end (past the bracket), 0 if none. */
static size_t zone_after(const scan *S, size_t j, const dword **z)
{
    size_t k = skip_space(S, j);
    if (k < S->len && S->s[k] == '(') {
        size_t e = zone_at(S, k + 1, z);
        return e && e < S->len && S->s[e] == ')' ? e + 1 : 0;
    }
    if (k < S->len && is_alpha(S->s[k]) && k == j) return 0; /* 4pmCET */
    return zone_at(S, k, z);
}

/* A zone word right before the expression starting at b, one space
 * between: "한국시간 7일 오전 2시", "미국 동부시간 6일 오후 1시". */
static bool zone_before(const scan *S, size_t b, const dword **z)
{
    const struct kc_dates *D = S->D;
    size_t best = 0;
    if (b < 2 || S->s[b - 1] != ' ') return false;
    for (size_t k = 0; k < D->nzones; k++) {
        const dword *w = D->zones[k];
        if (w->n > b - 1 || w->n <= best) continue;
        size_t p = b - 1 - w->n;
        if (!zone_eq(S, p, w)) continue;
        /* it starts a word */
        if (p > 0 && (is_alpha(w->w[0]) ? is_alpha(S->s[p - 1]) || is_digit(S->s[p - 1])
                                        : hangul_before(S, p)))
            continue;
        best = w->n;
        *z = w;
    }
    return best != 0;
}

/* The UTC offset in minutes of zone z at the wall-clock time d hh:mm. A
 * fixed offset is the word's own; an IANA zone's comes from ICU's calendar
 * for that day (daylight saving time), so it needs a day. Returns 1 with
 * *off set, 0 when the offset is unknown (no day), -1 when ICU failed (the
 * IDs were checked at load, so only for want of memory). */
static int zone_offset(const dword *z, kc_ymd d, int hh, int mi, int *off)
{
    if (z->ival != ZONE_BY_ID) {
        *off = z->ival;
        return 1;
    }
    if (!full(d)) return 0;
    UChar id[64];
    if (!zone_id((kc_strv){z->sval, z->sn}, id, sizeof id / sizeof *id)) return 0;
    UErrorCode st = U_ZERO_ERROR;
    /* an explicit locale: nothing here may depend on the default one */
    UCalendar *c = ucal_open(id, -1, "en_US_POSIX", UCAL_GREGORIAN, &st);
    if (U_FAILURE(st)) {
        if (c) ucal_close(c);
        return -1;
    }
    ucal_setDateTime(c, d.y, d.m - 1, d.d, hh % 24, mi, 0, &st);
    int32_t zo = ucal_get(c, UCAL_ZONE_OFFSET, &st);
    int32_t dst = ucal_get(c, UCAL_DST_OFFSET, &st);
    ucal_close(c);
    if (U_FAILURE(st)) return -1;
    *off = (int)((zo + dst) / 60000);
    return 1;
}

/* Append "+HH:MM" to every instant of a time value ("16:00",
 * "2013-02-12T09:30/2013-02-12T11:00", "14:00/.."); ".." ends stay. */
static void add_offset(char *v, size_t vn, int off)
{
    char out[160], z[16];
    int a = (off < 0 ? -off : off) % (24 * 60);
    snprintf(z, sizeof z, "%c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
    size_t o = 0;
    const char *p = v;
    for (;;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        bool open = n == 2 && p[0] == '.' && p[1] == '.';
        int w = snprintf(out + o, sizeof out - o, "%.*s%s%s", (int)n, p, open ? "" : z,
                         slash ? "/" : "");
        if (w < 0 || (size_t)w >= sizeof out - o) return; /* leave v as it is */
        o += (size_t)w;
        if (!slash) break;
        p = slash + 1;
    }
    if (o < vn) memcpy(v, out, o + 1);
}

/* A range mark between two clock times at j: its length, 0 if none. */
static size_t range_mark(const scan *S, size_t j)
{
    for (size_t m = 0; m < sizeof range_marks / sizeof *range_marks; m++)
        if (lit(S, j, range_marks[m])) return strlen(range_marks[m]);
    return 0;
}

/* After a clock time or a period of the day ending at j, glued or after one
 * space, a word that makes it one end of an open interval
 * (dates_relative.tsv kind openmark): OM_FROM 이후, OM_FROM_PART 부터 (from
 * then on), OM_UNTIL 전/이전 (until it begins), OM_UNTIL_PART 까지 (until
 * it ends); 0 for none, or for a longer word that is no mark (전후,
 * "about"). The _PART ones are particles: the caller keeps them out of the
 * span. *end gets the word's end. */
static int open_mark(const scan *S, size_t j, size_t *end)
{
    const dword *w;
    size_t k = skip_space(S, j);
    size_t n = dict_match(S, k, KM(K_OPENMARK), &w);
    if (!n || !w->ival || !end_ok(S, k + n)) return 0;
    *end = k + n;
    return w->ival;
}

/* ------------------------------------------------------------------ */
/* Bare numbers that are dates by their context                      */
/* ------------------------------------------------------------------ */

/* A run of 1-4 ASCII digits at j that is a whole number (no 1,000 or
 * 2.5 continuation); its length, 0 if none. */
static size_t digit_run(const scan *S, size_t j, int *v)
{
    size_t k = j;
    int x = 0;
    while (k < S->len && is_digit(S->s[k]) && k - j < 5) x = x * 10 + (S->s[k++] - '0');
    if (k == j || k - j > 4) return 0;
    if (k < S->len && (S->s[k] == '.' || S->s[k] == ',' || S->s[k] == ':') &&
        k + 1 < S->len && is_digit(S->s[k + 1]))
        return 0;
    if (k < S->len && (is_alpha(S->s[k]) || S->s[k] == '%')) return 0;
    *v = x;
    return k - j;
}

/* A list or range separator between numbers: ", ", "·", "~", "-" … with
 * optional spaces around the marks other than the comma. */
static size_t list_sep(const scan *S, size_t j)
{
    static const char *const marks[] = {"\xC2\xB7", "\xE3\x86\x8D", "~",
                                        "\xE2\x88\xBC", "\xEF\xBD\x9E", "-",
                                        "\xE2\x80\x93"};
    if (lit(S, j, ", ")) return j + 2;
    size_t k = skip_space(S, j);
    for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
        if (lit(S, k, marks[m])) return skip_space(S, k + strlen(marks[m]));
    return 0;
}

static bool letter_word_at(const scan *S, size_t j)
{
    return j < S->len && ((hangul_at(S, j)) || is_alpha(S->s[j]));
}

/* Not a counter, unit or particle: the start of a name. */
static bool name_word_at(const scan *S, size_t j)
{
    const dword *w;
    if (!letter_word_at(S, j)) return false;
    /* a unit or particle as a word of its own (가구, 명이, 에): 전쟁 and
     * 인천 only begin with one */
    size_t n = dict_match(S, j, KM(K_FUNIT) | KM(K_UNIT) | KM(K_PARTICLE), &w);
    if (n && end_ok(S, j + n)) return false;
    /* "2000여명이", "2000여 가구": 여 ("some") before a unit makes the number
     * an approximate quantity (여명 is also "dawn": not here) */
    if (lit(S, j, "여")) {
        size_t k = skip_space(S, j + 3);
        n = dict_match(S, k, KM(K_FUNIT) | KM(K_UNIT), &w);
        if (k == S->len || (n && end_ok(S, k + n)) || !hangul_at(S, k)) return false;
    }
    return true;
}

static kc_status add(scan *S, size_t para, kc_mention_kind kind, size_t b,
                     size_t e, const char *value, kc_mention **out);
/* A time mention counted from the reference (a weekend, a clock reading
 * after a relative day or from the reference instant): relative:true. */
static kc_status add_relative_time(scan *S, size_t para, size_t b, size_t e,
                                   const char *value)
{
    kc_mention *m;
    kc_status st = add(S, para, KC_MENTION_TIME, b, e, value, &m);
    if (st == KC_OK) m->relative = 1;
    return st;
}
static size_t parse_expr(const scan *S, size_t i, expr *out);

/* "9, 10일", "2, 5, 6, 13일", "2013, 2014년", "1~6월": numbers listed
 * before the one that carries the unit share it (and its month or year).
 * Emits the leading numbers and returns where the last one starts (the
 * scanner reads it as usual), or 0. */
static kc_status list_dates(scan *S, size_t para, size_t i, const kc_datectx *ctx,
                            size_t *next, size_t *dead_end)
{
    enum { MAXI = 16 };
    size_t st[MAXI], ln[MAXI];
    int val[MAXI];
    size_t ni = 0, pos = i;
    bool range = false; /* the last separator was a range mark */
    *next = 0;
    expr fe;
    for (;;) {
        if (ni == MAXI) return KC_OK;
        int v;
        size_t n = digit_run(S, pos, &v);
        /* a chain that ends without a date fails from every later item
         * too: the caller skips it (keeps the scan linear) */
        if (!n) { *dead_end = pos; return KC_OK; }
        st[ni] = pos; ln[ni] = n; val[ni] = v; ni++;
        size_t k = list_sep(S, pos + n);
        if (!k || k >= S->len || !is_digit(S->s[k])) { *dead_end = pos + n; return KC_OK; }
        range = !lit(S, pos + n, ", ");
        int v2;
        size_t n2 = digit_run(S, k, &v2);
        if (n2 && list_sep(S, k + n2)) { pos = k; continue; } /* another item */
        if (parse_expr(S, k, &fe) && fe.has_date && !fe.has_time && fe.start == k) {
            pos = k;
            break;
        }
        *dead_end = k;
        return KC_OK;
    }
    int shape = 0; /* 1 days, 2 months, 3 years */
    if (fe.d_abs && !fe.m_abs && !fe.y_abs && !fe.d_rel && !fe.hol) shape = 1;
    else if (fe.m_abs && !fe.d_abs && !fe.y_abs) shape = 2;
    else if (fe.y_abs && !fe.m_abs && !fe.d_abs && !fe.y_twodigit && !fe.q_abs &&
             !fe.half && !fe.part)
        shape = 3;
    if (!shape || fe.has_pre) return KC_OK;
    for (size_t k = 0; k < ni; k++) {
        int v = val[k];
        if ((shape == 1 && (v < 1 || v > 31)) || (shape == 2 && (v < 1 || v > 12)) ||
            (shape == 3 && (ln[k] != 4 || v < 1000 || v > 2999)))
            return KC_OK;
    }
    dres r;
    resolve(&fe, ctx, &r);
    size_t fend = 0;
    if (range && ni == 1) {
        /* "4~6월", "15~21일", "2015~2017년": one mention, an ISO 8601
         * interval of the two calendar units, both inclusive */
        expr tmp;
        fend = parse_expr(S, pos, &tmp);
        if (!fend || tmp.dend == 0) return KC_OK;
        fend = tmp.dend;
    }
    for (size_t k = 0; k < ni; k++) {
        dres x = r;
        if (shape == 1) {
            x.d = val[k];
            if (x.y && x.m && x.d > mdays(x.y, x.m)) { x.y = 0; x.m = 0; }
        } else if (shape == 2) {
            x.m = val[k];
        } else {
            x.y = val[k];
        }
        char v[48];
        format_date(&x, v, sizeof v);
        if (fend) {
            char b[48], iv[100];
            format_date(&r, b, sizeof b);
            snprintf(iv, sizeof iv, "%s/%s", v, b);
            kc_mention *m;
            kc_status s2 = add(S, para, KC_MENTION_DATE, st[0], fend, iv, &m);
            if (s2 != KC_OK) return s2;
            m->relative = r.relative;
            *next = fend;
            return KC_OK;
        }
        kc_mention *m;
        kc_status s2 = add(S, para, KC_MENTION_DATE, st[k], st[k] + ln[k], v, &m);
        if (s2 != KC_OK) return s2;
        m->relative = x.relative;
    }
    *next = pos;
    return KC_OK;
}

/* Bare numbers that are dates without a unit:
 * (Month·day names such as 6·25전쟁 or 4·13 총선 are left alone: they
 * name historical events, and the year they mean is not the reference's.)
 *  - a four-digit year 1900-2099 that names something: before a season
 *    or school/fiscal-year noun (2015시즌, 2015학년도), alone in
 *    parentheses after a title or in a citation ("〈반칙왕〉(2000)",
 *    "살림출판사, 2016)"), before an acronym ("2015 AFC 아시안컵", "2014
 *    KBS 연기대상"), or opening a name after a quote, bracket or the start
 *    of the paragraph ("‘2016 농촌재능나눔대상’", "2014인천아시안게임").
 *    A figure unit after it (2000 가구) makes it a quantity, and an index
 *    level (코스피 2000 돌파) never opens a name, so neither is taken.
 * Returns the end of the date, 0 if none; *out gets the value. */
static size_t bare_date(const scan *S, size_t i, char *out, size_t outn)
{
    int v;
    size_t n = digit_run(S, i, &v);
    if (!n) return 0;
    size_t k = i + n;
    if (n != 4 || v < 1900 || v > 2099) return 0;
    snprintf(out, outn, "%04d", v);
    const dword *w;
    size_t sp = skip_space(S, k);
    size_t yn = dict_match(S, sp, KM(K_YEARNOUN), &w);
    if (yn && end_ok(S, sp + yn)) return k;
    char prev = i ? S->s[i - 1] : 0;
    if (k < S->len && S->s[k] == ')' &&
        (prev == '(' || (i >= 2 && prev == ' ' && S->s[i - 2] == ',')))
        return k;
    /* an acronym: two capitals */
    if (sp != k && sp + 1 < S->len && S->s[sp] >= 'A' && S->s[sp] <= 'Z' &&
        S->s[sp + 1] >= 'A' && S->s[sp + 1] <= 'Z' &&
        !dict_match(S, sp, KM(K_FUNIT), &w))
        return k;
    bool opener = i == 0 || prev == '(' || prev == '[' || prev == '"' || prev == '\'' ||
                  prev == '<';
    if (!opener && i >= 3) {
        size_t p = kc__utf8_prev(S->s, i), cn;
        uint32_t c = cp_at(S, p, &cn);
        opener = c == 0x2018 || c == 0x201C || c == 0x3008 || c == 0x300A ||
                 c == 0x300C || c == 0x300E || c == 0x3010;
    }
    if (opener && name_word_at(S, sp)) return k;
    if (standalone(S, i, k)) return k; /* a year alone: a cell, a query */
    return 0;
}

static bool candidate(const scan *S, size_t i)
{
    unsigned char c = (unsigned char)S->s[i];
    if (is_digit((char)c)) {
        if (i == 0) return true;
        char p = S->s[i - 1];
        /* after a sentence's full stop with no space ("통과했다.20일"): a
         * dot after a Hangul syllable is no decimal point */
        if (p == '.' && hangul_before(S, i - 1)) return true;
        return !is_digit(p) && !is_alpha(p) && p != '.' && p != ',' &&
               p != ':' && p != '-' && p != '/';
    }
    if (c == '\'') return true;
    if (c == 0xE2) return lit(S, i, "\xE2\x80\x98") || lit(S, i, "\xE2\x80\x99");
    /* a Hangul syllable (lead byte EA-ED) ... */
    if (c < 0xEA || c > 0xED) return false;
    size_t n;
    uint32_t cp = cp_at(S, i, &n);
    if (!kc__is_hangul_syllable(cp)) return false;
    /* ... that can start a start word or a numeral (index_words) ... */
    uint32_t x = cp - 0xAC00;
    if (!((S->D->starts[x / 8] >> (x % 8)) & 1)) return false;
    /* ... and starts a word: after a non-Hangul, non-digit character (the
     * 사 of "1사분기" is not a numeral of its own) */
    if (hangul_before(S, i)) return false;
    if (i > 0 && (is_digit(S->s[i - 1]) || is_alpha(S->s[i - 1]))) return false;
    /* parse_weekend, parse_expr and parse_duration read, at a Hangul i, a
     * word of a START_KINDS kind or a number with its unit (read_nu; with
     * lone it accepts whatever it accepts without): nothing else can start
     * there. */
    const dword *w;
    nu r;
    return dict_match(S, i, START_KINDS, &w) != 0 || read_nu(S, i, true, &r);
}

kc_status kc__dates_extract(kc_doc *doc, size_t para, const char *s,
                            size_t len, kc_datectx *ctx,
                            pcre2_match_data *md)
{
    if (!doc || !ctx || !md || (!s && len)) return KC_EINVAL;
    const struct kc_dates *D = doc->eng ? doc->eng->dates : NULL;
    if (!D) return KC_OK;
    struct numcache nc;
    memset(&nc, 0, sizeof nc);
    struct dmcache dc;
    memset(&dc, 0, sizeof dc);
    scan S = {D, doc->eng, doc, s, len, md, &nc, &dc};
    kc_ymd sent = {0, 0, 0}; /* a full date named in this sentence */
    int range_tod = 0;       /* tod of the time just before a range mark */
    size_t range_end = 0;
    size_t list_dead = 0; /* list_dates fails before this offset */
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if ((c == '.' || c == '?' || c == '!') &&
            (i + 1 >= len || s[i + 1] == ' ' || s[i + 1] == '"' || s[i + 1] == '\'' ||
             (c == '.' && hangul_before(&S, i))))
            sent = (kc_ymd){0, 0, 0};
        if (!candidate(&S, i)) {
            size_t n = 1;
            if (c >= 0x80) (void)cp_at(&S, i, &n);
            i += n ? n : 1;
            continue;
        }
        {
            char wv[64];
            size_t we = parse_weekend(&S, i, ctx, wv, sizeof wv);
            if (we) {
                kc_status st = add_relative_time(&S, para, i, we, wv);
                if (st != KC_OK) return st;
                i = we;
                continue;
            }
        }
        {
            char sv[48];
            size_t se = parse_season(&S, i, ctx, sv, sizeof sv);
            if (se) {
                kc_mention *m;
                kc_status st = add(&S, para, KC_MENTION_DATE, i, se, sv, &m);
                if (st != KC_OK) return st;
                m->relative = 1;
                i = se;
                continue;
            }
        }
        expr e;
        dur du;
        size_t ee = parse_expr(&S, i, &e);
        size_t de = parse_duration(&S, i, &du);
        {
            char cv[80];
            kc_mention_kind ck;
            kc_bound cb;
            bool ca;
            size_t ce = parse_clock(&S, i, cv, sizeof cv, &ck, &cb, &ca);
            if (ce && ce >= ee && ce >= de) {
                kc_mention *m;
                kc_status st = add(&S, para, ck, i, ce, cv, &m);
                if (st != KC_OK) return st;
                m->relative = 1;
                m->bound = cb;
                m->approx = ca;
                i = ce;
                continue;
            }
        }
        if (de && de > ee && dur_rejected(&S, i, de, &du)) {
            i = de; /* neither a duration nor a date ("5년 연속") */
            continue;
        }
        if (de && de > ee) {
            char v[96];
            format_dur(&du, v, sizeof v);
            kc_mention *m;
            kc_status st = add(&S, para, KC_MENTION_DURATION, i, de, v, &m);
            if (st != KC_OK) return st;
            m->approx = du.approx;
            m->bound = du.bound;
            char iv[40];
            /* "지난 2주 동안" is a length, as 지난 1년간 */
            if (!lit(&S, de, "동안") && !lit(&S, de, " 동안") &&
                dur_interval(&du, ctx, iv, sizeof iv)) {
                m->interval = kc__doc_strdup(doc, iv, strlen(iv));
                if (!m->interval) return KC_ENOMEM;
            }
            i = de;
            continue;
        }
        if (!ee && !de && is_digit((char)c)) {
            size_t nx = 0;
            kc_status st = KC_OK;
            if (i >= list_dead)
                st = list_dates(&S, para, i, ctx, &nx, &list_dead);
            if (st != KC_OK) return st;
            if (nx) { i = nx; continue; }
            char v[24];
            size_t be = bare_date(&S, i, v, sizeof v);
            if (be) {
                kc_mention *m;
                st = add(&S, para, KC_MENTION_DATE, i, be, v, &m);
                if (st != KC_OK) return st;
                i = be;
                continue;
            }
        }
        if (!ee) {
            size_t n = 1;
            if (c >= 0x80) (void)cp_at(&S, i, &n);
            i += n ? n : 1;
            continue;
        }
        kc_ymd day = {0, 0, 0};
        bool day_rel = false; /* the day came from a relative expression */
        if (e.has_date) {
            dres r;
            if (e.link_end) {
                expr le;
                memset(&le, 0, sizeof le);
                le.d_rel = e.link_kind == K_RELDAY;
                le.d_last = e.link_kind == K_LASTDAY;
                le.drel = le.dlast = e.link_val;
                resolve(&le, ctx, &r);
                e.anchor = (kc_ymd){r.y, r.m, r.d};
            }
            resolve(&e, ctx, &r);
            char v[48];
            format_date(&r, v, sizeof v);
            kc_mention *m;
            if (e.link_end) {
                kc_status st = add(&S, para, KC_MENTION_DATE, e.link_start,
                                   e.link_end, v, &m);
                if (st != KC_OK) return st;
                m->relative = 1;
            }
            kc_status st = add(&S, para, KC_MENTION_DATE, e.start, e.dend, v, &m);
            if (st != KC_OK) return st;
            m->weekday = e.wd;
            m->relative = r.relative;
            day_rel = r.relative;
            m->weekday_mismatch = r.mismatch;
            m->approx = e.approx;
            if (e.part) {
                static const char *const pn[4] = {NULL, "early", "mid", "late"};
                m->part = pn[e.part];
            }
            if (r.grain == G_DAY) {
                day = (kc_ymd){r.y, r.m, r.d};
                ctx->last = day;
                ctx->last_set = true;
                if (full(day)) sent = day;
            } else if (r.grain == G_MONTH || r.grain == G_YEAR) {
                ctx->last = (kc_ymd){r.y, r.grain == G_MONTH ? r.m : 0, 0};
                ctx->last_set = true;
            }
        }
        if (e.has_time) {
            /* "오후 2시∼4시": the second end of a range keeps the first
             * one's 오후 */
            if (!e.tod && range_tod && e.tstart > range_end &&
                range_gap(s + range_end, e.tstart - range_end))
                apply_tod(&e, range_tod);
            range_tod = e.tod;
            range_end = e.tend;
            char v[112], until[64] = "";
            const dword *z = NULL; /* a zone named after the time, */
            size_t ze = 0;         /* and where it ends */
            kc_ymd dd = e.has_date ? day : sent;
            bool rel = e.has_date && day_rel;
            clock_value(&e, dd, v, 48);
            /* a day counted from today before the clock ("내일 저녁다섯시",
             * "오늘 오후 2시"): the time mention covers it, as for 오늘
             * 저녁; a dated day ("19일 오후 2시") stays a mention apart */
            size_t ts = e.tstart, te = e.tend;
            if (e.has_date && e.d_rel && !e.d_abs && !e.m_abs && !e.y_abs && !e.wd &&
                !e.has_pre)
                ts = e.start;
            /* "9:30 ~ 11:00", "오전 10시부터 오후 5시(까지)": one interval;
             * "오후 2시 이후", "오후 2시부터": open after; "오전 11시 전",
             * "오후 2시까지": open before */
            size_t p = skip_space(&S, te), ml = range_mark(&S, p);
            expr e2;
            size_t e2end = ml ? parse_expr(&S, skip_space(&S, p + ml), &e2) : 0;
            if (e2end && e2.has_time && !e2.has_date) {
                /* an end without 오전/오후 is the first reading at or
                 * after the start: "오후 2시∼4시" ends at 16:00,
                 * "11:30-1:30" at 13:30, "오후 11시부터 1시" at 01:00 */
                if (!e2.tod && e2.hh < 12 && e2.hh * 60 + e2.mi < e.hh * 60 + e.mi &&
                    (e2.hh + 12) * 60 + e2.mi >= e.hh * 60 + e.mi)
                    e2.hh += 12;
                kc_ymd d2 = dd;
                if (full(dd) && e2.hh * 60 + e2.mi < e.hh * 60 + e.mi) d2 = add_days(dd, 1);
                size_t n2 = strlen(v);
                v[n2++] = '/';
                clock_value(&e2, d2, v + n2, sizeof v - n2);
                te = e2end;
                range_tod = e2.tod ? e2.tod : e.tod;
                range_end = te;
                ee = te;
            } else {
                /* a zone may stand between the time and the word:
                 * "오후 2시(한국시간)까지" */
                ze = zone_after(&S, te, &z);
                int open = open_mark(&S, ze ? ze : te, &p);
                if (open) {
                    char t[48];
                    snprintf(t, sizeof t, "%s", v);
                    snprintf(v, sizeof v, open > 0 ? "%s/.." : "../%s", t);
                    /* "오후 2시까지", "내일 오후 2시까지" said before that
                     * time (a clock with no day is on the reference day):
                     * the span from the reference instant to it */
                    kc_ymd ud = full(dd) ? dd : doc->ref;
                    if (open == OM_UNTIL_PART && full(ud) && e.hh < 24) {
                        char to[48];
                        clock_value(&e, ud, to, sizeof to);
                        snprintf(until, sizeof until, "%s", v);
                        if (until_from_ref(doc,
                                           (long long)dnum(ud.y, ud.m, ud.d) * 86400 +
                                               e.hh * 3600 + e.mi * 60 + e.ss,
                                           to, v, sizeof v))
                            rel = true;
                        else
                            until[0] = '\0';
                    }
                    /* 부터/까지 are particles: the value says "from"/"until",
                     * the span stays the clock's (KMOU, SPEC) */
                    if (open == OM_FROM || open == OM_UNTIL) te = p;
                    range_end = te;
                    if (ee < te) ee = te;
                }
            }
            /* a zone after the time ("4pm CET") or before its expression
             * ("한국시간 7일 오전 2시"): the value carries its UTC offset */
            {
                if (!ze || te > ze) { /* "오후 2시 이후 EST", "9:30 ~ 11:00 GMT" */
                    const dword *z2;
                    size_t e2z = zone_after(&S, te, &z2);
                    if (e2z) { ze = e2z; z = z2; }
                }
                int off, zr = 0;
                if ((ze || zone_before(&S, e.start, &z)) &&
                    (zr = zone_offset(z, full(dd) ? dd : doc->ref, e.hh, e.mi, &off)) < 0)
                    return KC_ENOMEM;
                if (zr > 0) {
                    /* the reference instant is in no zone the text names:
                     * "오후 2시(한국시간)까지" stays "until" */
                    if (until[0]) snprintf(v, sizeof v, "%s", until);
                    add_offset(v, sizeof v, off);
                    if (ze > te) te = ze;
                    if (ee < te) ee = te;
                }
            }
            kc_mention *m;
            kc_status st = add(&S, para, KC_MENTION_TIME, ts, te, v, &m);
            if (st != KC_OK) return st;
            m->approx = e.t_approx;
            m->relative = rel;
        } else if (e.tod_day) {
            /* "오늘 저녁", "16일 오후", "오후에": the stretch of that day, an
             * ISO 8601 interval with an exclusive end
             * ("2013-02-12T18:00/2013-02-13T00:00"); with no known day,
             * "18:00/24:00" */
            int a = e.todspan / 2000, b = e.todspan % 2000;
            kc_ymd dd;
            const dword *pw;
            if (e.tod_day == TD_TODAY || e.tod_day == TD_DATED) dd = day;
            else if (e.tod_day == TD_THIS) dd = ctx->ref;
            else if (full(sent)) dd = sent; /* TD_BARE: the sentence's day */
            else if (standalone(&S, e.start, e.tod_mark + dict_match(&S, e.tod_mark,
                                                                     KM(K_PARTICLE), &pw)))
                dd = ctx->ref; /* the whole paragraph ("오후에", "아침 전에") */
            else { /* alone in a sentence that names no day: no mention */
                i = ee;
                continue;
            }
            char from[24], to[24], v[64];
            if (full(dd)) {
                kc_ymd de2 = b >= 1440 ? add_days(dd, 1) : dd;
                int b2 = b >= 1440 ? b - 1440 : b;
                snprintf(from, sizeof from, "%04d-%02d-%02dT%02d:%02d", dd.y, dd.m, dd.d,
                         a / 60, a % 60);
                snprintf(to, sizeof to, "%04d-%02d-%02dT%02d:%02d", de2.y, de2.m, de2.d,
                         b2 / 60, b2 % 60);
            } else {
                snprintf(from, sizeof from, "%02d:%02d", a / 60, a % 60);
                snprintf(to, sizeof to, "%02d:%02d", b / 60, b % 60);
            }
            snprintf(v, sizeof v, "%s/%s", from, to);
            /* a day counted from today or 이번 is part of the stretch's
             * span ("오늘 저녁", while "오늘" stays a date of its own); a
             * dated day stays apart as before a clock ("16일 오후") */
            size_t ts = e.tod_day == TD_TODAY || e.tod_day == TD_THIS ? e.start : e.tstart;
            size_t te = e.tend, p;
            /* 점심이후, 오후부터: from its start on; 아침 전: until its
             * start; 오후까지: until its end (from the reference instant
             * when that is earlier) */
            int open = open_mark(&S, te, &p);
            if (open) {
                bool until = open == OM_UNTIL_PART;
                if (open > 0) snprintf(v, sizeof v, "%s/..", from);
                else if (!until) snprintf(v, sizeof v, "../%s", from);
                else if (!full(dd) ||
                         !until_from_ref(doc, (long long)dnum(dd.y, dd.m, dd.d) * 86400 + b * 60,
                                         to, v, sizeof v))
                    snprintf(v, sizeof v, "../%s", to);
                if (open == OM_FROM || open == OM_UNTIL) te = p;
                if (ee < te) ee = te;
            }
            kc_mention *m;
            kc_status st = add(&S, para, KC_MENTION_TIME, ts, te, v, &m);
            if (st != KC_OK) return st;
            /* its day comes from the words around it (or is today) */
            m->relative = 1;
        }
        i = ee;
    }
    return KC_OK;
}
