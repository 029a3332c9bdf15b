// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias match, bind, restore, status. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin.h"
#include "busalias.h"
#include "cmdline.h"

enum {
	OPT_PREFIX = 0x100,
	OPT_ALL,
	OPT_DEVICE,
	OPT_ALIAS_FILE,
	OPT_SYSFS_ROOT,
	OPT_LOCK_DIR,
	OPT_MODPROBE,
	OPT_DRIVER,
	OPT_DRY_RUN,
	OPT_FORCE,
	OPT_NO_LOAD,
	OPT_JSON,
	OPT_LOCK_TIMEOUT,
	/* issue 10 (admin.h) */
	OPT_GROUP,
	OPT_PERSIST,
	OPT_OVERRIDES_DIR,
	OPT_NO_IOMMU_CHECK,
	OPT_LONG,
	OPT_BUS,
	OPT_CLASS,
	OPT_OVERRIDDEN,
	OPT_PCI_IDS,
};

struct bind_args {
	bool all, json;
	const char *device;
	struct bind_opts o;
	struct admin_args x;
};

/* The options of the four commands; each accepts the ones its help lists. */
static const struct option long_options[] = {
	{ "prefix", required_argument, NULL, OPT_PREFIX },
	{ "all", no_argument, NULL, OPT_ALL },
	{ "device", required_argument, NULL, OPT_DEVICE },
	{ "alias-file", required_argument, NULL, OPT_ALIAS_FILE },
	MODULE_TREE_OPTIONS,
	{ "sysfs-root", required_argument, NULL, OPT_SYSFS_ROOT },
	{ "lock-dir", required_argument, NULL, OPT_LOCK_DIR },
	{ "modprobe", required_argument, NULL, OPT_MODPROBE },
	{ "driver", required_argument, NULL, OPT_DRIVER },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "no-load", no_argument, NULL, OPT_NO_LOAD },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "lock-timeout", required_argument, NULL, OPT_LOCK_TIMEOUT },
	{ "group", no_argument, NULL, OPT_GROUP },
	{ "persist", no_argument, NULL, OPT_PERSIST },
	{ "overrides-dir", required_argument, NULL, OPT_OVERRIDES_DIR },
	{ "no-iommu-check", no_argument, NULL, OPT_NO_IOMMU_CHECK },
	{ "long", no_argument, NULL, OPT_LONG },
	{ "bus", required_argument, NULL, OPT_BUS },
	{ "class", required_argument, NULL, OPT_CLASS },
	{ "overridden", no_argument, NULL, OPT_OVERRIDDEN },
	{ "pci-ids", required_argument, NULL, OPT_PCI_IDS },
	COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 },
};

#define MODULES_HELP                                                                         \
	"      --alias-file FILE  modules.alias to search\n"                                   \
	"  -b, --basedir DIR      module tree root, as depmod -b (default /)\n"                \
	"  -k, --kernel VERSION   kernel version (default: uname -r)\n"                        \
	"  -m, --moduledir DIR    module directory under the root, as depmod -m (default:\n"     \
	"                         lib/modules if BASEDIR has it, else usr/lib/modules)\n"      \
	"      --module-root DIR  the module tree itself (instead of BASEDIR/MODULEDIR/VERSION)\n" \
	"      --prefix PREFIX    put PREFIX before the modalias (default vfio_)\n"
#define SYSFS_HELP "      --sysfs-root DIR   sysfs mount point (default /sys)\n"
#define LOCK_TIMEOUT_HELP "      --lock-timeout S   wait at most S seconds for the device lock (default 30; 0: no wait)\n"

static const struct {
	const char *name, *synopsis, *help, *allowed;
} commands[] = {
	{ "match", "[OPTIONS] MODALIAS | --device DEV",
	  "Print the module whose modules.alias pattern matches PREFIX+MODALIAS most specifically.\n\n"
	  "      --device DEV       take the modalias of a device\n"
	  "      --all              list every matching pattern with its score, best first\n" MODULES_HELP SYSFS_HELP,
	  "all device alias-file basedir kernel module-root prefix sysfs-root" },
	{ "bind", "[OPTIONS] DEV...",
	  "Bind each DEV (a device or a network interface) to the best PREFIX match (or --driver),\n"
	  "all or nothing: on any failure every device goes back to where it was.\n\n"
	  "      --driver NAME      module (or driver) to bind instead of the best match;\n"
	  "                         none: leave the device without a driver (undone by restore)\n"
	  "      --group            every endpoint of each DEV's IOMMU group (bridges left alone)\n"
	  "      --persist          also store the override, applied again at boot (udev, systemd)\n"
	  "      --overrides-dir DIR  persisted overrides (default " BUSALIAS_OVERRIDES_DIR ")\n"
	  "      --no-iommu-check   bind a VFIO driver even when the kernel has no IOMMU\n"
	  "      --dry-run          print every write and command, change nothing\n"
	  "      --force            take a device that is in use (network interface up)\n"
	  "      --no-load          do not run modprobe\n"
	  "      --modprobe PATH    modprobe to run (default /sbin/modprobe)\n"
	  "      --lock-dir DIR     per-device locks (default /run/busalias)\n" LOCK_TIMEOUT_HELP MODULES_HELP SYSFS_HELP,
	  "driver dry-run force no-load modprobe lock-dir lock-timeout alias-file basedir kernel module-root prefix sysfs-root "
	  "group persist overrides-dir no-iommu-check" },
	{ "restore", "[OPTIONS] DEV...",
	  "Clear each DEV's driver_override and give it back to the driver the kernel would choose.\n\n"
	  "      --dry-run          print every write, change nothing\n"
	  "      --group            every endpoint of each DEV's IOMMU group\n"
	  "      --persist          also drop the persisted override\n"
	  "      --overrides-dir DIR  persisted overrides (default " BUSALIAS_OVERRIDES_DIR ")\n"
	  "      --lock-dir DIR     per-device locks (default /run/busalias)\n" LOCK_TIMEOUT_HELP SYSFS_HELP,
	  "dry-run lock-dir lock-timeout sysfs-root group persist overrides-dir" },
	{ "status", "[OPTIONS] [DEV...]",
	  "Show bus, driver, driver_override, IOMMU group and best VFIO candidate of devices\n"
	  "(default: every device of every plugin's bus), one line per device.\n\n"
	  "      --long             several lines per device, with the group's members\n"
	  "      --json             machine-readable output\n"
	  "      --bus BUS          only devices of BUS\n"
	  "      --class HEX        only PCI devices whose class starts with HEX (02: network, 0300: VGA)\n"
	  "      --overridden       only devices with a driver_override\n"
	  "      --pci-ids FILE     vendor and device names from FILE (none: no names)\n" MODULES_HELP SYSFS_HELP,
	  "json alias-file basedir kernel module-root prefix sysfs-root long bus class overridden pci-ids" },
};

static bool allowed(const char *list, const char *opt)
{
	size_t n = strlen(opt);

	for (const char *p = list; (p = strstr(p, opt)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

/* Parse argv for command ci; returns -1 to go on, or an exit status. */
static int parse(int ci, int argc, char **argv, struct ba_config *cfg, struct bind_args *a)
{
	int c, idx;

	memset(a, 0, sizeof(*a));
	optind = 1;
	while ((c = getopt_long(argc, argv, "b:k:m:qh", long_options, &idx)) != -1) {
		const char *lname = NULL;
		for (const struct option *o = long_options; o->name; o++)
			if (o->val == c)
				lname = o->name;
		if (c >= 0x100 && c < 0x200 && !allowed(commands[ci].allowed, lname)) {
			ba_err("%s: unknown option --%s", commands[ci].name, lname);
			return BA_EXIT_USAGE;
		}
		if ((c == 'b' || c == 'k' || c == 'm') && !allowed(commands[ci].allowed, "basedir")) {
			ba_err("%s: unknown option -%c", commands[ci].name, c);
			return BA_EXIT_USAGE;
		}
		switch (c) {
		case OPT_PREFIX:
			config_set(&cfg->prefix, optarg);
			break;
		case OPT_ALL:
			a->all = true;
			break;
		case OPT_DEVICE:
			a->device = optarg;
			break;
		case OPT_ALIAS_FILE:
			config_set(&cfg->alias_file, optarg);
			break;
		case OPT_SYSFS_ROOT:
			config_set(&cfg->sysfs_root, optarg);
			break;
		case OPT_LOCK_DIR:
			config_set(&cfg->lock_dir, optarg);
			break;
		case OPT_LOCK_TIMEOUT:
			if (parse_seconds(optarg, &cfg->lock_timeout) < 0) {
				ba_err("--lock-timeout: expected seconds (0 or more), got '%s'", optarg);
				return BA_EXIT_USAGE;
			}
			break;
		case OPT_MODPROBE:
			config_set(&cfg->modprobe, optarg);
			break;
		case OPT_DRIVER:
			a->o.driver = optarg;
			break;
		case OPT_DRY_RUN:
			a->o.dry_run = true;
			break;
		case OPT_FORCE:
			a->o.force = true;
			break;
		case OPT_NO_LOAD:
			a->o.no_load = true;
			break;
		case OPT_JSON:
			a->json = true;
			break;
		case OPT_GROUP:
			a->x.group = true;
			break;
		case OPT_PERSIST:
			a->x.persist = true;
			break;
		case OPT_OVERRIDES_DIR:
			if (optarg[0] != '/') {
				ba_err("--overrides-dir must be an absolute path");
				return BA_EXIT_USAGE;
			}
			config_set(&cfg->overrides_dir, optarg);
			break;
		case OPT_NO_IOMMU_CHECK:
			a->o.no_iommu_check = true;
			break;
		case OPT_LONG:
			a->x.long_view = true;
			break;
		case OPT_BUS:
			a->x.bus = optarg;
			break;
		case OPT_CLASS:
			a->x.class = optarg;
			break;
		case OPT_OVERRIDDEN:
			a->x.overridden = true;
			break;
		case OPT_PCI_IDS:
			config_set(&cfg->pci_ids, optarg);
			break;
		case 'h':
			printf("Usage: busalias %s %s\n%s" COMMON_OPTIONS_HELP, commands[ci].name, commands[ci].synopsis,
			       commands[ci].help);
			return BA_EXIT_OK;
		default: {
			int t = module_tree_option(c, optarg, cfg);
			if (t < 0)
				return BA_EXIT_USAGE;
			if (t > 0 || common_option(c, optarg, cfg) == 0)
				break;
			fprintf(stderr, "Usage: busalias %s %s\n", commands[ci].name, commands[ci].synopsis);
			return BA_EXIT_USAGE;
		}
		}
	}
	if (cfg->prefix && strpbrk(cfg->prefix, "/\n*?[") ) {
		ba_err("--prefix: invalid prefix '%s'", cfg->prefix);
		return BA_EXIT_USAGE;
	}
	if (cfg->sysfs_root[0] != '/') {
		ba_err("--sysfs-root must be an absolute path");
		return BA_EXIT_USAGE;
	}
	return -1;
}

static int command_index(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return (int)i;
	return 0;
}

static int errno_exit(int r)
{
	return r == -EINVAL || r == -ENODEV || r == -EXDEV || r == -EOPNOTSUPP ? BA_EXIT_USAGE : BA_EXIT_FAILURE;
}

int cmd_match(int argc, char **argv, struct ba_config *cfg)
{
	struct bind_args a;
	struct plugin_set set = { .lazy = true };  /* only the plugins that bind a bus */
	struct ba_device dev;
	struct sysfs sys;
	struct alias_matches m;
	_cleanup_free_ char *file = NULL, *alias = NULL;
	const char *modalias;
	int r = parse(command_index("match"), argc, argv, cfg, &a);

	if (r >= 0)
		return r;
	if ((a.device != NULL) == (optind < argc) || optind + 1 < argc) {
		ba_err("match: give one MODALIAS or --device DEV");
		return BA_EXIT_USAGE;
	}
	if (a.device) {
		sysfs_init_config(&sys, cfg, false);
		if (load_plugins(&set, cfg) < 0)
			return BA_EXIT_USAGE;
		plugin_set_load_buses(&set);
		r = device_resolve(&set, &sys, a.device, &dev);
		if (r < 0) {
			plugin_set_free(&set);
			return errno_exit(r);
		}
		if (!dev.modalias[0]) {
			ba_err("%s:%s has no modalias", dev.bus, dev.name);
			plugin_set_free(&set);
			return BA_EXIT_NOMATCH;
		}
		alias = xasprintf("%s%s", device_match_prefix(&dev, cfg), dev.modalias);
		plugin_set_free(&set);
	} else {
		modalias = argv[optind];
		if (strlen(modalias) > 1000 || strchr(modalias, '\n')) {
			ba_err("match: modalias too long or with a newline");
			return BA_EXIT_USAGE;
		}
		alias = xasprintf("%s%s", device_match_prefix(NULL, cfg), modalias);
	}
	file = config_alias_file(cfg);
	if (!file || alias_lookup(file, alias, a.all, &m) < 0)
		return BA_EXIT_FAILURE;
	if (m.n == 0)
		return BA_EXIT_NOMATCH;
	if (a.all) {
		printf("# %s\n# module\tstars\tliterals\tline\tpattern\n", alias);
		for (size_t i = 0; i < m.n; i++)
			printf("%s\t%u\t%u\t%zu\t%s\n", m.v[i].module, m.v[i].stars, m.v[i].literals, m.v[i].line,
			       m.v[i].pattern);
	} else {
		printf("%s\n", m.v[0].module);
	}
	alias_matches_release(&m);
	return BA_EXIT_OK;
}

static int bind_or_restore(bool bind, int argc, char **argv, struct ba_config *cfg)
{
	struct bind_args a;
	struct plugin_set set = { .lazy = true };  /* only the plugins that bind a bus */
	struct ba_device dev;
	struct sysfs sys;
	int lock = -1, r = parse(command_index(bind ? "bind" : "restore"), argc, argv, cfg, &a);

	if (r >= 0)
		return r;
	/* Several devices, groups, persistence: all or nothing over the set (multibind.c). */
	if (optind + 1 != argc || a.x.group || a.x.persist)
		return bind_many(bind, &a.x, &a.o, argv + optind, argc - optind, cfg);
	sysfs_init_config(&sys, cfg, a.o.dry_run);
	if (load_plugins(&set, cfg) < 0)
		return BA_EXIT_USAGE;
	plugin_set_load_buses(&set);
	r = device_resolve(&set, &sys, argv[optind], &dev);
	if (r < 0) {
		plugin_set_free(&set);
		return errno_exit(r);
	}
	if (dev.via_plugin)
		ba_info("%s:%s is bound through its physical node %s:%s", dev.via_plugin->name, dev.via_name, dev.bus,
			dev.name);
	/* A dry run changes nothing, so it need not wait for anyone. */
	if (!a.o.dry_run) {
		lock = device_lock(cfg->lock_dir, dev.bus, dev.name, cfg->lock_timeout);
		if (lock == -ETIMEDOUT) {
			_cleanup_free_ char *path = device_lock_path(cfg->lock_dir, dev.bus, dev.name);
			ba_err("%s:%s: another process still holds %s after %g s (--lock-timeout); nothing was changed",
			       dev.bus, dev.name, path, cfg->lock_timeout);
			plugin_set_free(&set);
			return BA_EXIT_FAILURE;
		}
		if (lock < 0 && (lock == -EACCES || lock == -EPERM || lock == -EROFS) && geteuid() != 0) {
			ba_err("%s needs root: moving a device between drivers writes to sysfs (%s: %s)",
			       bind ? "bind" : "restore", cfg->lock_dir, strerror(-lock));
			plugin_set_free(&set);
			return BA_EXIT_FAILURE;
		}
		if (lock < 0) {
			ba_err("%s: cannot take the lock for %s:%s: %s", cfg->lock_dir, dev.bus, dev.name,
			       strerror(-lock));
			plugin_set_free(&set);
			return BA_EXIT_FAILURE;
		}
	}
	r = bind ? bind_device(cfg, &sys, &dev, &a.o) : restore_device(cfg, &sys, &dev, a.o.dry_run);
	if (!bind && r == BA_EXIT_OK)
		persist_warn_kept(cfg, &dev);
	if (lock >= 0)
		close(lock);
	plugin_set_free(&set);
	return r;
}

int cmd_bind(int argc, char **argv, struct ba_config *cfg)
{
	return bind_or_restore(true, argc, argv, cfg);
}

int cmd_restore(int argc, char **argv, struct ba_config *cfg)
{
	return bind_or_restore(false, argc, argv, cfg);
}

struct members {
	const struct sysfs *sys;
	const char *group;
	struct strbuf *sb;
	bool json, first;
};

static int add_member(void *ud, const char *name)
{
	struct members *m = ud;
	char drv[256] = "";
	_cleanup_free_ char *p = xasprintf("kernel/iommu_groups/%s/devices/%s/driver", m->group, name);

	sysfs_link_name(m->sys, p, drv, sizeof(drv));
	if (m->json) {
		strbuf_adds(m->sb, m->first ? "{\"device\": " : ", {\"device\": ");
		strbuf_add_json_string(m->sb, name);
		strbuf_adds(m->sb, ", \"driver\": ");
		if (drv[0])
			strbuf_add_json_string(m->sb, drv);
		else
			strbuf_adds(m->sb, "null");
		strbuf_adds(m->sb, "}");
	} else {
		strbuf_addf(m->sb, "%s%s (%s)", m->first ? "" : ", ", name, drv[0] ? drv : "no driver");
	}
	m->first = false;
	return 0;
}

static void json_field(struct strbuf *sb, const char *key, const char *val, bool last)
{
	strbuf_addf(sb, "\"%s\": ", key);
	if (val && val[0])
		strbuf_add_json_string(sb, val);
	else
		strbuf_adds(sb, "null");
	strbuf_adds(sb, last ? "" : ", ");
}

/*
 * status reads modules.alias only for the candidates: one that cannot be used is one warning for the
 * run (the candidates are then unknown) and exit status 3, not a failure of the status.
 */
static bool alias_file_usable(const char *file)
{
	struct stat st;
	int fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK), err = 0;
	const char *why = NULL;

	if (fd < 0 || fstat(fd, &st) < 0)
		err = errno;
	else if (S_ISDIR(st.st_mode))
		err = EISDIR;
	else if (!S_ISREG(st.st_mode))
		why = "not a regular file";
	if (fd >= 0)
		close(fd);
	if (!err && !why)
		return true;
	ba_warn("%s: cannot read modules.alias: %s; VFIO candidates unknown", file, why ? why : strerror(err));
	return false;
}

/* alias_file: NULL if it cannot be used (set to NULL here if a lookup fails after all). */
static void status_one(const struct ba_config *cfg, const struct sysfs *sys, const struct ba_device *dev, bool json,
		       bool first, const char **alias_file, struct strbuf *sb)
{
	char driver[256] = "", override[256] = "", group[64] = "", candidate[256] = "";
	_cleanup_free_ char *dp = xasprintf("%s/driver", dev->devpath);
	_cleanup_free_ char *op = xasprintf("%s/driver_override", dev->devpath);
	struct strbuf members = { 0 };

	sysfs_link_name(sys, dp, driver, sizeof(driver));
	if (sysfs_read(sys, op, override, sizeof(override)) < 0 || !strcmp(override, "(null)"))
		override[0] = '\0';
	if (iommu_group_of(sys, dev, group, sizeof(group)) == 0) {
		_cleanup_free_ char *gd = xasprintf("kernel/iommu_groups/%s/devices", group);
		struct members m = { .sys = sys, .group = group, .sb = &members, .json = json, .first = true };
		sysfs_list(sys, gd, add_member, &m);
	}
	strbuf_add(&members, "", 0);
	/* A device handed to VFIO is only usable if its whole group is. */
	if (!strncmp(driver, "vfio", 4))
		warn_group(sys, dev);
	if (dev->modalias[0] && *alias_file) {
		struct alias_matches m;
		_cleanup_free_ char *alias = xasprintf("%s%s", device_match_prefix(dev, cfg), dev->modalias);
		/* A failure here (reported by alias_lookup) would be the same for every other device. */
		if (alias_lookup(*alias_file, alias, false, &m) < 0)
			*alias_file = NULL;
		else if (m.n)
			snprintf(candidate, sizeof(candidate), "%s", m.v[0].module);
		alias_matches_release(&m);
	}
	if (json) {
		strbuf_adds(sb, first ? "  {" : ",\n  {");
		json_field(sb, "bus", dev->bus, false);
		json_field(sb, "device", dev->name, false);
		_cleanup_free_ char *abs = xasprintf("%s/%s", strcmp(sys->root, "/") ? sys->root : "", dev->devpath);
		json_field(sb, "path", abs, false);
		if (dev->via_plugin) {
			_cleanup_free_ char *via = xasprintf("%s:%s", dev->via_plugin->name, dev->via_name);
			json_field(sb, "via", via, false);
		}
		json_field(sb, "modalias", dev->modalias, false);
		json_field(sb, "driver", driver, false);
		json_field(sb, "driver_override", override, false);
		json_field(sb, "iommu_group", group, false);
		strbuf_addf(sb, "\"iommu_group_members\": [%s], ", members.buf);
		json_field(sb, "vfio_candidate", candidate, true);
		strbuf_adds(sb, "}");
	} else {
		strbuf_addf(sb, "%s:%s\n", dev->bus, dev->name);
		if (dev->via_plugin)
			strbuf_addf(sb, "  via:             %s:%s\n", dev->via_plugin->name, dev->via_name);
		strbuf_addf(sb, "  path:            %s/%s\n", sys->root, dev->devpath);
		strbuf_addf(sb, "  modalias:        %s\n", dev->modalias[0] ? dev->modalias : "(none)");
		strbuf_addf(sb, "  driver:          %s\n", driver[0] ? driver : "(none)");
		strbuf_addf(sb, "  driver_override: %s\n", override[0] ? override : "(none)");
		if (group[0])
			strbuf_addf(sb, "  iommu_group:     %s: %s\n", group, members.buf);
		else
			strbuf_adds(sb, "  iommu_group:     (none)\n");
		strbuf_addf(sb, "  vfio_candidate:  %s\n", candidate[0] ? candidate : "(none)");
	}
	strbuf_release(&members);
}

int cmd_status(int argc, char **argv, struct ba_config *cfg)
{
	struct bind_args a;
	struct plugin_set set = { .lazy = true };  /* only the plugins that bind a bus */
	struct sysfs sys;
	struct ba_device *devs = NULL;
	struct strbuf sb = { 0 };
	size_t n = 0;
	_cleanup_free_ char *alias_path = NULL, *alias_alt = NULL;
	const char *alias_file = NULL;
	int r = parse(command_index("status"), argc, argv, cfg, &a), ret = BA_EXIT_OK;
	struct status_filter filter;
	struct pci_ids *pci_ids = NULL;

	if (r >= 0)
		return r;
	filter = (struct status_filter){ .bus = a.x.bus, .class = a.x.class, .overridden = a.x.overridden };
	if (status_filter_check(&filter) != 0)
		return BA_EXIT_USAGE;
	/* A bad --kernel is a usage error (reported), said once, before any output; a missing tree is said
	 * below, as a modules.alias that cannot be read, only if some device needs it. */
	if (config_alias_path(cfg, &alias_path, &alias_alt) == -EINVAL)
		return BA_EXIT_USAGE;
	sysfs_init_config(&sys, cfg, false);
	if (load_plugins(&set, cfg) < 0)
		return BA_EXIT_USAGE;
	plugin_set_load_buses(&set);
	if (optind < argc) {
		devs = xcalloc((size_t)(argc - optind), sizeof(*devs));
		for (int i = optind; i < argc; i++) {
			r = device_resolve(&set, &sys, argv[i], &devs[n]);
			if (r < 0)
				ret = errno_exit(r);
			else
				n++;
		}
	} else {
		/* Every sysfs has bus/: without it the root is wrong (or sysfs not mounted), not a machine without devices. */
		_cleanup_free_ char *bus = xasprintf("%s/bus", strcmp(sys.root, "/") ? sys.root : "");
		struct stat st;
		int err = stat(bus, &st) < 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
		if (err) {
			ba_err("%s: cannot list devices: %s", bus, strerror(err));
			plugin_set_free(&set);
			return BA_EXIT_FAILURE;
		}
		device_list_all(&set, &sys, &devs, &n);
	}
	status_filter_apply(&sys, &filter, devs, &n);
	/* modules.alias is checked once, and only if some device has a modalias to look up. */
	bool need_aliases = false;
	for (size_t i = 0; i < n; i++)
		need_aliases |= devs[i].modalias[0] != '\0';
	if (need_aliases && alias_alt)
		ba_warn("%s: cannot read modules.alias: %s (nor %s); VFIO candidates unknown", alias_path,
			strerror(ENOENT), alias_alt);
	else if (need_aliases && alias_file_usable(alias_path))
		alias_file = alias_path;
	if (a.json)
		strbuf_adds(&sb, "[\n");
	if (!a.json && !a.x.long_view)
		pci_ids = pci_ids_open(cfg->pci_ids);
	for (size_t i = 0; i < n; i++)
		if (!a.json && !a.x.long_view)
			status_line(cfg, &sys, pci_ids, &devs[i], &alias_file, &sb);
		else
			status_one(cfg, &sys, &devs[i], a.json, i == 0, &alias_file, &sb);
	pci_ids_free(pci_ids);
	/* Done, but the candidates are unknown: the warning said why. */
	if (need_aliases && !alias_file && ret == BA_EXIT_OK)
		ret = BA_EXIT_PARTIAL;
	if (a.json)
		strbuf_adds(&sb, n ? "\n]\n" : "]\n");
	if ((sb.len && fwrite(sb.buf, 1, sb.len, stdout) != sb.len) || fflush(stdout) != 0) {
		ba_err("standard output: %s", strerror(errno));
		ret = BA_EXIT_FAILURE;
	}
	strbuf_release(&sb);
	free(devs);
	plugin_set_free(&set);
	return ret;
}
