// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <gelf.h>
#include <string.h>

#include "busalias.h"
#include "cmdline.h"

static void usage(FILE *f)
{
	fputs("Usage: busalias [--config FILE] COMMAND [OPTIONS] [ARGS]\n\n"
	      "Commands:\n"
	      "  gen [PATH...]    print the modalias patterns of modules' device tables\n"
	      "  match MODALIAS   print the module that best matches a modalias (or --device DEV)\n"
	      "  bind DEV         move a device to a VFIO (or --driver) driver, rolling back on failure\n"
	      "  restore DEV      clear driver_override and give the device back to its default driver\n"
	      "  status [DEV...]  driver, driver_override, IOMMU group and VFIO candidate of devices\n"
	      "  version          print the version and plugin ABI\n\n"
	      "Run 'busalias COMMAND --help' for a command's options; see busalias(1).\n",
	      f);
}

/* The config is read before the command parses its options, so options override it. */
static const char *find_config_arg(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			return argv[i + 1];
		if (strncmp(argv[i], "--config=", 9) == 0)
			return argv[i] + 9;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int argc, char **argv, struct ba_config *cfg);
	} commands[] = {
		{ "gen", cmd_gen },
		{ "match", cmd_match },
		{ "bind", cmd_bind },
		{ "restore", cmd_restore },
		{ "status", cmd_status },
	};
	struct ba_config cfg;
	const char *config_path = find_config_arg(argc, argv);
	int first = 1, r;

	if (elf_version(EV_CURRENT) == EV_NONE) {
		ba_err("libelf is out of date");
		return BA_EXIT_FAILURE;
	}
	config_init(&cfg);
	r = config_load(&cfg, config_path ? config_path : BUSALIAS_CONFIG);
	if (r == -ENOENT && !config_path)
		r = 0;
	if (r == -ENOENT || r == -EACCES) {
		ba_err("%s: %s", config_path, strerror(-r));
	}
	if (r < 0) {
		config_release(&cfg);
		return BA_EXIT_USAGE;
	}
	ba_quiet = cfg.quiet;

	/* Skip a leading --config FILE so "busalias --config F gen" works. */
	while (first < argc && strncmp(argv[first], "--config", 8) == 0)
		first += strchr(argv[first], '=') ? 1 : 2;
	if (first >= argc) {
		usage(stderr);
		config_release(&cfg);
		return BA_EXIT_USAGE;
	}
	const char *cmd = argv[first];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		usage(stdout);
		r = BA_EXIT_OK;
	} else if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
		printf("busalias %s (plugin ABI %d.%d)\n", PACKAGE_VERSION, BUSALIAS_ABI_MAJOR, BUSALIAS_ABI_MINOR);
		r = BA_EXIT_OK;
	} else {
		r = -1;
		for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
			if (!strcmp(cmd, commands[i].name)) {
				r = commands[i].run(argc - first, argv + first, &cfg);
				break;
			}
		if (r < 0) {
			ba_err("unknown command '%s'", cmd);
			usage(stderr);
			r = BA_EXIT_USAGE;
		}
	}
	config_release(&cfg);
	return r;
}
