/* boilerplate.c — placeholder: empty lines only. */
#include "internal.h"
struct kc_boiler { int unused; };
kc_status kc__boiler_init(kc_engine *eng, char *err, size_t errlen) { (void)eng; (void)err; (void)errlen; return KC_OK; }
void kc__boiler_free(struct kc_boiler *b) { (void)b; }
kc_status kc__boilerplate(kc_doc *d)
{
    for (size_t i = 0; i < d->nlines; i++)
        if (d->lines[i].len == 0) { d->lines[i].drop = KC_DROP_EMPTY; if (kc__doc_add_drop(d, d->lines[i].lineno, KC_DROP_EMPTY)) return KC_ENOMEM; }
    return KC_OK;
}
