/* decode.c — placeholder: UTF-8 pass-through (the decode helper replaces it). */
#include "internal.h"
#include <stdio.h>
kc_status kc__decode(const unsigned char *in, size_t len, kc_encoding enc,
                     bool text_input, kc_buf *out, kc_stats *st)
{
    (void)enc; (void)text_input;
    snprintf(st->encoding, sizeof st->encoding, "UTF-8");
    return kc__buf_append(out, in, len);
}
