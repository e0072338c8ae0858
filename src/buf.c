/* buf.c — growable buffers, a string arena and small UTF-8 helpers. */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void kc__buf_init(kc_buf *b) { b->ptr = NULL; b->len = b->cap = 0; }

void kc__buf_free(kc_buf *b)
{
    free(b->ptr);
    kc__buf_init(b);
}

kc_status kc__buf_reserve(kc_buf *b, size_t extra)
{
    size_t need;
    if (!kc__add_ok(b->len, extra, &need) || !kc__add_ok(need, 1, &need))
        return KC_ENOMEM;
    if (need <= b->cap) return KC_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) {
        if (!kc__mul_ok(cap, 2, &cap)) { cap = need; break; }
    }
    char *p = realloc(b->ptr, cap);
    if (!p) return KC_ENOMEM;
    b->ptr = p;
    b->cap = cap;
    b->ptr[b->len] = '\0';
    return KC_OK;
}

kc_status kc__buf_append(kc_buf *b, const void *p, size_t n)
{
    if (kc__buf_reserve(b, n) != KC_OK) return KC_ENOMEM;
    if (n) memcpy(b->ptr + b->len, p, n);
    b->len += n;
    b->ptr[b->len] = '\0';
    return KC_OK;
}

kc_status kc__buf_putc(kc_buf *b, char c) { return kc__buf_append(b, &c, 1); }

kc_status kc__buf_puts(kc_buf *b, const char *s)
{
    return kc__buf_append(b, s, strlen(s));
}

kc_status kc__buf_printf(kc_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return KC_EINVAL;
    if (kc__buf_reserve(b, (size_t)n) != KC_OK) return KC_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return KC_OK;
}

kc_status kc__buf_put_cp(kc_buf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    return kc__buf_append(b, u, n);
}

void kc__buf_clear(kc_buf *b)
{
    b->len = 0;
    if (b->ptr) b->ptr[0] = '\0';
}

char *kc__buf_detach(kc_buf *b)
{
    if (!b->ptr && kc__buf_reserve(b, 0) != KC_OK) return NULL;
    char *p = b->ptr;
    kc__buf_init(b);
    return p;
}

/* ---- arena: blocks of at least 8 KiB; big strings get their own block ---- */
struct kc_arena_block {
    kc_arena_block *next;
    size_t used, cap;
    max_align_t align_[]; /* data follows */
};

void kc__arena_init(kc_arena *a) { a->head = NULL; }

void kc__arena_free(kc_arena *a)
{
    kc_arena_block *b = a->head;
    while (b) {
        kc_arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
}

void *kc__arena_alloc(kc_arena *a, size_t n)
{
    size_t need = (n + 15) & ~(size_t)15;
    if (need < n) return NULL;
    kc_arena_block *b = a->head;
    if (!b || b->cap - b->used < need) {
        size_t cap = need > 8192 ? need : 8192, total;
        if (!kc__add_ok(cap, sizeof(kc_arena_block), &total)) return NULL;
        kc_arena_block *nb = malloc(total);
        if (!nb) return NULL;
        nb->used = 0;
        nb->cap = cap;
        if (b && need > 8192) { /* keep the current block for small strings */
            nb->next = b->next;
            b->next = nb;
            nb->used = need;
            return (char *)nb->align_;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = (char *)b->align_ + b->used;
    b->used += need;
    return p;
}

char *kc__arena_strndup(kc_arena *a, const char *s, size_t n)
{
    size_t total;
    if (!kc__add_ok(n, 1, &total)) return NULL;
    char *p = kc__arena_alloc(a, total);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

size_t kc__utf8_count(const char *s, size_t n)
{
    /* code points = bytes that are not continuation bytes (10xxxxxx);
     * eight at a time: a continuation byte has bit 7 set and bit 6 clear */
    size_t c = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t cont = w & ~(w << 1) & 0x8080808080808080ull;
        c += 8 - (size_t)__builtin_popcountll(cont);
    }
    for (; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

size_t kc__utf8_prev(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[--i] & 0xC0) == 0x80)
        ;
    return i;
}

void kc__fmt_double(double v, char *out, size_t outlen)
{
    /* Shortest representation that round-trips, printed without exponent. */
    char tmp[64];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v) break;
    }
    if (!strchr(tmp, 'e') && !strchr(tmp, 'E')) {
        snprintf(out, outlen, "%s", tmp);
        return;
    }
    /* Expand the exponent form into plain decimal, in a fixed buffer: this
     * runs for every extracted value and must not allocate (a failed
     * allocation here once turned 30 into 0, pathological P21). A double
     * has at most 17 significant digits and |exponent| <= 324. */
    int exp10 = atoi(strchr(tmp, 'e') ? strchr(tmp, 'e') + 1 : strchr(tmp, 'E') + 1);
    char digits[32];
    size_t nd = 0;
    int neg = tmp[0] == '-';
    int point = -1;
    for (const char *p = tmp + neg; *p && *p != 'e' && *p != 'E'; p++) {
        if (*p == '.') { point = (int)nd; continue; }
        if (nd < sizeof digits - 1) digits[nd++] = *p;
    }
    if (point < 0) point = (int)nd;
    point += exp10;
    char buf[400];
    size_t o = 0;
    if (neg) buf[o++] = '-';
    if (point <= 0) {
        buf[o++] = '0';
        buf[o++] = '.';
        for (int i = 0; i < -point && o < sizeof buf - 40; i++) buf[o++] = '0';
        for (size_t i = 0; i < nd; i++) buf[o++] = digits[i];
    } else {
        for (int i = 0; i < point && o < sizeof buf - 40; i++) buf[o++] = i < (int)nd ? digits[i] : '0';
        if ((size_t)point < nd) {
            buf[o++] = '.';
            for (size_t i = (size_t)point; i < nd; i++) buf[o++] = digits[i];
        }
    }
    buf[o] = '\0';
    snprintf(out, outlen, "%s", buf);
}
