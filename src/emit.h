/* emit.h — helpers shared by the writers (emit_jsonl.c, emit_csv.c). */
#ifndef KC_EMIT_H
#define KC_EMIT_H
#include "internal.h"
kc_status kc__json_str(kc_buf *b, const char *s, size_t n);
kc_status kc__json_cstr(kc_buf *b, const char *s);
kc_status kc__flush(kc_buf *b, FILE *out);
kc_status kc__mention_json(kc_buf *b, const kc_doc *d, const kc_mention *m);
kc_status kc__event_json(kc_buf *b, const kc_doc *d, const kc_event *e);
#endif
