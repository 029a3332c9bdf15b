// SPDX-License-Identifier: LGPL-2.1-or-later
/* Helpers (modprobe) run with an argv, never through a shell. */
#include <errno.h>
#include <string.h>
#include <sys/wait.h>

#include "busalias.h"

int run_argv(char *const argv[], bool dry_run)
{
	pid_t pid, w;
	int status;

	if (dry_run) {
		fputs("would run", stdout);
		for (size_t i = 0; argv[i]; i++)
			printf(" %s", argv[i]);
		putchar('\n');
		fflush(stdout);
		return 0;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "busalias: error: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	do
		w = waitpid(pid, &status, 0);
	while (w < 0 && errno == EINTR);
	if (w < 0)
		return -errno;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}
