// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * busalias list-overrides, udev-apply, apply-overrides, import-driverctl: the persisted overrides
 * (persist.c) listed, applied as a device appears (the udev rule) or at boot to devices already
 * bound (the systemd unit), and imported from driverctl.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <string.h>
#include <sys/stat.h>

#include "admin.h"
#include "cmdline.h"

enum {
	OPT_OVERRIDES_DIR = 0x100,
	OPT_SYSFS_ROOT,
	OPT_LOCK_DIR,
	OPT_MODPROBE,
	OPT_DRY_RUN,
	OPT_LOCK_TIMEOUT,
};

static const struct option options[] = {
	{ "overrides-dir", required_argument, NULL, OPT_OVERRIDES_DIR },
	{ "sysfs-root", required_argument, NULL, OPT_SYSFS_ROOT },
	{ "lock-dir", required_argument, NULL, OPT_LOCK_DIR },
	{ "modprobe", required_argument, NULL, OPT_MODPROBE },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "lock-timeout", required_argument, NULL, OPT_LOCK_TIMEOUT },
	COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 },
};

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
	"      --lock-timeout S   wait at most S seconds for the device lock (default 30)\n"             \
	"      --modprobe PATH    modprobe to run (default /sbin/modprobe)\n"                            \
	"      --dry-run          print what would be done, change nothing\n"

/* -1 to go on, or an exit status; *dry_run set by --dry-run. */
static int parse(const struct command *c, int argc, char **argv, struct ba_config *cfg, bool *dry_run)
{
	int opt;

	*dry_run = false;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "qh", options, NULL)) != -1) {
		switch (opt) {
		case OPT_OVERRIDES_DIR:
		case OPT_SYSFS_ROOT:
		case OPT_LOCK_DIR:
		case OPT_MODPROBE:
			if (optarg[0] != '/') {
				ba_err("%s: expected an absolute path, got '%s'", c->name, optarg);
				return BA_EXIT_USAGE;
			}
			config_set(opt == OPT_OVERRIDES_DIR ? &cfg->overrides_dir
				   : opt == OPT_SYSFS_ROOT  ? &cfg->sysfs_root
				   : opt == OPT_LOCK_DIR    ? &cfg->lock_dir
							    : &cfg->modprobe,
				   optarg);
			break;
		case OPT_DRY_RUN:
			*dry_run = true;
			break;
		case OPT_LOCK_TIMEOUT:
			if (parse_seconds(optarg, &cfg->lock_timeout) < 0) {
				ba_err("--lock-timeout: expected seconds (0 or more), got '%s'", optarg);
				return BA_EXIT_USAGE;
			}
			break;
		case 'h':
			printf("Usage: busalias %s %s\n%s\n" OPTIONS_HELP COMMON_OPTIONS_HELP, c->name, c->synopsis, c->help);
			return BA_EXIT_OK;
		default:
			if (common_option(opt, optarg, cfg) == 0)
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
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return &commands[0];
}

/* The persisted files of the directory, in name order (temporary and hidden files left out). */
static size_t list_dir(const char *dir, char ***out, int *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **v = NULL;
	size_t n = 0;

	*err = 0;
	if (!d) {
		*err = -errno;
		*out = NULL;
		return 0;
	}
	while ((de = readdir(d)))
		if (de->d_name[0] != '.') {
			v = xrealloc(v, (n + 1) * sizeof(*v));
			v[n++] = xstrdup(de->d_name);
		}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_strp);
	*out = v;
	return n;
}

/* A file name as it may appear in a one-line message: control characters shown as '?'. */
static char *printable(const char *dir, const char *name)
{
	char *s = xasprintf("%s/%s", dir, name);

	for (char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return s;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Apply p to dev, as bind does, under dev's lock.  A ba_exit status. */
static int apply(const struct ba_config *cfg, const struct sysfs *sys, const struct ba_device *dev,
		 const struct persisted *p, bool dry_run, const char *cmd)
{
	struct bind_opts o = {
		.driver = p->module[0] ? p->module : p->driver,
		.dry_run = dry_run,
		/* Checked when the override was made; at boot the answer is the same or the admin's to give. */
		.no_iommu_check = true,
	};
	int lock = -1, r;

	if (!dry_run && (lock = admin_lock(cfg, dev, cmd)) < 0)
		return BA_EXIT_FAILURE;
	ba_info("%s: applying the persisted override (driver %s)", p->device, p->driver);
	r = bind_device(cfg, sys, dev, &o);
	if (lock >= 0)
		close(lock);
	return r;
}

static int worse(int a, int b)
{
	/* 5 and 6 before 4, before 3, 2 and 1; 0 last. */
	static const int rank[] = { [0] = 0, [1] = 1, [2] = 2, [3] = 3, [4] = 4, [5] = 6, [6] = 5 };
	return rank[b] > rank[a] ? b : a;
}

int cmd_list_overrides(int argc, char **argv, struct ba_config *cfg)
{
	const struct command *c = command("list-overrides");
	struct sysfs sys;
	char **names;
	bool dry_run;
	int r = parse(c, argc, argv, cfg, &dry_run), err, ret = BA_EXIT_OK;
	size_t n;

	if (r >= 0)
		return r;
	sysfs_init_config(&sys, cfg, true);
	n = list_dir(cfg->overrides_dir, &names, &err);
	if (err == -ENOENT)
		return BA_EXIT_OK;  /* nothing persisted yet */
	if (err < 0) {
		ba_err("%s: %s", cfg->overrides_dir, strerror(-err));
		return BA_EXIT_FAILURE;
	}
	for (size_t i = 0; i < n; i++) {
		_cleanup_free_ char *path = xasprintf("%s/%s", cfg->overrides_dir, names[i]);
		struct persisted p;
		char *colon = strchr(names[i], ':'), drv[256] = "";
		const char *state;

		if (!colon || !valid_name(names[i], 255)) {
			_cleanup_free_ char *shown = printable(cfg->overrides_dir, names[i]);
			ba_err("%s: not named BUS:DEVICE, ignored", shown);
			ret = BA_EXIT_PARTIAL;
			continue;
		}
		if (persist_load(path, &p) < 0) {
			ret = BA_EXIT_PARTIAL;
			continue;
		}
		*colon = '\0';
		_cleanup_free_ char *dev = xasprintf("bus/%s/devices/%s", names[i], colon + 1);
		_cleanup_free_ char *link = xasprintf("%s/driver", dev);
		*colon = ':';
		if (!sysfs_exists(&sys, dev))
			state = "absent";
		else if (sysfs_link_name(&sys, link, drv, sizeof(drv)) < 0)
			state = !strcmp(p.driver, BA_NO_DRIVER) ? "applied" : "pending";
		else
			state = !strcmp(drv, p.driver) ? "applied" : "pending";
		printf("%s driver=%s module=%s %s\n", p.device, p.driver, p.module[0] ? p.module : "-", state);
	}
	free_list(names, n);
	return ret;
}

/*
 * The first thing udev-apply does, before loading plugins or modules (slow, and slower in a VM): an
 * unbound device with a persisted override gets its driver_override at once.  udev handles events
 * in parallel, so another device's event may load this device's host driver any moment now; with
 * the override written, that driver cannot take it.  Sets *rel (the device's path) when it wrote.
 */
static bool claim_early(const struct ba_config *cfg, const struct sysfs *sys, const char *arg, char *rel,
			size_t len)
{
	char bus[256], ovr[256], drv[256];
	const char *r = arg, *name;
	size_t n = strlen(sys->root);
	struct persisted p;
	struct strbuf quiet = { 0 };
	_cleanup_free_ char *sub = NULL, *path = NULL, *link = NULL, *op = NULL;
	int found;

	if (!strncmp(arg, sys->root, n) && arg[n] == '/')
		r = arg + n + 1;
	else if (!strncmp(arg, "/sys/", 5))
		r = arg + 5;
	else
		return false;
	if (sysfs_resolve(sys, r, rel, len) < 0)
		return false;
	sub = xasprintf("%s/subsystem", rel);
	name = strrchr(rel, '/');
	name = name ? name + 1 : rel;
	if (sysfs_link_name(sys, sub, bus, sizeof(bus)) < 0 || !valid_name(bus, 64) || !valid_name(name, 255))
		return false;
	/* Messages about a bad file come once, from the full run below. */
	ba_log_capture(&quiet);
	path = persist_path(cfg, bus, name);
	found = path ? persist_load(path, &p) : -EINVAL;
	ba_log_capture(NULL);
	strbuf_release(&quiet);
	link = xasprintf("%s/driver", rel);
	op = xasprintf("%s/driver_override", rel);
	if (found < 0 || sysfs_link_name(sys, link, drv, sizeof(drv)) == 0 || sysfs_read(sys, op, ovr, sizeof(ovr)) < 0 ||
	    (ovr[0] && strcmp(ovr, "(null)") != 0))
		return false;
	if (sysfs_write(sys, op, p.driver) < 0)
		return false;
	ba_info("%s:%s: driver_override %s written first, before any host driver can take the device", bus, name,
		p.driver);
	return true;
}

int cmd_udev_apply(int argc, char **argv, struct ba_config *cfg)
{
	const struct command *c = command("udev-apply");
	struct plugin_set set = { 0 };
	struct sysfs sys;
	struct ba_device dev;
	struct persisted p;
	bool dry_run;
	_cleanup_free_ char *arg = NULL, *path = NULL;
	int r = parse(c, argc, argv, cfg, &dry_run);

	if (r >= 0)
		return r;
	sysfs_init_config(&sys, cfg, dry_run);
	/* udev's $devpath is relative to /sys ("/devices/pci0000:00/..."). */
	arg = !strncmp(argv[optind], "/devices/", 9) ? xasprintf("/sys%s", argv[optind]) : xstrdup(argv[optind]);
	char claimed[1024];
	bool early = !dry_run && claim_early(cfg, &sys, arg, claimed, sizeof(claimed));
	if (load_plugins(&set, cfg) < 0)
		return BA_EXIT_USAGE;
	r = device_resolve(&set, &sys, arg, &dev);
	if (r < 0) {
		plugin_set_free(&set);
		return exit_status_from_errno(r);
	}
	path = persist_path(cfg, dev.bus, dev.name);
	r = path ? persist_load(path, &p) : -EINVAL;
	if (r == -ENOENT) {
		/* No override for this device: the common case, said only with the rule's help. */
		plugin_set_free(&set);
		return BA_EXIT_OK;
	}
	if (r < 0) {
		plugin_set_free(&set);
		return BA_EXIT_USAGE;
	}
	r = apply(cfg, &sys, &dev, &p, dry_run, c->name);
	if (early && r != BA_EXIT_OK) {
		/* The rollback restored the early override: take it back too, so a host driver may have the device. */
		_cleanup_free_ char *op = xasprintf("%s/driver_override", claimed);
		_cleanup_free_ char *probe = xasprintf("bus/%s/drivers_probe", dev.bus);
		ba_info("%s:%s: clearing the override written first, as the override could not be applied", dev.bus,
			dev.name);
		if (sysfs_write(&sys, op, "\n") == 0)
			sysfs_write(&sys, probe, dev.name);
	}
	plugin_set_free(&set);
	return r;
}

int cmd_apply_overrides(int argc, char **argv, struct ba_config *cfg)
{
	const struct command *c = command("apply-overrides");
	struct plugin_set set = { 0 };
	struct sysfs sys;
	char **names;
	bool dry_run;
	int r = parse(c, argc, argv, cfg, &dry_run), err, ret = BA_EXIT_OK;
	size_t n;

	if (r >= 0)
		return r;
	sysfs_init_config(&sys, cfg, dry_run);
	n = list_dir(cfg->overrides_dir, &names, &err);
	if (err == -ENOENT)
		return BA_EXIT_OK;
	if (err < 0) {
		ba_err("%s: %s", cfg->overrides_dir, strerror(-err));
		return BA_EXIT_FAILURE;
	}
	if (load_plugins(&set, cfg) < 0) {
		free_list(names, n);
		return BA_EXIT_USAGE;
	}
	for (size_t i = 0; i < n; i++) {
		_cleanup_free_ char *path = xasprintf("%s/%s", cfg->overrides_dir, names[i]);
		_cleanup_free_ char *bus = NULL;
		struct persisted p;
		struct ba_device dev;
		char *colon = strchr(names[i], ':');

		if (!colon || !valid_name(names[i], 255)) {
			_cleanup_free_ char *shown = printable(cfg->overrides_dir, names[i]);
			ba_err("%s: not named BUS:DEVICE, ignored", shown);
			ret = worse(ret, BA_EXIT_PARTIAL);
			continue;
		}
		if (persist_load(path, &p) < 0) {
			ret = worse(ret, BA_EXIT_PARTIAL);
			continue;
		}
		bus = xasprintf("bus/%.*s/devices/%s", (int)(colon - names[i]), names[i], colon + 1);
		if (!sysfs_exists(&sys, bus)) {
			ba_info("%s: no such device now; its override waits for it (udev)", names[i]);
			continue;
		}
		r = device_resolve(&set, &sys, names[i], &dev);
		if (r < 0) {
			ret = worse(ret, exit_status_from_errno(r));
			continue;
		}
		ret = worse(ret, apply(cfg, &sys, &dev, &p, dry_run, c->name));
	}
	free_list(names, n);
	plugin_set_free(&set);
	return ret;
}

int cmd_import_driverctl(int argc, char **argv, struct ba_config *cfg)
{
	const struct command *c = command("import-driverctl");
	const char *dir;
	char **names;
	bool dry_run;
	int r = parse(c, argc, argv, cfg, &dry_run), err, ret = BA_EXIT_OK;
	size_t n, imported = 0;

	if (r >= 0)
		return r;
	dir = optind < argc ? argv[optind] : "/etc/driverctl.d";
	n = list_dir(dir, &names, &err);
	if (err < 0) {
		ba_err("%s: %s", dir, strerror(-err));
		return BA_EXIT_FAILURE;
	}
	for (size_t i = 0; i < n; i++) {
		_cleanup_free_ char *path = xasprintf("%s/%s", dir, names[i]);
		_cleanup_free_ char *text = NULL, *ours = NULL;
		char *dash = strchr(names[i], '-');
		struct persisted p = { 0 }, have;
		struct stat st;

		/* driverctl's names: BUS-DEVICE ("pci-0000:01:00.0"), the driver's name inside. */
		if (!dash || dash == names[i] || !valid_name(names[i], 255)) {
			_cleanup_free_ char *shown = printable(dir, names[i]);
			ba_err("%s: not a driverctl override (BUS-DEVICE), ignored", shown);
			ret = BA_EXIT_PARTIAL;
			continue;
		}
		*dash = '\0';
		snprintf(p.device, sizeof(p.device), "%s:%s", names[i], dash + 1);
		if (strchr(names[i], ':') || !valid_name(dash + 1, 255)) {
			ba_err("%s: not a driverctl override (BUS-DEVICE), ignored", path);
			ret = BA_EXIT_PARTIAL;
			continue;
		}
		if (stat(path, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > 4096 || read_text_file(path, &text) < 0) {
			ba_err("%s: not a readable file of at most 4096 bytes, ignored", path);
			ret = BA_EXIT_PARTIAL;
			continue;
		}
		if (strchr(text, '\n') || !valid_name(text, 255) || strchr(text, ':') || text[0] == '-') {
			ba_err("%s:1: expected one driver name, ignored", path);
			ret = BA_EXIT_PARTIAL;
			continue;
		}
		snprintf(p.driver, sizeof(p.driver), "%s", text);
		if (strcmp(text, BA_NO_DRIVER) != 0) {
			/* modprobe treats - and _ alike; the module is the driver's name (vfio-pci: vfio_pci). */
			snprintf(p.module, sizeof(p.module), "%s", text);
			for (char *q = p.module; *q; q++)
				if (*q == '-')
					*q = '_';
		}
		ours = persist_path(cfg, names[i], dash + 1);
		if (!ours) {
			ret = BA_EXIT_PARTIAL;
			continue;
		}
		if (persist_load(ours, &have) == 0) {
			if (strcmp(have.driver, p.driver) != 0)
				ba_warn("%s: already persisted with driver %s; driverctl's %s not imported", p.device,
					have.driver, p.driver);
			continue;
		}
		if (persist_save(cfg, &p, dry_run) < 0) {
			ret = BA_EXIT_FAILURE;
			continue;
		}
		imported++;
	}
	free_list(names, n);
	ba_info("%zu override%s imported from %s", imported, imported == 1 ? "" : "s", dir);
	return ret;
}
