/* cli_plot.c — `kcorpus plot`: chart one metric from a metrics CSV.
 *
 * Reads the CSV that `kcorpus metrics` / `kcorpus run` write (RFC 4180,
 * header doc,date,subject,metric,value,value_max,unit,approx,source,baseline,
 * para; columns are found by name, so extra or reordered columns are fine),
 * keeps the rows of one metric, and draws one time series per subject with
 * gnuplot: dated observations as points joined by lines (hollow markers for
 * approximate figures such as 3천460만여 명), ranges as error bars, and
 * usual-level statements (baseline=true, 평소 3천300만∼3천700만) as a shaded
 * horizontal band across the chart.
 *
 * gnuplot gets one self-contained script on its standard input (the data
 * travels as inline datablocks), so no temporary files are needed and
 * `--script FILE` can hand the very same script to the user. The PNG is
 * written to OUT.tmp.PID beside OUT and renamed into place only when gnuplot
 * succeeded and the file is a PNG: a failed run never leaves a half chart.
 *
 * Plain C and POSIX only (plus kcorpus.h for the version); nothing here
 * reaches into the library's internals.
 */
#include "kcorpus.h"
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define PROG "kcorpus"

/* ------------------------------------------------------------------ */
/* Small growable byte buffer for the script                          */
/* ------------------------------------------------------------------ */

typedef struct sbuf {
    char *p;
    size_t len, cap;
    int oom;
} sbuf;

static void sb_grow(sbuf *b, size_t need)
{
    if (b->oom) return;
    if (need <= b->cap - b->len) return;
    size_t nc = b->cap ? b->cap : 4096;
    while (nc - b->len < need) {
        if (nc > SIZE_MAX / 2) { b->oom = 1; return; }
        nc *= 2;
    }
    char *q = realloc(b->p, nc);
    if (!q) { b->oom = 1; return; }
    b->p = q;
    b->cap = nc;
}

/* a string literal without its NUL */
#define SB_LIT(b, lit) sb_add((b), "" lit, sizeof(lit) - 1) /* "" lit: literals only */

static void sb_add(sbuf *b, const char *s, size_t n)
{
    sb_grow(b, n + 1);
    if (b->oom) return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 2, 3)))
#endif
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) { b->oom = 1; return; }
    sb_grow(b, (size_t)n + 1);
    if (b->oom) return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* A gnuplot single-quoted string: only the quote itself needs escaping
 * (doubled); backslashes and UTF-8 pass through unchanged. Control
 * characters would end the command line, so they become spaces. */
static void sb_quoted(sbuf *b, const char *s)
{
    SB_LIT(b, "'");
    for (; *s; s++) {
        if (*s == '\'') SB_LIT(b, "''");
        else if ((unsigned char)*s < 0x20 || *s == 0x7f) SB_LIT(b, " ");
        else sb_add(b, s, 1);
    }
    SB_LIT(b, "'");
}

/* ------------------------------------------------------------------ */
/* CSV (RFC 4180)                                                      */
/* ------------------------------------------------------------------ */

/* Parses one record starting at *pos, unescaping fields in place (an
 * unescaped field is never longer than its quoted form). fields[] point
 * into buf and are NUL-terminated. Returns the number of fields, 0 at end
 * of input, or -1 for a malformed record (*why says why). *lines counts
 * the physical lines consumed, so messages name the record's first line. */
typedef struct csvrec {
    char **f;
    size_t n, cap;
} csvrec;

static int csv_next(char *buf, size_t len, size_t *pos, csvrec *r, size_t *lines,
                    const char **why)
{
    size_t i = *pos;
    r->n = 0;
    if (i >= len) return 0;
    for (;;) {
        if (r->n == r->cap) {
            size_t nc = r->cap ? r->cap * 2 : 16;
            char **q = realloc(r->f, nc * sizeof *q);
            if (!q) { *why = "out of memory"; return -1; }
            r->f = q;
            r->cap = nc;
        }
        r->f[r->n++] = buf + i;
        size_t w = i;
        if (i < len && buf[i] == '"') {
            i++;
            for (;;) {
                if (i >= len) { *why = "unterminated quoted field"; *pos = len; return -1; }
                if (buf[i] == '"') {
                    if (i + 1 < len && buf[i + 1] == '"') { buf[w++] = '"'; i += 2; continue; }
                    i++;
                    break;
                }
                if (buf[i] == '\n') (*lines)++;
                buf[w++] = buf[i++];
            }
            if (i < len && buf[i] != ',' && buf[i] != '\n' && buf[i] != '\r') {
                *why = "text after a closing quote";
                while (i < len && buf[i] != '\n') i++;
                if (i < len) { i++; (*lines)++; }
                *pos = i;
                return -1;
            }
        } else {
            /* a bare quote inside an unquoted field is kept as text */
            while (i < len && buf[i] != ',' && buf[i] != '\n' && buf[i] != '\r') buf[w++] = buf[i++];
        }
        /* terminate the field (w <= i, and i points at , \r \n or end) */
        char sep = i < len ? buf[i] : '\n';
        if (w < len) buf[w] = '\0';
        if (sep == ',') { i++; continue; }
        if (sep == '\r') { i++; if (i < len && buf[i] == '\n') i++; }
        else if (i < len) i++;
        (*lines)++;
        break;
    }
    *pos = i;
    return (int)(r->n > INT32_MAX ? INT32_MAX : r->n);
}

/* ------------------------------------------------------------------ */
/* Rows and dates                                                      */
/* ------------------------------------------------------------------ */

typedef struct row {
    const char *subject;
    const char *unit;
    const char *date;   /* as written, for messages */
    const char *source; /* who reported it ("" when unknown) */
    const char *doc;
    double x;           /* days since 1970-01-01 (time of day as fraction) */
    int dated;
    double v, vmax;
    int has_max;
    int approx;
    int baseline;
    size_t line;
} row;

static long days_from_civil(long y, unsigned m, unsigned d)
{
    /* H. Hinnant's algorithm: proleptic Gregorian days since 1970-01-01. */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned dd = doy - (153 * mp + 2) / 5 + 1;
    unsigned mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

/* ISO dates as the metrics CSV writes them: YYYY-MM-DD, optionally with
 * THH:MM; YYYY-MM and YYYY are placed at the start of the period. Quarters,
 * halves and unresolved parts (XXXX-10-16) cannot be placed: returns 0. */
static int parse_date(const char *s, double *x)
{
    size_t n = strlen(s);
    if (n < 4 || !digits(s, 4)) return 0;
    long y = strtol(s, NULL, 10);
    unsigned m = 1, d = 1;
    double frac = 0;
    if (n == 4) goto done;
    if (n < 7 || s[4] != '-' || !digits(s + 5, 2)) return 0;
    m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
    if (m < 1 || m > 12) return 0;
    if (n == 7) goto done;
    if (n < 10 || s[7] != '-' || !digits(s + 8, 2)) return 0;
    d = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
    static const unsigned mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d < 1 || d > mdays[m - 1]) return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
    if (n == 10) goto done;
    if (n >= 16 && s[10] == 'T' && digits(s + 11, 2) && s[13] == ':' && digits(s + 14, 2)) {
        int hh = (s[11] - '0') * 10 + (s[12] - '0'), mi = (s[14] - '0') * 10 + (s[15] - '0');
        if (hh > 23 || mi > 59) return 0;
        frac = (hh * 60 + mi) / 1440.0;
        goto done;
    }
    return 0;
done:
    *x = (double)days_from_civil(y, m, d) + frac;
    return 1;
}

/* The CSV writes plain decimals; anything else in a value cell is a bad row. */
static int parse_num(const char *s, double *v)
{
    if (!*s) return 0;
    char *end;
    errno = 0;
    double d = strtod(s, &end);
    if (*end || errno == ERANGE || !isfinite(d)) return 0;
    *v = d;
    return 1;
}

/* ------------------------------------------------------------------ */
/* Korean number scale for labels (만 10^4, 억 10^8, 조 10^12)          */
/* ------------------------------------------------------------------ */

typedef struct scale {
    double div;
    const char *word;
} scale;

static scale pick_scale(double maxabs)
{
    scale s = {1, ""};
    if (maxabs >= 1e15) { s.div = 1e12; s.word = "조"; }
    else if (maxabs >= 1e8) { s.div = 1e8; s.word = "억"; }
    else if (maxabs >= 1e5) { s.div = 1e4; s.word = "만"; }
    return s;
}

/* "3,290" / "20,573" / "12.5": at most two decimals, thousands separators. */
static void fmt_num(char *out, size_t outlen, double v)
{
    char tmp[400]; /* %.2f of DBL_MAX has 309 integer digits */
    snprintf(tmp, sizeof tmp, "%.2f", fabs(v));
    char *dot = strchr(tmp, '.');
    if (dot) {
        char *e = tmp + strlen(tmp) - 1;
        while (e > dot && *e == '0') *e-- = '\0';
        if (e == dot) *e = '\0';
    }
    size_t intlen = dot && *dot ? (size_t)(dot - tmp) : strlen(tmp);
    if (dot && !*dot) intlen = strlen(tmp);
    char res[sizeof tmp + sizeof tmp / 3 + 2];
    size_t k = 0;
    if (v < 0 && (tmp[0] != '0' || tmp[1])) res[k++] = '-';
    for (size_t i = 0; i < intlen; i++) {
        if (i && (intlen - i) % 3 == 0) res[k++] = ',';
        res[k++] = tmp[i];
    }
    size_t rest = strlen(tmp + intlen);
    memcpy(res + k, tmp + intlen, rest);
    k += rest;
    res[k] = '\0';
    snprintf(out, outlen, "%s", res);
}

/* ------------------------------------------------------------------ */
/* Options                                                             */
/* ------------------------------------------------------------------ */

typedef struct popts {
    const char *metric;
    const char *subject;
    const char *title;
    const char *out;
    const char *script;
    const char *input;
    int width, height;
    int quiet;
} popts;

static void plot_help(FILE *f)
{
    fputs(
"Usage: kcorpus plot [OPTIONS] METRICS.csv -o OUT.png\n"
"Chart one metric from a metrics CSV (kcorpus metrics / kcorpus run output):\n"
"one line per subject over time, hollow markers for approximate figures,\n"
"usual-level statements (baseline=true) as shaded bands. Needs gnuplot.\n"
"\n"
"Example: KakaoTalk's daily active users from the sample editorial:\n"
"  kcorpus metrics --metric DAU corpus/kakao_editorial.txt > dau.csv\n"
"  kcorpus plot --metric DAU dau.csv -o dau.png\n"
"\n"
"Options:\n"
"  --metric NAME     metric to chart (needed when the CSV holds several)\n"
"  --subject S       only this subject\n"
"  --title T         chart title (default: the metric and its subjects)\n"
"  --size WxH        image size in pixels (default 960x540)\n"
"  -o OUT.png        output file (required; written atomically)\n"
"  --script FILE     write the gnuplot script to FILE instead of running it\n"
"  --quiet           no notes about skipped rows\n"
"  --help\n"
"METRICS.csv may be - for stdin. The gnuplot program can be set with the\n"
"KCORPUS_GNUPLOT environment variable (default: gnuplot on PATH).\n"
"\n"
"Exit status: 0 chart written; 1 the CSV could not be read, a row was\n"
"malformed (the chart is still drawn from the others) or nothing could be\n"
"plotted; 2 usage error, gnuplot missing or failed, output not written.\n",
        f);
}

#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 1, 2)))
#endif
static int usage(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: plot: ", PROG);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s plot --help' for more information.\n", PROG);
    return 2;
}

/* Returns -1 to go on, or an exit status. */
static int parse_plot_args(popts *o, int argc, char **argv)
{
    o->width = 960;
    o->height = 540;
    int only = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only || a[0] != '-' || !strcmp(a, "-")) {
            if (o->input) return usage("only one METRICS.csv may be given ('%s')", a);
            o->input = a;
            continue;
        }
        if (!strcmp(a, "--")) { only = 1; continue; }
        char name[32];
        const char *val = kc_cli_split_opt(&a, name, sizeof name);
        int needs = !strcmp(a, "--metric") || !strcmp(a, "--subject") || !strcmp(a, "--title") ||
                    !strcmp(a, "--size") || !strcmp(a, "-o") || !strcmp(a, "--output") ||
                    !strcmp(a, "--script");
        if (needs && !val) {
            if (i + 1 >= argc) return usage("option %s needs a value", a);
            val = argv[++i];
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { plot_help(stdout); return 0; }
        else if (!strcmp(a, "--version")) {
            printf("kcorpus %s (%s)\n", kc_version(), kc_dependency_versions());
            return 0;
        }
        else if (!strcmp(a, "--metric")) o->metric = val;
        else if (!strcmp(a, "--subject")) o->subject = val;
        else if (!strcmp(a, "--title")) o->title = val;
        else if (!strcmp(a, "-o") || !strcmp(a, "--output")) o->out = val;
        else if (!strcmp(a, "--script")) o->script = val;
        else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) o->quiet = 1;
        else if (!strcmp(a, "--size")) {
            int w, h;
            char extra;
            if (sscanf(val, "%dx%d%c", &w, &h, &extra) != 2 || w < 200 || h < 150 || w > 8000 ||
                h > 8000)
                return usage("--size: expected WxH between 200x150 and 8000x8000, got '%s'", val);
            o->width = w;
            o->height = h;
        } else if (needs) {
            /* unreachable: every option taking a value is handled above */
        } else {
            return usage("unknown option '%s'", a);
        }
    }
    if (!o->input) return usage("no METRICS.csv given%s", " (use - for stdin)");
    if (!o->out) return usage("no output given%s", ": use -o OUT.png");
    return -1;
}

/* ------------------------------------------------------------------ */
/* Reading the input                                                   */
/* ------------------------------------------------------------------ */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) goto fail;
    for (;;) {
        if (cap - n < 4096) {
            if (cap > SIZE_MAX / 2) { errno = ENOMEM; goto fail; }
            char *q = realloc(buf, cap * 2);
            if (!q) goto fail;
            buf = q;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0) break;
    }
    if (ferror(f)) goto fail;
    if (f != stdin) fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
fail:
    {
        int e = errno;
        free(buf);
        if (f != stdin) fclose(f);
        errno = e ? e : EIO;
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* gnuplot                                                              */
/* ------------------------------------------------------------------ */

/* Find PROG in PATH (or take it as is when it contains a slash). */
static int find_program(const char *name, char *out, size_t outlen)
{
    if (strchr(name, '/')) {
        snprintf(out, outlen, "%s", name);
        return access(name, X_OK) == 0;
    }
    const char *path = getenv("PATH");
    if (!path || !*path) path = "/usr/local/bin:/usr/bin:/bin";
    while (*path) {
        const char *c = strchr(path, ':');
        size_t n = c ? (size_t)(c - path) : strlen(path);
        if (n == 0) snprintf(out, outlen, "./%s", name);
        else snprintf(out, outlen, "%.*s/%s", (int)n, path, name);
        struct stat st;
        if (stat(out, &st) == 0 && S_ISREG(st.st_mode) && access(out, X_OK) == 0) return 1;
        path += n;
        if (*path == ':') path++;
    }
    return 0;
}

/* Run gnuplot with the script on stdin; its stderr is kept in a temporary
 * file and shown when it fails (or, unless quiet, when it warned). Returns
 * 0 on success. */
static int run_gnuplot(const char *exe, const sbuf *script, int quiet)
{
    int pfd[2];
    FILE *errf = tmpfile();
    if (!errf || pipe(pfd) != 0) {
        fprintf(stderr, "%s: plot: cannot start gnuplot: %s\n", PROG, strerror(errno));
        if (errf) fclose(errf);
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "%s: plot: cannot start gnuplot: %s\n", PROG, strerror(errno));
        close(pfd[0]);
        close(pfd[1]);
        fclose(errf);
        return -1;
    }
    if (pid == 0) {
        dup2(pfd[0], 0);
        close(pfd[0]);
        close(pfd[1]);
        int nul = open("/dev/null", O_WRONLY);
        if (nul >= 0) { dup2(nul, 1); close(nul); }
        dup2(fileno(errf), 2);
        char *args[] = {(char *)exe, NULL};
        execv(exe, args);
        _exit(127);
    }
    close(pfd[0]);
    /* gnuplot may stop reading early (a script error): EPIPE, not a signal */
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    size_t off = 0;
    int werr = 0;
    while (off < script->len) {
        ssize_t w = write(pfd[1], script->p + off, script->len - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            werr = errno;
            break;
        }
        off += (size_t)w;
    }
    close(pfd[1]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) { status = -1; break; }
    }
    signal(SIGPIPE, old);
    int ok = status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0 && !werr;
    /* show what gnuplot said */
    fflush(errf);
    long elen = ftell(errf);
    if (elen > 0 && (!ok || !quiet)) {
        rewind(errf);
        char line[1024];
        while (fgets(line, sizeof line, errf)) {
            size_t n = strlen(line);
            while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
            if (n) fprintf(stderr, "%s: plot: gnuplot: %s\n", PROG, line);
        }
    }
    fclose(errf);
    if (!ok) {
        if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 127)
            fprintf(stderr, "%s: plot: cannot run %s\n", PROG, exe);
        else if (status != -1 && WIFSIGNALED(status))
            fprintf(stderr, "%s: plot: gnuplot was killed by signal %d\n", PROG, WTERMSIG(status));
        else
            fprintf(stderr, "%s: plot: gnuplot failed (exit status %d)\n", PROG,
                    status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        return -1;
    }
    return 0;
}

static int is_png(const char *path, size_t *size)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    unsigned char b[8];
    int ok = fread(b, 1, 8, f) == 8 && !memcmp(b, sig, 8);
    if (ok && fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        *size = n > 0 ? (size_t)n : 0;
    }
    fclose(f);
    return ok;
}

/* ------------------------------------------------------------------ */
/* The chart                                                            */
/* ------------------------------------------------------------------ */

static const char *const palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                                      "#ff7f0e", "#17becf", "#8c564b", "#e377c2"};
#define NPALETTE (sizeof palette / sizeof palette[0])

typedef struct series {
    const char *subject;   /* "" when the CSV names none */
    size_t *idx;           /* rows (indices into the row array), by x */
    size_t n, cap;
} series;

static const row *sort_rows;

static int cmp_idx(const void *a, const void *b)
{
    const row *ra = &sort_rows[*(const size_t *)a], *rb = &sort_rows[*(const size_t *)b];
    if (ra->x < rb->x) return -1;
    if (ra->x > rb->x) return 1;
    return ra->line < rb->line ? -1 : ra->line > rb->line;
}

static void label_text(char *out, size_t outlen, const row *r, scale sc)
{
    char a[64], b[64];
    fmt_num(a, sizeof a, r->v / sc.div);
    if (r->has_max) {
        fmt_num(b, sizeof b, r->vmax / sc.div);
        snprintf(out, outlen, "%s%s–%s%s", r->approx ? "≈" : "", a, b, sc.word);
    } else {
        snprintf(out, outlen, "%s%s%s", r->approx ? "≈" : "", a, sc.word);
    }
}

static void x_label(char *out, size_t outlen, double x, int with_year, int month_only)
{
    int y, m, d;
    civil_from_days((long)floor(x), &y, &m, &d);
    if (month_only) snprintf(out, outlen, "%04d-%02d", y, m);
    else if (with_year) snprintf(out, outlen, "%04d-%02d-%02d", y, m, d);
    else snprintf(out, outlen, "%02d-%02d", m, d);
}

/* Ticks: the observation dates themselves when there are few, else days,
 * weeks, months or years so that about ten ticks show. */
static void emit_xtics(sbuf *s, const row *rows, size_t nrows, double xmin, double xmax,
                       int timeaxis)
{
    if (!timeaxis) {
        sb_printf(s, "set xtics 1\n");
        return;
    }
    int y0, m0, d0, y1, m1, d1;
    civil_from_days((long)floor(xmin), &y0, &m0, &d0);
    civil_from_days((long)floor(xmax), &y1, &m1, &d1);
    int with_year = y0 != y1;
    double dates[12];
    size_t nd = 0;
    int few = 1;
    for (size_t i = 0; i < nrows && few; i++) {
        if (!rows[i].dated || rows[i].baseline) continue;
        double x = floor(rows[i].x);
        size_t k = 0;
        while (k < nd && dates[k] != x) k++;
        if (k < nd) continue;
        if (nd == 10) few = 0;
        else dates[nd++] = x;
    }
    SB_LIT(s, "set xtics (");
    char lab[32];
    if (few) {
        for (size_t k = 0; k < nd; k++) {
            x_label(lab, sizeof lab, dates[k], with_year, 0);
            sb_printf(s, "%s'%s' %.1f", k ? ", " : "", lab, dates[k]);
        }
    } else {
        double span = xmax - xmin;
        int first = 1;
        if (span <= 70) {
            double step = span <= 14 ? 1 : span <= 35 ? 3 : 7;
            for (double x = ceil(xmin); x <= xmax; x += step) {
                x_label(lab, sizeof lab, x, with_year, 0);
                sb_printf(s, "%s'%s' %.1f", first ? "" : ", ", lab, x);
                first = 0;
            }
        } else {
            long months = (long)(y1 - y0) * 12 + (m1 - m0) + 1;
            long step = months <= 12 ? 1 : months <= 24 ? 2 : months <= 36 ? 3 : months <= 72 ? 6
                      : 12 * ((months + 119) / 120);
            int y = y0, m = m0;
            if (step >= 12) m = 1;
            for (long k = 0; k <= months + step; k += step) {
                double x = (double)days_from_civil(y, (unsigned)m, 1);
                if (x >= xmin && x <= xmax) {
                    x_label(lab, sizeof lab, x, 1, 1);
                    if (step >= 12) snprintf(lab, sizeof lab, "%04d", y);
                    sb_printf(s, "%s'%s' %.1f", first ? "" : ", ", lab, x);
                    first = 0;
                }
                m += (int)step;
                while (m > 12) { m -= 12; y++; }
            }
        }
    }
    SB_LIT(s, ")\n");
    if (!with_year) sb_printf(s, "set xlabel '%04d'\n", y0);
    else SB_LIT(s, "set xtics rotate by -30\n");
}

/* Bottom-right caption naming who reported the figures and which documents
 * they come from (up to three of each), so a chart copied out of context
 * still says where its numbers come from. */
static void footnote(sbuf *s, const row *rows, size_t nrows)
{
    sbuf t = {0};
    for (int pass = 0; pass < 2; pass++) {
        const char *seen[3];
        size_t nseen = 0, more = 0;
        for (size_t i = 0; i < nrows; i++) {
            const char *v = pass ? rows[i].doc : rows[i].source;
            if (!v[0]) continue;
            size_t k = 0;
            while (k < nseen && strcmp(seen[k], v)) k++;
            if (k < nseen) continue;
            if (nseen == 3) { more++; continue; }
            seen[nseen++] = v;
        }
        if (!nseen) continue;
        if (t.len) SB_LIT(&t, " · ");
        if (pass && nseen + more > 1) SB_LIT(&t, "documents: ");
        else if (pass) SB_LIT(&t, "document: ");
        else SB_LIT(&t, "source: ");
        for (size_t k = 0; k < nseen; k++) {
            if (k) SB_LIT(&t, ", ");
            sb_add(&t, seen[k], strlen(seen[k]));
        }
        if (more) sb_printf(&t, " +%zu", more);
    }
    if (t.len && !t.oom) {
        SB_LIT(s, "set label 99 ");
        sb_quoted(s, t.p);
        SB_LIT(s, " at screen 0.99, screen 0.015 right font 'sans,8' tc rgb '#777777' noenhanced\n");
    }
    s->oom |= t.oom;
    free(t.p);
}

static int build_script(sbuf *s, const popts *o, const char *metric, row *rows, size_t nrows,
                        series *ser, size_t nser, const char *outpath)
{
    /* axis: dates when any observation has one, else document order */
    int timeaxis = 0;
    for (size_t i = 0; i < nrows; i++)
        if (!rows[i].baseline && rows[i].dated) timeaxis = 1;
    if (!timeaxis) {
        size_t k = 0;
        for (size_t i = 0; i < nrows; i++)
            if (!rows[i].baseline) rows[i].x = (double)++k;
    }
    /* ranges */
    double xmin = HUGE_VAL, xmax = -HUGE_VAL, ymin = HUGE_VAL, ymax = -HUGE_VAL, amax = 0;
    size_t npoints = 0;
    int any_approx = 0, any_range = 0;
    const char *unit = NULL;
    int mixed_units = 0;
    for (size_t i = 0; i < nrows; i++) {
        const row *r = &rows[i];
        if (!r->baseline && timeaxis && !r->dated) continue;
        double hi = r->has_max ? r->vmax : r->v;
        if (r->v < ymin) ymin = r->v;
        if (hi > ymax) ymax = hi;
        if (fabs(r->v) > amax) amax = fabs(r->v);
        if (fabs(hi) > amax) amax = fabs(hi);
        if (r->unit[0]) {
            if (!unit) unit = r->unit;
            else if (strcmp(unit, r->unit)) mixed_units = 1;
        }
        if (r->baseline) continue;
        npoints++;
        if (r->x < xmin) xmin = r->x;
        if (r->x > xmax) xmax = r->x;
        if (r->approx) any_approx = 1;
        if (r->has_max) any_range = 1;
    }
    if (npoints == 0) { xmin = 0; xmax = 2; }
    double xpad = (xmax - xmin) * 0.06;
    if (xpad < 0.5) xpad = 0.5;
    xmin -= xpad;
    xmax += xpad;
    scale sc = pick_scale(amax);
    double y0 = ymin / sc.div, y1 = ymax / sc.div;
    double ypad = (y1 - y0) * 0.12;
    if (ypad <= 0) ypad = fabs(y0) > 0 ? fabs(y0) * 0.05 : 1;
    /* room above for the value labels */
    y0 -= ypad;
    y1 += ypad * 1.6;

    SB_LIT(s, "# kcorpus plot: generated gnuplot script (gnuplot 5)\n");
    SB_LIT(s, "set encoding utf8\n");
    sb_printf(s, "set terminal pngcairo size %d,%d enhanced font 'sans,11' background rgb 'white'\n",
              o->width, o->height);
    SB_LIT(s, "set output ");
    sb_quoted(s, outpath);
    SB_LIT(s, "\n");
    /* title */
    sbuf t = {0};
    if (o->title) {
        sb_add(&t, o->title, strlen(o->title));
    } else {
        sb_add(&t, metric, strlen(metric));
        size_t named = 0;
        for (size_t k = 0; k < nser; k++)
            if (ser[k].subject[0]) named++;
        if (named && named <= 3) {
            SB_LIT(&t, " — ");
            size_t w = 0;
            for (size_t k = 0; k < nser; k++) {
                if (!ser[k].subject[0]) continue;
                if (w++) SB_LIT(&t, ", ");
                sb_add(&t, ser[k].subject, strlen(ser[k].subject));
            }
        }
    }
    if (t.oom) return -1;
    SB_LIT(s, "set title ");
    sb_quoted(s, t.p ? t.p : "");
    SB_LIT(s, " noenhanced font 'sans,14'\n");
    free(t.p);
    /* y label: metric (scale unit) */
    char ylab[256];
    const char *u = mixed_units || !unit ? "" : unit;
    if (sc.word[0] || u[0])
        snprintf(ylab, sizeof ylab, "%s (%s%s%s)", metric, sc.word, sc.word[0] && u[0] ? " " : "", u);
    else
        snprintf(ylab, sizeof ylab, "%s", metric);
    footnote(s, rows, nrows);
    SB_LIT(s, "set ylabel ");
    sb_quoted(s, ylab);
    SB_LIT(s, " noenhanced\n");
    if (!timeaxis)
        SB_LIT(s, "set xlabel 'observations in document order (no dates resolved)'\n");
    SB_LIT(s, "set grid ytics lc rgb '#dddddd'\nset border 3\nset tics nomirror\n");
    SB_LIT(s, "set key below horizontal noenhanced\n");
    SB_LIT(s, "set format y '%.0f'\n");
    if (y1 - y0 < 20) SB_LIT(s, "set format y '%g'\n");
    sb_printf(s, "set xrange [%.6f:%.6f]\nset yrange [%.10g:%.10g]\n", xmin, xmax, y0, y1);
    emit_xtics(s, rows, nrows, xmin, xmax, timeaxis);
    SB_LIT(s, "set style fill transparent solid 0.18 noborder\n");

    /* data blocks, one per series: x y approx ymax label */
    for (size_t k = 0; k < nser; k++) {
        sb_printf(s, "$S%zu << EOD\n", k);
        for (size_t j = 0; j < ser[k].n; j++) {
            const row *r = &rows[ser[k].idx[j]];
            if (r->baseline || (timeaxis && !r->dated)) continue;
            char lab[160];
            label_text(lab, sizeof lab, r, sc);
            sb_printf(s, "%.6f %.10g %d ", r->x, r->v / sc.div, r->approx);
            if (r->has_max) sb_printf(s, "%.10g", r->vmax / sc.div);
            else SB_LIT(s, "NaN");
            sb_printf(s, " \"%s\"\n", lab);
        }
        SB_LIT(s, "EOD\n");
    }
    /* baseline bands: an object behind the plot, plus a legend entry */
    int obj = 1;
    sbuf plots = {0};
    for (size_t k = 0; k < nser; k++) {
        const char *col = palette[k % NPALETTE];
        const char *subj = ser[k].subject[0] ? ser[k].subject : metric;
        size_t pts = 0;
        for (size_t j = 0; j < ser[k].n; j++) {
            const row *r = &rows[ser[k].idx[j]];
            if (r->baseline) {
                double lo = r->v / sc.div, hi = (r->has_max ? r->vmax : r->v) / sc.div;
                if (hi - lo < (y1 - y0) * 0.004) { /* a single value: a thin band */
                    double mid = (lo + hi) / 2, h = (y1 - y0) * 0.004;
                    lo = mid - h;
                    hi = mid + h;
                }
                sb_printf(s,
                          "set object %d rect from graph 0, first %.10g to graph 1, first %.10g "
                          "behind fc rgb '%s' fs transparent solid 0.18 noborder\n",
                          obj++, lo, hi, col);
                char a[64], b[64], lab[400];
                fmt_num(a, sizeof a, r->v / sc.div);
                if (r->has_max) {
                    fmt_num(b, sizeof b, r->vmax / sc.div);
                    snprintf(lab, sizeof lab, "%s usual level %s–%s%s", subj, a, b, sc.word);
                } else {
                    snprintf(lab, sizeof lab, "%s usual level %s%s", subj, a, sc.word);
                }
                sb_printf(&plots, "%skeyentry with boxes fc rgb '%s' fs transparent solid 0.18 noborder title ",
                          plots.len ? ", \\\n  " : "", col);
                sb_quoted(&plots, lab);
            } else if (!timeaxis || r->dated) {
                pts++;
            }
        }
        if (!pts) continue;
        sb_printf(&plots, "%s$S%zu using 1:2 with lines lw 2 lc rgb '%s' title ",
                  plots.len ? ", \\\n  " : "", k, col);
        sb_quoted(&plots, subj);
        sb_printf(&plots, ", \\\n  $S%zu using 1:($3==0 ? $2 : NaN) with points pt 7 ps 1.6 lc rgb '%s' notitle", k, col);
        sb_printf(&plots, ", \\\n  $S%zu using 1:($3!=0 ? $2 : NaN) with points pt 6 ps 1.8 lw 2 lc rgb '%s' notitle", k, col);
        if (any_range)
            sb_printf(&plots, ", \\\n  $S%zu using 1:($4==$4 ? $2 : NaN):2:4 with yerrorbars pt 7 ps 0 lc rgb '%s' notitle", k, col);
        if (npoints <= 40)
            sb_printf(&plots, ", \\\n  $S%zu using 1:2:5 with labels offset 0,1.3 font 'sans,9' tc rgb '%s' noenhanced notitle", k, col);
    }
    if (any_approx)
        sb_printf(&plots, "%skeyentry with points pt 6 ps 1.8 lw 2 lc rgb '#555555' title 'approximate (약, 여, 가량 …)'",
                  plots.len ? ", \\\n  " : "");
    if (!plots.len) SB_LIT(&plots, "keyentry notitle");
    if (plots.oom) { free(plots.p); return -1; }
    SB_LIT(s, "plot ");
    sb_add(s, plots.p, plots.len);
    SB_LIT(s, "\nunset output\n");
    free(plots.p);
    return s->oom ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Entry point                                                          */
/* ------------------------------------------------------------------ */

static int col_of(csvrec *h, const char *name)
{
    for (size_t i = 0; i < h->n; i++)
        if (!strcmp(h->f[i], name)) return (int)i;
    return -1;
}

static int truthy(const char *s)
{
    return !strcmp(s, "true") || !strcmp(s, "1") || !strcmp(s, "TRUE") || !strcmp(s, "True");
}

int kc_cli_plot(int argc, char **argv)
{
    popts o;
    memset(&o, 0, sizeof o);
    int rc = parse_plot_args(&o, argc, argv);
    if (rc >= 0) return rc;

    const char *gp = getenv("KCORPUS_GNUPLOT");
    if (!gp || !*gp) gp = "gnuplot";
    char exe[4096];
    if (!o.script && !find_program(gp, exe, sizeof exe)) {
        fprintf(stderr,
                "%s: plot: gnuplot not found (%s). Install it with: apt-get install gnuplot-nox\n"
                "%s: plot: (or use --script FILE to write the gnuplot script only)\n",
                PROG, gp, PROG);
        return 2;
    }

    const char *disp = strcmp(o.input, "-") ? o.input : "stdin";
    size_t len = 0;
    char *buf = slurp(o.input, &len);
    if (!buf) {
        fprintf(stderr, "%s: %s: cannot read: %s\n", PROG, disp, strerror(errno));
        return 1;
    }
    size_t pos = 0, lineno = 1;
    if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) pos = 3; /* UTF-8 BOM */

    csvrec hdr = {0}, rec = {0};
    row *rows = NULL;
    size_t nrows = 0, rcap = 0;
    series *ser = NULL;
    size_t nser = 0;
    int failed = 0, status = 0;
    size_t skipped_undated = 0;
    const char *first_undated = NULL;
    const char *why = NULL;
    char *metric_auto = NULL;

    int nf = csv_next(buf, len, &pos, &hdr, &lineno, &why);
    int c_date = -1, c_subj = -1, c_metric = -1, c_val = -1, c_max = -1, c_unit = -1,
        c_approx = -1, c_base = -1, c_src = -1, c_doc = -1;
    if (nf > 0) {
        c_date = col_of(&hdr, "date");
        c_subj = col_of(&hdr, "subject");
        c_metric = col_of(&hdr, "metric");
        c_val = col_of(&hdr, "value");
        c_max = col_of(&hdr, "value_max");
        c_unit = col_of(&hdr, "unit");
        c_approx = col_of(&hdr, "approx");
        c_base = col_of(&hdr, "baseline");
        c_src = col_of(&hdr, "source");
        c_doc = col_of(&hdr, "doc");
    }
    if (nf <= 0 || c_metric < 0 || c_val < 0 || c_date < 0) {
        fprintf(stderr, "%s: %s: line 1: not a kcorpus metrics CSV (expected a header with "
                "date, subject, metric, value, value_max, unit, approx, baseline)\n", PROG, disp);
        status = 1;
        goto out;
    }

    for (;;) {
        size_t at = lineno;
        why = NULL;
        nf = csv_next(buf, len, &pos, &rec, &lineno, &why);
        if (nf == 0) break;
        if (nf < 0) {
            if (why && !strcmp(why, "out of memory")) { fprintf(stderr, "%s: out of memory\n", PROG); status = 2; goto out; }
            fprintf(stderr, "%s: %s: line %zu: %s\n", PROG, disp, at, why ? why : "malformed row");
            failed = 1;
            continue;
        }
        if (nf == 1 && rec.f[0][0] == '\0') continue; /* blank line */
        if ((size_t)nf != hdr.n) {
            fprintf(stderr, "%s: %s: line %zu: %d fields, the header has %zu\n", PROG, disp, at, nf,
                    hdr.n);
            failed = 1;
            continue;
        }
        const char *m = rec.f[c_metric];
        if (o.metric) {
            if (strcmp(m, o.metric)) continue;
        } else if (!metric_auto) {
            metric_auto = strdup(m);
            if (!metric_auto) { fprintf(stderr, "%s: out of memory\n", PROG); status = 2; goto out; }
        } else if (strcmp(m, metric_auto)) {
            fprintf(stderr, "%s: plot: %s holds several metrics (%s, %s, ...): choose one with --metric\n",
                    PROG, disp, metric_auto, m);
            status = 2;
            goto out;
        }
        const char *subj = c_subj >= 0 ? rec.f[c_subj] : "";
        if (o.subject && strcmp(subj, o.subject)) continue;
        row r;
        memset(&r, 0, sizeof r);
        r.subject = subj;
        r.unit = c_unit >= 0 ? rec.f[c_unit] : "";
        r.date = rec.f[c_date];
        r.source = c_src >= 0 ? rec.f[c_src] : "";
        r.doc = c_doc >= 0 ? rec.f[c_doc] : "";
        r.line = at;
        r.approx = c_approx >= 0 && truthy(rec.f[c_approx]);
        r.baseline = c_base >= 0 && truthy(rec.f[c_base]);
        if (!parse_num(rec.f[c_val], &r.v)) {
            fprintf(stderr, "%s: %s: line %zu: value is not a number: '%s'\n", PROG, disp, at,
                    rec.f[c_val]);
            failed = 1;
            continue;
        }
        if (c_max >= 0 && rec.f[c_max][0]) {
            if (!parse_num(rec.f[c_max], &r.vmax)) {
                fprintf(stderr, "%s: %s: line %zu: value_max is not a number: '%s'\n", PROG, disp,
                        at, rec.f[c_max]);
                failed = 1;
                continue;
            }
            r.has_max = 1;
            if (r.vmax < r.v) { double tmp = r.v; r.v = r.vmax; r.vmax = tmp; }
        }
        r.dated = r.date[0] && parse_date(r.date, &r.x);
        if (!r.baseline && !r.dated) {
            skipped_undated++;
            if (!first_undated) first_undated = r.date;
        }
        if (nrows == rcap) {
            size_t nc = rcap ? rcap * 2 : 64;
            row *q = realloc(rows, nc * sizeof *q);
            if (!q) { fprintf(stderr, "%s: out of memory\n", PROG); status = 2; goto out; }
            rows = q;
            rcap = nc;
        }
        rows[nrows++] = r;
    }

    const char *metric = o.metric ? o.metric : metric_auto;
    if (!nrows) {
        if (metric)
            fprintf(stderr, "%s: plot: %s: no rows for metric %s%s%s — nothing to plot\n", PROG,
                    disp, metric, o.subject ? " and subject " : "", o.subject ? o.subject : "");
        else
            fprintf(stderr, "%s: plot: %s: no metric rows — nothing to plot\n", PROG, disp);
        status = 1;
        goto out;
    }
    /* rows without a placeable date: drop them when others have dates */
    size_t dated_points = 0;
    for (size_t i = 0; i < nrows; i++)
        if (!rows[i].baseline && rows[i].dated) dated_points++;
    if (dated_points && skipped_undated && !o.quiet)
        fprintf(stderr, "%s: plot: note: %zu %s row%s without a full date left out (e.g. '%s')\n",
                PROG, skipped_undated, metric, skipped_undated == 1 ? "" : "s",
                first_undated ? first_undated : "");
    if (!dated_points && skipped_undated && !o.quiet)
        fprintf(stderr, "%s: plot: note: no %s row has a resolved date; plotting in document order\n",
                PROG, metric);

    /* series per subject, in order of first appearance */
    ser = calloc(nrows, sizeof *ser);
    if (!ser) { fprintf(stderr, "%s: out of memory\n", PROG); status = 2; goto out; }
    for (size_t i = 0; i < nrows; i++) {
        size_t k = 0;
        while (k < nser && strcmp(ser[k].subject, rows[i].subject)) k++;
        if (k == nser) { ser[nser].subject = rows[i].subject; nser++; }
        series *sp = &ser[k];
        if (sp->n == sp->cap) {
            size_t nc = sp->cap ? sp->cap * 2 : 16;
            size_t *q = realloc(sp->idx, nc * sizeof *q);
            if (!q) { fprintf(stderr, "%s: out of memory\n", PROG); status = 2; goto out; }
            sp->idx = q;
            sp->cap = nc;
        }
        sp->idx[sp->n++] = i;
    }
    /* a subject-less baseline next to a single named subject is that subject's
     * usual level (the article states it before naming whose DAU it is) */
    if (nser == 2 && (!ser[0].subject[0] || !ser[1].subject[0])) {
        series *blank = ser[0].subject[0] ? &ser[1] : &ser[0];
        series *named = blank == &ser[0] ? &ser[1] : &ser[0];
        int only_baselines = 1;
        for (size_t j = 0; j < blank->n; j++)
            if (!rows[blank->idx[j]].baseline) only_baselines = 0;
        if (only_baselines) {
            for (size_t j = 0; j < blank->n; j++) {
                if (named->n == named->cap) {
                    size_t nc = named->cap * 2 + 1;
                    size_t *q = realloc(named->idx, nc * sizeof *q);
                    if (!q) { fprintf(stderr, "%s: out of memory\n", PROG); status = 2; goto out; }
                    named->idx = q;
                    named->cap = nc;
                }
                named->idx[named->n++] = blank->idx[j];
            }
            blank->n = 0;
            series keep = *named;
            free(blank->idx);
            ser[0] = keep;
            ser[1].idx = NULL;
            nser = 1;
        }
    }
    sort_rows = rows;
    for (size_t k = 0; k < nser; k++) qsort(ser[k].idx, ser[k].n, sizeof *ser[k].idx, cmp_idx);

    /* output: OUT.tmp.PID beside OUT, renamed on success */
    size_t olen = strlen(o.out) + 32;
    char *tmp = malloc(olen);
    if (!tmp) { fprintf(stderr, "%s: out of memory\n", PROG); status = 2; goto out; }
    snprintf(tmp, olen, "%s.tmp.%ld", o.out, (long)getpid());

    sbuf script = {0};
    if (build_script(&script, &o, metric, rows, nrows, ser, nser, o.script ? o.out : tmp) != 0) {
        fprintf(stderr, "%s: out of memory\n", PROG);
        free(script.p);
        free(tmp);
        status = 2;
        goto out;
    }
    if (o.script) {
        FILE *f = strcmp(o.script, "-") ? fopen(o.script, "wb") : stdout;
        int bad = !f;
        if (f) {
            bad |= fwrite(script.p, 1, script.len, f) != script.len;
            bad |= f == stdout ? fflush(f) != 0 : fclose(f) != 0;
        }
        if (bad) {
            fprintf(stderr, "%s: %s: cannot write: %s\n", PROG, o.script, strerror(errno ? errno : EIO));
            status = 2;
        }
    } else {
        size_t pngsize = 0;
        /* fail early, with our own message, when OUT's directory is not
         * writable (gnuplot would only say "cannot open file") */
        int fd0 = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (fd0 < 0) {
            fprintf(stderr, "%s: %s: cannot write: %s\n", PROG, o.out, strerror(errno));
            status = 2;
        } else {
            close(fd0);
        }
        if (status) {
            /* nothing was created */
        } else if (run_gnuplot(exe, &script, o.quiet) != 0) {
            unlink(tmp);
            status = 2;
        } else if (!is_png(tmp, &pngsize) || pngsize == 0) {
            fprintf(stderr, "%s: %s: gnuplot did not write a PNG (is the output directory writable?)\n",
                    PROG, o.out);
            unlink(tmp);
            status = 2;
        } else {
            int fd = open(tmp, O_RDONLY);
            if (fd >= 0) { (void)fsync(fd); close(fd); }
            if (rename(tmp, o.out) != 0) {
                fprintf(stderr, "%s: %s: cannot write: %s\n", PROG, o.out, strerror(errno));
                unlink(tmp);
                status = 2;
            }
        }
    }
    free(script.p);
    free(tmp);
    if (!status && failed) status = 1;

out:
    for (size_t k = 0; k < nser; k++) free(ser[k].idx);
    free(ser);
    free(rows);
    free(hdr.f);
    free(rec.f);
    free(metric_auto);
    free(buf);
    return status;
}
