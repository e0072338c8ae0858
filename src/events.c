/* events.c — placeholder until the events stage lands. */
#include "internal.h"

struct kc_eventcfg { int unused; };
kc_status kc__events_init(kc_engine *eng, char *err, size_t errlen) { (void)eng; (void)err; (void)errlen; return KC_OK; }
void kc__events_free(struct kc_eventcfg *x) { (void)x; }
kc_status kc__events_extract(kc_doc *doc, pcre2_match_data *md) { (void)doc; (void)md; return KC_OK; }
