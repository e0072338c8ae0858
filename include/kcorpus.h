/*
 * kcorpus.h — the public interface of libkcorpus.
 *
 * kcorpus turns scraped Korean news articles into clean text and structured
 * records: reader (decode → normalize → segment → strip boilerplate → dedup),
 * extractor (figures, dates, times, durations, entities), events (metric
 * observations and other event records) and emitters (text, JSONL, CSV, TSV).
 *
 * This header is the manual. Conventions used throughout:
 *  - Every function that can fail returns a kc_status: KC_OK (0) or a negative
 *    code. kc_strerror() gives a static message; handles keep the detail.
 *  - The library never calls exit() or abort(). Data anomalies (invalid bytes,
 *    NUL, over-long lines, regex limits) are repaired and counted in kc_stats,
 *    not reported as errors (unless KC_OPT_STRICT asks for that).
 *  - Text is passed as (pointer, length); NUL bytes are legal input.
 *  - Handles are opaque. kc_X_free(NULL) is a no-op.
 *  - Strings returned by accessors are owned by the handle they came from and
 *    stay valid until that handle is freed. They are NUL-terminated UTF-8 (NFC)
 *    and never contain NUL (a NUL in the input becomes U+FFFD).
 *  - Thread safety: a kc_engine is immutable after kc_engine_new() and may be
 *    shared by any number of threads. A kc_doc belongs to one thread at a time.
 *    A kc_dedup must be used by one thread at a time (call it in input order).
 *
 * It includes no ICU, PCRE2 or utf8proc header: users of the library need
 * none of them.
 */
#ifndef KCORPUS_H
#define KCORPUS_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KC_VERSION_MAJOR 0
#define KC_VERSION_MINOR 1
#define KC_VERSION_PATCH 0
#define KC_VERSION_STRING "0.1.0"

/** Status codes. KC_OK is 0; errors are negative. */
typedef enum kc_status {
    KC_OK = 0,
    KC_ENOMEM = -1,    /**< out of memory */
    KC_EINVAL = -2,    /**< misuse: bad argument or call order */
    KC_EIO = -3,       /**< reading or writing failed */
    KC_EDICT = -4,     /**< a dictionary file is missing or malformed */
    KC_EENCODING = -5, /**< input cannot be decoded (e.g. UTF-16 without
                            support, unknown --encoding name) */
    KC_ESTRICT = -6,   /**< strict mode: a data anomaly became fatal */
    KC_EPARSE = -7,    /**< JSONL input line is not a valid article */
    KC_EREGEX = -8,    /**< a pattern failed to compile (dictionary bug) */
    KC_ELIMIT = -9     /**< a configured size limit would overflow */
} kc_status;

/** Static English message for a status code; never NULL. */
const char *kc_strerror(kc_status code);

/** Run-time version string of the library, e.g. "0.1.0". */
const char *kc_version(void);

/** Versions of the libraries in use, e.g. "ICU 72.1, PCRE2 10.42 2022-12-11,
 *  utf8proc 2.8.0". Static storage, filled on first call (thread-safe after
 *  kc_engine_new has been called once). */
const char *kc_dependency_versions(void);

/* ------------------------------------------------------------------ */
/* Engine: dictionaries and compiled patterns                         */
/* ------------------------------------------------------------------ */

typedef struct kc_engine kc_engine;

/**
 * Create an engine: loads every dictionary and compiles every pattern.
 * dict_dir: a directory whose files override the embedded dictionaries file
 *   by file (a file absent there keeps its embedded default), or NULL for
 *   the embedded ones only.
 * On failure *out is NULL and, if errbuf is not NULL, a message naming the
 * file and line is written into errbuf (at most errlen bytes, NUL-terminated).
 * The caller owns *out and frees it with kc_engine_free().
 */
kc_status kc_engine_new(kc_engine **out, const char *dict_dir, char *errbuf,
                        size_t errlen);
void kc_engine_free(kc_engine *eng);

/* ------------------------------------------------------------------ */
/* Options                                                            */
/* ------------------------------------------------------------------ */

typedef enum kc_encoding {
    KC_ENC_AUTO = 0, /**< BOM, then UTF-8, then CP949/EUC-KR by score */
    KC_ENC_UTF8,
    KC_ENC_CP949,   /**< Microsoft UHC (ICU windows-949-2000) */
    KC_ENC_EUCKR
} kc_encoding;

typedef enum kc_dedup_mode {
    KC_DEDUP_CORPUS = 0, /**< across all documents given to one kc_dedup */
    KC_DEDUP_DOC,        /**< within each document only */
    KC_DEDUP_OFF
} kc_dedup_mode;

/** Options for reading and extraction. Initialize with kc_options_init(). */
typedef struct kc_options {
    kc_encoding encoding;
    int strict;                 /**< anomalies become KC_ESTRICT */
    size_t max_line_bytes;      /**< longer lines are split at a character
                                     boundary (counted); default 1 MiB */
    char ref_date[11];          /**< "YYYY-MM-DD" or "" for none */
    kc_dedup_mode dedup;
    double near_dup_threshold;  /**< Jaccard estimate at or above which a
                                     long paragraph is a near-duplicate;
                                     default 0.8 */
    size_t near_dup_min_chars;  /**< paragraphs shorter than this (code
                                     points) are never near-dup candidates;
                                     default 40 */
    char ref_time[9];           /**< "HH:MM" or "HH:MM:SS", the time of day
                                     of ref_date, or "" for none: without a
                                     reference time nothing that counts from
                                     the clock (지금, 한 시간 안에) is
                                     resolved. Used only with ref_date. */
    int no_events;              /**< 1: kc_doc_extract finds mentions only,
                                     no events (kc_doc_event_count is 0); for
                                     callers that never read events, e.g.
                                     `kcorpus extract`. Default 0. */
} kc_options;

/** Fill *opts with the defaults documented above. */
void kc_options_init(kc_options *opts);

/* ------------------------------------------------------------------ */
/* Statistics (counts per stage; data anomalies are counted here)     */
/* ------------------------------------------------------------------ */

typedef struct kc_stats {
    size_t bytes_in;          /**< raw input bytes */
    size_t bytes_out;         /**< bytes of the kept paragraphs and title */
    size_t invalid_sequences; /**< replaced with U+FFFD while decoding */
    size_t first_invalid_byte;/**< byte offset of the first, if any */
    size_t nul_bytes;         /**< NUL bytes replaced with U+FFFD */
    size_t control_chars;     /**< C0/C1 controls, U+001A (flagged) */
    size_t private_use;       /**< private-use code points after decoding */
    size_t bidi_controls;     /**< U+202A-U+202E, U+2066-U+2069 */
    size_t long_lines_split;  /**< lines split at max_line_bytes */
    size_t normalized_spans;  /**< spans that were not already NFC/clean */
    size_t zero_width_removed;/**< zero-width/format characters removed */
    size_t lines_in;          /**< input lines */
    size_t paragraphs_out;    /**< paragraphs kept */
    size_t dropped_boilerplate, dropped_duplicate, dropped_near_duplicate,
        dropped_byline, dropped_source_tag, dropped_empty;
    size_t regex_limit_hits;  /**< PCRE2 match/depth limit reached */
    size_t mentions;          /**< mentions extracted */
    size_t events;            /**< event records */
    char encoding[24];        /**< encoding used: "UTF-8", "CP949", ... */
} kc_stats;

/** Add every counter of src into dst (encoding is left as is). */
void kc_stats_add(kc_stats *dst, const kc_stats *src);

/* ------------------------------------------------------------------ */
/* Documents                                                          */
/* ------------------------------------------------------------------ */

typedef struct kc_doc kc_doc;

/**
 * Start a document. id is copied (the document id, e.g. the file name
 * without directory and extension). eng is borrowed and must outlive the doc.
 * The caller owns *out (kc_doc_free).
 */
kc_status kc_doc_new(kc_doc **out, const kc_engine *eng, const char *id);
void kc_doc_free(kc_doc *doc);

/**
 * Append raw input bytes (any chunking: output does not depend on how the
 * input is split). The bytes are copied.
 */
kc_status kc_doc_feed(kc_doc *doc, const void *bytes, size_t len);

/**
 * Set metadata from a sidecar or JSONL record before kc_doc_read():
 * key is one of "date" (publication date, ISO 8601; only the YYYY-MM-DD
 * part is used), "title", "url", "source". value is UTF-8 of value_len
 * bytes and is copied. Unknown keys give KC_EINVAL.
 */
kc_status kc_doc_set_meta(kc_doc *doc, const char *key, const char *value,
                          size_t value_len);

/**
 * Mark the fed bytes as already-decoded text (JSONL input): the decoder
 * then only validates UTF-8 and never guesses an encoding.
 */
void kc_doc_set_text_input(kc_doc *doc, int is_text);

/**
 * Run the reader on the fed bytes: decode, normalize, segment, strip
 * boilerplate, and deduplicate within the document (unless opts->dedup is
 * KC_DEDUP_OFF). Call once. On KC_ESTRICT (strict mode) the doc keeps the
 * detail: kc_doc_error() gives "byte N: reason".
 */
kc_status kc_doc_read(kc_doc *doc, const kc_options *opts);

/**
 * Extract mentions (figures, dates, times, durations, entities) and events
 * from the kept paragraphs. Call after kc_doc_read (and kc_dedup_apply when
 * used). Calling it again is a no-op.
 */
kc_status kc_doc_extract(kc_doc *doc, const kc_options *opts);

/**
 * Extract in windows, to keep memory bounded on very long documents (a
 * million paragraphs, a 100 MB line): each call extracts the next
 * paragraphs — at least one, then until about max_bytes of paragraph text
 * or 8192 paragraphs — and replaces the previous window's mentions and
 * events (and invalidates their strings). *more is 1 while paragraphs
 * remain. State that spans paragraphs is kept between windows (reference
 * and last dates, metric/subject/source carry-over, the date of the
 * previous sentence); only the entity extractor's memory of names seen
 * earlier is limited to the window. Use either kc_doc_extract or this,
 * not both (KC_EINVAL).
 */
kc_status kc_doc_extract_window(kc_doc *doc, const kc_options *opts,
                                size_t max_bytes, int *more);

/** Detail of the last error or strict-mode anomaly, or "" (owned by doc). */
const char *kc_doc_error(const kc_doc *doc);

const char *kc_doc_id(const kc_doc *doc);
/** Title, publication date (YYYY-MM-DD or NULL), source, byline, url: NULL
 *  when unknown. */
const char *kc_doc_title(const kc_doc *doc);
const char *kc_doc_published(const kc_doc *doc);
const char *kc_doc_source(const kc_doc *doc);
const char *kc_doc_byline(const kc_doc *doc);
const char *kc_doc_url(const kc_doc *doc);

/** Number of kept body paragraphs (title excluded). */
size_t kc_doc_paragraph_count(const kc_doc *doc);
/** Paragraph i (0-based) as NFC UTF-8; *len receives its byte length.
 *  NULL if i is out of range. The one exception to the NUL-termination rule
 *  above: the paragraph is a slice of the document's text, so read exactly
 *  *len bytes. */
const char *kc_doc_paragraph(const kc_doc *doc, size_t i, size_t *len);
/** 1-based input line where kept paragraph i started. */
size_t kc_doc_paragraph_line(const kc_doc *doc, size_t i);

/** Dropped-line reasons. */
typedef enum kc_drop_reason {
    KC_DROP_BOILERPLATE = 1,
    KC_DROP_DUPLICATE,
    KC_DROP_NEAR_DUPLICATE,
    KC_DROP_BYLINE,
    KC_DROP_SOURCE_TAG,
    KC_DROP_EMPTY    /**< blank line; datelines count as boilerplate */
} kc_drop_reason;

/** Name of a reason as used in JSONL ("boilerplate", "duplicate", ...). */
const char *kc_drop_reason_name(kc_drop_reason r);

size_t kc_doc_dropped_count(const kc_doc *doc);
/** Dropped entry i: its 1-based input line and reason. Returns 0 if out of
 *  range, 1 otherwise. */
int kc_doc_dropped(const kc_doc *doc, size_t i, size_t *line,
                   kc_drop_reason *reason);

/** Counters for this document (owned by doc). */
const kc_stats *kc_doc_stats(const kc_doc *doc);

/* ------------------------------------------------------------------ */
/* Corpus-wide deduplication                                          */
/* ------------------------------------------------------------------ */

typedef struct kc_dedup kc_dedup;

/** A set of paragraph fingerprints (16 bytes each) with a random key
 *  (keyed hashing defeats hash flooding). Caller owns it. */
kc_status kc_dedup_new(kc_dedup **out);
void kc_dedup_free(kc_dedup *d);
/**
 * Drop from doc every paragraph already seen in an earlier document given to
 * d, and remember doc's paragraphs. Call in input order, after kc_doc_read
 * and before kc_doc_extract. Dropped paragraphs are listed with reason
 * "duplicate".
 */
kc_status kc_dedup_apply(kc_dedup *d, kc_doc *doc);

/* ------------------------------------------------------------------ */
/* Mentions                                                           */
/* ------------------------------------------------------------------ */

typedef enum kc_mention_kind {
    KC_MENTION_FIGURE = 1,
    KC_MENTION_DATE,
    KC_MENTION_TIME,
    KC_MENTION_DURATION,
    KC_MENTION_ENTITY
} kc_mention_kind;

typedef enum kc_bound {
    KC_BOUND_NONE = 0,
    KC_BOUND_MIN,   /**< 이상 */
    KC_BOUND_MAX,   /**< 이하 */
    KC_BOUND_OVER,  /**< 넘게, 초과 */
    KC_BOUND_UNDER  /**< 미만 */
} kc_bound;

/** Name of a bound ("min", "max", "over", "under") or NULL for none. */
const char *kc_bound_name(kc_bound b);
/** Name of a kind ("figure", "date", "time", "duration", "entity"). */
const char *kc_mention_kind_name(kc_mention_kind k);

/**
 * One mention. A read-only record owned by its kc_doc; string fields are
 * NULL when they do not apply.
 */
typedef struct kc_mention {
    kc_mention_kind kind;
    size_t para;              /**< paragraph index */
    size_t start, end;        /**< code-point offsets into the paragraph,
                                   end exclusive */
    size_t byte_start, byte_end; /**< the same span in bytes */
    const char *text;         /**< the span's text */
    /** figure: exact decimal ("32900000", "0.6666666666666666");
     *  date: ISO 8601 ("2022-10-16", "2022-Q4", "XXXX-XX-15");
     *  time: "HH:MM" or "YYYY-MM-DDTHH:MM"; duration: "PT10H", "P4D".
     *  entity: NULL. */
    const char *value;
    const char *value_max;    /**< figure ranges only */
    const char *unit;         /**< figure: "" when none */
    int approx;               /**< 약, 여, 가량, 정도, 안팎 ... */
    kc_bound bound;
    int weekday;              /**< date: 1=Mon..7=Sun when stated, else 0 */
    int relative;             /**< date: came from a relative expression */
    int weekday_mismatch;     /**< date: stated weekday contradicts date */
    const char *part;         /**< date: "early", "mid", "late" (초/중순/말) */
    const char *etype;        /**< entity: person, org, location, product,
                                   media */
    const char *name;         /**< entity: canonical name */
    const char *title;        /**< entity (person): title, e.g. "장관" */
    /** duration after 지난/다음/향후/최근 with no qualifier ("지난 2주"): the
     *  calendar units it covers, counted from the reference date, as an
     *  inclusive ISO 8601 interval ("2013-W05/2013-W06", "2014/2016");
     *  NULL otherwise or when there is no reference date. */
    const char *interval;
} kc_mention;

size_t kc_doc_mention_count(const kc_doc *doc);
/** Mention i in document order (by paragraph, then start). */
const kc_mention *kc_doc_mention(const kc_doc *doc, size_t i);

/* ------------------------------------------------------------------ */
/* Events                                                             */
/* ------------------------------------------------------------------ */

/** One event record, owned by its kc_doc. */
typedef struct kc_event {
    const char *type;        /**< "metric" or a type from dict/events.tsv */
    size_t para;
    const char *date;        /**< ISO 8601 or NULL */
    const char *sentence;    /**< the sentence text */
    /* metric observations */
    const char *metric;      /**< canonical metric name (DAU, 매출 ...) */
    const char *subject;     /**< whose metric, or NULL */
    const char *value;       /**< exact decimal or NULL */
    const char *value_max;
    const char *unit;        /**< "" when none; NULL when no value */
    int approx;              /**< the value (or, for other events, the
                                  value or duration) is approximate */
    const char *source;      /**< who reported it, or NULL */
    int baseline;            /**< usual-level statement (평소 ...) */
    /* other events */
    const char *const *actors; /**< entity names, n_actors of them */
    size_t n_actors;
    const char *duration;    /**< ISO 8601 duration or NULL */
    const char *trigger;     /**< the trigger word found */
    const char *place;       /**< where: location entity (with a facility
                                  word such as 데이터센터), or NULL */
} kc_event;

size_t kc_doc_event_count(const kc_doc *doc);
const kc_event *kc_doc_event(const kc_doc *doc, size_t i);

/* ------------------------------------------------------------------ */
/* Emitters                                                           */
/* ------------------------------------------------------------------ */

typedef enum kc_format {
    KC_FMT_TEXT = 0,
    KC_FMT_JSONL,
    KC_FMT_CSV,
    KC_FMT_TSV
} kc_format;

/** Cleaned document: KC_FMT_TEXT (title, blank line, paragraphs separated
 *  by blank lines) or KC_FMT_JSONL (one line, SPEC fields). */
kc_status kc_write_clean(const kc_doc *doc, kc_format fmt, FILE *out);
/** Mentions, one JSON object per line. */
kc_status kc_write_mentions(const kc_doc *doc, FILE *out);
/** Event records as JSONL, CSV or TSV. header: write the CSV/TSV header. */
kc_status kc_write_events(const kc_doc *doc, kc_format fmt, int header,
                          FILE *out);
/** Metric observations (events of type "metric"); metric filters by
 *  canonical name (NULL: all). CSV columns per SPEC. */
kc_status kc_write_metrics(const kc_doc *doc, kc_format fmt,
                           const char *metric, int header, FILE *out);
/** Header line of the metrics CSV/TSV. */
kc_status kc_write_metrics_header(kc_format fmt, FILE *out);
kc_status kc_write_events_header(kc_format fmt, FILE *out);
/** The report as a JSON object (one line, then a newline). */
kc_status kc_write_stats_json(const kc_stats *st, size_t docs,
                              size_t failed, FILE *out);

#ifdef __cplusplus
}
#endif

#endif /* KCORPUS_H */
