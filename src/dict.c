/* dict.c — dictionaries: the embedded defaults (generated from dict/ at build
 * time), overridden file by file from --dict DIR, and a TSV row iterator. */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

const kc_dictfile *kc__dict_get(const kc_engine *eng, const char *name)
{
    for (size_t i = 0; i < eng->ndicts; i++)
        if (strcmp(eng->dicts[i].name, name) == 0) return &eng->dicts[i];
    return NULL;
}

/* Read DIR/NAME if it exists. Returns KC_OK with *data NULL when absent. */
static kc_status read_override(const char *dir, const char *name, char **data,
                               size_t *len, char *err, size_t errlen)
{
    *data = NULL;
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path) {
        snprintf(err, errlen, "%s/%s: path too long", dir, name);
        return KC_EDICT;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT) return KC_OK;
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return KC_EDICT;
    }
    kc_buf b;
    kc__buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (kc__buf_append(&b, chunk, n) != KC_OK) {
            fclose(f);
            kc__buf_free(&b);
            return KC_ENOMEM;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        kc__buf_free(&b);
        snprintf(err, errlen, "%s: read error", path);
        return KC_EDICT;
    }
    *len = b.len;
    *data = kc__buf_detach(&b);
    return *data ? KC_OK : KC_ENOMEM;
}

kc_status kc__dicts_load(kc_engine *eng, const char *dir, char *err,
                         size_t errlen);
kc_status kc__dicts_load(kc_engine *eng, const char *dir, char *err,
                         size_t errlen)
{
    eng->ndicts = kc__embedded_dict_count;
    eng->dicts = calloc(eng->ndicts ? eng->ndicts : 1, sizeof *eng->dicts);
    eng->owned = calloc(eng->ndicts ? eng->ndicts : 1, sizeof *eng->owned);
    if (!eng->dicts || !eng->owned) return KC_ENOMEM;
    for (size_t i = 0; i < eng->ndicts; i++) {
        eng->dicts[i] = kc__embedded_dicts[i];
        if (!dir) continue;
        char *data;
        size_t len = 0;
        kc_status st = read_override(dir, eng->dicts[i].name, &data, &len, err, errlen);
        if (st != KC_OK) return st;
        if (data) {
            eng->owned[eng->nowned++] = data;
            eng->dicts[i].data = data;
            eng->dicts[i].len = len;
        }
    }
    return KC_OK;
}

void kc__tsv_init(kc_tsv *t, const kc_dictfile *f)
{
    t->p = f ? f->data : NULL;
    t->end = f ? f->data + f->len : NULL;
    t->line = 0;
    t->header_seen = false;
}

size_t kc__tsv_next(kc_tsv *t, kc_strv *fields, size_t max)
{
    while (t->p && t->p < t->end) {
        const char *ls = t->p;
        const char *le = memchr(ls, '\n', (size_t)(t->end - ls));
        if (!le) le = t->end;
        t->p = le < t->end ? le + 1 : t->end;
        t->line++;
        if (le > ls && le[-1] == '\r') le--;
        const char *q = ls;
        while (q < le && (*q == ' ' || *q == '\t')) q++;
        if (q == le || *q == '#') continue;
        if (!t->header_seen) {
            t->header_seen = true;
            continue;
        }
        size_t nf = 0;
        const char *fs = ls;
        while (nf < max) {
            const char *tab = (nf + 1 < max) ? memchr(fs, '\t', (size_t)(le - fs)) : NULL;
            const char *fe = tab ? tab : le;
            fields[nf].p = fs;
            fields[nf].n = (size_t)(fe - fs);
            nf++;
            if (!tab) break;
            fs = tab + 1;
        }
        return nf;
    }
    return 0;
}
