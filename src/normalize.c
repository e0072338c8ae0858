/* normalize.c — placeholder: CRLF to LF only (the normalize helper replaces it). */
#include "internal.h"
kc_status kc__normalize(const char *in, size_t len, kc_buf *out, kc_stats *st)
{
    (void)st;
    for (size_t i = 0; i < len; i++) {
        if (in[i] == '\r') { if (i + 1 < len && in[i + 1] == '\n') continue; if (kc__buf_putc(out, '\n')) return KC_ENOMEM; continue; }
        if (kc__buf_putc(out, in[i])) return KC_ENOMEM;
    }
    return KC_OK;
}
