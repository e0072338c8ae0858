/* engine.c — kc_engine (dictionaries + compiled patterns), versions, status
 * messages, options. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <unicode/uversion.h>
#include <utf8proc.h>

kc_status kc__dicts_load(kc_engine *eng, const char *dir, char *err, size_t errlen);

const char *kc_strerror(kc_status code)
{
    switch (code) {
    case KC_OK: return "success";
    case KC_ENOMEM: return "out of memory";
    case KC_EINVAL: return "invalid argument";
    case KC_EIO: return "input/output error";
    case KC_EDICT: return "bad dictionary";
    case KC_EENCODING: return "cannot decode input";
    case KC_ESTRICT: return "data anomaly (strict mode)";
    case KC_EPARSE: return "invalid JSONL record";
    case KC_EREGEX: return "pattern failed to compile";
    case KC_ELIMIT: return "size limit exceeded";
    }
    return "unknown error";
}

const char *kc_version(void) { return KC_VERSION_STRING; }

const char *kc_dependency_versions(void)
{
    static char buf[160];
    if (!buf[0]) {
        UVersionInfo v;
        char icu[U_MAX_VERSION_STRING_LENGTH];
        u_getVersion(v);
        u_versionToString(v, icu);
        char pcre[64] = "";
        pcre2_config(PCRE2_CONFIG_VERSION, pcre);
        snprintf(buf, sizeof buf, "ICU %s, PCRE2 %s, utf8proc %s", icu, pcre,
                 utf8proc_version());
    }
    return buf;
}

void kc_options_init(kc_options *o)
{
    memset(o, 0, sizeof *o);
    o->encoding = KC_ENC_AUTO;
    o->max_line_bytes = 1u << 20;
    o->dedup = KC_DEDUP_CORPUS;
    o->near_dup_threshold = 0.8;
    o->near_dup_min_chars = 40;
}

void kc_stats_add(kc_stats *d, const kc_stats *s)
{
    /* every counter is a size_t laid out before `encoding` */
    size_t n = offsetof(kc_stats, encoding) / sizeof(size_t);
    size_t *dp = (size_t *)d;
    const size_t *sp = (const size_t *)s;
    size_t first = d->first_invalid_byte;
    for (size_t i = 0; i < n; i++) dp[i] += sp[i];
    d->first_invalid_byte = first; /* an offset, not a count */
}

kc_status kc_engine_new(kc_engine **out, const char *dict_dir, char *err,
                        size_t errlen)
{
    char dummy[8];
    if (!err || !errlen) { err = dummy; errlen = sizeof dummy; }
    err[0] = '\0';
    if (!out) return KC_EINVAL;
    *out = NULL;
    kc_engine *e = calloc(1, sizeof *e);
    if (!e) return KC_ENOMEM;
    kc_status st = kc__dicts_load(e, dict_dir, err, errlen);
    if (st == KC_OK) {
        e->mctx = pcre2_match_context_create(NULL);
        if (!e->mctx) st = KC_ENOMEM;
        else {
            /* Our patterns need match limits of 5-10 (pcre2test find_limits);
             * these bounds stop pathological input long before it hurts. */
            pcre2_set_match_limit(e->mctx, 100000);
            pcre2_set_depth_limit(e->mctx, 1000);
        }
    }
    if (st == KC_OK) st = kc__boiler_init(e, err, errlen);
    if (st == KC_OK) st = kc__figures_init(e, err, errlen);
    if (st == KC_OK) st = kc__dates_init(e, err, errlen);
    if (st == KC_OK) st = kc__entities_init(e, err, errlen);
    if (st == KC_OK) st = kc__events_init(e, err, errlen);
    if (st != KC_OK) {
        if (!err[0]) snprintf(err, errlen, "%s", kc_strerror(st));
        kc_engine_free(e);
        return st;
    }
    (void)kc_dependency_versions();
    *out = e;
    return KC_OK;
}

void kc_engine_free(kc_engine *e)
{
    if (!e) return;
    kc__boiler_free(e->boiler);
    kc__figures_free(e->figures);
    kc__dates_free(e->dates);
    kc__entities_free(e->entities);
    kc__events_free(e->events);
    pcre2_match_context_free(e->mctx);
    for (size_t i = 0; i < e->nowned; i++) free(e->owned[i]);
    free(e->owned);
    free(e->dicts);
    free(e);
}
