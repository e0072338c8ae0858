/* clean_figures.c — the smallest useful program on libkcorpus: clean one
 * article and print the figures found in it, one per line:
 *
 *     PARA<TAB>TEXT<TAB>VALUE[..VALUE_MAX]<TAB>UNIT[<TAB>approx]
 *
 * Build against an installed kcorpus with pkg-config alone:
 *     cc -o clean_figures clean_figures.c $(pkg-config --cflags --libs kcorpus)
 * Run:
 *     ./clean_figures article.txt [YYYY-MM-DD]
 * The optional date is the publication date (relative dates resolve against
 * it). Exit status: 0 ok, 1 the article could not be read or processed,
 * 2 usage error or no engine.
 */
#include <kcorpus.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s ARTICLE.txt [YYYY-MM-DD]\n", argv[0]);
        return 2;
    }
    /* One engine per program: it loads the dictionaries and compiles the
     * patterns once, and may be shared by threads. */
    kc_engine *eng = NULL;
    char err[256];
    if (kc_engine_new(&eng, NULL, err, sizeof err) != KC_OK) {
        fprintf(stderr, "kcorpus: %s\n", err);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        kc_engine_free(eng);
        return 1;
    }
    kc_doc *doc = NULL;
    kc_status st = kc_doc_new(&doc, eng, "article");
    if (st == KC_OK && argc == 3) st = kc_doc_set_meta(doc, "date", argv[2], strlen(argv[2]));
    /* Feed the raw bytes in any chunks: the encoding is detected. */
    char buf[1 << 14];
    size_t n;
    while (st == KC_OK && (n = fread(buf, 1, sizeof buf, f)) > 0) st = kc_doc_feed(doc, buf, n);
    if (ferror(f)) st = KC_EIO;
    fclose(f);

    kc_options opts;
    kc_options_init(&opts);
    if (st == KC_OK) st = kc_doc_read(doc, &opts);    /* clean */
    if (st == KC_OK) st = kc_doc_extract(doc, &opts); /* find mentions */
    if (st != KC_OK) {
        const char *detail = doc ? kc_doc_error(doc) : "";
        fprintf(stderr, "%s: %s\n", argv[1], detail[0] ? detail : kc_strerror(st));
        kc_doc_free(doc);
        kc_engine_free(eng);
        return 1;
    }

    const char *title = kc_doc_title(doc);
    printf("# %s (%zu paragraphs)\n", title ? title : "(untitled)", kc_doc_paragraph_count(doc));
    for (size_t i = 0; i < kc_doc_mention_count(doc); i++) {
        const kc_mention *m = kc_doc_mention(doc, i);
        if (m->kind != KC_MENTION_FIGURE) continue;
        printf("%zu\t%s\t%s%s%s\t%s%s\n", m->para, m->text, m->value,
               m->value_max ? ".." : "", m->value_max ? m->value_max : "",
               m->unit, m->approx ? "\tapprox" : "");
    }
    int bad = ferror(stdout) || fflush(stdout) != 0;
    kc_doc_free(doc);
    kc_engine_free(eng);
    if (bad) {
        fprintf(stderr, "clean_figures: writing output failed\n");
        return 2;
    }
    return 0;
}
