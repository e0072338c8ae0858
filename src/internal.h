/*
 * internal.h — shared by the modules of libkcorpus; not installed.
 *
 * Module map (one stage per file):
 *   buf.c        growable byte buffers, string arena, UTF-8 helpers
 *   dict.c       embedded dictionaries, --dict overrides, TSV iteration
 *   regex.c      PCRE2 compile (JIT) and guarded match (limits, NO_UTF_CHECK)
 *   engine.c     kc_engine: loads every module's data once
 *   decode.c     bytes → valid UTF-8 (BOM, UTF-16, CP949/EUC-KR, U+FFFD)
 *   normalize.c  NFC + documented foldings, fast path for clean text
 *   segment.c    lines (split over-long ones) with 1-based line numbers
 *   boilerplate.c portal chrome, datelines, bylines, source tags, title
 *   dedup.c      exact and near-duplicate paragraphs; corpus kc_dedup
 *   doc.c        kc_doc lifecycle, the reader pipeline, accessors
 *   numeral.c    Korean/Arabic numeral evaluator (shared)
 *   figures.c    kind "figure"
 *   dates.c      kinds "date", "time", "duration"
 *   entities.c   kind "entity"
 *   extract.c    runs the extractors over a document, offsets
 *   events.c     event records and metric observations
 *   emit_jsonl.c, emit_csv.c  writers
 */
#ifndef KC_INTERNAL_H
#define KC_INTERNAL_H

#include "kcorpus.h"

#include <stdint.h>
#include <stdbool.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* ---------------- buffers (buf.c) ---------------- */

/* A growable byte buffer. ptr is always NUL-terminated when cap > 0 (the
 * terminator is not counted in len), so it can be printed, but content may
 * hold NUL bytes: always use len. */
typedef struct kc_buf {
    char *ptr;
    size_t len, cap;
} kc_buf;

void kc__buf_init(kc_buf *b);
void kc__buf_free(kc_buf *b);
/* Ensure room for `extra` more bytes (+1 for the terminator). */
kc_status kc__buf_reserve(kc_buf *b, size_t extra);
kc_status kc__buf_append(kc_buf *b, const void *p, size_t n);
kc_status kc__buf_putc(kc_buf *b, char c);
kc_status kc__buf_puts(kc_buf *b, const char *s);
kc_status kc__buf_printf(kc_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append code point cp as UTF-8 (cp must be a valid scalar value). */
kc_status kc__buf_put_cp(kc_buf *b, uint32_t cp);
void kc__buf_clear(kc_buf *b);
/* Take ownership of the buffer's memory (NUL-terminated); b is reset. */
char *kc__buf_detach(kc_buf *b);

/* Checked size arithmetic: return false on overflow. */
static inline bool kc__add_ok(size_t a, size_t b, size_t *r)
{
    return !__builtin_add_overflow(a, b, r);
}
static inline bool kc__mul_ok(size_t a, size_t b, size_t *r)
{
    return !__builtin_mul_overflow(a, b, r);
}

/* A string arena: many small NUL-terminated strings freed at once. */
typedef struct kc_arena_block kc_arena_block;
typedef struct kc_arena {
    kc_arena_block *head;
} kc_arena;
void kc__arena_init(kc_arena *a);
void kc__arena_free(kc_arena *a);
/* Copy s[0..n) plus a terminator; NULL on out-of-memory. */
char *kc__arena_strndup(kc_arena *a, const char *s, size_t n);
void *kc__arena_alloc(kc_arena *a, size_t n);

/* UTF-8 on text that is already valid (after decode). */
/* Decode one code point at s (valid UTF-8 assumed); *n gets its length. */
static inline uint32_t kc__utf8_get(const unsigned char *s, size_t *n)
{
    unsigned c = s[0];
    if (c < 0x80) { *n = 1; return c; }
    if (c < 0xE0) { *n = 2; return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu); }
    if (c < 0xF0) {
        *n = 3;
        return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    *n = 4;
    return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
           ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}
/* Number of code points in valid UTF-8 s[0..n). */
size_t kc__utf8_count(const char *s, size_t n);
/* Start of the code point before byte offset i (i > 0). */
size_t kc__utf8_prev(const char *s, size_t i);
static inline bool kc__is_hangul_syllable(uint32_t c)
{
    return c >= 0xAC00 && c <= 0xD7A3;
}

/* ---------------- dictionaries (dict.c) ---------------- */

/* A dictionary file: embedded default or an override from --dict DIR. */
typedef struct kc_dictfile {
    const char *name; /* e.g. "units.tsv" */
    const char *data;
    size_t len;
} kc_dictfile;

/* Generated from dict/ at build time (build/dict_data.c). */
extern const kc_dictfile kc__embedded_dicts[];
extern const size_t kc__embedded_dict_count;

/* The file `name` as the engine sees it (override or embedded); NULL if
 * the name is unknown. */
const kc_dictfile *kc__dict_get(const kc_engine *eng, const char *name);

/* Iterate a TSV dictionary: comment lines (first non-blank char '#') and
 * blank lines are skipped; the first remaining line is the header and is
 * skipped too. Fields are split on TAB; a trailing CR is ignored. */
typedef struct kc_strv {
    const char *p;
    size_t n;
} kc_strv;
typedef struct kc_tsv {
    const char *p, *end;
    size_t line;       /* 1-based line of the row just returned */
    bool header_seen;
} kc_tsv;
void kc__tsv_init(kc_tsv *t, const kc_dictfile *f);
/* Returns the number of fields of the next row (≥1), or 0 at the end.
 * At most `max` fields are stored; extra fields are joined into the last. */
size_t kc__tsv_next(kc_tsv *t, kc_strv *fields, size_t max);
static inline bool kc__strv_eq(kc_strv v, const char *s)
{
    size_t n = strlen(s);
    return v.n == n && memcmp(v.p, s, n) == 0;
}

/* ---------------- regex (regex.c) ---------------- */

/* Compile a UTF-8 pattern with PCRE2_UTF|PCRE2_UCP|PCRE2_ANCHORED (and
 * extra `flags`), then JIT-compile it. Every pattern is anchored at the
 * start offset it is matched from (match-time PCRE2_ANCHORED would turn the
 * JIT off, see regex.c). NULL on failure with a message in err. */
pcre2_code *kc__re_compile(const char *pattern, size_t len, uint32_t flags,
                           char *err, size_t errlen);
/* Match at `start` (anchored) in subject s[0..len) (valid UTF-8 — no UTF
 * re-check, see STYLE.md), with the engine's match/depth limits. Returns
 * the pcre2_match() code: >0 match, PCRE2_ERROR_NOMATCH, or another
 * negative code; a limit hit is counted in st->regex_limit_hits. */
int kc__re_match(const kc_engine *eng, const pcre2_code *re, const char *s,
                 size_t len, size_t start, uint32_t options,
                 pcre2_match_data *md, kc_stats *st);

/* ---------------- engine (engine.c) ---------------- */

struct kc_boiler;   /* boilerplate.c */
struct kc_figures;  /* figures.c */
struct kc_dates;    /* dates.c */
struct kc_entities; /* entities.c */
struct kc_eventcfg; /* events.c */

struct kc_engine {
    kc_dictfile *dicts;      /* one per embedded name, override or not */
    size_t ndicts;
    char **owned;            /* override file contents we read */
    size_t nowned;
    pcre2_match_context *mctx; /* limits: match 100000, depth 1000 */
    struct kc_boiler *boiler;
    struct kc_figures *figures;
    struct kc_dates *dates;
    struct kc_entities *entities;
    struct kc_eventcfg *events;
};

/* Each module loads its dictionaries and compiles its patterns into the
 * engine, or fails with a message (file:line: reason) in err. */
kc_status kc__boiler_init(kc_engine *eng, char *err, size_t errlen);
void kc__boiler_free(struct kc_boiler *b);
kc_status kc__figures_init(kc_engine *eng, char *err, size_t errlen);
void kc__figures_free(struct kc_figures *f);
kc_status kc__dates_init(kc_engine *eng, char *err, size_t errlen);
void kc__dates_free(struct kc_dates *d);
kc_status kc__entities_init(kc_engine *eng, char *err, size_t errlen);
void kc__entities_free(struct kc_entities *e);
kc_status kc__events_init(kc_engine *eng, char *err, size_t errlen);
void kc__events_free(struct kc_eventcfg *e);

/* ---------------- reader stages ---------------- */

/* decode.c: raw bytes → valid UTF-8 in `out`. Invalid sequences become
 * U+FFFD (maximal-subpart rule) and NUL becomes U+FFFD; both are counted in
 * st (first_invalid_byte = input byte offset of the first). A UTF-8 BOM is
 * stripped; UTF-16 with a BOM is converted. text_input: bytes come from a
 * JSON string (already Unicode), so only validate. st->encoding receives the
 * encoding used. Returns KC_EENCODING only when nothing sensible can be
 * done (e.g. an unknown forced encoding). */
kc_status kc__decode(const unsigned char *in, size_t len, kc_encoding enc,
                     bool text_input, kc_buf *out, kc_stats *st);
/* The common case without a copy: when kc__decode would give back exactly
 * in[0..len) (valid UTF-8 without NUL, no BOM, UTF-8 or AUTO), count what it
 * would count into st and return true; the caller then uses in as the
 * decoded text. Otherwise false, with st untouched. */
bool kc__decode_as_is(const unsigned char *in, size_t len, kc_encoding enc,
                      bool text_input, kc_stats *st);

/* normalize.c: valid UTF-8 → NFC with the documented foldings (fullwidth
 * ASCII → ASCII, odd spaces → space, compatibility units → NFKC, zero-width
 * and format characters removed, CRLF/CR/NEL/LS/PS → LF, runs of spaces and
 * tabs → one space, spaces trimmed at line ends). Appends to out. */
kc_status kc__normalize(const char *in, size_t len, kc_buf *out,
                        kc_stats *st);
/* The same; when unchanged is not NULL and the whole input is already
 * normalized, nothing is appended and *unchanged is set: the caller uses
 * in as the result (no copy). */
kc_status kc__normalize_ex(const char *in, size_t len, kc_buf *out,
                           kc_stats *st, bool *unchanged);

/* dedup.c: 128-bit keyed fingerprint of a paragraph's dedup key
 * (NFKC_Casefold, all white space removed, zero-width and fillers gone;
 * digits kept). */
typedef struct kc_fp {
    uint64_t lo, hi;
} kc_fp;
kc_status kc__dedup_fingerprint(const char *s, size_t len, const uint8_t *key,
                                kc_fp *out);

/* ---------------- documents (doc.c) ---------------- */

typedef struct kc_line {
    size_t off, len;   /* into doc->text */
    size_t lineno;     /* 1-based input line */
    int drop;          /* 0 = kept, else kc_drop_reason */
    int is_title;
    kc_fp fp;          /* dedup fingerprint (set by kc__dedup_doc) */
    bool has_fp;
} kc_line;

typedef struct kc_drop {
    size_t line;
    kc_drop_reason reason;
} kc_drop;

/* Reference date for relative expressions; fields 0 when unknown. */
typedef struct kc_ymd {
    int y, m, d;
} kc_ymd;

/* State carried across the paragraphs of one document by dates.c. */
typedef struct kc_datectx {
    kc_ymd ref;     /* reference day (zeros: unknown) */
    kc_ymd last;    /* last resolved date in the text (y/m/d may be 0) */
    bool last_set;
} kc_datectx;

struct kc_doc {
    const kc_engine *eng;
    char *id;
    kc_buf raw;           /* fed bytes */
    bool text_input;
    bool read_done, extract_done;
    char *meta_date, *meta_title, *meta_url, *meta_source;
    const char *title, *published, *source, *byline; /* arena or meta */
    kc_buf text;          /* normalized text, lines separated by '\n' */
    kc_line *lines;
    size_t nlines, lines_cap;
    size_t *paras;        /* indexes into lines of kept body paragraphs */
    size_t nparas;
    kc_drop *drops;
    size_t ndrops, drops_cap;
    kc_mention *mentions;
    size_t nmentions, mentions_cap;
    kc_event *events;
    size_t nevents, events_cap;
    kc_arena arena;       /* strings that live as long as the doc */
    kc_arena warena;      /* strings of the current extraction window */
    kc_arena *sarena;     /* where kc__doc_strdup allocates */
    kc_stats stats;
    kc_ymd ref;           /* publication date or --ref-date, or zeros */
    int ref_sec;          /* its time of day in seconds, when ref_time */
    bool ref_time;
    char err[256];
    /* extraction state kept between windows (kc_doc_extract_window) */
    size_t next_para;     /* first paragraph of the next window */
    bool window_started;
    kc_datectx dctx;
    struct kc_evstate *evstate; /* events.c: carry-over between windows */
    struct kc_entstate *entstate; /* entities.c: names learned in earlier
                                     paragraphs (reset with each window) */
};

kc_status kc__doc_add_line(kc_doc *doc, size_t off, size_t len,
                           size_t lineno);
kc_status kc__doc_add_drop(kc_doc *doc, size_t lineno, kc_drop_reason r);
/* Rebuild doc->paras from lines whose drop is 0 and not the title. */
kc_status kc__doc_collect_paras(kc_doc *doc);
/* Copy into the doc's arena (NUL-terminated); NULL on out-of-memory. */
const char *kc__doc_strdup(kc_doc *doc, const char *s, size_t n);
/* Append a zeroed mention for paragraph `para` covering bytes
 * [bstart, bend); the caller fills kind-specific fields. text, start and
 * end are filled by extract.c at the end. NULL on out-of-memory. */
kc_mention *kc__doc_add_mention(kc_doc *doc, kc_mention_kind kind,
                                size_t para, size_t bstart, size_t bend);
/* Does a date/time/duration mention of `para` overlap [bstart, bend)? */
bool kc__doc_span_taken(const kc_doc *doc, size_t para, size_t bstart,
                        size_t bend);
kc_event *kc__doc_add_event(kc_doc *doc);

/* For unit tests of the extractors: bypass the reader. Every non-empty
 * line of text (valid NFC UTF-8) becomes a kept paragraph; ref_date
 * ("YYYY-MM-DD" or NULL) becomes the publication/reference date. */
kc_status kc__doc_load_paragraphs(kc_doc *doc, const char *text, size_t len,
                                  const char *ref_date);

/* segment.c: split doc->text (normalized) into lines, splitting lines
 * longer than max at a code-point boundary (counted). */
kc_status kc__segment(kc_doc *doc, size_t max_line_bytes);
/* boilerplate.c: mark title, chrome, datelines (sets published), bylines,
 * source tags. */
kc_status kc__boilerplate(kc_doc *doc);
/* dedup.c: within-document exact and near-duplicate removal. */
kc_status kc__dedup_doc(kc_doc *doc, const kc_options *opts);

/* Parse "YYYY-MM-DD..." into ymd (validates the calendar). */
bool kc__parse_ymd(const char *s, size_t n, kc_ymd *out);
/* "HH:MM" or "HH:MM:SS" at the start of s (n bytes), optionally followed by
 * a zone (Z, +09:00) that is ignored: seconds of the day, or -1. */
int kc__parse_hms(const char *s, size_t n);

/* ---------------- numerals (numeral.c) ---------------- */

/* Which numeral forms kc__num_parse accepts. */
#define KC_NUM_ARABIC 1u  /* 2,412.85  0.97  1,000 */
#define KC_NUM_SCALE 2u   /* digits/Sino words with 십 백 천 만 억 조 경 */
#define KC_NUM_SINO 4u    /* 일 이 삼 … 구, 영/공 (only with a scale word or
                             as part of a longer numeral) */
#define KC_NUM_NATIVE 8u  /* 하나/한 둘/두 셋/세 … 열 스물/스무 … 아흔 */
#define KC_NUM_ALL 15u

typedef struct kc_num {
    char dec[96];   /* exact decimal: "32900000", "-3", "0.75"; for
                       magnitudes beyond 96 digits, overflow is set */
    double value;   /* the same as a double */
    bool integral;  /* dec has no fraction */
    bool overflow;  /* too large to print exactly */
    bool hangul;    /* written (partly) in Hangul numerals */
} kc_num;

/* Parse the longest numeral starting at s[0] (within len bytes) using the
 * allowed forms. Returns the number of bytes consumed, 0 if none. It does
 * not check what follows (units, context): callers do. */
size_t kc__num_parse(const char *s, size_t len, unsigned forms, kc_num *out);

/* Extended entry point: kc__num_parse plus the forms below, which widen
 * what is accepted in ways the plain call must not (dates must never see
 * "3분의" eaten as a fraction). *info receives KC_NUMINFO_* bits. */
#define KC_NUM_FRAC_WORD 0x10u  /* 3분의 2, 사분의삼 */
#define KC_NUM_FRAC_SLASH 0x20u /* 3/4 */
#define KC_NUM_YEO 0x40u        /* 1억6천400여만: 여 before a 만-group scale */
#define KC_NUM_MINUS_WORD 0x80u /* 마이너스 3 */
#define KC_NUM_HALF 0x100u      /* 반 = 0.5 */
#define KC_NUM_LONE_SINO 0x200u /* a lone Sino digit (일 = 1, 삼 = 3) */
#define KC_NUMINFO_YEO 1u       /* an inner 여 was consumed (approximate) */
#define KC_NUMINFO_FRACTION 2u  /* value came from a fraction */
size_t kc__num_parse_ex(const char *s, size_t len, unsigned forms, kc_num *out,
                        unsigned *info);
/* Set bits[x / 8] bit x % 8 for every Hangul syllable U+AC00 + x that can
 * begin a numeral of these forms (bits covers the 11 172 syllables). */
void kc__num_start_syllables(unsigned forms, uint8_t *bits);

/* ---------------- extraction ---------------- */


/* Each extractor scans paragraph `para` (valid NFC UTF-8 s[0..len)) and
 * appends mentions with kc__doc_add_mention. Order: dates (date, time,
 * duration) first, then figures (which skip spans the dates claimed), then
 * entities. md is a match-data block the caller owns (one per thread). */
kc_status kc__dates_extract(kc_doc *doc, size_t para, const char *s,
                            size_t len, kc_datectx *ctx,
                            pcre2_match_data *md);
kc_status kc__figures_extract(kc_doc *doc, size_t para, const char *s,
                              size_t len, pcre2_match_data *md);
kc_status kc__entities_extract(kc_doc *doc, size_t para, const char *s,
                               size_t len, pcre2_match_data *md);
/* events.c: appends the events of paragraphs [p0, p1) from the mentions
 * of those paragraphs. Carry-over (metric, subject, source, dates) lives in
 * doc->evstate and persists across calls; kc__events_keep copies its
 * strings into the doc's long-lived arena before a window's strings are
 * freed. */
kc_status kc__events_extract(kc_doc *doc, size_t p0, size_t p1, pcre2_match_data *md);
kc_status kc__events_keep(kc_doc *doc);
void kc__events_state_free(struct kc_evstate *s);
void kc__entities_state_free(struct kc_entstate *s);
void kc__entities_state_reset(struct kc_entstate *s);

/* Format a double exactly enough to round-trip, without exponent. */
void kc__fmt_double(double v, char *out, size_t outlen);

#endif /* KC_INTERNAL_H */
