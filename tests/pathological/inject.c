/*
 * inject.c — LD_PRELOAD fault injection for the pathological suite (P10,
 * P20, P21), after jq's tests/inject_errors.c and SQLite's malloc tests.
 * Built by tests/pathological/run.py with `cc -shared -fPIC` into a temp
 * directory; never linked into kcorpus.
 *
 * Controlled by environment variables (all optional):
 *   KC_INJECT_WRITE=N   the Nth output call (fwrite/fputs/fputc/putc/
 *                       fprintf/vfprintf on a stream other than stderr) and
 *                       every later one fails with ENOSPC and sets the
 *                       stream's error flag, like a full disk.
 *   KC_INJECT_FCLOSE=1  fclose/fflush of a stream other than stdin/stderr
 *                       fail with EIO (the data is still written: a failure
 *                       reported by close on NFS looks like this).
 *   KC_INJECT_READ=N    the Nth input call (fread/getc/fgetc/getline/getdelim) and every
 *                       later one fail with EIO and set the error flag.
 *   KC_INJECT_MALLOC=N  the Nth malloc/calloc/realloc/posix_memalign/
 *                       aligned_alloc returns NULL (ENOMEM) —
 *   KC_INJECT_MALLOC_MODE=once|after   only that one (default) or that one
 *                       and all later ones.
 *   KC_INJECT_COUNT=FILE  at exit, write the number of allocations seen to
 *                       FILE (to calibrate N).
 *   KC_INJECT_NOJIT=1   pcre2_jit_compile_8 fails: every pattern runs in the
 *                       interpreter (P8 "with and without JIT").
 *   KC_INJECT_MATCH_LIMIT=N  clamp pcre2_set_match_limit_8 to at most N
 *                       (P10: no shipped pattern needs more than 1,000).
 *   KC_INJECT_DEPTH_LIMIT=N  clamp pcre2_set_depth_limit_8 likewise.
 *
 * glibc exports __libc_malloc & co., so the allocator wrappers need no
 * dlsym (which itself allocates) and work from the first call.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

/* ---------------- configuration ---------------- */

static int cfg_loaded;
static long cfg_write, cfg_read, cfg_malloc;
static int cfg_fclose, cfg_malloc_after, cfg_nojit;
static unsigned long cfg_match_limit, cfg_depth_limit;
static const char *cfg_count_file;

static long env_long(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? strtol(v, NULL, 10) : 0;
}

static void load_cfg(void)
{
    if (cfg_loaded) return;
    cfg_loaded = 1;
    cfg_write = env_long("KC_INJECT_WRITE");
    cfg_read = env_long("KC_INJECT_READ");
    cfg_fclose = (int)env_long("KC_INJECT_FCLOSE");
    cfg_nojit = (int)env_long("KC_INJECT_NOJIT");
    cfg_match_limit = (unsigned long)env_long("KC_INJECT_MATCH_LIMIT");
    cfg_depth_limit = (unsigned long)env_long("KC_INJECT_DEPTH_LIMIT");
    const char *mode = getenv("KC_INJECT_MALLOC_MODE");
    cfg_malloc_after = mode && !strcmp(mode, "after");
    cfg_count_file = getenv("KC_INJECT_COUNT");
    /* set last: allocations before this point are not counted twice */
    cfg_malloc = env_long("KC_INJECT_MALLOC");
}

/* ---------------- allocation failures ---------------- */

static unsigned long n_alloc;
static int in_cfg;

static int alloc_fails(void)
{
    if (in_cfg) return 0;
    if (!cfg_loaded) {
        in_cfg = 1; /* getenv does not allocate, but be safe */
        load_cfg();
        in_cfg = 0;
    }
    unsigned long k = ++n_alloc;
    if (cfg_malloc <= 0) return 0;
    if (k == (unsigned long)cfg_malloc || (cfg_malloc_after && k > (unsigned long)cfg_malloc)) {
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

void *malloc(size_t n)
{
    return alloc_fails() ? NULL : __libc_malloc(n);
}

void *calloc(size_t a, size_t b)
{
    return alloc_fails() ? NULL : __libc_calloc(a, b);
}

void *realloc(void *p, size_t n)
{
    /* realloc(p, 0) frees; not an allocation that can fail usefully */
    if (p && n == 0) return __libc_realloc(p, n);
    return alloc_fails() ? NULL : __libc_realloc(p, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
    if (alloc_fails()) return ENOMEM;
    void *p = __libc_memalign(align, n);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}

void *aligned_alloc(size_t align, size_t n)
{
    return alloc_fails() ? NULL : __libc_memalign(align, n);
}

static void write_count(void) __attribute__((destructor));
static void write_count(void)
{
    if (!cfg_count_file) return;
    int fd = open(cfg_count_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return;
    char buf[32];
    int len = snprintf(buf, sizeof buf, "%lu\n", n_alloc);
    if (len > 0) {
        ssize_t w = write(fd, buf, (size_t)len);
        (void)w;
    }
    close(fd);
}

/* ---------------- stdio failures ---------------- */

#define IO_ERR_SEEN 0x0020 /* glibc's _IO_ERR_SEEN: what ferror() tests */

static long n_write, n_read;

static void *next_sym(const char *name)
{
    return dlsym(RTLD_NEXT, name);
}

static int write_fails(FILE *f)
{
    load_cfg();
    if (cfg_write <= 0 || f == stderr) return 0;
    if (++n_write < cfg_write) return 0;
    f->_flags |= IO_ERR_SEEN;
    errno = ENOSPC;
    return 1;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
    static size_t (*real)(const void *, size_t, size_t, FILE *);
    if (write_fails(f)) return 0;
    if (!real) real = (size_t (*)(const void *, size_t, size_t, FILE *))next_sym("fwrite");
    return real(p, size, n, f);
}

int fputs(const char *s, FILE *f)
{
    static int (*real)(const char *, FILE *);
    if (write_fails(f)) return EOF;
    if (!real) real = (int (*)(const char *, FILE *))next_sym("fputs");
    return real(s, f);
}

int fputc(int c, FILE *f)
{
    static int (*real)(int, FILE *);
    if (write_fails(f)) return EOF;
    if (!real) real = (int (*)(int, FILE *))next_sym("fputc");
    return real(c, f);
}

int putc(int c, FILE *f)
{
    static int (*real)(int, FILE *);
    if (write_fails(f)) return EOF;
    if (!real) real = (int (*)(int, FILE *))next_sym("putc");
    return real(c, f);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    static int (*real)(FILE *, const char *, va_list);
    if (write_fails(f)) return -1;
    if (!real) real = (int (*)(FILE *, const char *, va_list))next_sym("vfprintf");
    return real(f, fmt, ap);
}

int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(f, fmt, ap);
    va_end(ap);
    return r;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return r;
}

int fflush(FILE *f)
{
    static int (*real)(FILE *);
    if (!real) real = (int (*)(FILE *))next_sym("fflush");
    load_cfg();
    int r = real(f);
    if (cfg_fclose && f && f != stderr && f != stdin) {
        errno = EIO;
        return EOF;
    }
    return r;
}

int fclose(FILE *f)
{
    static int (*real)(FILE *);
    if (!real) real = (int (*)(FILE *))next_sym("fclose");
    load_cfg();
    int inject = cfg_fclose && f != stderr && f != stdin;
    int r = real(f);
    if (inject) {
        errno = EIO;
        return EOF;
    }
    return r;
}

static int read_fails(FILE *f)
{
    load_cfg();
    if (cfg_read <= 0) return 0;
    if (++n_read < cfg_read) return 0;
    f->_flags |= IO_ERR_SEEN;
    errno = EIO;
    return 1;
}

size_t fread(void *p, size_t size, size_t n, FILE *f)
{
    static size_t (*real)(void *, size_t, size_t, FILE *);
    if (read_fails(f)) return 0;
    if (!real) real = (size_t (*)(void *, size_t, size_t, FILE *))next_sym("fread");
    return real(p, size, n, f);
}

int getc(FILE *f)
{
    static int (*real)(FILE *);
    if (read_fails(f)) return EOF;
    if (!real) real = (int (*)(FILE *))next_sym("getc");
    return real(f);
}

int fgetc(FILE *f)
{
    static int (*real)(FILE *);
    if (read_fails(f)) return EOF;
    if (!real) real = (int (*)(FILE *))next_sym("fgetc");
    return real(f);
}

ssize_t getdelim(char **line, size_t *n, int delim, FILE *f)
{
    static ssize_t (*real)(char **, size_t *, int, FILE *);
    if (read_fails(f)) return -1;
    if (!real) real = (ssize_t (*)(char **, size_t *, int, FILE *))next_sym("getdelim");
    return real(line, n, delim, f);
}

ssize_t getline(char **line, size_t *n, FILE *f)
{
    return getdelim(line, n, '\n', f);
}

/* ---------------- PCRE2 ---------------- */

typedef struct pcre2_real_code_8 pcre2_code_8;
typedef struct pcre2_real_match_context_8 pcre2_match_context_8;

int pcre2_jit_compile_8(pcre2_code_8 *code, uint32_t options)
{
    static int (*real)(pcre2_code_8 *, uint32_t);
    load_cfg();
    if (cfg_nojit) return -45; /* PCRE2_ERROR_JIT_BADOPTION */
    if (!real) real = (int (*)(pcre2_code_8 *, uint32_t))next_sym("pcre2_jit_compile_8");
    return real(code, options);
}

int pcre2_set_match_limit_8(pcre2_match_context_8 *ctx, uint32_t value)
{
    static int (*real)(pcre2_match_context_8 *, uint32_t);
    load_cfg();
    if (cfg_match_limit && value > cfg_match_limit) value = (uint32_t)cfg_match_limit;
    if (!real) real = (int (*)(pcre2_match_context_8 *, uint32_t))next_sym("pcre2_set_match_limit_8");
    return real(ctx, value);
}

int pcre2_set_depth_limit_8(pcre2_match_context_8 *ctx, uint32_t value)
{
    static int (*real)(pcre2_match_context_8 *, uint32_t);
    load_cfg();
    if (cfg_depth_limit && value > cfg_depth_limit) value = (uint32_t)cfg_depth_limit;
    if (!real) real = (int (*)(pcre2_match_context_8 *, uint32_t))next_sym("pcre2_set_depth_limit_8");
    return real(ctx, value);
}
