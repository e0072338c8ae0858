/* cli.h — subcommands of the kcorpus CLI that live outside main.c. They use
 * only the public kcorpus.h. */
#ifndef KC_CLI_H
#define KC_CLI_H
/* kcorpus plot [OPTIONS] METRICS.csv -o OUT.png: argv[0] is "plot".
 * Returns the process exit status (0, 1 or 2 as in SPEC). */
int kc_cli_plot(int argc, char **argv);

#include <string.h>

/* "--opt=value": copy "--opt" into name (size n) and return a pointer to
 * "value", leaving *opt pointing at name; otherwise return NULL and leave
 * *opt alone. Shared by every subcommand's option parser. */
static inline const char *kc_cli_split_opt(const char **opt, char *name, size_t n)
{
    const char *a = *opt;
    const char *eq = strchr(a, '=');
    if (!eq || a[1] != '-' || (size_t)(eq - a) >= n) return NULL;
    memcpy(name, a, (size_t)(eq - a));
    name[eq - a] = '\0';
    *opt = name;
    return eq + 1;
}
#endif
