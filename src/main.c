/* main.c — the kcorpus command-line tool. Uses only the public kcorpus.h:
 * the CLI proves the library interface is enough. */
#include "kcorpus.h"
#include "cli.h"
#include "jsonl_fast.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum cmd { CMD_CLEAN, CMD_EXTRACT, CMD_EVENTS, CMD_METRICS, CMD_RUN };
enum infmt { IN_AUTO, IN_TEXT, IN_JSONL };

typedef struct cli {
    enum cmd cmd;
    kc_options opts;
    enum infmt infmt;
    int format_set;
    kc_format fmt;
    const char *out;
    const char *report;
    const char *metric;
    const char *dict;
    int jobs;
    int quiet;
    size_t read_size;
    char **inputs;
    size_t ninputs;
} cli;

static const char *prog = "kcorpus";

/* "HH:MM" or "HH:MM:SS", 24-hour */
static int clock_ok(const char *t)
{
    size_t n = strlen(t);
    if (n != 5 && n != 8) return 0;
    for (size_t i = 0; i < n; i++)
        if ((i % 3 == 2) != (t[i] == ':') || (i % 3 != 2 && (t[i] < '0' || t[i] > '9')))
            return 0;
    return (t[0] - '0') * 10 + (t[1] - '0') < 24 && t[3] < '6' && (n == 5 || t[6] < '6');
}

static void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", prog);
    exit(2);
}

/* `kcorpus COMMAND --help`: what the command writes and an example, then
 * the common help. */
static void command_help(FILE *f, int cmd)
{
    static const char *const text[] = {
        /* CMD_CLEAN */
        "kcorpus clean [OPTIONS] INPUT...\n"
        "Cleaned articles: the title, a blank line, the body paragraphs separated by blank\n"
        "lines (portal chrome, datelines, bylines, source tags and repeated paragraphs\n"
        "dropped). --format jsonl: one object per document with every dropped line and its\n"
        "reason.\n"
        "  kcorpus clean corpus/kakao_editorial.txt\n"
        "  kcorpus clean --format jsonl --encoding cp949 old_archive/\n",
        /* CMD_EXTRACT */
        "kcorpus extract [OPTIONS] INPUT...\n"
        "Mentions as JSONL: figures (exact values, units, approx, bounds, ranges), dates,\n"
        "times and durations (ISO 8601, resolved against the article's date), entities.\n"
        "  kcorpus extract corpus/kakao_editorial.txt | jq 'select(.kind==\"figure\")'\n"
        "  kcorpus extract --ref-date 2024-03-05 --input-format jsonl articles.jsonl\n",
        /* CMD_EVENTS */
        "kcorpus events [OPTIONS] INPUT...\n"
        "Event records (metric observations, and fire, outage, resignation, apology ... from\n"
        "dict/events.tsv) as JSONL, or --format csv|tsv.\n"
        "  kcorpus events --format csv corpus/\n",
        /* CMD_METRICS */
        "kcorpus metrics [OPTIONS] INPUT...\n"
        "Metric observations as CSV (doc,date,subject,metric,value,value_max,unit,approx,\n"
        "source,baseline,para), or --format jsonl|tsv. --metric NAME keeps one metric.\n"
        "  kcorpus metrics --metric DAU corpus/kakao_editorial.txt\n",
        /* CMD_RUN */
        "kcorpus run [OPTIONS] -o DIR INPUT...\n"
        "Everything into DIR: clean/DOC.txt, mentions.jsonl, events.jsonl, metrics.csv and\n"
        "report.json (counts per stage). Files are written atomically.\n"
        "  kcorpus run -o out corpus/\n",
    };
    if (cmd >= 0 && (size_t)cmd < sizeof text / sizeof *text) fprintf(f, "%s\n", text[cmd]);
}

static void help(FILE *f, int cmd)
{
    command_help(f, cmd);
    fputs(
"Usage: kcorpus COMMAND [OPTIONS] INPUT...\n"
"Clean scraped Korean news articles and extract figures, dates and entities.\n"
"\n"
"Example: KakaoTalk's daily active users from the sample editorial, as CSV:\n"
"  kcorpus metrics --metric DAU corpus/kakao_editorial.txt\n"
"\n"
"Commands:\n"
"  clean     cleaned text (--format text|jsonl)\n"
"  extract   mentions (figures, dates, times, durations, entities), JSONL\n"
"  events    event records, JSONL (--format jsonl|csv|tsv)\n"
"  metrics   metric observations, CSV (--format csv|jsonl|tsv)\n"
"  run       all of the above into -o DIR: clean/, mentions.jsonl, events.jsonl,\n"
"            metrics.csv, report.json\n"
"  plot      chart a metric from metrics.csv: plot --metric DAU metrics.csv -o dau.png\n"
"\n"
"INPUT is a file, a directory (read recursively, sorted by path) or - (stdin).\n"
"A text file is one article; NAME.meta.json beside it may give date, title,\n"
"url, source. JSONL input: one {\"id\",\"text\"[,\"title\",\"date\",\"url\"]} per line.\n"
"\n"
"Options:\n"
"  --ref-date YYYY-MM-DD[THH:MM[:SS]]  reference date (and time of day) when\n"
"                          the document has none; without a time, nothing that\n"
"                          counts from the clock (지금, 한 시간 안에) is resolved\n"
"  --input-format F        auto (default: .jsonl files are JSONL), text, jsonl\n"
"  --encoding E            auto (default), utf-8, cp949, euc-kr\n"
"  --format F              output format (see commands)\n"
"  -o FILE|DIR             output file (written atomically); a directory for run\n"
"  -j N                    worker threads (output order never depends on N)\n"
"  --metric NAME           metrics: keep only this metric (e.g. DAU)\n"
"  --dict DIR              override dictionary files (also KCORPUS_DICT)\n"
"  --dedup doc|corpus|off  paragraph deduplication scope (default corpus)\n"
"  --near-dup T            near-duplicate threshold 0..1 (default 0.8)\n"
"  --max-line-bytes N      split longer lines (default 1048576)\n"
"  --report FILE           write the JSON report of counts per stage\n"
"  --strict                a data anomaly (invalid bytes, NUL, long line) fails\n"
"                          that input\n"
"  --quiet                 no progress or warnings on stderr\n"
"  --help, --version\n"
"\n"
"Exit status: 0 all inputs processed; 1 some inputs failed (reported as\n"
"'kcorpus: FILE: byte N: reason' or 'FILE: line N: reason'); 2 usage error,\n"
"unreadable dictionary, or output that could not be written.\n",
        f);
}

static int parse_format(const char *s, kc_format *f)
{
    if (!strcmp(s, "text")) *f = KC_FMT_TEXT;
    else if (!strcmp(s, "jsonl") || !strcmp(s, "json")) *f = KC_FMT_JSONL;
    else if (!strcmp(s, "csv")) *f = KC_FMT_CSV;
    else if (!strcmp(s, "tsv")) *f = KC_FMT_TSV;
    else return 0;
    return 1;
}

static size_t parse_size(const char *opt, const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || s[0] == '-') usage_error("%s: not a number: '%s'", opt, s);
    if (v > SIZE_MAX) v = SIZE_MAX;
    return (size_t)v;
}

static void parse_args(cli *c, int argc, char **argv)
{
    if (argc < 2) usage_error("missing command");
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) { help(stdout, -1); exit(0); }
    if (!strcmp(cmd, "--version")) {
        printf("kcorpus %s (%s)\n", kc_version(), kc_dependency_versions());
        exit(0);
    }
    if (!strcmp(cmd, "plot")) exit(kc_cli_plot(argc - 1, argv + 1));
    if (!strcmp(cmd, "clean")) c->cmd = CMD_CLEAN;
    else if (!strcmp(cmd, "extract")) c->cmd = CMD_EXTRACT;
    else if (!strcmp(cmd, "events")) c->cmd = CMD_EVENTS;
    else if (!strcmp(cmd, "metrics")) c->cmd = CMD_METRICS;
    else if (!strcmp(cmd, "run")) c->cmd = CMD_RUN;
    else usage_error("unknown command '%s'", cmd);
    /* INPUTs are compacted in place into argv[2..]: C lets main modify its
     * argv array, an input is never stored past the argument it came from,
     * and nothing is left to free on the early exits. */
    c->inputs = argv + 2;
    int only_inputs = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (only_inputs || a[0] != '-' || !strcmp(a, "-")) {
            c->inputs[c->ninputs++] = argv[i];
            continue;
        }
        if (!strcmp(a, "--")) { only_inputs = 1; continue; }
        /* --opt=value form */
        char name[64];
        const char *val = kc_cli_split_opt(&a, name, sizeof name);
#define NEEDVAL() do { if (!val) { if (i + 1 >= argc) usage_error("option %s needs a value", a); val = argv[++i]; } } while (0)
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { help(stdout, (int)c->cmd); exit(0); }
        else if (!strcmp(a, "--version")) {
            printf("kcorpus %s (%s)\n", kc_version(), kc_dependency_versions());
            exit(0);
        } else if (!strcmp(a, "--ref-date")) {
            NEEDVAL();
            int y, m, d;
            char extra;
            size_t vl = strlen(val);
            int tm = vl == 16 || vl == 19; /* YYYY-MM-DDTHH:MM[:SS] */
            if ((vl != 10 && !tm) || sscanf(val, "%4d-%2d-%2d%c", &y, &m, &d, &extra) < 3 ||
                m < 1 || m > 12 || d < 1 || d > 31 ||
                (tm && (val[10] != 'T' || !clock_ok(val + 11))))
                usage_error("--ref-date: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], got '%s'", val);
            memcpy(c->opts.ref_date, val, 10);
            c->opts.ref_date[10] = '\0';
            c->opts.ref_time[0] = '\0';
            if (tm) snprintf(c->opts.ref_time, sizeof c->opts.ref_time, "%s", val + 11);
        } else if (!strcmp(a, "--input-format")) {
            NEEDVAL();
            if (!strcmp(val, "auto")) c->infmt = IN_AUTO;
            else if (!strcmp(val, "text")) c->infmt = IN_TEXT;
            else if (!strcmp(val, "jsonl")) c->infmt = IN_JSONL;
            else usage_error("--input-format: expected auto, text or jsonl, got '%s'", val);
        } else if (!strcmp(a, "--encoding")) {
            NEEDVAL();
            if (!strcmp(val, "auto")) c->opts.encoding = KC_ENC_AUTO;
            else if (!strcasecmp(val, "utf-8") || !strcasecmp(val, "utf8")) c->opts.encoding = KC_ENC_UTF8;
            else if (!strcasecmp(val, "cp949") || !strcasecmp(val, "uhc") || !strcasecmp(val, "windows-949"))
                c->opts.encoding = KC_ENC_CP949;
            else if (!strcasecmp(val, "euc-kr") || !strcasecmp(val, "euckr")) c->opts.encoding = KC_ENC_EUCKR;
            else usage_error("--encoding: expected auto, utf-8, cp949 or euc-kr, got '%s'", val);
        } else if (!strcmp(a, "--format")) {
            NEEDVAL();
            if (!parse_format(val, &c->fmt)) usage_error("--format: unknown format '%s'", val);
            c->format_set = 1;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            NEEDVAL();
            c->out = val;
        } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
            NEEDVAL();
            size_t j = parse_size("-j", val);
            if (j < 1 || j > 256) usage_error("-j: expected 1..256, got '%s'", val);
            c->jobs = (int)j;
        } else if (!strcmp(a, "--metric")) {
            NEEDVAL();
            c->metric = val;
        } else if (!strcmp(a, "--dict")) {
            NEEDVAL();
            c->dict = val;
        } else if (!strcmp(a, "--report")) {
            NEEDVAL();
            c->report = val;
        } else if (!strcmp(a, "--dedup")) {
            NEEDVAL();
            if (!strcmp(val, "corpus")) c->opts.dedup = KC_DEDUP_CORPUS;
            else if (!strcmp(val, "doc")) c->opts.dedup = KC_DEDUP_DOC;
            else if (!strcmp(val, "off")) c->opts.dedup = KC_DEDUP_OFF;
            else usage_error("--dedup: expected doc, corpus or off, got '%s'", val);
        } else if (!strcmp(a, "--near-dup")) {
            NEEDVAL();
            char *end;
            double t = strtod(val, &end);
            if (*end || end == val || !(t > 0 && t <= 1)) usage_error("--near-dup: expected a number in (0,1], got '%s'", val);
            c->opts.near_dup_threshold = t;
        } else if (!strcmp(a, "--max-line-bytes")) {
            NEEDVAL();
            c->opts.max_line_bytes = parse_size(a, val);
        } else if (!strcmp(a, "--read-size")) { /* testing: feed input in chunks of N bytes */
            NEEDVAL();
            c->read_size = parse_size(a, val);
            if (!c->read_size) usage_error("--read-size must be at least 1");
        } else if (!strcmp(a, "--strict")) {
            c->opts.strict = 1;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            c->quiet = 1;
        } else {
            usage_error("unknown option '%s'", a);
        }
#undef NEEDVAL
    }
    if (!c->ninputs) usage_error("no INPUT given (use - for stdin)");
    if (c->cmd == CMD_RUN && !c->out) usage_error("run needs -o DIR");
    /* extract writes mentions only: event extraction (10-14% of its time)
     * would be computed and thrown away */
    if (c->cmd == CMD_EXTRACT) c->opts.no_events = 1;
    if (!c->format_set) {
        c->fmt = c->cmd == CMD_CLEAN ? KC_FMT_TEXT : c->cmd == CMD_METRICS ? KC_FMT_CSV : KC_FMT_JSONL;
    } else {
        int ok = c->cmd == CMD_CLEAN ? (c->fmt == KC_FMT_TEXT || c->fmt == KC_FMT_JSONL)
               : c->cmd == CMD_EXTRACT ? c->fmt == KC_FMT_JSONL
               : c->cmd == CMD_RUN ? 1 : c->fmt != KC_FMT_TEXT;
        if (!ok) usage_error("--format: not available for this command");
    }
}

/* ------------------------------------------------------------------ */
/* Input discovery                                                    */
/* ------------------------------------------------------------------ */

typedef struct srcfile {
    char *path;       /* NULL for stdin */
    char *display;    /* name in messages */
    int jsonl;
} srcfile;

typedef struct srclist {
    srcfile *v;
    size_t n, cap;
} srclist;

static int failures;

static void report_fail(const char *file, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void report_fail(const char *file, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: %s: ", prog, file);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    failures++;
}

static void oom(void)
{
    fprintf(stderr, "%s: out of memory\n", prog);
    exit(2);
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

static void add_src(srclist *l, const char *path, const cli *c)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (!l->v) oom();
    }
    srcfile *s = &l->v[l->n++];
    s->path = path ? strdup(path) : NULL;
    s->display = strdup(path ? path : "-");
    if ((path && !s->path) || !s->display) oom();
    s->jsonl = c->infmt == IN_JSONL || (c->infmt == IN_AUTO && path && ends_with(path, ".jsonl"));
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Inside a directory only *.txt and *.jsonl files are articles (README,
 * sidecars, notes and editor backups are not); a file named on the command
 * line is read whatever its name. */
static int is_article_name(const char *path)
{
    return (ends_with(path, ".txt") && !ends_with(path, ".meta.txt")) || ends_with(path, ".jsonl");
}

/* Walk a directory recursively in sorted order. Symlinked directories are
 * not followed (no loops); symlinked files are read. Sidecars are skipped. */
static void walk(srclist *l, const char *dir, const cli *c, int depth)
{
    if (depth > 64) { report_fail(dir, "directory nesting too deep"); return; }
    DIR *d = opendir(dir);
    if (!d) { report_fail(dir, "cannot open directory: %s", strerror(errno)); return; }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue; /* . .. and hidden files */
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = realloc(names, cap * sizeof *names);
            if (!names) oom();
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) oom();
        snprintf(names[n], len, "%s%s%s", dir, ends_with(dir, "/") ? "" : "/", e->d_name);
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (lstat(names[i], &st) != 0) {
            report_fail(names[i], "%s", strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            walk(l, names[i], c, depth + 1);
        } else if (S_ISLNK(st.st_mode)) {
            struct stat t;
            if (stat(names[i], &t) != 0) report_fail(names[i], "broken symbolic link");
            else if (S_ISREG(t.st_mode) && is_article_name(names[i])) add_src(l, names[i], c);
            /* a symlink to a directory is not followed: it may loop */
        } else if (S_ISREG(st.st_mode)) {
            if (is_article_name(names[i])) add_src(l, names[i], c);
        }
        free(names[i]);
    }
    free(names);
}

/* ------------------------------------------------------------------ */
/* Documents                                                          */
/* ------------------------------------------------------------------ */

typedef struct job {
    kc_doc *doc;
    const char *display;  /* borrowed from srcfile */
    size_t line;          /* JSONL line, 0 for text files */
    char *raw;            /* JSONL line, parsed by a worker (phase 0) */
    size_t rawlen;
    kc_status st;
    int failed;
    char msg[320];
    char *note;           /* a warning printed before the document's output */
    int windowed;         /* huge: extracted window by window when emitted */
} job;

/* A document this large is not extracted whole in a worker: the emitter
 * extracts and writes it window by window, so memory stays bounded (a
 * million paragraphs, a 100 MB line). Smaller documents — nearly all —
 * keep the parallel path; the output is the same either way. */
#define HUGE_DOC_PARAS 16384
#define HUGE_DOC_BYTES (4u << 20)
#define WINDOW_BYTES (1u << 20)

static int is_huge(const kc_doc *d)
{
    return kc_doc_paragraph_count(d) > HUGE_DOC_PARAS || kc_doc_stats(d)->bytes_out > HUGE_DOC_BYTES;
}

static char *doc_id_from_path(const char *path)
{
    if (!path) return strdup("stdin");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char *id = strdup(base);
    if (!id) return NULL;
    char *dot = strrchr(id, '.');
    if (dot && dot != id) *dot = '\0';
    return id;
}

static void set_meta_from_json(kc_doc *d, json_t *obj, const char *k)
{
    json_t *v = json_object_get(obj, k);
    if (json_is_string(v)) kc_doc_set_meta(d, k, json_string_value(v), json_string_length(v));
}

/* NAME.meta.json beside NAME.txt (or NAME.ext). */
static void load_sidecar(kc_doc *d, const char *path, const char *display, char **note)
{
    if (!path) return;
    size_t n = strlen(path);
    char *side = malloc(n + 16);
    if (!side) oom();
    memcpy(side, path, n + 1);
    char *slash = strrchr(side, '/');
    char *dot = strrchr(side, '.');
    if (dot && (!slash || dot > slash + 1)) *dot = '\0';
    strcat(side, ".meta.json");
    if (access(side, F_OK) == 0) {
        json_error_t err;
        json_t *j = json_load_file(side, JSON_REJECT_DUPLICATES, &err);
        if (!j || !json_is_object(j)) {
            /* printed with the document's output, in input order */
            const char *why = j ? "not a JSON object" : err.text;
            size_t nn = strlen(prog) + strlen(display) + strlen(side) + strlen(why) + 64;
            *note = malloc(nn);
            if (!*note) oom();
            snprintf(*note, nn, "%s: %s: sidecar %s ignored: line %d: %s\n", prog, display, side,
                     err.line, why);
        } else {
            set_meta_from_json(d, j, "date");
            set_meta_from_json(d, j, "title");
            set_meta_from_json(d, j, "url");
            set_meta_from_json(d, j, "source");
        }
        json_decref(j);
    }
    free(side);
}

typedef struct ctx {
    cli *c;
    kc_engine *eng;
    kc_dedup *dedup;
    kc_stats total;
    size_t docs;
    FILE *out_main;       /* clean/extract/events/metrics output */
    FILE *out_mentions, *out_events, *out_metrics; /* run */
    char *clean_dir;      /* run */
    int header_done;
    /* progress */
    int progress, progress_shown;
    double last_draw;
    size_t bytes_done, bytes_total;
    size_t bytes_read;    /* reader's count; bytes_done is what was processed */
    int pipelined;        /* processor and emitter threads run the batches (-j > 1) */
    struct timespec t0;
} ctx;

/* ------------------------------------------------------------------ */
/* Atomic output files: write to NAME.tmp.PID, rename on success.      */
/* ------------------------------------------------------------------ */

typedef struct outfile {
    char *final, *tmp;
    FILE *f;
} outfile;

static outfile *outfiles[8];
static size_t noutfiles;

static FILE *open_atomic(const char *path)
{
    outfile *o = calloc(1, sizeof *o);
    if (!o) oom();
    o->final = strdup(path);
    size_t n = strlen(path) + 32;
    o->tmp = malloc(n);
    if (!o->final || !o->tmp) oom();
    snprintf(o->tmp, n, "%s.tmp.%ld", path, (long)getpid());
    o->f = fopen(o->tmp, "wb");
    if (!o->f) {
        fprintf(stderr, "%s: %s: cannot write: %s\n", prog, path, strerror(errno));
        exit(2);
    }
    outfiles[noutfiles++] = o;
    return o->f;
}

static void discard_outputs(void)
{
    for (size_t i = 0; i < noutfiles; i++) {
        if (outfiles[i]->f) fclose(outfiles[i]->f);
        outfiles[i]->f = NULL;
        unlink(outfiles[i]->tmp);
    }
}

static void write_failed(const char *what)
{
    fprintf(stderr, "%s: %s: writing output failed: %s\n", prog, what, strerror(errno ? errno : EIO));
    discard_outputs();
    exit(2);
}

static void commit_outputs(void)
{
    for (size_t i = 0; i < noutfiles; i++) {
        outfile *o = outfiles[i];
        errno = 0;
        if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0) write_failed(o->final);
        if (fclose(o->f) != 0) { o->f = NULL; write_failed(o->final); }
        o->f = NULL;
        if (rename(o->tmp, o->final) != 0) write_failed(o->final);
        free(o->tmp);
        free(o->final);
        free(o);
    }
    noutfiles = 0;
}

static void write_clean_file(ctx *x, kc_doc *d)
{
    /* clean/<doc>.txt; ids come from file names or JSONL ids: make them safe */
    const char *id = kc_doc_id(d);
    size_t n = strlen(id);
    char *safe = malloc(n + 1);
    if (!safe) oom();
    for (size_t i = 0; i <= n; i++) safe[i] = (id[i] == '/' || (i == 0 && id[i] == '.')) ? '_' : id[i];
    if (!safe[0]) { free(safe); safe = strdup("_"); if (!safe) oom(); }
    size_t plen = strlen(x->clean_dir) + strlen(safe) + 8;
    char *path = malloc(plen);
    if (!path) oom();
    snprintf(path, plen, "%s/%s.txt", x->clean_dir, safe);
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) { fprintf(stderr, "%s: %s: cannot write: %s\n", prog, path, strerror(errno)); discard_outputs(); exit(2); }
    errno = 0;
    int bad = kc_write_clean(d, KC_FMT_TEXT, f) != KC_OK;
    bad |= fclose(f) != 0;
    if (bad || rename(tmp, path) != 0) { unlink(tmp); write_failed(path); }
    free(path);
    free(safe);
}

/* Write what extraction produced (all of it, or the current window). */
static kc_status emit_extracted(ctx *x, kc_doc *d)
{
    cli *c = x->c;
    kc_status st = KC_OK;
    FILE *o = x->out_main;
    switch (c->cmd) {
    case CMD_CLEAN:
        break;
    case CMD_EXTRACT:
        st = kc_write_mentions(d, o);
        break;
    case CMD_EVENTS:
        st = kc_write_events(d, c->fmt, !x->header_done, o);
        x->header_done = 1;
        break;
    case CMD_METRICS:
        st = kc_write_metrics(d, c->fmt, c->metric, !x->header_done, o);
        x->header_done = 1;
        break;
    case CMD_RUN:
        st = kc_write_mentions(d, x->out_mentions);
        if (st == KC_OK) st = kc_write_events(d, KC_FMT_JSONL, 0, x->out_events);
        if (st == KC_OK) st = kc_write_metrics(d, KC_FMT_CSV, c->metric, 0, x->out_metrics);
        break;
    }
    return st;
}

/* A huge document: clean output first, then extract and write window by
 * window. Returns KC_OK or the extraction error (output errors exit). */
static kc_status emit_windowed(ctx *x, kc_doc *d)
{
    cli *c = x->c;
    errno = 0;
    if (c->cmd == CMD_RUN) write_clean_file(x, d);
    int more = 1;
    while (more) {
        kc_status st = kc_doc_extract_window(d, &c->opts, WINDOW_BYTES, &more);
        if (st != KC_OK) return st;
        if (emit_extracted(x, d) != KC_OK) write_failed(c->out ? c->out : "stdout");
    }
    return KC_OK;
}

static void emit_doc(ctx *x, kc_doc *d)
{
    cli *c = x->c;
    kc_status st = KC_OK;
    errno = 0;
    if (c->cmd == CMD_CLEAN) {
        if (c->fmt == KC_FMT_TEXT && x->docs > 1) fputc('\n', x->out_main);
        st = kc_write_clean(d, c->fmt, x->out_main);
    } else {
        if (c->cmd == CMD_RUN) write_clean_file(x, d);
        st = emit_extracted(x, d);
    }
    if (st != KC_OK) write_failed(c->out ? c->out : "stdout");
}

/* ------------------------------------------------------------------ */
/* Parallel batches: parse and read in parallel, dedup in input order,     */
/* extract in parallel, emit in input order — output never depends on -j. */
/* With -j N > 1 a processor thread runs each batch while the main thread */
/* reads the next one, so the workers never wait for input.               */
/* ------------------------------------------------------------------ */

typedef struct batch {
    job *jobs;
    size_t n;
    size_t next;
    int phase; /* 0 parse + read, 1 extract, 2 both (no corpus dedup between) */
    size_t bytes;      /* input bytes in the batch (bounds memory) */
    size_t bytes_done; /* input bytes read up to the end of this batch */
    pthread_mutex_t mu;
    const kc_options *opts;
    const kc_engine *eng;
} batch;

static void set_meta_fast(kc_doc *d, const kc_jf *f, int field)
{
    if (f->have[field])
        kc_doc_set_meta(d, kc_jf_names[field], f->buf + f->off[field], f->len[field]);
}

/* One JSONL line → a document (in a worker: parsing is most of the cost of
 * `clean`). The fast path (jsonl_fast.h) takes plain objects of strings;
 * anything else goes through jansson, which gives the same values or the
 * error message. */
static void parse_jsonl_job(batch *b, job *jb, kc_jf *f)
{
    const char *line = jb->raw;
    size_t len = jb->rawlen;
    int fast = kc_jf_parse(f, line, len);
    if (fast < 0) { jb->failed = 1; jb->st = KC_ENOMEM; snprintf(jb->msg, sizeof jb->msg, "line %zu: %s", jb->line, kc_strerror(KC_ENOMEM)); return; }
    char idbuf[64];
    const char *ids;
    if (fast) {
        if (f->have[KC_JF_ID]) ids = f->buf + f->off[KC_JF_ID];
        else { snprintf(idbuf, sizeof idbuf, "line%zu", jb->line); ids = idbuf; }
        if (kc_doc_new(&jb->doc, b->eng, ids) != KC_OK) goto nomem;
        kc_doc_set_text_input(jb->doc, 1);
        set_meta_fast(jb->doc, f, KC_JF_DATE);
        set_meta_fast(jb->doc, f, KC_JF_TITLE);
        set_meta_fast(jb->doc, f, KC_JF_URL);
        set_meta_fast(jb->doc, f, KC_JF_SOURCE);
        if (kc_doc_feed(jb->doc, f->buf + f->off[KC_JF_TEXT], f->len[KC_JF_TEXT]) != KC_OK) goto nomem;
        return;
    }
    json_error_t err;
    json_t *j = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
    const char *why = NULL;
    json_t *text = NULL, *id = NULL;
    if (!j) why = err.text;
    else if (!json_is_object(j)) why = "not a JSON object";
    else if (!(text = json_object_get(j, "text"))) why = "missing \"text\" field";
    else if (!json_is_string(text)) why = "\"text\" is not a string";
    else {
        id = json_object_get(j, "id");
        if (id && !json_is_string(id) && !json_is_integer(id)) why = "\"id\" is not a string or integer";
    }
    if (why) {
        jb->failed = 1;
        snprintf(jb->msg, sizeof jb->msg, "line %zu: %s", jb->line, why);
        json_decref(j);
        return;
    }
    if (json_is_string(id)) ids = json_string_value(id);
    else if (json_is_integer(id)) { snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(id)); ids = idbuf; }
    else { snprintf(idbuf, sizeof idbuf, "line%zu", jb->line); ids = idbuf; }
    if (kc_doc_new(&jb->doc, b->eng, ids) != KC_OK) { json_decref(j); goto nomem; }
    kc_doc_set_text_input(jb->doc, 1);
    set_meta_from_json(jb->doc, j, "date");
    set_meta_from_json(jb->doc, j, "title");
    set_meta_from_json(jb->doc, j, "url");
    set_meta_from_json(jb->doc, j, "source");
    kc_status st = kc_doc_feed(jb->doc, json_string_value(text), json_string_length(text));
    json_decref(j);
    if (st != KC_OK) goto nomem;
    return;
nomem:
    jb->failed = 1;
    jb->st = KC_ENOMEM;
    snprintf(jb->msg, sizeof jb->msg, "line %zu: %s", jb->line, kc_strerror(KC_ENOMEM));
}

static void run_job_phase(batch *b, int phase, job *j, kc_jf *f)
{
    if (phase == 0 && j->raw) {
        if (!j->failed) parse_jsonl_job(b, j, f);
        free(j->raw);
        j->raw = NULL;
    }
    if (j->failed || !j->doc) return;
    if (phase == 1 && is_huge(j->doc)) {
        j->windowed = 1;
        return;
    }
    kc_status st = phase == 0 ? kc_doc_read(j->doc, b->opts) : kc_doc_extract(j->doc, b->opts);
    if (st != KC_OK) {
        j->st = st;
        j->failed = 1;
        const char *detail = kc_doc_error(j->doc);
        if (j->line)
            snprintf(j->msg, sizeof j->msg, "line %zu: %s", j->line,
                     detail[0] ? detail : kc_strerror(st));
        else
            snprintf(j->msg, sizeof j->msg, "%s", detail[0] ? detail : kc_strerror(st));
    }
}

/* Phase 2 runs both phases on one job: a document read by one worker is
 * extracted by it at once, with no wait for the rest of the batch. */
static void run_job(batch *b, job *j, kc_jf *f)
{
    if (b->phase != 2) { run_job_phase(b, b->phase, j, f); return; }
    run_job_phase(b, 0, j, f);
    run_job_phase(b, 1, j, f);
}

static void *worker(void *arg)
{
    batch *b = arg;
    kc_jf f;
    memset(&f, 0, sizeof f);
    for (;;) {
        pthread_mutex_lock(&b->mu);
        size_t i = b->next++;
        pthread_mutex_unlock(&b->mu);
        if (i >= b->n) break;
        run_job(b, &b->jobs[i], &f);
    }
    free(f.buf);
    return NULL;
}

static void run_phase(batch *b, int jobs)
{
    b->next = 0;
    if (jobs <= 1 || b->n <= 1) { worker(b); return; }
    pthread_t th[256];
    int started = 0;
    for (int t = 0; t < jobs - 1 && (size_t)t < b->n; t++)
        if (pthread_create(&th[started], NULL, worker, b) == 0) started++;
    worker(b);
    for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
}

/* One updating line on stderr (a terminal only): documents, MB read, MB/s
 * and an ETA when the total size is known. It appears once 4 MB have been
 * read (short runs stay silent), is redrawn at most every 100 ms, and is
 * cleared at the end. bytes_done counts raw input bytes as read, in the
 * same unit as bytes_total (file sizes). */
static void progress(ctx *x, int final)
{
    if (!x->progress) return;
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    double el = (double)(t.tv_sec - x->t0.tv_sec) + (double)(t.tv_nsec - x->t0.tv_nsec) / 1e9;
    if (final) {
        if (x->progress_shown) fputs("\r\033[K", stderr);
        return;
    }
    if (x->bytes_done < (4u << 20) || el - x->last_draw < 0.1) return;
    x->last_draw = el;
    x->progress_shown = 1;
    double mb = (double)x->bytes_done / 1e6;
    double rate = el > 0 ? mb / el : 0;
    if (x->bytes_total && rate > 0 && x->bytes_done < x->bytes_total)
        fprintf(stderr, "\r\033[K%s: %zu documents, %.1f/%.1f MB, %.1f MB/s, ETA %.0f s", prog, x->docs, mb,
                (double)x->bytes_total / 1e6, rate,
                ((double)(x->bytes_total - x->bytes_done) / 1e6) / rate);
    else
        fprintf(stderr, "\r\033[K%s: %zu documents, %.1f MB, %.1f MB/s", prog, x->docs, mb, rate);
}

/* Reader-side progress: only when the reader is also the processor (-j 1);
 * with a processor thread the line is redrawn after each batch. */
static void progress_read(ctx *x)
{
    if (x->pipelined) return;
    x->bytes_done = x->bytes_read;
    progress(x, 0);
}

/* Parse, read, dedup (in input order) and extract one batch. */
static void work_batch(ctx *x, batch *b)
{
    cli *c = x->c;
    int corpus_dedup = x->dedup && c->opts.dedup == KC_DEDUP_CORPUS;
    if (!corpus_dedup && c->cmd != CMD_CLEAN) {
        /* nothing between reading and extracting: one pass, one barrier */
        b->phase = 2;
        run_phase(b, c->jobs);
        return;
    }
    b->phase = 0;
    run_phase(b, c->jobs);
    for (size_t i = 0; i < b->n; i++) {
        job *j = &b->jobs[i];
        if (!j->failed && j->doc && x->dedup && c->opts.dedup == KC_DEDUP_CORPUS) {
            kc_status st = kc_dedup_apply(x->dedup, j->doc);
            if (st != KC_OK) { j->failed = 1; j->st = st; snprintf(j->msg, sizeof j->msg, "%s", kc_strerror(st)); }
        }
    }
    if (c->cmd != CMD_CLEAN) {
        b->phase = 1;
        run_phase(b, c->jobs);
    }
}

/* Write one batch's outputs and messages in input order, then free it. */
static void emit_batch(ctx *x, batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        job *j = &b->jobs[i];
        if (j->note) {
            fputs(j->note, stderr);
            free(j->note);
            j->note = NULL;
        }
        if (!j->failed && j->doc && j->windowed) {
            x->docs++;
            kc_status st = emit_windowed(x, j->doc);
            if (st != KC_OK) {
                /* what was written stays: it is correct, and the rest of the
                 * document is reported as failed */
                x->docs--;
                j->failed = 1;
                j->st = st;
                const char *detail = kc_doc_error(j->doc);
                snprintf(j->msg, sizeof j->msg, "%s", detail[0] ? detail : kc_strerror(st));
            }
        }
        if (j->failed) {
            report_fail(j->display, "%s", j->msg);
            if (j->st == KC_ENOMEM) { discard_outputs(); exit(2); }
        } else if (j->doc && !j->windowed) {
            x->docs++;
            emit_doc(x, j->doc);
        }
        /* counts after extraction: a windowed document extracts here */
        if (j->doc) kc_stats_add(&x->total, kc_doc_stats(j->doc));
        kc_doc_free(j->doc);
        j->doc = NULL;
    }
    b->n = 0;
    b->bytes = 0;
    x->bytes_done = b->bytes_done;
    progress(x, 0);
}

/* A batch holds up to 256 documents or 8 MB: the workers start (threads are
 * created) and meet at a barrier once per batch, which at 64 documents of a
 * few kB each was a tenth of `clean -j 2`. */
#define BATCH_DOCS 256
#define BATCH_BYTES (8u << 20)
#define NBATCH 3

/* With -j N > 1, three stages run at once, each on its own thread: the
 * main thread reads batch k+2, the processor thread has the workers parse,
 * read and extract batch k+1, the emitter thread writes batch k. Batches
 * pass through a ring of NBATCH in order (handed ≥ processed ≥ emitted), so
 * output order never depends on N and at most NBATCH batches of bounded
 * size are in memory. With -j 1 the main thread does all three in turn. */
typedef struct pending {
    batch bufs[NBATCH];
    size_t handed, processed, emitted; /* batch counters */
    int quit;          /* the reader has handed its last batch */
    int pdone;         /* the processor has processed everything */
    pthread_t th_proc, th_emit;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int started;
    ctx *x;
} pending;

static batch *cur_batch(pending *p)
{
    return &p->bufs[p->handed % NBATCH];
}

static void *processor(void *arg)
{
    pending *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->processed == p->handed && !p->quit) pthread_cond_wait(&p->cv, &p->mu);
        if (p->processed == p->handed) break;
        batch *b = &p->bufs[p->processed % NBATCH];
        pthread_mutex_unlock(&p->mu);
        work_batch(p->x, b);
        pthread_mutex_lock(&p->mu);
        p->processed++;
        pthread_cond_broadcast(&p->cv);
    }
    p->pdone = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void *emitter(void *arg)
{
    pending *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->emitted == p->processed && !p->pdone) pthread_cond_wait(&p->cv, &p->mu);
        if (p->emitted == p->processed) break;
        batch *b = &p->bufs[p->emitted % NBATCH];
        pthread_mutex_unlock(&p->mu);
        emit_batch(p->x, b);
        pthread_mutex_lock(&p->mu);
        p->emitted++;
        pthread_cond_broadcast(&p->cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Hand the batch being filled to the next stage; returns when the next
 * batch of the ring is free to fill. */
static void flush_batch(ctx *x, pending *p)
{
    batch *b = cur_batch(p);
    b->bytes_done = x->bytes_read;
    if (!x->pipelined) {
        work_batch(x, b);
        emit_batch(x, b);
        return;
    }
    pthread_mutex_lock(&p->mu);
    p->handed++;
    pthread_cond_broadcast(&p->cv);
    while (p->handed - p->emitted >= NBATCH) pthread_cond_wait(&p->cv, &p->mu);
    pthread_mutex_unlock(&p->mu);
}

/* The reader is done: wait until every batch has been written. */
static void finish_pipeline(pending *p)
{
    if (!p->started) return;
    pthread_mutex_lock(&p->mu);
    p->quit = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->th_proc, NULL);
    pthread_join(p->th_emit, NULL);
}

static job *new_job(ctx *x, pending *p)
{
    batch *b = cur_batch(p);
    if (b->n == BATCH_DOCS || b->bytes >= BATCH_BYTES) {
        flush_batch(x, p);
        b = cur_batch(p);
    }
    job *j = &b->jobs[b->n++];
    memset(j, 0, sizeof *j);
    return j;
}

static void add_bytes(pending *p, size_t n)
{
    cur_batch(p)->bytes += n;
}

static void feed_text_file(ctx *x, pending *p, srcfile *s)
{
    cli *c = x->c;
    FILE *f = s->path ? fopen(s->path, "rb") : stdin;
    if (!f && errno == ENOMEM) oom();
    if (!f) {
        /* reported in input order, from the batch (see process_batch) */
        int e = errno;
        job *j = new_job(x, p);
        j->display = s->display;
        j->failed = 1;
        snprintf(j->msg, sizeof j->msg, "cannot open: %s", strerror(e));
        return;
    }
    char *id = doc_id_from_path(s->path);
    if (!id) oom();
    job *j = new_job(x, p);
    j->display = s->display;
    if (kc_doc_new(&j->doc, x->eng, id) != KC_OK) oom();
    free(id);
    load_sidecar(j->doc, s->path, s->display, &j->note);
    size_t rs = c->read_size ? c->read_size : 1u << 16;
    char *buf = malloc(rs);
    if (!buf) oom();
    size_t n;
    while ((n = fread(buf, 1, rs, f)) > 0) {
        if (kc_doc_feed(j->doc, buf, n) != KC_OK) oom();
        add_bytes(p, n);
        x->bytes_read += n;
        progress_read(x);
    }
    if (ferror(f)) {
        j->failed = 1;
        snprintf(j->msg, sizeof j->msg, "read error: %s", strerror(errno));
    }
    free(buf);
    if (s->path) fclose(f);
}

/* Read one line of any length (NUL bytes included): getline() returns the
 * length, so NUL inside the line is kept. */
static int read_line(FILE *f, char **buf, size_t *cap, size_t *len)
{
    ssize_t n = getline(buf, cap, f);
    if (n < 0) {
        if (!feof(f) && errno == ENOMEM) oom();
        return 0;
    }
    size_t m = (size_t)n;
    if (m && (*buf)[m - 1] == '\n') m--;
    if (m && (*buf)[m - 1] == '\r') m--;
    (*buf)[m] = '\0';
    *len = m;
    return 1;
}

static void feed_jsonl_file(ctx *x, pending *p, srcfile *s)
{
    FILE *f = s->path ? fopen(s->path, "rb") : stdin;
    if (!f && errno == ENOMEM) oom();
    if (!f) {
        int e = errno;
        job *j = new_job(x, p);
        j->display = s->display;
        j->failed = 1;
        snprintf(j->msg, sizeof j->msg, "cannot open: %s", strerror(e));
        return;
    }
    char *line = NULL;
    size_t cap = 0, len, lineno = 0;
    while (read_line(f, &line, &cap, &len)) {
        lineno++;
        x->bytes_read += len + 1;
        progress_read(x);
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t')) k++;
        if (k == len) continue; /* blank line */
        /* the line is parsed by a worker (process_batch, phase 0) */
        job *jb = new_job(x, p);
        jb->display = s->display;
        jb->line = lineno;
        jb->raw = malloc(len + 1);
        if (!jb->raw) oom();
        memcpy(jb->raw, line, len + 1);
        jb->rawlen = len;
        add_bytes(p, len);
    }
    if (ferror(f)) {
        int e = errno;
        job *j = new_job(x, p);
        j->display = s->display;
        j->failed = 1;
        snprintf(j->msg, sizeof j->msg, "line %zu: read error: %s", lineno + 1, strerror(e));
    }
    free(line);
    if (s->path) fclose(f);
}

static int mkdir_p(const char *dir)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s", dir) >= (int)sizeof tmp) return -1;
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(tmp, 0777) != 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    if (mkdir(tmp, 0777) != 0 && errno != EEXIST) return -1;
    return 0;
}

int main(int argc, char **argv)
{
    cli c;
    memset(&c, 0, sizeof c);
    kc_options_init(&c.opts);
    c.jobs = 1;
#ifdef __GLIBC__
    /* Every document allocates and frees buffers of its own size. With
     * glibc's defaults those above 128 KiB are mmap'ed and the heap top is
     * trimmed on free, so each document pays fresh zeroed pages again
     * (page faults were 8% of `clean`). Keep them in the heap instead; the
     * peak is unchanged, only the churn goes. */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_TOP_PAD, 8 << 20);
#endif
    parse_args(&c, argc, argv);
    /* `| head -1` ends quietly: the default SIGPIPE action. */
    signal(SIGPIPE, SIG_DFL);

    const char *dict = c.dict ? c.dict : getenv("KCORPUS_DICT");
    if (dict && !*dict) dict = NULL;
    if (dict) {
        struct stat st;
        if (stat(dict, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fprintf(stderr, "%s: --dict %s: not a readable directory\n", prog, dict);
            return 2;
        }
    }
    ctx x;
    memset(&x, 0, sizeof x);
    x.c = &c;
    char err[512];
    kc_status st = kc_engine_new(&x.eng, dict, err, sizeof err);
    if (st == KC_ENOMEM) oom();
    if (st != KC_OK) {
        fprintf(stderr, "%s: dictionary: %s\n", prog, err);
        return 2;
    }
    if (c.opts.dedup == KC_DEDUP_CORPUS && kc_dedup_new(&x.dedup) != KC_OK) oom();

    srclist srcs = {0};
    for (size_t i = 0; i < c.ninputs; i++) {
        const char *in = c.inputs[i];
        if (!strcmp(in, "-")) { add_src(&srcs, NULL, &c); continue; }
        struct stat sb;
        if (stat(in, &sb) != 0) { report_fail(in, "cannot open: %s", strerror(errno)); continue; }
        if (S_ISDIR(sb.st_mode)) walk(&srcs, in, &c, 0);
        else add_src(&srcs, in, &c);
    }
    for (size_t i = 0; i < srcs.n; i++) {
        struct stat sb;
        if (srcs.v[i].path && stat(srcs.v[i].path, &sb) == 0) x.bytes_total += (size_t)sb.st_size;
    }
    x.progress = !c.quiet && isatty(2);
    clock_gettime(CLOCK_MONOTONIC, &x.t0);

    if (c.cmd == CMD_RUN) {
        if (mkdir_p(c.out) != 0) { fprintf(stderr, "%s: %s: cannot create directory: %s\n", prog, c.out, strerror(errno)); return 2; }
        size_t n = strlen(c.out) + 32;
        x.clean_dir = malloc(n);
        char *p = malloc(n);
        if (!x.clean_dir || !p) oom();
        snprintf(x.clean_dir, n, "%s/clean", c.out);
        if (mkdir_p(x.clean_dir) != 0) { fprintf(stderr, "%s: %s: cannot create directory: %s\n", prog, x.clean_dir, strerror(errno)); return 2; }
        snprintf(p, n, "%s/mentions.jsonl", c.out);
        x.out_mentions = open_atomic(p);
        snprintf(p, n, "%s/events.jsonl", c.out);
        x.out_events = open_atomic(p);
        snprintf(p, n, "%s/metrics.csv", c.out);
        x.out_metrics = open_atomic(p);
        free(p);
        if (kc_write_metrics_header(KC_FMT_CSV, x.out_metrics) != KC_OK) write_failed("metrics.csv");
    } else {
        x.out_main = c.out && strcmp(c.out, "-") ? open_atomic(c.out) : stdout;
    }

    /* jansson's hash seed, before any thread may create an object */
    json_object_seed(0);
    pending p;
    memset(&p, 0, sizeof p);
    p.x = &x;
    for (int i = 0; i < NBATCH; i++) {
        p.bufs[i].jobs = calloc(BATCH_DOCS, sizeof *p.bufs[i].jobs);
        if (!p.bufs[i].jobs) oom();
        p.bufs[i].opts = &c.opts;
        p.bufs[i].eng = x.eng;
        pthread_mutex_init(&p.bufs[i].mu, NULL);
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv, NULL);
    if (c.jobs > 1 && pthread_create(&p.th_proc, NULL, processor, &p) == 0) {
        if (pthread_create(&p.th_emit, NULL, emitter, &p) == 0) {
            p.started = 1;
            x.pipelined = 1;
        } else { /* no emitter: stop the processor, run serially */
            pthread_mutex_lock(&p.mu);
            p.quit = 1;
            pthread_cond_broadcast(&p.cv);
            pthread_mutex_unlock(&p.mu);
            pthread_join(p.th_proc, NULL);
            p.quit = 0;
            p.pdone = 0;
        }
    }
    for (size_t i = 0; i < srcs.n; i++) {
        if (srcs.v[i].jsonl) feed_jsonl_file(&x, &p, &srcs.v[i]);
        else feed_text_file(&x, &p, &srcs.v[i]);
    }
    flush_batch(&x, &p);
    finish_pipeline(&p);
    if ((c.cmd == CMD_METRICS || c.cmd == CMD_EVENTS) && !x.header_done) {
        st = c.cmd == CMD_METRICS ? kc_write_metrics_header(c.fmt, x.out_main)
                                  : kc_write_events_header(c.fmt, x.out_main);
        if (st != KC_OK) write_failed("stdout");
    }
    progress(&x, 1);

    if (c.cmd == CMD_RUN) {
        size_t n = strlen(c.out) + 32;
        char *rp = malloc(n);
        if (!rp) oom();
        snprintf(rp, n, "%s/report.json", c.out);
        FILE *rf = open_atomic(rp);
        if (kc_write_stats_json(&x.total, x.docs, (size_t)failures, rf) != KC_OK) write_failed(rp);
        free(rp);
        if (!c.quiet)
            fprintf(stderr, "%s: %zu documents, %zu paragraphs, %zu mentions, %zu events -> %s/\n", prog,
                    x.docs, x.total.paragraphs_out, x.total.mentions, x.total.events, c.out);
    }
    if (c.report) {
        FILE *rf = open_atomic(c.report);
        if (kc_write_stats_json(&x.total, x.docs, (size_t)failures, rf) != KC_OK) write_failed(c.report);
    }
    commit_outputs();
    if (x.out_main == stdout) {
        errno = 0;
        if (fflush(stdout) != 0 || ferror(stdout)) write_failed("stdout");
        if (fclose(stdout) != 0) write_failed("stdout");
    }
    for (size_t i = 0; i < srcs.n; i++) { free(srcs.v[i].path); free(srcs.v[i].display); }
    free(srcs.v);
    for (int i = 0; i < NBATCH; i++) {
        free(p.bufs[i].jobs);
        pthread_mutex_destroy(&p.bufs[i].mu);
    }
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.cv);
    free(x.clean_dir);
    kc_dedup_free(x.dedup);
    kc_engine_free(x.eng);
    return failures ? 1 : 0;
}
