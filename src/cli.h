/* cli.h — subcommands of the kcorpus CLI that live outside main.c. They use
 * only the public kcorpus.h. */
#ifndef KC_CLI_H
#define KC_CLI_H
/* kcorpus plot [OPTIONS] METRICS.csv -o OUT.png: argv[0] is "plot".
 * Returns the process exit status (0, 1 or 2 as in SPEC). */
int kc_cli_plot(int argc, char **argv);
#endif
