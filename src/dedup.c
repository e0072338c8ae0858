/* dedup.c — placeholder. */
#include "internal.h"
#include <stdlib.h>
kc_status kc__dedup_doc(kc_doc *d, const kc_options *o) { (void)d; (void)o; return KC_OK; }
struct kc_dedup { int unused; };
kc_status kc_dedup_new(kc_dedup **out) { *out = calloc(1, sizeof **out); return *out ? KC_OK : KC_ENOMEM; }
void kc_dedup_free(kc_dedup *d) { free(d); }
kc_status kc_dedup_apply(kc_dedup *d, kc_doc *doc) { (void)d; (void)doc; return KC_OK; }
