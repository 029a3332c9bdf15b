// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "admin.h"
#include "busalias.h"
#include "cli.h"
#include "cmdline.h"

static void usage(FILE *f)
{
	fputs("Usage: busalias [--config FILE] COMMAND [OPTIONS] [ARGS]\n\n"
	      "Commands:\n"
	      "  gen [PATH...]    print the modalias patterns of modules' device tables\n"
	      "  match MODALIAS   print the module that best matches a modalias (or --device DEV)\n"
	      "  bind DEV...      move devices to a VFIO (or --driver) driver, all or nothing\n"
	      "  restore DEV...   clear driver_override and give devices back to their default driver\n"
	      "  status [DEV...]  driver, driver_override, IOMMU group and VFIO candidate of devices\n"
	      "  list-overrides   the overrides bind --persist stored\n"
	      "  apply-overrides  apply the stored overrides (at boot; udev-apply DEVPATH: one device)\n"
	      "  import-driverctl [DIR]  store driverctl's overrides as busalias's\n"
	      "  plugins          list the plugins loaded: ABI, bus, table types, file\n"
	      "  version          print the version and plugin ABI\n"
	      "  help [COMMAND]   this help, or a command's\n\n"
	      "Run 'busalias help COMMAND' or 'busalias COMMAND --help' for a command's options; see busalias(1).\n",
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
	/* Commands on libbusalias's public API alone, with a library context. */
	static const struct {
		const char *name;
		int (*run)(int argc, char **argv, struct ba_ctx *ctx);
	} library_commands[] = {
		{ "gen", cmd_gen },
	};
	/* Commands on the core's configuration (not converted yet). */
	static const struct {
		const char *name;
		int (*run)(int argc, char **argv, struct ba_config *cfg);
	} commands[] = {
		{ "match", cmd_match },
		{ "bind", cmd_bind },
		{ "restore", cmd_restore },
		{ "status", cmd_status },
		{ "plugins", cmd_plugins },
		{ "list-overrides", cmd_list_overrides },
		{ "udev-apply", cmd_udev_apply },
		{ "apply-overrides", cmd_apply_overrides },
		{ "import-driverctl", cmd_import_driverctl },
	};
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
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		usage(stdout);
		r = BA_EXIT_OK;
	} else if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
		printf("busalias %s (plugin ABI %d.%d)\n", PACKAGE_VERSION, BUSALIAS_ABI_MAJOR, BUSALIAS_ABI_MINOR);
		r = BA_EXIT_OK;
	} else {
		r = -1;
		for (size_t i = 0; i < ARRAY_SIZE(library_commands); i++)
			if (!strcmp(cmd, library_commands[i].name)) {
				struct ba_ctx *ctx = library_context(config_path, cfg.quiet, write_fn, write_data);
				r = ctx ? library_commands[i].run(argc - first, argv + first, ctx) : BA_EXIT_FAILURE;
				ba_ctx_unref(ctx);
				break;
			}
		for (size_t i = 0; r < 0 && i < ARRAY_SIZE(commands); i++)
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
