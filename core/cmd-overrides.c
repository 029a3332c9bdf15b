// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * busalias list-overrides, udev-apply, apply-overrides, import-driverctl: the persisted overrides
 * (ba_override_*(), busalias_override(3)) listed, applied as a device appears (the udev rule) or at
 * boot to devices already bound (the systemd unit), and imported from driverctl.  On libbusalias's
 * public API.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cmd-device-options.h"

/* driverctl's and busalias's word for "no driver at all". */
#define NO_DRIVER "none"

static const struct command {
	const char *name, *synopsis, *help;
	int min_args, max_args;
} commands[] = {
	{ "list-overrides", "[OPTIONS]",
	  "List the persisted overrides: device, driver, module, and whether the device has it now.\n", 0, 0 },
	{ "udev-apply", "[OPTIONS] DEVPATH",
	  "Apply DEVPATH's persisted override (run by the udev rule as the device appears).\n", 1, 1 },
	{ "apply-overrides", "[OPTIONS]",
	  "Apply every persisted override to the devices present (run by busalias.service at boot).\n", 0, 0 },
	{ "import-driverctl", "[OPTIONS] [DIR]",
	  "Persist the overrides of driverctl's DIR (default /etc/driverctl.d) as busalias's.\n", 0, 1 },
};

#define OPTIONS_HELP                                                                                   \
	"      --overrides-dir DIR  persisted overrides (default " BUSALIAS_OVERRIDES_DIR ")\n"              \
	"      --sysfs-root DIR   sysfs mount point (default /sys)\n"                                    \
	"      --lock-dir DIR     per-device locks (default /run/busalias)\n"                            \
	LOCK_TIMEOUT_HELP                                                                              \
	"      --modprobe PATH    modprobe to run (default /sbin/modprobe)\n"                            \
	"      --dry-run          print what would be done, change nothing\n"

/* -1 to go on, or an exit status; *dry_run set by --dry-run.  The device commands' option table. */
static int parse(const struct command *c, int argc, char **argv, struct ba_ctx *ctx, bool *dry_run)
{
	static const struct {
		int opt;
		const char *key;
	} paths[] = { { OPT_OVERRIDES_DIR, "overrides_dir" },
		      { OPT_SYSFS_ROOT, "sysfs_root" },
		      { OPT_LOCK_DIR, "lock_dir" },
		      { OPT_MODPROBE, "modprobe" } };
	const struct device_command dc = { .name = c->name,
					   .allowed = "overrides-dir sysfs-root lock-dir modprobe dry-run lock-timeout" };
	int opt;

	*dry_run = false;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "qh", device_long_options, NULL)) != -1) {
		char msg[128];
		const char *key = NULL;

		if (device_option_check(&dc, opt, msg, sizeof(msg)) < 0) {
			cli_err(ctx, "%s", msg);
			return BA_EXIT_USAGE;
		}
		for (size_t i = 0; i < CLI_ARRAY_SIZE(paths); i++)
			if (paths[i].opt == opt)
				key = paths[i].key;
		if (key) {
			if (optarg[0] != '/') {
				cli_err(ctx, "%s: expected an absolute path, got '%s'", c->name, optarg);
				return BA_EXIT_USAGE;
			}
			if (ba_ctx_set_option(ctx, key, optarg) < 0)
				return BA_EXIT_USAGE;
			continue;
		}
		switch (opt) {
		case OPT_DRY_RUN:
			*dry_run = true;
			break;
		case OPT_LOCK_TIMEOUT:
			if (cli_set_lock_timeout(ctx, optarg) < 0)
				return BA_EXIT_USAGE;
			break;
		case 'h':
			printf("Usage: busalias %s %s\n%s\n" OPTIONS_HELP COMMON_OPTIONS_HELP, c->name, c->synopsis, c->help);
			return BA_EXIT_OK;
		default:
			if (cli_common_option(ctx, opt, optarg) == 0)
				break;
			fprintf(stderr, "Usage: busalias %s %s\n", c->name, c->synopsis);
			return BA_EXIT_USAGE;
		}
	}
	if (argc - optind < c->min_args || argc - optind > c->max_args) {
		fprintf(stderr, "Usage: busalias %s %s\n", c->name, c->synopsis);
		return BA_EXIT_USAGE;
	}
	return -1;
}

static const struct command *command(const char *name)
{
	for (size_t i = 0; i < CLI_ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return &commands[0];
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The files of the directory, in name order (temporary and hidden files left out); 0 or -errno. */
static int list_dir(const char *dir, char ***out, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **v = NULL, **w;

	*out = NULL;
	*n = 0;
	if (!d)
		return -errno;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.') {
			w = realloc(v, (*n + 1) * sizeof(*v));
			if (!w || !(w[*n] = strdup(de->d_name))) {
				free_list(w ? w : v, *n);
				closedir(d);
				return -ENOMEM;
			}
			v = w;
			(*n)++;
		}
	closedir(d);
	if (*n > 1)
		qsort(v, *n, sizeof(*v), cmp_name);
	*out = v;
	return 0;
}

/* A file name as it may appear in a one-line message: control characters shown as '?'. */
static void say_bad_name(struct ba_ctx *ctx, const char *dir, const char *name, const char *what)
{
	char *s;

	if (asprintf(&s, "%s/%s", dir, name) < 0)
		return;
	for (char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	cli_err(ctx, "%s: %s, ignored", s, what);
	free(s);
}

static int worse(int a, int b)
{
	/* 5 and 6 before 4, before 3, 2 and 1; 0 last. */
	static const int rank[] = { [0] = 0, [1] = 1, [2] = 2, [3] = 3, [4] = 4, [5] = 6, [6] = 5 };
	return rank[b] > rank[a] ? b : a;
}

/* The overrides directory's files: 1 and *names (possibly none) to go on, or an exit status. */
static int override_names(struct ba_ctx *ctx, char ***names, size_t *n)
{
	const char *dir = ba_ctx_get_option(ctx, "overrides_dir");
	int r = list_dir(dir, names, n);

	if (r == -ENOENT)
		return BA_EXIT_OK;  /* nothing persisted yet */
	if (r < 0) {
		cli_err(ctx, "%s: %s", dir, strerror(-r));
		return BA_EXIT_FAILURE;
	}
	return -1;
}

/* Command name's options parsed, then the overrides directory listed: -1 with *names and *n to go
 * on, or an exit status. */
static int begin(const char *name, int argc, char **argv, struct ba_ctx *ctx, bool *dry_run, char ***names,
		 size_t *n)
{
	int r = parse(command(name), argc, argv, ctx, dry_run);

	return r >= 0 ? r : override_names(ctx, names, n);
}

/* The stored override of the file name, checked; NULL after saying why not. */
static struct ba_override *load_named(struct ba_ctx *ctx, const char *name)
{
	struct ba_override *ov;

	if (!strchr(name, ':') || !cli_valid_name(name, 255)) {
		say_bad_name(ctx, ba_ctx_get_option(ctx, "overrides_dir"), name, "not named BUS:DEVICE");
		return NULL;
	}
	return ba_override_load(ctx, name, &ov) < 0 ? NULL : ov;
}

int cmd_list_overrides(int argc, char **argv, struct ba_ctx *ctx)
{
	static const char *const states[] = {
		[BA_OVERRIDE_ABSENT] = "absent", [BA_OVERRIDE_PENDING] = "pending", [BA_OVERRIDE_APPLIED] = "applied"
	};
	char **names;
	bool dry_run;
	size_t n;
	int r = begin("list-overrides", argc, argv, ctx, &dry_run, &names, &n), ret = BA_EXIT_OK;

	if (r >= 0)
		return r;
	for (size_t i = 0; i < n; i++) {
		struct ba_override *ov = load_named(ctx, names[i]);
		const char *module;

		if (!ov) {
			ret = BA_EXIT_PARTIAL;
			continue;
		}
		module = ba_override_get_module(ov);
		printf("%s driver=%s module=%s %s\n", ba_override_get_device(ov), ba_override_get_driver(ov),
		       module[0] ? module : "-", states[ba_override_get_state(ov)]);
		ba_override_unref(ov);
	}
	free_list(names, n);
	return ret;
}

/* Apply ov to the device it names (resolved in ctx).  An exit status. */
static int apply(struct ba_ctx *ctx, struct ba_override *ov, struct ba_device *dev, bool dry_run)
{
	enum ba_bind_outcome outcome = BA_BIND_UNCHANGED;
	int r = ba_override_apply(ov, dev, dry_run ? BA_BIND_DRY_RUN : 0, &outcome);

	(void)ctx;
	return cli_bind_exit_status(r, outcome);
}

int cmd_udev_apply(int argc, char **argv, struct ba_ctx *ctx)
{
	struct ba_device *dev = NULL;
	struct ba_override *ov = NULL;
	char *arg = NULL, *device = NULL;
	bool dry_run, early;
	int r = parse(command("udev-apply"), argc, argv, ctx, &dry_run);

	if (r >= 0)
		return r;
	/* udev's $devpath is relative to /sys ("/devices/pci0000:00/..."). */
	if ((!strncmp(argv[optind], "/devices/", 9) ? asprintf(&arg, "/sys%s", argv[optind])
						     : asprintf(&arg, "%s", argv[optind])) < 0)
		return BA_EXIT_FAILURE;
	/* Before plugins or modprobe: a host driver loaded meanwhile for another device cannot take this one. */
	early = !dry_run && ba_override_claim(ctx, arg) > 0;
	if (ba_ctx_load_plugins(ctx) < 0) {
		r = BA_EXIT_USAGE;
		goto out;
	}
	r = ba_device_new(ctx, arg, &dev);
	if (r < 0) {
		r = exit_status_from_errno(r);
		goto out;
	}
	if (asprintf(&device, "%s:%s", ba_device_get_bus(dev), ba_device_get_name(dev)) < 0) {
		r = BA_EXIT_FAILURE;
		goto out;
	}
	r = ba_override_load(ctx, device, &ov);
	if (r < 0) {
		/* No override for this device: the common case, said only with the rule's help. */
		r = r == -ENOENT ? BA_EXIT_OK : BA_EXIT_USAGE;
		goto out;
	}
	r = apply(ctx, ov, dev, dry_run);
	/* The rollback restored the early override: take it back too, so a host driver may have the device. */
	if (early && r != BA_EXIT_OK)
		ba_override_unclaim(dev);
out:
	ba_override_unref(ov);
	ba_device_unref(dev);
	free(device);
	free(arg);
	return r;
}

int cmd_apply_overrides(int argc, char **argv, struct ba_ctx *ctx)
{
	char **names;
	bool dry_run;
	size_t n;
	int r = begin("apply-overrides", argc, argv, ctx, &dry_run, &names, &n), ret = BA_EXIT_OK;

	if (r >= 0)
		return r;
	if (ba_ctx_load_plugins(ctx) < 0) {
		free_list(names, n);
		return BA_EXIT_USAGE;
	}
	for (size_t i = 0; i < n; i++) {
		struct ba_override *ov = load_named(ctx, names[i]);
		struct ba_device *dev;

		if (!ov) {
			ret = worse(ret, BA_EXIT_PARTIAL);
			continue;
		}
		if (ba_override_get_state(ov) == BA_OVERRIDE_ABSENT) {
			cli_log(ctx, LOG_INFO, "%s: no such device now; its override waits for it (udev)", names[i]);
		} else if ((r = ba_device_new(ctx, names[i], &dev)) < 0) {
			ret = worse(ret, exit_status_from_errno(r));
		} else {
			ret = worse(ret, apply(ctx, ov, dev, dry_run));
			ba_device_unref(dev);
		}
		ba_override_unref(ov);
	}
	free_list(names, n);
	return ret;
}

/* driverctl's file (its name BUS-DEVICE, the driver's name inside) as an override; NULL after saying why not. */
static struct ba_override *driverctl_override(struct ba_ctx *ctx, const char *dir, char *name)
{
	char *dash = strchr(name, '-'), *path = NULL, *device = NULL, module[256] = "", text[4097];
	struct ba_override *ov = NULL;
	struct stat st;
	FILE *f = NULL;
	size_t len;

	if (!dash || dash == name || !cli_valid_name(name, 255)) {
		say_bad_name(ctx, dir, name, "not a driverctl override (BUS-DEVICE)");
		return NULL;
	}
	*dash = '\0';
	if (asprintf(&path, "%s/%s-%s", dir, name, dash + 1) < 0 || asprintf(&device, "%s:%s", name, dash + 1) < 0)
		goto out;
	if (strchr(name, ':') || !cli_valid_name(dash + 1, 255)) {
		cli_err(ctx, "%s: not a driverctl override (BUS-DEVICE), ignored", path);
		goto out;
	}
	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > 4096 || !(f = fopen(path, "re")) ||
	    ((len = fread(text, 1, sizeof(text) - 1, f)), ferror(f))) {
		cli_err(ctx, "%s: not a readable file of at most 4096 bytes, ignored", path);
		goto out;
	}
	text[len] = '\0';
	while (len && text[len - 1] == '\n')
		text[--len] = '\0';
	if (strchr(text, '\n') || !cli_valid_name(text, 255) || strchr(text, ':') ||
	    text[0] == '-') {
		cli_err(ctx, "%s:1: expected one driver name, ignored", path);
		goto out;
	}
	if (strcmp(text, NO_DRIVER) != 0) {
		/* modprobe treats - and _ alike; the module is the driver's name (vfio-pci: vfio_pci). */
		memcpy(module, text, strlen(text) + 1);  /* a valid name: at most 255 bytes */
		for (char *q = module; *q; q++)
			if (*q == '-')
				*q = '_';
	}
	ba_override_new(ctx, device, text, module, &ov);
out:
	if (f)
		fclose(f);
	free(device);
	free(path);
	return ov;
}

int cmd_import_driverctl(int argc, char **argv, struct ba_ctx *ctx)
{
	const char *dir;
	char **names;
	bool dry_run;
	int r = parse(command("import-driverctl"), argc, argv, ctx, &dry_run), ret = BA_EXIT_OK;
	size_t n, imported = 0;

	if (r >= 0)
		return r;
	dir = optind < argc ? argv[optind] : "/etc/driverctl.d";
	r = list_dir(dir, &names, &n);
	if (r < 0) {
		cli_err(ctx, "%s: %s", dir, strerror(-r));
		return BA_EXIT_FAILURE;
	}
	for (size_t i = 0; i < n; i++) {
		struct ba_override *ov = driverctl_override(ctx, dir, names[i]), *have;

		if (!ov) {
			ret = BA_EXIT_PARTIAL;
			continue;
		}
		if (ba_override_load(ctx, ba_override_get_device(ov), &have) == 0) {
			if (strcmp(ba_override_get_driver(have), ba_override_get_driver(ov)) != 0)
				cli_warn(ctx, "%s: already persisted with driver %s; driverctl's %s not imported",
					 ba_override_get_device(ov), ba_override_get_driver(have), ba_override_get_driver(ov));
			ba_override_unref(have);
		} else if (ba_override_store(ov, dry_run ? BA_BIND_DRY_RUN : 0) < 0) {
			ret = BA_EXIT_FAILURE;
		} else {
			imported++;
		}
		ba_override_unref(ov);
	}
	free_list(names, n);
	cli_log(ctx, LOG_INFO, "%zu override%s imported from %s", imported, imported == 1 ? "" : "s", dir);
	return ret;
}
