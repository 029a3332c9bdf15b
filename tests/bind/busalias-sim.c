// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * busalias with the simulated kernel behind its sysfs writes: the same
 * busalias_run(), the same code path, only the sysfs write function differs.
 *   busalias-sim mktree DIR            build the demo tree
 *   busalias-sim modprobe MODULE       the fake modprobe (root from $BUSALIAS_SIM_ROOT)
 *   busalias-sim ARGS...               busalias ARGS... against the simulation
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "busalias.h"
#include "cli.h"
#include "simkernel.h"

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');

	base = base ? base + 1 : argv[0];
	if (argc == 3 && !strcmp(argv[1], "mktree"))
		return sim_mktree(argv[2]) < 0 ? 1 : 0;
	/* Called as modprobe: by name (a symlink), or "modprobe MODULE" (options ignored). */
	if (!strcmp(base, "modprobe") || (argc >= 2 && !strcmp(argv[1], "modprobe"))) {
		const char *root = getenv("BUSALIAS_SIM_ROOT");
		int r;
		if (!root || argc < 2) {
			fputs("modprobe (simulated): BUSALIAS_SIM_ROOT not set\n", stderr);
			return 1;
		}
		r = sim_load_module(root, argv[argc - 1]);
		if (r < 0)
			fprintf(stderr, "modprobe (simulated): %s: %s\n", argv[argc - 1], strerror(-r));
		return r < 0 ? 1 : 0;
	}
	return busalias_run(argc, argv, sim_write, NULL);
}
