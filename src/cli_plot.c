/* cli_plot.c — placeholder for `kcorpus plot` (issue 10 helper replaces it). */
#include "cli.h"
#include <stdio.h>
int kc_cli_plot(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "kcorpus: plot: not available in this build\n");
    return 2;
}
