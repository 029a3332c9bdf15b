// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "busalias.h"
#include "cli.h"
#include "cmdline.h"

/* A command of the program.  The library commands are written on libbusalias's public API alone and
 * get a library context; the others (not converted yet) get the core's configuration. */
struct command {
	const char *name;
	const char *args;     /* its arguments, for the general help */
	const char *summary;  /* one line in the general help; NULL: not listed there */
	bool library_context;
	union {
		int (*on_ctx)(int argc, char **argv, struct ba_ctx *ctx);
		int (*on_config)(int argc, char **argv, struct ba_config *cfg);
	} run;
};

static int cmd_version(int argc, char **argv, struct ba_config *cfg);
static int cmd_help(int argc, char **argv, struct ba_config *cfg);

/* In the order of the general help. */
static const struct command commands[] = {
	{ .name = "gen", .args = "[PATH...]", .summary = "print the modalias patterns of modules' device tables",
	  .library_context = true, .run.on_ctx = cmd_gen },
	{ .name = "match", .args = "MODALIAS",
	  .summary = "print the module that best matches a modalias (or --device DEV)", .library_context = true,
	  .run.on_ctx = cmd_match },
	{ .name = "bind", .args = "DEV...", .summary = "move devices to a VFIO (or --driver) driver, all or nothing",
	  .library_context = true, .run.on_ctx = cmd_bind },
	{ .name = "restore", .args = "DEV...",
	  .summary = "clear driver_override and give devices back to their default driver",
	  .library_context = true, .run.on_ctx = cmd_restore },
	{ .name = "status", .args = "[DEV...]",
	  .summary = "driver, driver_override, IOMMU group and VFIO candidate of devices", .library_context = true,
	  .run.on_ctx = cmd_status },
	{ .name = "list-overrides", .summary = "the overrides bind --persist stored", .library_context = true,
	  .run.on_ctx = cmd_list_overrides },
	{ .name = "apply-overrides", .summary = "apply the stored overrides (at boot; udev-apply DEVPATH: one device)",
	  .library_context = true, .run.on_ctx = cmd_apply_overrides },
	/* udev's, named in apply-overrides's line. */
	{ .name = "udev-apply", .library_context = true, .run.on_ctx = cmd_udev_apply },
	{ .name = "import-driverctl", .args = "[DIR]", .summary = "store driverctl's overrides as busalias's",
	  .library_context = true, .run.on_ctx = cmd_import_driverctl },
	{ .name = "plugins", .summary = "list the plugins loaded: ABI, bus, table types, file", .library_context = true,
	  .run.on_ctx = cmd_plugins },
	{ .name = "version", .summary = "print the version and plugin ABI", .run.on_config = cmd_version },
	{ .name = "help", .args = "[COMMAND]", .summary = "this help, or a command's", .run.on_config = cmd_help },
};

static void usage(FILE *f)
{
	fputs("Usage: busalias [--config FILE] COMMAND [OPTIONS] [ARGS]\n\nCommands:\n", f);
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
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

static int cmd_version(int argc, char **argv, struct ba_config *cfg)
{
	(void)argc, (void)argv, (void)cfg;
	printf("busalias %s (plugin ABI %d.%d)\n", PACKAGE_VERSION, BUSALIAS_ABI_MAJOR, BUSALIAS_ABI_MINOR);
	return BA_EXIT_OK;
}

static int cmd_help(int argc, char **argv, struct ba_config *cfg)
{
	(void)argc, (void)argv, (void)cfg;
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
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
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
 * Read the configuration file: the one --config names, else BUSALIAS_CONFIG.  A default file that
 * is not there is fine; anything else that keeps a file from being read (a directory, a symlink
 * loop, a dangling symlink, no permission) is one line naming the file and why.
 * Returns 0, or -errno after reporting (bad lines are reported by config_load_stream()).
 */
static int load_config(struct ba_config *cfg, const char *explicit_path)
{
	const char *path = explicit_path ? explicit_path : BUSALIAS_CONFIG;
	struct stat st;
	FILE *f = fopen(path, "re");
	int r;

	if (!f) {
		r = -errno;
		if (r == -ENOENT && !explicit_path && lstat(path, &st) < 0)
			return 0;
		ba_err("%s: %s", path, strerror(-r));
		return r;
	}
	/* fopen() opens a directory; reading it fails, which inih would take for an empty file. */
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		ba_err("%s: %s", path, strerror(EISDIR));
		fclose(f);
		return -EISDIR;
	}
	r = config_load_stream(cfg, f, path);  /* reports a read error too */
	fclose(f);
	return r;
}

/*
 * The library context of a command on the public API: the same configuration file, already read once
 * without error by load_config() (so read again silently), the same -q and sysfs write function.
 */
static struct ba_ctx *library_context(const char *explicit_path, bool quiet, sysfs_write_fn *write_fn,
				      void *write_data)
{
	struct ba_ctx *ctx = ba_ctx_new();
	int r;

	if (!ctx) {
		ba_err("cannot create the library context (libelf out of date, or out of memory)");
		return NULL;
	}
	ba_ctx_set_log_priority(ctx, quiet ? LOG_ERR : LOG_INFO);
	ba_ctx_set_sysfs_write_fn(ctx, write_fn, write_data);
	r = ba_ctx_load_config(ctx, explicit_path ? explicit_path : BUSALIAS_CONFIG);
	if (r < 0 && r != -ENOENT) {
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
	ba_err("standard output: %s", errno ? strerror(errno) : "write error");
	return true;
}

int busalias_run(int argc, char **argv, sysfs_write_fn *write_fn, void *write_data)
{
	struct ba_config cfg;
	struct ba_log log;
	const char *config_path = find_config_arg(argc, argv);
	int first = 1, r;

	ba_log_init(&log);
	ba_log_use(&log);
	config_init(&cfg);
	cfg.sysfs_write = write_fn;
	cfg.sysfs_write_data = write_data;
	r = load_config(&cfg, config_path);
	if (r < 0) {
		config_release(&cfg);
		return BA_EXIT_USAGE;
	}
	ba_log_set_quiet(cfg.quiet);

	/* Skip a leading --config FILE (or --config=FILE) so "busalias --config F gen" works; nothing else. */
	while (first < argc && (strcmp(argv[first], "--config") == 0 || strncmp(argv[first], "--config=", 9) == 0))
		first += argv[first][8] == '=' ? 1 : 2;
	if (first >= argc) {
		usage(stderr);
		config_release(&cfg);
		return BA_EXIT_USAGE;
	}
	const char *cmd = argv[first];
	/* help COMMAND is COMMAND --help; help, help help and help version are the general help. */
	char *help_argv[] = { NULL, (char *)"--help", NULL };
	if (!strcmp(cmd, "help") && first + 1 < argc && strcmp(argv[first + 1], "help") &&
	    strcmp(argv[first + 1], "version")) {
		if (first + 2 < argc) {
			ba_err("help: one command at most, got '%s' and '%s'", argv[first + 1], argv[first + 2]);
			config_release(&cfg);
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
		ba_err("unknown command '%s'", cmd);
		usage(stderr);
		r = BA_EXIT_USAGE;
	} else if (c->library_context) {
		struct ba_ctx *ctx = library_context(config_path, cfg.quiet, write_fn, write_data);
		r = ctx ? c->run.on_ctx(argc - first, argv + first, ctx) : BA_EXIT_FAILURE;
		ba_ctx_unref(ctx);
	} else {
		r = c->run.on_config(argc - first, argv + first, &cfg);
	}
	config_release(&cfg);
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
