/*
 * rsswrap.c — run a command and record its exit status and peak RSS.
 *
 *   rsswrap STATUSFILE PROGRAM [ARGS...]
 *
 * Writes "EXIT MAXRSS_KB\n" to STATUSFILE (EXIT is negative for a signal).
 * Why a wrapper: on Linux a child's ru_maxrss starts from the high-water
 * mark of the process that exec'd it, so a child forked straight from the
 * test runner (python3 holding 100 MB inputs) reports the runner's size.
 * This tiny process forks the real child from a small address space.
 * KC_RSSWRAP_PRELOAD, if set, becomes the child's LD_PRELOAD (the fault
 * injection shim must not act on this wrapper itself).
 * Built by tests/pathological/run.py with cc into its temp directory.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: rsswrap STATUSFILE PROGRAM [ARGS...]\n");
        return 125;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("rsswrap: fork");
        return 125;
    }
    if (pid == 0) {
        const char *pre = getenv("KC_RSSWRAP_PRELOAD");
        if (pre && *pre) setenv("LD_PRELOAD", pre, 1);
        unsetenv("KC_RSSWRAP_PRELOAD");
        execv(argv[2], argv + 2);
        perror("rsswrap: exec");
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("rsswrap: wait4");
        return 125;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? -WTERMSIG(status) : 125;
    FILE *f = fopen(argv[1], "w");
    if (!f) return 125;
    fprintf(f, "%d %ld\n", code, ru.ru_maxrss);
    fclose(f);
    return 0;
}
