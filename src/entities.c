/* entities.c — placeholder until the entities extractor lands (returns no mentions). */
#include "internal.h"

struct kc_entities { int unused; };
kc_status kc__entities_init(kc_engine *eng, char *err, size_t errlen) { (void)eng; (void)err; (void)errlen; return KC_OK; }
void kc__entities_free(struct kc_entities *x) { (void)x; }
kc_status kc__entities_extract(kc_doc *doc, size_t para, const char *s, size_t len, pcre2_match_data *md)
{ (void)doc; (void)para; (void)s; (void)len; (void)md; return KC_OK; }
