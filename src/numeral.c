/* numeral.c — Korean and Arabic numeral evaluator, shared by figures.c and
 * dates.c.
 *
 * Korean counts in groups of four digits: 만 (10^4), 억 (10^8), 조 (10^12),
 * 경 (10^16) close a group; inside a group 십/백/천 multiply the digit before
 * them. News mixes Arabic digits into this system ("3천300만", "638조7천억",
 * "5.3조") and, following the spacing rule of 한글 맞춤법 제44항, may put a
 * space after each 만-group ("12억 3456만 7898"). Values are kept exact as a
 * 128-bit mantissa with a power-of-ten exponent, so scale words only move the
 * exponent and "638조7천억" is 638700000000000 with no float rounding.
 *
 * The numeral vocabulary is a closed grammatical class, so it lives here as
 * tables rather than in dict/ (kc__num_parse has no engine to read from). */
#include "internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

__extension__ typedef unsigned __int128 kc_u128;

/* Form bits (KC_NUM_FRAC_WORD …) and kc__num_parse_ex are declared in
 * internal.h; short local names: */
#define KCN_FRAC_WORD KC_NUM_FRAC_WORD
#define KCN_FRAC_SLASH KC_NUM_FRAC_SLASH
#define KCN_YEO KC_NUM_YEO
#define KCN_MINUS_WORD KC_NUM_MINUS_WORD
#define KCN_HALF KC_NUM_HALF
#define KCN_LONE_SINO KC_NUM_LONE_SINO
#define KCN_INFO_YEO KC_NUMINFO_YEO
#define KCN_INFO_FRACTION KC_NUMINFO_FRACTION

/* An exact decimal: m × 10^e. */
typedef struct xnum {
    kc_u128 m;
    int e;
    bool ovf;
} xnum;

static const kc_u128 U128_MAX = ~(kc_u128)0;

static bool mul10(kc_u128 *m, int k)
{
    for (int i = 0; i < k; i++) {
        if (*m > U128_MAX / 10) return false;
        *m *= 10;
    }
    return true;
}

static xnum xadd(xnum a, xnum b)
{
    xnum r = {0, 0, a.ovf || b.ovf};
    if (a.m == 0) { b.ovf = r.ovf; return b; }
    if (b.m == 0) { a.ovf = r.ovf; return a; }
    int e = a.e < b.e ? a.e : b.e;
    /* Align; a gap over 40 digits cannot fit a 128-bit mantissa anyway. */
    if (a.e - e > 40 || b.e - e > 40 || !mul10(&a.m, a.e - e) ||
        !mul10(&b.m, b.e - e) || a.m > U128_MAX - b.m) {
        r.ovf = true;
        r.m = a.m > b.m ? a.m : b.m;
        r.e = a.e > b.e ? a.e : b.e;
        return r;
    }
    r.m = a.m + b.m;
    r.e = e;
    return r;
}

/* Write x (negated if neg) as a plain decimal; false if it does not fit. */
static bool xformat(xnum x, bool neg, char *out, size_t cap, bool *integral)
{
    char digits[48];
    size_t nd = 0;
    kc_u128 m = x.m;
    int e = x.e;
    /* Strip trailing zeros of the mantissa into the exponent. */
    while (m != 0 && m % 10 == 0) { m /= 10; e++; }
    if (m == 0) e = 0;
    do {
        digits[nd++] = (char)('0' + (int)(m % 10));
        m /= 10;
    } while (m != 0);
    /* digits[] is reversed. */
    size_t o = 0;
#define PUT(c) do { if (o + 1 >= cap) return false; out[o++] = (c); } while (0)
    if (neg && !(nd == 1 && digits[0] == '0')) PUT('-');
    if (e >= 0) {
        for (size_t i = nd; i-- > 0;) PUT(digits[i]);
        for (int i = 0; i < e; i++) PUT('0');
        *integral = true;
    } else {
        size_t frac = (size_t)-e;
        if (frac >= nd) {
            PUT('0');
            PUT('.');
            for (size_t i = nd; i < frac; i++) PUT('0');
            for (size_t i = nd; i-- > 0;) PUT(digits[i]);
        } else {
            for (size_t i = nd; i-- > frac;) PUT(digits[i]);
            PUT('.');
            for (size_t i = frac; i-- > 0;) PUT(digits[i]);
        }
        *integral = false;
    }
#undef PUT
    out[o] = '\0';
    return true;
}

typedef struct word {
    const char *w;
    size_t n;
    int v;
} word;
#define W(s, v) {s, sizeof s - 1, v}

/* Sino-Korean digits. 영/공/빵 are zero (빵 is colloquial). 륙 is the
 * initial-sound-law spelling kept after 십/백 in some texts. */
static const word SINO[] = {
    W("영", 0), W("공", 0), W("빵", 0), W("일", 1), W("이", 2), W("삼", 3),
    W("사", 4), W("오", 5), W("육", 6), W("륙", 6), W("칠", 7), W("팔", 8),
    W("구", 9), {NULL, 0, 0}};
/* Multipliers inside a group (exponent of ten). */
static const word SMALL[] = {W("십", 1), W("백", 2), W("천", 3), {NULL, 0, 0}};
/* Group closers. */
static const word LARGE[] = {W("만", 4), W("억", 8), W("조", 12), W("경", 16),
                             {NULL, 0, 0}};
/* Native (고유어) units 1-9, including the adnominal forms used before a
 * counter (한, 두, 세, 네, 스무) and the old forms before some counters
 * (석 달, 넉 달, 서 말, 너 말). Longer spellings first. */
static const word NATIVE1[] = {
    W("하나", 1), W("한", 1), W("둘", 2), W("두", 2), W("셋", 3), W("세", 3),
    W("석", 3), W("서", 3), W("넷", 4), W("네", 4), W("넉", 4), W("너", 4),
    W("다섯", 5), W("닷", 5), W("여섯", 6), W("엿", 6), W("일곱", 7),
    W("여덟", 8), W("아홉", 9), {NULL, 0, 0}};
/* Native tens; 스무 is the adnominal 20 and takes no unit after it. */
static const word NATIVE10[] = {
    W("열", 10), W("스물", 20), W("스무", 20), W("서른", 30), W("마흔", 40),
    W("쉰", 50), W("예순", 60), W("일흔", 70), W("여든", 80), W("아흔", 90),
    {NULL, 0, 0}};

/* Words kc__num_parse_ex reads before a numeral (a sign) or as one. */
static const char MINUS_WORD[] = "마이너스", MINUS_WORD2[] = "마이나스",
                  HALF_WORD[] = "반";

static size_t lit(const char *s, size_t len, const char *w)
{
    size_t n = strlen(w);
    return n <= len && memcmp(s, w, n) == 0 ? n : 0;
}

/* The tables, and for each Hangul syllable the tables with a word that
 * starts with it (bit i: TABLES[i]), built once. */
static const word *const TABLES[] = {SINO, SMALL, LARGE, NATIVE1, NATIVE10};
enum { I_SINO, I_SMALL, I_LARGE, I_NATIVE1, I_NATIVE10 }; /* TABLES[i] */
#define NSYL 11172
static uint8_t g_first[NSYL];
static pthread_once_t g_first_once = PTHREAD_ONCE_INIT;

static int syl_of(const char *w)
{
    size_t n;
    uint32_t c = kc__utf8_get((const unsigned char *)w, &n);
    return kc__is_hangul_syllable(c) ? (int)(c - 0xAC00) : -1;
}

static void first_init(void)
{
    for (size_t t = 0; t < sizeof TABLES / sizeof *TABLES; t++)
        for (size_t i = 0; TABLES[t][i].w; i++) {
            int x = syl_of(TABLES[t][i].w);
            if (x >= 0) g_first[x] |= (uint8_t)(1u << t);
        }
}

/* Tables (bit i: TABLES[i]) with a word starting at s, 0 for none. */
static unsigned first_bits(const char *s, size_t len)
{
    /* every table word is Hangul (3-byte UTF-8, lead byte EA-ED): digits
     * and ASCII — most calls — leave at once */
    unsigned char c = (unsigned char)s[0];
    if (len < 3 || c < 0xEA || c > 0xED) return 0;
    size_t n;
    uint32_t cp = kc__utf8_get((const unsigned char *)s, &n);
    if (!kc__is_hangul_syllable(cp)) return 0;
    pthread_once(&g_first_once, first_init);
    return g_first[cp - 0xAC00];
}

/* The word of table TABLES[ti] at s. */
static size_t match_word(const char *s, size_t len, int ti, int *v)
{
    if (!(first_bits(s, len) & (1u << ti))) return 0;
    const word *t = TABLES[ti];
    for (size_t i = 0; t[i].w; i++) {
        if (t[i].w[2] != s[2] || t[i].w[1] != s[1] || t[i].w[0] != s[0]) continue;
        size_t n = t[i].n;
        if (n <= len && memcmp(s, t[i].w, n) == 0) { *v = t[i].v; return n; }
    }
    return 0;
}

void kc__num_start_syllables(unsigned forms, uint8_t *bits)
{
    static const char *const words[] = {MINUS_WORD, MINUS_WORD2, HALF_WORD};
    unsigned tb = ((forms & KC_NUM_SINO) ? 1u << I_SINO : 0) |
                  ((forms & KC_NUM_SCALE) ? 1u << I_SMALL | 1u << I_LARGE : 0) |
                  ((forms & KC_NUM_NATIVE) ? 1u << I_NATIVE1 | 1u << I_NATIVE10 : 0);
    pthread_once(&g_first_once, first_init);
    for (int x = 0; x < NSYL; x++)
        if (g_first[x] & tb) bits[x / 8] |= (uint8_t)(1u << (x % 8));
    /* the words kc__num_parse_ex reads before a numeral or in its place */
    for (int k = 0; k < 3; k++) {
        if (!(forms & (k < 2 ? KCN_MINUS_WORD : KCN_HALF))) continue;
        int x = syl_of(words[k]);
        bits[x / 8] |= (uint8_t)(1u << (x % 8));
    }
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Arabic number at s: digits with optional valid thousands groups and an
 * optional fraction. Linear in its length; a mantissa overflow is flagged
 * and the digits still consumed (so a caller never rescans them). */
static size_t parse_arabic(const char *s, size_t len, xnum *x)
{
    size_t i = 0;
    x->m = 0; x->e = 0; x->ovf = false;
    size_t lead = 0;
    while (i < len && is_digit(s[i])) {
        if (!x->ovf && !mul10(&x->m, 1)) x->ovf = true;
        if (!x->ovf) x->m += (unsigned)(s[i] - '0');
        if (x->ovf) x->e++; /* keep magnitude roughly right */
        i++;
    }
    if (i == 0) return 0;
    lead = i;
    /* Thousands groups: ",ddd" not followed by another digit; only after a
     * first group of 1-3 digits ("1,000", not "1234,567"). */
    if (lead <= 3) {
        while (i + 3 < len && s[i] == ',' && is_digit(s[i + 1]) &&
               is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
               (i + 4 >= len || !is_digit(s[i + 4]))) {
            for (size_t k = 1; k <= 3; k++) {
                if (!x->ovf && !mul10(&x->m, 1)) x->ovf = true;
                if (!x->ovf) x->m += (unsigned)(s[i + k] - '0');
                if (x->ovf) x->e++;
            }
            i += 4;
        }
    }
    if (i + 1 < len && s[i] == '.' && is_digit(s[i + 1])) {
        i++;
        while (i < len && is_digit(s[i])) {
            if (!x->ovf) {
                if (mul10(&x->m, 1)) {
                    x->m += (unsigned)(s[i] - '0');
                    x->e--;
                } else {
                    x->ovf = true;
                }
            }
            i++;
        }
    }
    return i;
}

/* Run of Sino digits after 점 (each one decimal place): 삼점일사 = 3.14. */
static size_t parse_sino_fraction(const char *s, size_t len, xnum *x)
{
    size_t i = 0;
    x->m = 0; x->e = 0; x->ovf = false;
    int v;
    size_t n;
    while ((n = match_word(s + i, len - i, I_SINO, &v)) != 0) {
        if (!mul10(&x->m, 1)) { x->ovf = true; break; }
        x->m += (unsigned)v;
        x->e--;
        i += n;
    }
    return i;
}

/* Native numeral 1-99 at s. */
static size_t parse_native(const char *s, size_t len, int *v)
{
    int t = 0, u = 0;
    size_t n = match_word(s, len, I_NATIVE10, &t);
    if (n) {
        if (lit(s, len, "스무")) { *v = 20; return n; }
        size_t m = match_word(s + n, len - n, I_NATIVE1, &u);
        *v = t + u;
        return n + m;
    }
    n = match_word(s, len, I_NATIVE1, &u);
    *v = u;
    return n;
}

/* Digits (or one Sino digit) followed directly by a scale word. */
static bool spaced_scale_follows(const char *s, size_t len, unsigned forms)
{
    size_t i = 0;
    int v;
    if (i < len && is_digit(s[i]) && (forms & KC_NUM_SCALE)) {
        while (i < len && is_digit(s[i])) i++;
    } else if (forms & KC_NUM_SINO) {
        i = match_word(s, len, I_SINO, &v);
        if (!i) return false;
    } else {
        return false;
    }
    return match_word(s + i, len - i, I_SMALL, &v) ||
           match_word(s + i, len - i, I_LARGE, &v);
}

/* The main grammar: [sign] group (large-scale group)* with Sino or Arabic
 * digits. Returns bytes consumed; x gets the magnitude. */
typedef struct pstate {
    unsigned forms;
    bool hangul;
    bool yeo;
    bool sino_used;   /* any Sino digit or scale word consumed */
    bool arabic_used; /* any Arabic digit consumed */
    int ntokens;      /* numeral tokens consumed */
    bool tens_only;   /* the last group is Sino tens with no unit digit */
} pstate;

static size_t parse_core(const char *s, size_t len, pstate *ps, xnum *out)
{
    xnum total = {0, 0, false}, group = {0, 0, false}, cur = {0, 0, false};
    bool have_cur = false, have_group = false, have_total = false;
    bool cur_frac = false;
    int last_large = 99, last_small = 99;
    size_t i = 0, good = 0; /* good: end of the longest valid prefix */
    xnum good_val = {0, 0, false};
    size_t prev_good = 0; /* end before the pending digits */
    xnum prev_val = {0, 0, false};
    bool bad_scale = false;
    bool last_bare = false;
    int v;
    size_t n;
    bool after_large_space = false;
    ps->tens_only = false;

    for (;;) {
        /* Arabic digits. */
        if ((ps->forms & (KC_NUM_ARABIC | KC_NUM_SCALE)) && i < len &&
            is_digit(s[i])) {
            if (have_cur) break;
            if (have_group && !(ps->forms & KC_NUM_SCALE)) break;
            xnum a;
            n = parse_arabic(s + i, len - i, &a);
            /* After a small scale the digits must fit below it
             * ("3천300"), else this is not one numeral. */
            if (have_group && last_small < 99) {
                /* a < 10^last_small: compare the digit count */
                kc_u128 t = a.m;
                int digs = 0;
                while (t) { digs++; t /= 10; }
                if (a.e + digs > last_small) break;
            }
            if (!(ps->forms & KC_NUM_ARABIC) && !(ps->forms & KC_NUM_SCALE))
                break;
            cur = a;
            have_cur = true;
            ps->arabic_used = true;
            cur_frac = a.e < 0;
            i += n;
            ps->ntokens++;
            after_large_space = false;
        } else if ((ps->forms & KC_NUM_SINO) &&
                   !have_cur && !ps->arabic_used &&
                   (n = match_word(s + i, len - i, I_SINO, &v)) != 0) {
            /* No Sino digit after Arabic ones: in "1억이 넘는" the 이 is
             * the subject particle, not 2. A zero word (영, 공, 빵) is
             * never said inside a numeral (1005 is 천오, not 천영오): only
             * first, as the number itself or before 점 (영점오), so
             * "경영", "조영남" are no numerals. */
            if (v == 0 && ps->ntokens > 0) break;
            cur.m = (kc_u128)v; cur.e = 0; cur.ovf = false;
            have_cur = true;
            cur_frac = false;
            ps->hangul = true;
            ps->sino_used = true;
            i += n;
            ps->ntokens++;
            after_large_space = false;
            /* 점 + Sino digits: a decimal fraction (삼점사 = 3.4). */
            size_t p = lit(s + i, len - i, "점");
            if (!p) p = lit(s + i, len - i, "쩜");
            if (p) {
                xnum f;
                size_t fn = parse_sino_fraction(s + i + p, len - i - p, &f);
                if (fn) {
                    cur = xadd(xadd(group, cur), f);
                    group.m = 0; group.e = 0;
                    have_group = false;
                    cur_frac = true;
                    last_small = 0; /* no 십/백/천 after a fraction */
                    i += p + fn;
                }
            }
        } else if ((ps->forms & KC_NUM_SCALE) &&
                   (n = match_word(s + i, len - i, I_SMALL, &v)) != 0) {
            if (v >= last_small) { bad_scale = true; break; }
            if (after_large_space && !have_cur) break;
            /* A bare scale word ("천 명") is a Hangul numeral. */
            if (ps->ntokens == 0 && !(ps->forms & KC_NUM_SINO)) break;
            xnum mult = {1, 0, false};
            if (have_cur) {
                /* Only a single digit multiplies 십/백/천 ("3천", "삼백");
                 * "1.5천" is accepted as news sometimes writes it. */
                if (!cur_frac && cur.m >= 10) break;
                if (cur_frac && cur.m >= 1000) break;
                mult = cur;
            }
            mult.e += v;
            group = xadd(group, mult);
            have_group = true;
            have_cur = false;
            cur.m = 0; cur.e = 0;
            cur_frac = false;
            last_small = v;
            ps->hangul = true;
            ps->sino_used = true;
            ps->tens_only = (v == 1);
            i += n;
            ps->ntokens++;
            after_large_space = false;
        } else if ((ps->forms & KC_NUM_SCALE) &&
                   (n = match_word(s + i, len - i, I_LARGE, &v)) != 0) {
            if (v >= last_large) { bad_scale = true; break; }
            if (after_large_space && !have_cur) break;
            xnum g = xadd(group, cur);
            /* A bare 만 (no digit before it) takes no spaced continuation:
             * in "만 19세" 만 means "full" (age), not 10000. */
            last_bare = !have_cur && !have_group;
            if (last_bare) g.m = 1, g.e = 0;
            if (ps->ntokens == 0 && !(ps->forms & KC_NUM_SINO))
                break; /* bare "만" needs the Sino forms */
            /* Bare 조 and 경 are never a number (one trillion is 1조 or
             * 일조); as a first syllable they start words (조영남, 조사,
             * 경영, 경사도). */
            if (ps->ntokens == 0 && v >= 12) break;
            g.e += v;
            total = xadd(total, g);
            have_total = true;
            group.m = 0; group.e = 0; cur.m = 0; cur.e = 0;
            have_group = have_cur = false;
            cur_frac = false;
            last_large = v;
            last_small = 99;
            ps->hangul = true;
            ps->sino_used = true;
            ps->tens_only = false;
            i += n;
            ps->ntokens++;
            after_large_space = false;
        } else if ((ps->forms & KCN_YEO) && (have_cur || have_group) &&
                   (n = lit(s + i, len - i, "여")) != 0 &&
                   match_word(s + i + n, len - i - n, I_LARGE, &v) != 0 &&
                   v < last_large) {
            /* "6천400여만": approximate inner group, the scale follows. */
            ps->yeo = true;
            i += n;
            continue;
        } else {
            break;
        }
        /* The value so far is valid if it ends here. */
        if (!have_cur) {
            prev_good = i;
            prev_val = xadd(total, group);
        }
        good = i;
        good_val = xadd(xadd(total, group), cur);
        /* One space after a 만-group scale, if a numeral continues
         * ("1만 2천", "12억 3456만"). */
        if (have_total && !last_bare && !have_group && !have_cur &&
            i + 1 < len &&
            s[i] == ' ') {
            int vv;
            bool cont = is_digit(s[i + 1]) ? (ps->forms & KC_NUM_SCALE) != 0
                        : ((ps->forms & KC_NUM_SINO) &&
                           (match_word(s + i + 1, len - i - 1, I_SINO, &vv) ||
                            match_word(s + i + 1, len - i - 1, I_SMALL, &vv)));
            if (cont) {
                i++;
                after_large_space = true;
            }
        } else if (have_group && !have_cur && last_small > 1 &&
                   last_small < 99 && i + 1 < len && s[i] == ' ' &&
                   spaced_scale_follows(s + i + 1, len - i - 1, ps->forms)) {
            /* Older news style spaces the small groups too: "7천 6백
             * 10만원" = 76,100,000. Only when the next piece carries its
             * own scale word, so "3천 2명" stays 3000. */
            i++;
            after_large_space = true;
        }
    }
    (void)have_total;
    /* "3천1천", "3만2만": the digit before an out-of-order scale word
     * belongs to a second numeral, not to this one. */
    if (bad_scale && have_cur && prev_good) {
        good = prev_good;
        good_val = prev_val;
    }
    *out = good_val;
    return good;
}

static void finish(kc_num *out, xnum x, bool neg)
{
    bool integral = true;
    out->overflow = x.ovf;
    if (x.ovf || !xformat(x, neg, out->dec, sizeof out->dec, &integral)) {
        out->overflow = true;
        snprintf(out->dec, sizeof out->dec, "%s", "");
        out->value = 0;
        out->integral = true;
        return;
    }
    out->integral = integral;
    /* m·10^e with m < 2^53 and |e| <= 22: one IEEE multiplication or
     * division of two exact doubles, rounded once — the correctly rounded
     * value strtod gives for dec (Clinger's fast path), without the parse */
    static const double P10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (x.m == 0) {
        out->value = 0;
    } else if (x.m < ((kc_u128)1 << 53) && x.e >= -22 && x.e <= 22) {
        double m = (double)(uint64_t)x.m;
        double v = x.e >= 0 ? m * P10[x.e] : m / P10[-x.e];
        out->value = neg ? -v : v;
    } else {
        out->value = strtod(out->dec, NULL);
    }
}

/* Can any numeral start at s? (a digit, a sign, a table word, or a word
 * of its own: the common case of a caller trying every position leaves
 * here). */
static bool may_start(const char *s, size_t len)
{
    if (len == 0) return false;
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) return is_digit((char)c) || c == '-' || c == '+';
    if (c == 0xE2) return true; /* U+2212 MINUS SIGN */
    return first_bits(s, len) || lit(s, len, MINUS_WORD) || lit(s, len, MINUS_WORD2) ||
           lit(s, len, HALF_WORD);
}

size_t kc__num_parse_ex(const char *s, size_t len, unsigned forms, kc_num *out,
                        unsigned *info)
{
    memset(out, 0, sizeof *out);
    if (info) *info = 0;
    if (!may_start(s, len)) return 0;
    size_t i = 0;
    bool neg = false;
    /* Signs: "-3", "+2.5", U+2212 MINUS SIGN; 마이너스 before a number. */
    if (len > 1 && (forms & KC_NUM_ARABIC) && (s[0] == '-' || s[0] == '+') &&
        is_digit(s[1])) {
        neg = s[0] == '-';
        i = 1;
    } else if (len > 3 && (forms & KC_NUM_ARABIC) &&
               lit(s, len, "\xE2\x88\x92") && is_digit(s[3])) {
        neg = true;
        i = 3;
    } else if (forms & KCN_MINUS_WORD) {
        size_t n = lit(s, len, MINUS_WORD);
        if (!n) n = lit(s, len, MINUS_WORD2);
        if (n) {
            if (n < len && s[n] == ' ') n++;
            neg = true;
            i = n;
        }
    }

    /* Best of: the Sino/Arabic grammar and a native numeral. */
    pstate ps;
    memset(&ps, 0, sizeof ps);
    ps.forms = forms;
    xnum x;
    size_t n = parse_core(s + i, len - i, &ps, &x);
    /* A lone Sino digit is not a number unless asked ("일" is 1 and a day,
     * "이" is 2 and a particle). */
    if (n && ps.ntokens == 1 && ps.sino_used && !(forms & KCN_LONE_SINO)) {
        int v;
        /* ... except as the denominator of a fraction (사분의삼). */
        if (match_word(s + i, len - i, I_SINO, &v) == n &&
            !((forms & KCN_FRAC_WORD) && lit(s + i + n, len - i - n, "분의")))
            n = 0;
    }
    size_t nn = 0;
    int nv = 0;
    if (forms & KC_NUM_NATIVE) nn = parse_native(s + i, len - i, &nv);
    if (nn > n) {
        n = nn;
        x.m = (kc_u128)nv; x.e = 0; x.ovf = false;
        ps.hangul = true;
        ps.yeo = false;
    } else if (n && ps.tens_only && (forms & KC_NUM_NATIVE)) {
        /* 십하나 (Sino ten + native one), heard in speech. */
        int u;
        size_t m = match_word(s + i + n, len - i - n, I_NATIVE1, &u);
        if (m) {
            xnum ux = {(kc_u128)u, 0, false};
            x = xadd(x, ux);
            n += m;
        }
    }
    if (n == 0 && (forms & KCN_HALF)) {
        n = lit(s + i, len - i, HALF_WORD);
        if (n) { x.m = 5; x.e = -1; x.ovf = false; ps.hangul = true; }
    }
    if (n == 0) {
        memset(out, 0, sizeof *out);
        return 0;
    }
    i += n;

    /* Fractions: "3분의 2" = 2/3 (the denominator comes first in Korean),
     * "3/4". */
    if (forms & (KCN_FRAC_WORD | KCN_FRAC_SLASH)) {
        size_t p = 0;
        if (forms & KCN_FRAC_WORD) {
            p = lit(s + i, len - i, "분의");
            if (p && i + p < len && s[i + p] == ' ') p++;
        }
        if (!p && (forms & KCN_FRAC_SLASH) && i < len && s[i] == '/' &&
            !ps.hangul)
            p = 1;
        if (p) {
            kc_num num;
            bool slash = s[i] == '/';
            size_t m = kc__num_parse_ex(s + i + p, len - i - p,
                                        (forms & KC_NUM_ALL) | KCN_LONE_SINO,
                                        &num, NULL);
            if (m && !num.overflow && !x.ovf) {
                char dbuf[96];
                bool integral;
                if (xformat(x, false, dbuf, sizeof dbuf, &integral)) {
                    /* Korean names the denominator first: 3분의 2 is
                     * 2/3; the slash form is numerator first. */
                    double a = strtod(dbuf, NULL);
                    double den = slash ? num.value : a;
                    if (den != 0) {
                        double v = (slash ? a : num.value) / den;
                        if (neg) v = -v;
                        kc__fmt_double(v, out->dec, sizeof out->dec);
                        out->value = v;
                        /* beyond long long the cast is undefined (fuzz:
                         * 20분의 2222…2, a 34-digit denominator) */
                        out->integral = v > -9e18 && v < 9e18 && v == (double)(long long)v;
                        out->hangul = ps.hangul || num.hangul;
                        if (info) *info |= KCN_INFO_FRACTION;
                        return i + p + m;
                    }
                }
            }
        }
    }
    finish(out, x, neg);
    out->hangul = ps.hangul;
    if (info && ps.yeo) *info |= KCN_INFO_YEO;
    return i;
}

size_t kc__num_parse(const char *s, size_t len, unsigned forms, kc_num *out)
{
    return kc__num_parse_ex(s, len, forms & KC_NUM_ALL, out, NULL);
}
