/* Unit tests: decode.c (bytes → valid UTF-8) and the reader's first two
 * stages on the encoding fixtures (tests/data/encodings/, written by
 * tests/data/make_encodings.py; tests run from the repository root). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

#define B(s) s, sizeof(s) - 1
#define FFFD "\xEF\xBF\xBD"
#define NONE SIZE_MAX

typedef struct dcase {
    const char *name;
    const char *in;
    size_t inlen;
    kc_encoding enc;
    bool text;
    const char *out;
    size_t outlen;
    size_t invalid, nul, first; /* first: NONE when no anomaly */
    size_t ctrl, pua, bidi;
    const char *encoding;
} dcase;

/* P1-P3: the invalid UTF-8 table (cmark api_test's single-character cases,
 * truncations, a space in place of a continuation byte), overlongs and
 * surrogates, with the counts ICU and Python give (maximal subpart). */
static const dcase P1[] = {
    {"01", B("\x01"), KC_ENC_UTF8, false, B("\x01"), 0, 0, NONE, 1, 0, 0, "UTF-8"},
    {"7F", B("\x7F"), KC_ENC_UTF8, false, B("\x7F"), 0, 0, NONE, 1, 0, 0, "UTF-8"},
    {"80", B("\x80"), KC_ENC_UTF8, false, B(FFFD), 1, 0, 0, 0, 0, 0, "UTF-8"},
    {"BF", B("\xBF"), KC_ENC_UTF8, false, B(FFFD), 1, 0, 0, 0, 0, 0, "UTF-8"},
    {"C0 80", B("\xC0\x80"), KC_ENC_UTF8, false, B(FFFD FFFD), 2, 0, 0, 0, 0, 0, "UTF-8"},
    {"C1 BF", B("\xC1\xBF"), KC_ENC_UTF8, false, B(FFFD FFFD), 2, 0, 0, 0, 0, 0, "UTF-8"},
    {"C2 80", B("\xC2\x80"), KC_ENC_UTF8, false, B("\xC2\x80"), 0, 0, NONE, 1, 0, 0, "UTF-8"},
    {"DF BF", B("\xDF\xBF"), KC_ENC_UTF8, false, B("\xDF\xBF"), 0, 0, NONE, 0, 0, 0, "UTF-8"},
    {"E0 80 80", B("\xE0\x80\x80"), KC_ENC_UTF8, false, B(FFFD FFFD FFFD), 3, 0, 0, 0, 0, 0, "UTF-8"},
    {"E0 9F BF", B("\xE0\x9F\xBF"), KC_ENC_UTF8, false, B(FFFD FFFD FFFD), 3, 0, 0, 0, 0, 0, "UTF-8"},
    {"E0 A0 80", B("\xE0\xA0\x80"), KC_ENC_UTF8, false, B("\xE0\xA0\x80"), 0, 0, NONE, 0, 0, 0, "UTF-8"},
    {"ED 9F BF", B("\xED\x9F\xBF"), KC_ENC_UTF8, false, B("\xED\x9F\xBF"), 0, 0, NONE, 0, 0, 0, "UTF-8"},
    {"ED A0 80", B("\xED\xA0\x80"), KC_ENC_UTF8, false, B(FFFD FFFD FFFD), 3, 0, 0, 0, 0, 0, "UTF-8"},
    {"ED BF BF", B("\xED\xBF\xBF"), KC_ENC_UTF8, false, B(FFFD FFFD FFFD), 3, 0, 0, 0, 0, 0, "UTF-8"},
    {"F0 80 80 80", B("\xF0\x80\x80\x80"), KC_ENC_UTF8, false, B(FFFD FFFD FFFD FFFD), 4, 0, 0, 0, 0, 0, "UTF-8"},
    {"F0 8F BF BF", B("\xF0\x8F\xBF\xBF"), KC_ENC_UTF8, false, B(FFFD FFFD FFFD FFFD), 4, 0, 0, 0, 0, 0, "UTF-8"},
    {"F0 90 80 80", B("\xF0\x90\x80\x80"), KC_ENC_UTF8, false, B("\xF0\x90\x80\x80"), 0, 0, NONE, 0, 0, 0, "UTF-8"},
    {"F4 8F BF BF", B("\xF4\x8F\xBF\xBF"), KC_ENC_UTF8, false, B("\xF4\x8F\xBF\xBF"), 0, 0, NONE, 0, 0, 0, "UTF-8"},
    {"F4 90 80 80", B("\xF4\x90\x80\x80"), KC_ENC_UTF8, false, B(FFFD FFFD FFFD FFFD), 4, 0, 0, 0, 0, 0, "UTF-8"},
    {"F7 BF BF BF", B("\xF7\xBF\xBF\xBF"), KC_ENC_UTF8, false, B(FFFD FFFD FFFD FFFD), 4, 0, 0, 0, 0, 0, "UTF-8"},
    {"F8", B("\xF8"), KC_ENC_UTF8, false, B(FFFD), 1, 0, 0, 0, 0, 0, "UTF-8"},
    {"FF", B("\xFF"), KC_ENC_UTF8, false, B(FFFD), 1, 0, 0, 0, 0, 0, "UTF-8"},
    {"E0 A0 at EOF", B("ab\xE0\xA0"), KC_ENC_UTF8, false, B("ab" FFFD), 1, 0, 2, 0, 0, 0, "UTF-8"},
    {"F0 90 80 at EOF", B("\xF0\x90\x80"), KC_ENC_UTF8, false, B(FFFD), 1, 0, 0, 0, 0, 0, "UTF-8"},
    {"C3 space", B("\xC3 x"), KC_ENC_UTF8, false, B(FFFD " x"), 1, 0, 0, 0, 0, 0, "UTF-8"},
    {"E4 B8 space", B("\xE4\xB8 x"), KC_ENC_UTF8, false, B(FFFD " x"), 1, 0, 0, 0, 0, 0, "UTF-8"},
    {"E4 space B8", B("\xE4 \xB8"), KC_ENC_UTF8, false, B(FFFD " " FFFD), 2, 0, 0, 0, 0, 0, "UTF-8"},
    {"F0 9F 98 space", B("\xF0\x9F\x98 "), KC_ENC_UTF8, false, B(FFFD " "), 1, 0, 0, 0, 0, 0, "UTF-8"},
    /* P2: overlong NUL and '/' are never decoded as NUL or '/' */
    {"overlong NUL", B("a\xC0\x80z"), KC_ENC_UTF8, false, B("a" FFFD FFFD "z"), 2, 0, 1, 0, 0, 0, "UTF-8"},
    {"overlong slash", B("../x\xC0\xAF..\xC0\xAF"), KC_ENC_UTF8, false,
     B("../x" FFFD FFFD ".." FFFD FFFD), 4, 0, 4, 0, 0, 0, "UTF-8"},
    /* P3: lone surrogates and a CESU-8 pair */
    {"CESU-8 pair", B("\xED\xA0\xBD\xED\xB8\x80"), KC_ENC_UTF8, false,
     B(FFFD FFFD FFFD FFFD FFFD FFFD), 6, 0, 0, 0, 0, 0, "UTF-8"},
    /* the same table through AUTO (no CP949 reading wins for these) */
    {"auto overlong in text", B("abc \xC0\xAF def\n\xED\xA0\x80 x\n"), KC_ENC_AUTO, false,
     B("abc " FFFD FFFD " def\n" FFFD FFFD FFFD " x\n"), 5, 0, 4, 0, 0, 0, "UTF-8"},
    /* P4: NUL is replaced, counted apart, and never truncates */
    {"NUL abc", B("abc\0de\0"), KC_ENC_AUTO, false, B("abc" FFFD "de" FFFD), 0, 2, 3, 0, 0, 0, "UTF-8"},
    {"NUL in date", B("2024\0년"), KC_ENC_AUTO, false, B("2024" FFFD "년"), 0, 1, 4, 0, 0, 0, "UTF-8"},
    {"NUL then bad", B("a\x80" "b\0"), KC_ENC_UTF8, false, B("a" FFFD "b" FFFD), 1, 1, 1, 0, 0, 0, "UTF-8"},
    /* text input: a BOM is an ordinary U+FEFF, no guessing */
    {"text BOM kept", B("\xEF\xBB\xBF" "abc"), KC_ENC_AUTO, true, B("\xEF\xBB\xBF" "abc"), 0, 0, NONE, 0, 0, 0, "UTF-8"},
    {"text no CP949", B("\xB0\xA1"), KC_ENC_AUTO, true, B(FFFD FFFD), 2, 0, 0, 0, 0, 0, "UTF-8"},
    /* P12: BOMs */
    {"UTF-8 BOM", B("\xEF\xBB\xBF" "한국"), KC_ENC_AUTO, false, B("한국"), 0, 0, NONE, 0, 0, 0, "UTF-8"},
    {"UTF-8 BOM offsets", B("\xEF\xBB\xBF" "a\xFF"), KC_ENC_AUTO, false, B("a" FFFD), 1, 0, 4, 0, 0, 0, "UTF-8"},
    {"later BOM kept", B("a\xEF\xBB\xBF" "b"), KC_ENC_AUTO, false, B("a\xEF\xBB\xBF" "b"), 0, 0, NONE, 0, 0, 0, "UTF-8"},
    {"only UTF-8 BOM", B("\xEF\xBB\xBF"), KC_ENC_AUTO, false, B(""), 0, 0, NONE, 0, 0, 0, "UTF-8"},
    {"only UTF-16LE BOM", B("\xFF\xFE"), KC_ENC_AUTO, false, B(""), 0, 0, NONE, 0, 0, 0, "UTF-16LE"},
    {"UTF-16LE", B("\xFF\xFE\x5C\xD5\x6D\xAD"), KC_ENC_AUTO, false, B("한국"), 0, 0, NONE, 0, 0, 0, "UTF-16LE"},
    {"UTF-16BE", B("\xFE\xFF\xD5\x5C\xAD\x6D"), KC_ENC_AUTO, false, B("한국"), 0, 0, NONE, 0, 0, 0, "UTF-16BE"},
    {"UTF-16 BOM beats forced", B("\xFE\xFF\x00\x41"), KC_ENC_CP949, false, B("A"), 0, 0, NONE, 0, 0, 0, "UTF-16BE"},
    {"UTF-16LE odd byte", B("\xFF\xFE" "A\0B"), KC_ENC_AUTO, false, B("A" FFFD), 1, 0, 4, 0, 0, 0, "UTF-16LE"},
    {"UTF-16LE lone surrogate", B("\xFF\xFE\x00\xD8" "A\0"), KC_ENC_AUTO, false, B(FFFD "A"), 1, 0, 2, 0, 0, 0, "UTF-16LE"},
    {"UTF-16LE NUL", B("\xFF\xFE" "A\0\0\0B\0"), KC_ENC_AUTO, false, B("A" FFFD "B"), 0, 1, 4, 0, 0, 0, "UTF-16LE"},
    {"UTF-16LE pair", B("\xFF\xFE\x3D\xD8\x00\xDE"), KC_ENC_AUTO, false, B("\xF0\x9F\x98\x80"), 0, 0, NONE, 0, 0, 0, "UTF-16LE"},
    {"UTF-16BE PUA bidi", B("\xFE\xFF\xE0\x00\x20\x2E"), KC_ENC_AUTO, false, B("\xEE\x80\x80\xE2\x80\xAE"), 0, 0, NONE, 0, 1, 1, "UTF-16BE"},
    /* P11: CP949 (ICU windows-949-2000) */
    {"CP949 81 20", B("\x81\x20"), KC_ENC_CP949, false, B(FFFD " "), 1, 0, 0, 0, 0, 0, "CP949"},
    {"CP949 FF", B("\xFF"), KC_ENC_CP949, false, B("\xEF\xA3\xB7"), 0, 0, NONE, 0, 1, 0, "CP949"},
    {"CP949 trailing lead", B("a\xB0"), KC_ENC_CP949, false, B("a" FFFD), 1, 0, 1, 0, 0, 0, "CP949"},
    {"CP949 8C 63", B("\x8C\x63"), KC_ENC_CP949, false, B("똠"), 0, 0, NONE, 0, 0, 0, "CP949"},
    {"CP949 81 41", B("\x81\x41"), KC_ENC_CP949, false, B("갂"), 0, 0, NONE, 0, 0, 0, "CP949"},
    {"CP949 C6 52", B("\xC6\x52"), KC_ENC_CP949, false, B("힣"), 0, 0, NONE, 0, 0, 0, "CP949"},
    {"CP949 C6 53", B("\xC6\x53"), KC_ENC_CP949, false, B(FFFD), 1, 0, 0, 0, 0, 0, "CP949"},
    {"CP949 80", B("\x80"), KC_ENC_CP949, false, B("\xC2\x80"), 0, 0, NONE, 1, 0, 0, "CP949"},
    {"CP949 1A", B("\x1A"), KC_ENC_CP949, false, B("\x1A"), 0, 0, NONE, 1, 0, 0, "CP949"},
    {"CP949 user area", B("\xC9\xA1"), KC_ENC_CP949, false, B("\xEE\x80\x80"), 0, 0, NONE, 0, 1, 0, "CP949"},
    {"CP949 euro", B("\xA2\xE6"), KC_ENC_CP949, false, B("€"), 0, 0, NONE, 0, 0, 0, "CP949"},
    {"CP949 NUL", B("\xB0\xA1\0"), KC_ENC_CP949, false, B("가" FFFD), 0, 1, 2, 0, 0, 0, "CP949"},
    {"EUC-KR forced UHC", B("\x8C\x63\xB9\xE6"), KC_ENC_EUCKR, false, B("똠방"), 0, 0, NONE, 0, 0, 0, "EUC-KR"},
    {"auto CP949 UHC", B("\x8C\x63\xB9\xE6\xB0\xA2\xC7\xCF \x94\xEE"), KC_ENC_AUTO, false,
     B("똠방각하 뷁"), 0, 0, NONE, 0, 0, 0, "CP949"},
    {"auto EUC-KR", B("\xC7\xD1\xB1\xB9 \xB0\xE6\xC1\xA6"), KC_ENC_AUTO, false, B("한국 경제"), 0, 0, NONE, 0, 0, 0, "EUC-KR"},
    {"auto one syllable", B("\x8C\x63"), KC_ENC_AUTO, false, B("똠"), 0, 0, NONE, 0, 0, 0, "CP949"},
    {"auto mixed lines", B("한국\n\xB0\xE6\xC1\xA6\n경제\n"), KC_ENC_AUTO, false,
     B("한국\n경제\n경제\n"), 0, 0, NONE, 0, 0, 0, "UTF-8+CP949"},
    {"auto short CP949 line", B("\xC4\xB7\n\xC7\xD1\xB1\xB9\n"), KC_ENC_AUTO, false, B("캠\n한국\n"), 0, 0, NONE, 0, 0, 0, "EUC-KR"},
    {"auto UTF-8 stray byte", B("한국 경제가\xFF 성장했다"), KC_ENC_AUTO, false,
     B("한국 경제가" FFFD " 성장했다"), 1, 0, 16, 0, 0, 0, "UTF-8"},
    {"auto UTF-8 truncated end", B("한국 경제가 성장했다\xED\x95"), KC_ENC_AUTO, false,
     B("한국 경제가 성장했다" FFFD), 1, 0, 29, 0, 0, 0, "UTF-8"},
    /* a 16-byte SIMD block that ends inside a character whose next byte
     * is a new lead (fuzz_decode crash, CI stop 11): the truncated
     * sequence must still become U+FFFD, not pass through */
    {"block ends in E-lead + 1", B("\x01\x01" "가나다라xy\xEB\xA4\xEB\xA6\xAC" "는 변화를 겪었다 abc"), KC_ENC_UTF8,
     false, B("\x01\x01" "가나다라xy" FFFD "\xEB\xA6\xAC" "는 변화를 겪었다 abc"), 1, 0, 16, 2, 0, 0, "UTF-8"},
    {"block ends in C-lead", B("\x01\x01" "가나다라xyz\xC3\xC3\xA9" "는 변화를 겪었다 abc"), KC_ENC_UTF8,
     false, B("\x01\x01" "가나다라xyz" FFFD "\xC3\xA9" "는 변화를 겪었다 abc"), 1, 0, 17, 2, 0, 0, "UTF-8"},
    {"block ends in E-lead", B("\x01\x01" "가나다라xyz\xEB\xEB\xA6\xAC" "는 변화를 겪었다 abc"), KC_ENC_UTF8,
     false, B("\x01\x01" "가나다라xyz" FFFD "\xEB\xA6\xAC" "는 변화를 겪었다 abc"), 1, 0, 17, 2, 0, 0, "UTF-8"},
    /* flagged, kept */
    {"controls", B("a\x1A\x0B\tb\r\n\f\x7F"), KC_ENC_AUTO, false, B("a\x1A\x0B\tb\r\n\f\x7F"), 0, 0, NONE, 3, 0, 0, "UTF-8"},
    {"C1 and NEL", B("\xC2\x9F\xC2\x85"), KC_ENC_AUTO, false, B("\xC2\x9F\xC2\x85"), 0, 0, NONE, 1, 0, 0, "UTF-8"},
    {"PUA", B("\xEE\x80\x80\xEF\xA3\xBF\xF3\xB0\x80\x80\xF4\x8F\xBF\xBD\xEF\xA4\x80"), KC_ENC_AUTO, false,
     B("\xEE\x80\x80\xEF\xA3\xBF\xF3\xB0\x80\x80\xF4\x8F\xBF\xBD\xEF\xA4\x80"), 0, 0, NONE, 0, 4, 0, "UTF-8"},
    {"bidi", B("a\xE2\x80\xAE" "b\xE2\x81\xA6" "c\xE2\x80\xA9"), KC_ENC_AUTO, false,
     B("a\xE2\x80\xAE" "b\xE2\x81\xA6" "c\xE2\x80\xA9"), 0, 0, NONE, 0, 0, 2, "UTF-8"},
    {"noncharacters", B("\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xB7\x90\xF0\x9F\xBF\xBE"), KC_ENC_AUTO, false,
     B("\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xB7\x90\xF0\x9F\xBF\xBE"), 0, 0, NONE, 0, 0, 0, "UTF-8"},
    {"empty", B(""), KC_ENC_AUTO, false, B(""), 0, 0, NONE, 0, 0, 0, "UTF-8"},
};

static void run_case(void **state)
{
    const dcase *c = *state;
    kc_buf out;
    kc_stats st;
    kc__buf_init(&out);
    memset(&st, 0, sizeof st);
    assert_int_equal(kc__decode((const unsigned char *)c->in, c->inlen, c->enc, c->text,
                                &out, &st), KC_OK);
    if (out.len != c->outlen || memcmp(out.ptr ? out.ptr : "", c->out, c->outlen) != 0) {
        fprintf(stderr, "%s: got %zu bytes:", c->name, out.len);
        for (size_t i = 0; i < out.len; i++) fprintf(stderr, " %02X", (unsigned char)out.ptr[i]);
        fprintf(stderr, "\n");
        fail();
    }
    assert_int_equal(st.invalid_sequences, c->invalid);
    assert_int_equal(st.nul_bytes, c->nul);
    if (c->first != NONE) assert_int_equal(st.first_invalid_byte, c->first);
    assert_int_equal(st.control_chars, c->ctrl);
    assert_int_equal(st.private_use, c->pua);
    assert_int_equal(st.bidi_controls, c->bidi);
    assert_string_equal(st.encoding, c->encoding);
    kc__buf_free(&out);
}

/* first_invalid_byte is set once per document: a second call on the same
 * stats keeps the first offset while the counts add up. */
static void t_first_only(void **state)
{
    (void)state;
    kc_buf out;
    kc_stats st;
    kc__buf_init(&out);
    memset(&st, 0, sizeof st);
    assert_int_equal(kc__decode((const unsigned char *)"ab\xFF" "c\xFF", 5, KC_ENC_UTF8, false, &out, &st), KC_OK);
    assert_int_equal(st.first_invalid_byte, 2);
    assert_int_equal(st.invalid_sequences, 2);
    assert_int_equal(kc__decode((const unsigned char *)"\xFF", 1, KC_ENC_UTF8, false, &out, &st), KC_OK);
    assert_int_equal(st.first_invalid_byte, 2);
    assert_int_equal(st.invalid_sequences, 3);
    /* decode appends */
    assert_int_equal(out.len, 2 + 3 + 1 + 3 + 3);
    kc__buf_free(&out);
}

static void t_bad_args(void **state)
{
    (void)state;
    kc_buf out;
    kc_stats st;
    kc__buf_init(&out);
    memset(&st, 0, sizeof st);
    assert_int_equal(kc__decode((const unsigned char *)"a", 1, (kc_encoding)99, false, &out, &st),
                     KC_EENCODING);
    assert_int_equal(kc__decode(NULL, 1, KC_ENC_AUTO, false, &out, &st), KC_EINVAL);
    assert_int_equal(kc__decode(NULL, 0, KC_ENC_AUTO, false, &out, &st), KC_OK);
    assert_int_equal(out.len, 0);
    kc__buf_free(&out);
}

/* P4: a file of 1 MB of NUL: every byte replaced and counted, fast. */
static void t_all_nul(void **state)
{
    (void)state;
    size_t n = 1u << 20;
    unsigned char *z = calloc(n, 1);
    assert_non_null(z);
    kc_buf out;
    kc_stats st;
    kc__buf_init(&out);
    memset(&st, 0, sizeof st);
    assert_int_equal(kc__decode(z, n, KC_ENC_AUTO, false, &out, &st), KC_OK);
    assert_int_equal(st.nul_bytes, n);
    assert_int_equal(st.invalid_sequences, 0);
    assert_int_equal(st.first_invalid_byte, 0);
    assert_int_equal(out.len, 3 * n);
    assert_memory_equal(out.ptr + 3 * n - 3, FFFD, 3);
    free(z);
    kc__buf_free(&out);
}

/* ICU's detector gets Latin-1 prose when the CP949 reading is not Korean. */
static void t_latin1(void **state)
{
    (void)state;
    static const char s[] =
        "Le gouvernement fran\xE7" "ais a annonc\xE9 hier une r\xE9" "forme tr\xE8s "
        "controvers\xE9" "e des retraites, qui pr\xE9voit notamment un rel\xE8vement "
        "de l'\xE2ge l\xE9gal de d\xE9part \xE0 soixante-quatre ans. Les syndicats ont "
        "imm\xE9" "diatement d\xE9nonc\xE9 un projet \xAB injuste et brutal \xBB et "
        "appellent \xE0 la gr\xE8ve g\xE9n\xE9rale.\n";
    kc_buf out;
    kc_stats st;
    kc__buf_init(&out);
    memset(&st, 0, sizeof st);
    assert_int_equal(kc__decode((const unsigned char *)s, sizeof s - 1, KC_ENC_AUTO, false, &out, &st), KC_OK);
    assert_string_equal(st.encoding, "ISO-8859-1");
    assert_non_null(strstr(out.ptr, "fran\xC3\xA7" "ais a annonc\xC3\xA9"));
    assert_int_equal(st.invalid_sequences, 0);
    kc__buf_free(&out);
}

/* ---------------- fixtures ---------------- */

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    kc_buf b;
    kc__buf_init(&b);
    char tmp[8192];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        if (kc__buf_append(&b, tmp, k)) break;
    fclose(f);
    *n = b.len;
    return kc__buf_detach(&b);
}

/* decode + normalize, as kc_doc_read does */
static char *reader12(const char *raw, size_t n, kc_encoding enc, size_t *outlen, kc_stats *st)
{
    kc_buf u, t;
    kc__buf_init(&u);
    kc__buf_init(&t);
    memset(st, 0, sizeof *st);
    if (kc__decode((const unsigned char *)raw, n, enc, false, &u, st) != KC_OK) return NULL;
    kc_status s = kc__normalize(u.ptr ? u.ptr : "", u.len, &t, st);
    kc__buf_free(&u);
    if (s != KC_OK || kc__buf_reserve(&t, 0)) { kc__buf_free(&t); return NULL; }
    *outlen = t.len;
    return kc__buf_detach(&t);
}

typedef struct fcase {
    const char *file;
    kc_encoding enc;
    const char *encoding;
    const char *ref; /* NULL: the sample article */
} fcase;

static const fcase FIX[] = {
    {"kakao.cp949.txt", KC_ENC_AUTO, "EUC-KR", NULL},
    {"kakao.cp949.txt", KC_ENC_CP949, "CP949", NULL},
    {"kakao.euckr.txt", KC_ENC_EUCKR, "EUC-KR", NULL},
    {"kakao.utf16le.txt", KC_ENC_AUTO, "UTF-16LE", NULL},
    {"kakao.utf16be.txt", KC_ENC_AUTO, "UTF-16BE", NULL},
    {"kakao.utf8bom.txt", KC_ENC_AUTO, "UTF-8", NULL},
    {"kakao.nfd.txt", KC_ENC_AUTO, "UTF-8", NULL},
    {"kakao.crlf.txt", KC_ENC_AUTO, "UTF-8", NULL},
    {"kakao.lineends.txt", KC_ENC_AUTO, "UTF-8", NULL},
    {"kakao.zwsp.txt", KC_ENC_AUTO, "UTF-8", NULL},
    {"kakao.fullwidth.txt", KC_ENC_AUTO, "UTF-8", NULL},
    {"kakao.spaces.txt", KC_ENC_AUTO, "UTF-8", NULL},
    {"kakao.mixed.txt", KC_ENC_AUTO, "UTF-8+CP949", NULL},
    {"kakao.all.utf16le.txt", KC_ENC_AUTO, "UTF-16LE", NULL},
    {"uhc.cp949.txt", KC_ENC_AUTO, "CP949", "tests/data/encodings/uhc.utf8.txt"},
};

/* Acceptance: each variant of the sample decodes + normalizes to exactly
 * the bytes the plain UTF-8 file gives. */
static void run_fixture(void **state)
{
    const fcase *c = *state;
    char path[256];
    snprintf(path, sizeof path, "tests/data/encodings/%s", c->file);
    size_t rn = 0, vn = 0, a = 0, b = 0;
    char *ref = slurp(c->ref ? c->ref : "corpus/kakao_editorial.txt", &rn);
    char *var = slurp(path, &vn);
    assert_non_null(ref);
    assert_non_null(var);
    kc_stats s1, s2;
    char *x = reader12(ref, rn, KC_ENC_AUTO, &a, &s1);
    char *y = reader12(var, vn, c->enc, &b, &s2);
    assert_non_null(x);
    assert_non_null(y);
    assert_string_equal(s2.encoding, c->encoding);
    assert_int_equal(s2.invalid_sequences, 0);
    assert_int_equal(a, b);
    assert_memory_equal(x, y, a);
    free(ref); free(var); free(x); free(y);
}

/* kc_doc_feed in chunks of 1..64 bytes gives the same paragraphs as one
 * feed, and the CP949 sample gives the UTF-8 sample's paragraphs. */
static void t_chunked_cp949(void **state)
{
    (void)state;
    char err[256];
    kc_engine *e = NULL;
    kc_status es = kc_engine_new(&e, NULL, err, sizeof err);
    if (es != KC_OK) fprintf(stderr, "kc_engine_new: %s\n", err);
    assert_int_equal(es, KC_OK);
    size_t cn = 0, un = 0;
    char *cp = slurp("tests/data/encodings/kakao.cp949.txt", &cn);
    char *u8 = slurp("corpus/kakao_editorial.txt", &un);
    assert_non_null(cp);
    assert_non_null(u8);
    kc_options o;
    kc_options_init(&o);
    kc_doc *ref = NULL;
    assert_int_equal(kc_doc_new(&ref, e, "ref"), KC_OK);
    assert_int_equal(kc_doc_feed(ref, u8, un), KC_OK);
    assert_int_equal(kc_doc_read(ref, &o), KC_OK);
    size_t np = kc_doc_paragraph_count(ref);
    assert_true(np > 10);
    for (size_t chunk = 1; chunk <= 64; chunk++) {
        kc_doc *d = NULL;
        assert_int_equal(kc_doc_new(&d, e, "cp949"), KC_OK);
        for (size_t off = 0; off < cn; off += chunk)
            assert_int_equal(kc_doc_feed(d, cp + off, cn - off < chunk ? cn - off : chunk), KC_OK);
        assert_int_equal(kc_doc_read(d, &o), KC_OK);
        assert_string_equal(kc_doc_stats(d)->encoding, "EUC-KR");
        assert_int_equal(kc_doc_paragraph_count(d), np);
        for (size_t i = 0; i < np; i++) {
            size_t l1, l2;
            const char *p1 = kc_doc_paragraph(ref, i, &l1);
            const char *p2 = kc_doc_paragraph(d, i, &l2);
            assert_int_equal(l1, l2);
            assert_memory_equal(p1, p2, l1);
        }
        kc_doc_free(d);
    }
    kc_doc_free(ref);
    kc_engine_free(e);
    free(cp);
    free(u8);
}

/* P13/P18: every fixture fed in small chunks (CRLF, UTF-16 units and
 * CP949 pairs straddle the boundaries) reads like the plain sample. */
static void t_chunked_fixtures(void **state)
{
    (void)state;
    char err[256];
    kc_engine *e = NULL;
    assert_int_equal(kc_engine_new(&e, NULL, err, sizeof err), KC_OK);
    kc_options o;
    kc_options_init(&o);
    size_t un = 0;
    char *u8 = slurp("corpus/kakao_editorial.txt", &un);
    assert_non_null(u8);
    kc_doc *ref = NULL;
    assert_int_equal(kc_doc_new(&ref, e, "ref"), KC_OK);
    assert_int_equal(kc_doc_feed(ref, u8, un), KC_OK);
    assert_int_equal(kc_doc_read(ref, &o), KC_OK);
    size_t np = kc_doc_paragraph_count(ref);
    static const size_t sizes[] = {1, 2, 3, 5, 64};
    for (size_t f = 0; f < sizeof FIX / sizeof FIX[0]; f++) {
        if (FIX[f].ref || FIX[f].enc != KC_ENC_AUTO) continue;
        char path[256];
        snprintf(path, sizeof path, "tests/data/encodings/%s", FIX[f].file);
        size_t vn = 0;
        char *v = slurp(path, &vn);
        assert_non_null(v);
        for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
            kc_doc *d = NULL;
            assert_int_equal(kc_doc_new(&d, e, "x"), KC_OK);
            for (size_t off = 0; off < vn; off += sizes[z])
                assert_int_equal(kc_doc_feed(d, v + off, vn - off < sizes[z] ? vn - off : sizes[z]), KC_OK);
            assert_int_equal(kc_doc_read(d, &o), KC_OK);
            assert_int_equal(kc_doc_paragraph_count(d), np);
            for (size_t i = 0; i < np; i++) {
                size_t l1, l2;
                const char *p1 = kc_doc_paragraph(ref, i, &l1);
                const char *p2 = kc_doc_paragraph(d, i, &l2);
                assert_int_equal(l1, l2);
                assert_memory_equal(p1, p2, l1);
                assert_int_equal(kc_doc_paragraph_line(ref, i), kc_doc_paragraph_line(d, i));
            }
            kc_doc_free(d);
        }
        free(v);
    }
    kc_doc_free(ref);
    kc_engine_free(e);
    free(u8);
}

/* kc__decode_as_is against kc__decode, and kc__normalize_ex's unchanged
 * against kc__normalize, for special bytes at every offset of a text long
 * enough for the 16-byte blocks: as-is exactly when the decoded output
 * would equal the input, with the same counts; unchanged only when the
 * normalized output equals the input (the slow path may also rebuild a
 * line as it was, e.g. one with U+FFFD), else the same output. */
static const char *const SPECIAL[] = {
    "", "\x01", "\x7f", "\t", "\n", "\r", "\f", "  ", " \n", "\n ", "\xc2\x85", "\xc2\x9f",
    "\xc2\xa0", "\xc2\xb7", "\xc3\xa9", "\xe2\x80\x9c", "\xe2\x80\xab", "\xe2\x81\xa7",
    "\xe2\x82\xac", "\xee\x80\x80", "\xef\xa3\xbf", "\xef\xbc\x85", "\xed\x9f\xbb",
    "\xed\xa0\x80", "\xea\xb0\x80", "\xea\x80\x80", "\xe0\xa4\x85", "\xe0\x80\xaf",
    "\xf3\xb0\x80\x80", "\xf0\x9f\x98\x80", "\xf4\x90\x80\x80", "\x80", "\xbf\xbf",
    "\xed", "\xea\xb0", "\xe1\x84\x80\xe1\x85\xa1", "\xef\xbb\xbf", "\xe3\x80\x80",
};

static void t_as_is(void **state)
{
    (void)state;
    const char *fill = "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 ab\xeb\x89\xb4\xec\x8a\xa4 2024";
    char in[256];
    size_t n_same = 0;
    for (size_t k = 0; k < sizeof SPECIAL / sizeof *SPECIAL; k++) {
        for (size_t at = 0; at < 40; at++) {
            size_t n = 0;
            for (; n < at; n++) in[n] = fill[n % strlen(fill)];
            while (n && ((unsigned char)fill[n % strlen(fill)] & 0xC0) == 0x80) n--; /* whole characters */
            size_t sl = strlen(SPECIAL[k]);
            if (k == 0) { in[n++] = '\0'; } /* NUL */
            memcpy(in + n, SPECIAL[k], sl);
            n += sl;
            for (int t = 0; t < 2; t++) {
                memcpy(in + n, fill, strlen(fill));
                n += strlen(fill);
            }
            in[n++] = 'x';
            for (int text = 0; text < 2; text++) {
                kc_stats a, b;
                memset(&a, 0, sizeof a);
                memset(&b, 0, sizeof b);
                kc_buf out;
                kc__buf_init(&out);
                bool same = kc__decode_as_is((const unsigned char *)in, n, KC_ENC_UTF8, text, &a);
                assert_int_equal(kc__decode((const unsigned char *)in, n, KC_ENC_UTF8, text, &out, &b), KC_OK);
                bool eq = out.len == n && memcmp(out.ptr, in, n) == 0;
                if (same != eq) fail_msg("decode as-is: case %zu at %zu", k, at);
                if (same) assert_memory_equal(&a, &b, sizeof a);
                /* normalize: unchanged exactly when the output is the input */
                kc_buf o1, o2;
                kc__buf_init(&o1);
                kc__buf_init(&o2);
                kc_stats c, e;
                memset(&c, 0, sizeof c);
                memset(&e, 0, sizeof e);
                bool un = false;
                assert_int_equal(kc__normalize_ex(out.ptr, out.len, &o1, &c, &un), KC_OK);
                assert_int_equal(kc__normalize(out.ptr, out.len, &o2, &e), KC_OK);
                n_same += un;
                bool neq = o2.len == out.len && memcmp(o2.ptr, out.ptr, out.len) == 0;
                if ((un && !neq) || (un && o1.len) || (!un && (o1.len != o2.len || memcmp(o1.ptr, o2.ptr, o1.len))))
                    fail_msg("normalize unchanged: case %zu at %zu", k, at);
                assert_memory_equal(&c, &e, sizeof c);
                kc__buf_free(&o1);
                kc__buf_free(&o2);
                kc__buf_free(&out);
            }
        }
    }
    /* how many of the 3040 texts take the unchanged path (those whose
     * special is clean: U+00B7, U+00E9, U+20AC, U+201C, controls, ...);
     * pinned, so that a quick check that stops skipping shows */
    assert_int_equal(n_same, 1517);
}

#define N_P1 (sizeof P1 / sizeof P1[0])
#define N_FIX (sizeof FIX / sizeof FIX[0])

int main(void)
{
    struct CMUnitTest tests[N_P1 + N_FIX + 8];
    size_t n = 0;
    for (size_t i = 0; i < N_P1; i++) {
        tests[n] = (struct CMUnitTest)cmocka_unit_test_prestate(run_case, (void *)&P1[i]);
        tests[n++].name = P1[i].name;
    }
    for (size_t i = 0; i < N_FIX; i++) {
        tests[n] = (struct CMUnitTest)cmocka_unit_test_prestate(run_fixture, (void *)&FIX[i]);
        tests[n++].name = FIX[i].file;
    }
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_first_only);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_bad_args);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_all_nul);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_latin1);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_chunked_cp949);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_chunked_fixtures);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(t_as_is);
    return _cmocka_run_group_tests("decode", tests, n, NULL, NULL);
}
