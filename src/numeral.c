/* numeral.c — placeholder: ASCII digits only (the figures helper replaces it). */
#include "internal.h"
#include <stdio.h>
#include <stdlib.h>
size_t kc__num_parse(const char *s, size_t len, unsigned forms, kc_num *out)
{
    (void)forms;
    size_t i = 0;
    while (i < len && i < 18 && s[i] >= '0' && s[i] <= '9') i++;
    if (!i) return 0;
    memset(out, 0, sizeof *out);
    memcpy(out->dec, s, i);
    out->value = strtod(out->dec, NULL);
    out->integral = true;
    return i;
}
