/* dates.c — placeholder until the dates extractor lands (returns no mentions). */
#include "internal.h"

struct kc_dates { int unused; };
kc_status kc__dates_init(kc_engine *eng, char *err, size_t errlen) { (void)eng; (void)err; (void)errlen; return KC_OK; }
void kc__dates_free(struct kc_dates *x) { (void)x; }
kc_status kc__dates_extract(kc_doc *doc, size_t para, const char *s, size_t len, kc_datectx *ctx, pcre2_match_data *md)
{ (void)doc; (void)para; (void)s; (void)len; (void)md; (void)ctx; return KC_OK; }
