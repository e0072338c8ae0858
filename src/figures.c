/* figures.c — placeholder until the figures extractor lands (returns no mentions). */
#include "internal.h"

struct kc_figures { int unused; };
kc_status kc__figures_init(kc_engine *eng, char *err, size_t errlen) { (void)eng; (void)err; (void)errlen; return KC_OK; }
void kc__figures_free(struct kc_figures *x) { (void)x; }
kc_status kc__figures_extract(kc_doc *doc, size_t para, const char *s, size_t len, pcre2_match_data *md)
{ (void)doc; (void)para; (void)s; (void)len; (void)md; return KC_OK; }
