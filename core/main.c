// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <busalias/plugin.h>  /* the plugin ABI version, for `version` */

#include "cli.h"

/* A command of the program: written on libbusalias's public API alone, it gets a library context with
 * the configuration file read (run); version and help need neither (run_plain). */
struct command {
	const char *name;
	const char *args;     /* its arguments, for the general help */
	const char *summary;  /* one line in the general help; NULL: not listed there */
	int (*run)(int argc, char **argv, struct ba_ctx *ctx);
	int (*run_plain)(void);
};

static int cmd_version(void);
static int cmd_help(void);

/* In the order of the general help. */
static const struct command commands[] = {
	{ .name = "gen", .args = "[PATH...]", .summary = "print the modalias patterns of modules' device tables",
	  .run = cmd_gen },
	{ .name = "match", .args = "MODALIAS",
	  .summary = "print the module that best matches a modalias (or --device DEV)",
	  .run = cmd_match },
	{ .name = "index", .summary = "write modules.alias's lookup index beside it (after depmod)",
	  .run = cmd_index },
	{ .name = "bind", .args = "DEV...", .summary = "move devices to a VFIO (or --driver) driver, all or nothing",
	  .run = cmd_bind },
	{ .name = "restore", .args = "DEV...",
	  .summary = "clear driver_override and give devices back to their default driver",
	  .run = cmd_restore },
	{ .name = "status", .args = "[DEV...]",
	  .summary = "driver, driver_override, IOMMU group and VFIO candidate of devices",
	  .run = cmd_status },
	{ .name = "list-overrides", .summary = "the overrides bind --persist stored",
	  .run = cmd_list_overrides },
	{ .name = "apply-overrides", .summary = "apply the stored overrides (at boot; udev-apply DEVPATH: one device)",
	  .run = cmd_apply_overrides },
	/* udev's, named in apply-overrides's line. */
	{ .name = "udev-apply", .run = cmd_udev_apply },
	{ .name = "import-driverctl", .args = "[DIR]", .summary = "store driverctl's overrides as busalias's",
	  .run = cmd_import_driverctl },
	{ .name = "plugins", .summary = "list the plugins loaded: ABI, bus, table types, file",
	  .run = cmd_plugins },
	{ .name = "version", .summary = "print the version and plugin ABI", .run_plain = cmd_version },
	{ .name = "help", .args = "[COMMAND]", .summary = "this help, or a command's", .run_plain = cmd_help },
};

static void usage(FILE *f)
{
	fputs("Usage: busalias [--config FILE] COMMAND [OPTIONS] [ARGS]\n\nCommands:\n", f);
	for (size_t i = 0; i < CLI_ARRAY_SIZE(commands); i++) {
		const struct command *c = &commands[i];
		if (!c->summary)
			continue;
		/* The summaries start in one column; a longer name and arguments keep two spaces before theirs. */
		int width = (int)strlen(c->name) + (c->args ? 1 + (int)strlen(c->args) : 0);
		int pad = width < 15 ? 17 - width : 2;
		fprintf(f, "  %s%s%s%*s%s\n", c->name, c->args ? " " : "", c->args ? c->args : "", pad, "", c->summary);
	}
	fputs("\nRun 'busalias help COMMAND' or 'busalias COMMAND --help' for a command's options; see busalias(1).\n", f);
}

static int cmd_version(void)
{
	printf("busalias %s (plugin ABI %d.%d)\n", PACKAGE_VERSION, BUSALIAS_ABI_MAJOR, BUSALIAS_ABI_MINOR);
	return BA_EXIT_OK;
}

static int cmd_help(void)
{
	usage(stdout);
	return BA_EXIT_OK;
}

static const struct command *find_command(const char *name)
{
	/* The options that stand for commands. */
	if (!strcmp(name, "-h") || !strcmp(name, "--help"))
		name = "help";
	else if (!strcmp(name, "--version"))
		name = "version";
	for (size_t i = 0; i < CLI_ARRAY_SIZE(commands); i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
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

/*
 * The library context of a command, with the configuration file read once: the one --config names,
 * else BUSALIAS_CONFIG.  A default file that is not there is fine; anything else that keeps a file
 * from being read (a directory, a symlink loop, a dangling symlink, no permission) is one line naming
 * the file and why (the library says it, but for a missing file, which only the caller can judge).
 * [output] quiet in the file, like -q, keeps the messages below errors.  NULL after reporting, with
 * *status the exit status: 2 for the configuration, 6 when no context can be made.
 */
static struct ba_ctx *library_context(const char *explicit_path, ba_sysfs_write_fn *write_fn, void *write_data,
				      int *status)
{
	const char *path = explicit_path ? explicit_path : BUSALIAS_CONFIG;
	struct ba_ctx *ctx = ba_ctx_new();
	struct stat st;
	int r;

	*status = BA_EXIT_FAILURE;
	if (!ctx) {
		cli_err(NULL, "cannot create the library context (libelf out of date, or out of memory)");
		return NULL;
	}
	*status = BA_EXIT_USAGE;
	ba_ctx_set_log_priority(ctx, LOG_INFO);
	ba_ctx_set_sysfs_write_fn(ctx, write_fn, write_data);
	r = ba_ctx_load_config(ctx, path);
	if (r == -ENOENT && !explicit_path && lstat(path, &st) < 0)
		r = 0;
	else if (r == -ENOENT)
		cli_err(ctx, "%s: %s", path, strerror(ENOENT));
	if (r < 0) {
		ba_ctx_unref(ctx);
		return NULL;
	}
	return ctx;
}

/* Output that did not reach its reader (a full disk, a closed pipe) is a failure, and says so. */
static bool stdout_failed(void)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return false;
	cli_err(NULL, "standard output: %s", errno ? strerror(errno) : "write error");
	return true;
}

int busalias_run(int argc, char **argv, ba_sysfs_write_fn *write_fn, void *write_data)
{
	const char *config_path = find_config_arg(argc, argv);
	int first = 1, r;


	/* Skip a leading --config FILE (or --config=FILE) so "busalias --config F gen" works; nothing else. */
	while (first < argc && (strcmp(argv[first], "--config") == 0 || strncmp(argv[first], "--config=", 9) == 0))
		first += argv[first][8] == '=' ? 1 : 2;
	if (first >= argc) {
		usage(stderr);
		return BA_EXIT_USAGE;
	}
	const char *cmd = argv[first];
	/* help COMMAND is COMMAND --help; help, help help and help version are the general help. */
	char *help_argv[] = { NULL, (char *)"--help", NULL };
	if (!strcmp(cmd, "help") && first + 1 < argc && strcmp(argv[first + 1], "help") &&
	    strcmp(argv[first + 1], "version")) {
		if (first + 2 < argc) {
			cli_err(NULL, "help: one command at most, got '%s' and '%s'", argv[first + 1], argv[first + 2]);
			return BA_EXIT_USAGE;
		}
		help_argv[0] = argv[first + 1];
		argc = 2;
		argv = help_argv;
		first = 0;
		cmd = argv[0];
	}
	const struct command *c = find_command(cmd);
	if (!c) {
		cli_err(NULL, "unknown command '%s'", cmd);
		usage(stderr);
		r = BA_EXIT_USAGE;
	} else if (c->run) {
		struct ba_ctx *ctx = library_context(config_path, write_fn, write_data, &r);
		if (ctx)
			r = c->run(argc - first, argv + first, ctx);
		ba_ctx_unref(ctx);
	} else {
		r = c->run_plain();
	}
	/*
	 * gen and status check their own output and exit 6 after saying why; for the others (match, a
	 * dry run's plan, help, version) it is checked here.  A worse status (2, 4, 5) is kept.
	 */
	if (r != BA_EXIT_FAILURE && stdout_failed() &&
	    (r == BA_EXIT_OK || r == BA_EXIT_NOMATCH || r == BA_EXIT_PARTIAL))
		r = BA_EXIT_FAILURE;
	return r;
}

#ifndef BUSALIAS_NO_MAIN
int main(int argc, char **argv)
{
	return busalias_run(argc, argv, NULL, NULL);
}
#endif
