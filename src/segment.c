/* segment.c — split the normalized text into lines with 1-based input line
 * numbers. A line longer than max_line_bytes is split at a code-point
 * boundary (counted in long_lines_split): PCRE2 and the extractors then
 * work on bounded subjects, and nothing is dropped. */
#include "internal.h"

kc_status kc__segment(kc_doc *d, size_t max)
{
    if (max == 0) max = 1u << 20;
    if (max < 4) max = 4; /* room for one code point */
    const char *s = d->text.ptr;
    size_t n = d->text.len, i = 0, lineno = 0;
    while (i < n) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - s) : n;
        lineno++;
        size_t off = i;
        while (end - off > max) {
            size_t cut = off + max;
            while (cut > off && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
            if (kc__doc_add_line(d, off, cut - off, lineno) != KC_OK) return KC_ENOMEM;
            d->stats.long_lines_split++;
            off = cut;
        }
        /* an empty line is only ever dropped: record the drop, keep no
         * kc_line for it (a million blank separator lines cost nothing) */
        kc_status st = end == off ? kc__doc_add_drop(d, lineno, KC_DROP_EMPTY)
                                  : kc__doc_add_line(d, off, end - off, lineno);
        if (st != KC_OK) return KC_ENOMEM;
        i = nl ? end + 1 : n;
    }
    d->stats.lines_in = lineno;
    return KC_OK;
}
