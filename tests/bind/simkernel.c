// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The kernel side of a fake sysfs tree.  The tree is the whole state:
 *   DEV/driver -> bus/B/drivers/D, bus/B/drivers/D/DEV -> DEV   (bindings)
 *   DEV/driver_override                                           ("(null)" when unset)
 *   module/M/drivers/B:D                                          (loaded modules)
 *   .sim/drivers/B/D/match      fnmatch patterns against DEV/modalias
 *   .sim/drivers/B/D/probe_fail probe returns -ENXIO (for the devices it lists, one a line; empty: all)
 *   .sim/modules/M              "B:D" lines a module registers when loaded
 *   .sim/fail/OP                OP fails (-EIO); content "once": only the next time
 *     OP: driver_override unbind bind drivers_probe load wrong_driver(content: driver that binds instead)
 * Writes react as drivers/base does: driver_override is honoured by matching,
 * unbind needs the bound driver, bind needs a match and a free device,
 * drivers_probe tries each matching driver until one probes.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "simkernel.h"

#define P(...) (snprintf(path, sizeof(path), __VA_ARGS__), path)

static int put(const char *file, const char *text)
{
	FILE *f = fopen(file, "we");

	if (!f)
		return -errno;
	fputs(text, f);
	return fclose(f) ? -errno : 0;
}

static int get(const char *file, char *buf, size_t len)
{
	FILE *f = fopen(file, "re");
	size_t n;

	if (!f)
		return -errno;
	n = fread(buf, 1, len - 1, f);
	fclose(f);
	buf[n] = '\0';
	while (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return (int)n;
}

static bool exists(const char *p)
{
	return access(p, F_OK) == 0;
}

static int mkdirs(const char *dir)
{
	char tmp[PATH_MAX];

	snprintf(tmp, sizeof(tmp), "%s", dir);
	for (char *p = tmp + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
				return -errno;
			*p = '/';
		}
	return mkdir(tmp, 0755) < 0 && errno != EEXIST ? -errno : 0;
}

/* .sim/fail/OP: fail this operation (and forget it if it said "once"). */
static bool fault(const char *root, const char *op, char *arg, size_t len)
{
	char path[PATH_MAX], buf[256] = "";

	if (!exists(P("%s/.sim/fail/%s", root, op)))
		return false;
	get(path, buf, sizeof(buf));
	if (!strcmp(buf, "once"))
		unlink(path);
	if (arg)
		snprintf(arg, len, "%s", buf);
	return true;
}

static void chomp(char *s)
{
	size_t n = strlen(s);

	while (n && s[n - 1] == '\n')
		s[--n] = '\0';
}

/* The device directory behind bus/B/devices/NAME, absolute. */
static int device_dir(const char *root, const char *bus, const char *name, char *out)
{
	char path[PATH_MAX];

	if (!name[0] || strchr(name, '/'))
		return -ENODEV;
	if (!realpath(P("%s/bus/%s/devices/%s", root, bus, name), out))
		return -ENODEV;
	return 0;
}

static int current_driver(const char *dev, char *drv, size_t len)
{
	char path[PATH_MAX], target[PATH_MAX];
	ssize_t n = readlink(P("%s/driver", dev), target, sizeof(target) - 1);
	const char *base;

	if (n < 0) {
		drv[0] = '\0';
		return 0;
	}
	target[n] = '\0';
	base = strrchr(target, '/');
	snprintf(drv, len, "%s", base ? base + 1 : target);
	return 1;
}

static bool driver_matches(const char *root, const char *bus, const char *drv, const char *dev)
{
	char path[PATH_MAX], ovr[256] = "", alias[1024] = "", pat[1024];
	FILE *f;
	bool m = false;

	/* driver_override, when set, is the only thing that matches. */
	get(P("%s/driver_override", dev), ovr, sizeof(ovr));
	if (ovr[0] && strcmp(ovr, "(null)") != 0)
		return strcmp(ovr, drv) == 0;
	get(P("%s/modalias", dev), alias, sizeof(alias));
	f = fopen(P("%s/.sim/drivers/%s/%s/match", root, bus, drv), "re");
	if (!f)
		return false;
	while (!m && fgets(pat, sizeof(pat), f)) {
		chomp(pat);
		m = pat[0] && fnmatch(pat, alias, 0) == 0;
	}
	fclose(f);
	return m;
}

static int do_bind(const char *root, const char *bus, const char *drv, const char *dev, const char *name)
{
	char path[PATH_MAX], target[PATH_MAX];

	if (exists(P("%s/.sim/drivers/%s/%s/probe_fail", root, bus, drv))) {
		/* Empty: every probe fails; else only those of the devices it lists, one per line. */
		char list[1024], *line, *save = NULL;
		if (get(path, list, sizeof(list)) <= 0)
			return -ENXIO;
		for (line = strtok_r(list, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
			if (!strcmp(line, name))
				return -ENXIO;
	}
	snprintf(target, sizeof(target), "%s/bus/%s/drivers/%s", root, bus, drv);
	if (symlink(target, P("%s/driver", dev)) < 0)
		return -errno;
	if (symlink(dev, P("%s/bus/%s/drivers/%s/%s", root, bus, drv, name)) < 0)
		return -errno;
	return 0;
}

static int do_unbind(const char *root, const char *bus, const char *drv, const char *dev, const char *name)
{
	char path[PATH_MAX];

	unlink(P("%s/bus/%s/drivers/%s/%s", root, bus, drv, name));
	return unlink(P("%s/driver", dev)) < 0 ? -errno : 0;
}

struct probe_ctx {
	const char *root, *bus, *dev, *name;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* drivers_probe: every registered driver, in order, until one probes. */
static int probe_device(const char *root, const char *bus, const char *dev, const char *name)
{
	char path[PATH_MAX], wrong[256];
	DIR *d;
	struct dirent *de;
	char *names[256];
	size_t n = 0;
	int r = 0;
	bool bound = false;

	if (fault(root, "wrong_driver", wrong, sizeof(wrong)))
		return do_bind(root, bus, wrong, dev, name);
	d = opendir(P("%s/bus/%s/drivers", root, bus));
	if (!d)
		return -errno;
	while ((de = readdir(d)) && n < 256)
		if (de->d_name[0] != '.')
			names[n++] = strdup(de->d_name);
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		if (!bound && driver_matches(root, bus, names[i], dev))
			/* A failed probe is not an error of drivers_probe: the next driver gets its turn. */
			bound = do_bind(root, bus, names[i], dev, name) == 0;
		free(names[i]);
	}
	return r;
}

static int split(const char *path, char parts[][256], int max)
{
	int n = 0;
	const char *p = path;

	while (*p && n < max) {
		const char *s = strchr(p, '/');
		size_t len = s ? (size_t)(s - p) : strlen(p);
		snprintf(parts[n++], 256, "%.*s", (int)len, p);
		if (!s)
			break;
		p = s + 1;
	}
	return n;
}

int sim_write(void *data, const char *root, const char *path, const char *value)
{
	char parts[8][256], name[256], dev[PATH_MAX], drv[256], full[PATH_MAX];
	int n = split(path, parts, 8);
	size_t plen = strlen(path);

	snprintf(name, sizeof(name), "%s", value);
	chomp(name);
	snprintf(full, sizeof(full), "%s/%s", root, path);

	if (plen >= 16 && !strcmp(path + plen - 16, "/driver_override")) {
		if (fault(root, "driver_override", NULL, 0))
			return -EIO;
		if (!exists(full))
			return -ENOENT;
		return put(full, name[0] ? name : "(null)");
	}
	if (n == 3 && !strcmp(parts[0], "bus") && !strcmp(parts[2], "drivers_probe")) {
		if (fault(root, "drivers_probe", NULL, 0))
			return -EIO;
		if (device_dir(root, parts[1], name, dev) < 0)
			return -ENODEV;
		if (current_driver(dev, drv, sizeof(drv)))
			return 0;
		return probe_device(root, parts[1], dev, name);
	}
	if (n == 5 && !strcmp(parts[0], "bus") && !strcmp(parts[2], "drivers") &&
	    (!strcmp(parts[4], "unbind") || !strcmp(parts[4], "bind"))) {
		if (!exists(full))
			return -ENOENT;
		if (fault(root, parts[4], NULL, 0))
			return -EIO;
		if (device_dir(root, parts[1], name, dev) < 0)
			return -ENODEV;
		bool bound = current_driver(dev, drv, sizeof(drv));
		if (!strcmp(parts[4], "unbind"))
			return bound && !strcmp(drv, parts[3]) ? do_unbind(root, parts[1], drv, dev, name) : -ENODEV;
		if (bound)
			return -EBUSY;
		if (!driver_matches(root, parts[1], parts[3], dev))
			return -ENODEV;
		return do_bind(root, parts[1], parts[3], dev, name) < 0 ? -ENODEV : 0;
	}
	/* Any other attribute: must exist, takes the value. */
	if (!exists(full))
		return -ENOENT;
	return put(full, value);
}

int sim_load_module(const char *root, const char *module)
{
	char path[PATH_MAX], line[512];
	FILE *f;

	if (fault(root, "load", NULL, 0))
		return -EIO;
	if (exists(P("%s/module/%s", root, module)))
		return 0;
	f = fopen(P("%s/.sim/modules/%s", root, module), "re");
	if (!f)
		return -ENOENT;
	mkdirs(P("%s/module/%s/drivers", root, module));
	while (fgets(line, sizeof(line), f)) {
		char target[PATH_MAX], *colon;
		chomp(line);
		colon = strchr(line, ':');
		if (!colon)
			continue;
		*colon = '\0';
		snprintf(target, sizeof(target), "%s/bus/%s/drivers/%s", root, line, colon + 1);
		mkdirs(target);
		put(P("%s/bind", target), "");
		put(P("%s/unbind", target), "");
		*colon = ':';
		if (symlink(target, P("%s/module/%s/drivers/%s", root, module, line)) < 0 && errno != EEXIST) {
			fclose(f);
			return -errno;
		}
	}
	fclose(f);
	return 0;
}

/* ---- the demo tree ---- */

static int add_driver(const char *root, const char *bus, const char *drv, const char *module, const char *match,
		      bool loaded)
{
	char path[PATH_MAX];

	mkdirs(P("%s/.sim/drivers/%s/%s", root, bus, drv));
	put(P("%s/.sim/drivers/%s/%s/match", root, bus, drv), match);
	put(P("%s/.sim/modules/%s", root, module), "");
	{
		char line[512];
		snprintf(line, sizeof(line), "%s:%s\n", bus, drv);
		FILE *f = fopen(P("%s/.sim/modules/%s", root, module), "ae");
		if (!f)
			return -errno;
		fputs(line, f);
		fclose(f);
	}
	return loaded ? sim_load_module(root, module) : 0;
}

static int add_device(const char *root, const char *bus, const char *devpath, const char *modalias,
		      const char *group, const char *driver)
{
	char path[PATH_MAX], dev[PATH_MAX], target[PATH_MAX];
	const char *name = strrchr(devpath, '/') + 1;

	snprintf(dev, sizeof(dev), "%s/%s", root, devpath);
	mkdirs(dev);
	put(P("%s/modalias", dev), modalias);
	put(P("%s/driver_override", dev), "(null)");
	snprintf(target, sizeof(target), "%s/bus/%s", root, bus);
	symlink(target, P("%s/subsystem", dev));
	symlink(dev, P("%s/bus/%s/devices/%s", root, bus, name));
	if (group) {
		snprintf(target, sizeof(target), "%s/kernel/iommu_groups/%s", root, group);
		mkdirs(P("%s/devices", target));
		symlink(target, P("%s/iommu_group", dev));
		symlink(dev, P("%s/kernel/iommu_groups/%s/devices/%s", root, group, name));
	}
	if (driver)
		return do_bind(root, bus, driver, dev, name);
	return 0;
}

int sim_mktree(const char *root)
{
	char path[PATH_MAX];
	static const char *const buses[] = { "pci", "platform", "acpi" };

	for (size_t i = 0; i < 3; i++) {
		mkdirs(P("%s/bus/%s/devices", root, buses[i]));
		mkdirs(P("%s/bus/%s/drivers", root, buses[i]));
		put(P("%s/bus/%s/drivers_probe", root, buses[i]), "");
	}
	mkdirs(P("%s/module", root));
	mkdirs(P("%s/.sim/fail", root));
	mkdirs(P("%s/.sim/modules", root));

	add_driver(root, "pci", "e1000e", "e1000e", "pci:v00008086d000010D3sv*sd*bc*sc*i*\n", true);
	add_driver(root, "pci", "igb", "igb", "pci:v00008086d00001533sv*sd*bc*sc*i*\n", true);
	add_driver(root, "pci", "snd_hda_intel", "snd_hda_intel", "pci:v00008086d000010D4sv*sd*bc*sc*i*\n", true);
	/* vfio-pci has no static ids: only driver_override brings it devices. */
	add_driver(root, "pci", "vfio-pci", "vfio_pci", "", false);
	add_driver(root, "platform", "sim-uart", "sim_uart", "platform:sim-uart\n", true);
	add_driver(root, "platform", "i2c_designware", "i2c_designware_platform", "acpi*:AMDI0010:*\n", true);
	add_driver(root, "platform", "vfio-platform", "vfio_platform", "", false);

	/* e1000e NIC, interface down, alone in group 12 with its audio function. */
	add_device(root, "pci", "devices/pci0000:00/0000:00:1c.0/0000:01:00.0",
		   "pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00", "12", "e1000e");
	mkdirs(P("%s/devices/pci0000:00/0000:00:1c.0/0000:01:00.0/net/eth0", root));
	put(P("%s/devices/pci0000:00/0000:00:1c.0/0000:01:00.0/net/eth0/flags", root), "0x1002");
	add_device(root, "pci", "devices/pci0000:00/0000:00:1c.0/0000:01:00.1",
		   "pci:v00008086d000010D4sv00008086sd0000A01Fbc04sc03i00", "12", "snd_hda_intel");
	/* igb NIC with its interface up. */
	add_device(root, "pci", "devices/pci0000:00/0000:00:1d.0/0000:03:00.0",
		   "pci:v00008086d00001533sv00008086sd00000001bc02sc00i00", "14", "igb");
	mkdirs(P("%s/devices/pci0000:00/0000:00:1d.0/0000:03:00.0/net/eth1", root));
	put(P("%s/devices/pci0000:00/0000:00:1d.0/0000:03:00.0/net/eth1/flags", root), "0x1003");
	/* An unbound device. */
	add_device(root, "pci", "devices/pci0000:00/0000:00:1e.0/0000:04:00.0",
		   "pci:v00001234d00005678sv00000000sd00000000bc03sc00i00", "15", NULL);

	add_device(root, "platform", "devices/platform/sim-uart.0", "platform:sim-uart", NULL, "sim-uart");
	/* ACPI AMDI0010:00 describes the platform device of the same name. */
	add_device(root, "platform", "devices/platform/AMDI0010:00", "acpi:AMDI0010:", NULL, "i2c_designware");
	add_device(root, "acpi", "devices/LNXSYSTM:00/LNXSYBUS:00/AMDI0010:00", "acpi:AMDI0010:", NULL, NULL);
	{
		char target[PATH_MAX];
		snprintf(target, sizeof(target), "%s/devices/platform/AMDI0010:00", root);
		symlink(target, P("%s/devices/LNXSYSTM:00/LNXSYBUS:00/AMDI0010:00/physical_node", root));
	}
	/* ACPI descriptions have no driver_override. */
	unlink(P("%s/devices/LNXSYSTM:00/LNXSYBUS:00/AMDI0010:00/driver_override", root));

	/* An IOMMU (class/iommu/dmar0), and the network interfaces' class/net links, as the kernel has them. */
	mkdirs(P("%s/class/iommu/dmar0", root));
	mkdirs(P("%s/class/net", root));
	{
		static const char *const nets[][2] = { { "eth0", "devices/pci0000:00/0000:00:1c.0/0000:01:00.0" },
						       { "eth1", "devices/pci0000:00/0000:00:1d.0/0000:03:00.0" } };
		char target[PATH_MAX];
		for (size_t i = 0; i < 2; i++) {
			snprintf(target, sizeof(target), "%s/%s/net/%s", root, nets[i][1], nets[i][0]);
			symlink(target, P("%s/class/net/%s", root, nets[i][0]));
			snprintf(target, sizeof(target), "%s/%s", root, nets[i][1]);
			symlink(target, P("%s/%s/net/%s/device", root, nets[i][1], nets[i][0]));
		}
	}
	/* IOMMU group 20: a PCIe-to-PCI bridge (class 0x0604, pcieport) and a two-function NIC behind it. */
	add_driver(root, "pci", "pcieport", "pcieport", "pci:*bc06sc04i00\n", true);
	add_driver(root, "pci", "virtio-sim", "virtio_sim", "pci:v00001AF4d00001000sv*sd*bc*sc*i*\n", true);
	add_device(root, "pci", "devices/pci0000:00/0000:00:05.0",
		   "pci:v00008086d0000244Esv00000000sd00000000bc06sc04i00", "20", "pcieport");
	add_device(root, "pci", "devices/pci0000:00/0000:00:05.0/0000:06:00.0",
		   "pci:v00001AF4d00001000sv00001AF4sd00000001bc02sc00i00", "20", "virtio-sim");
	add_device(root, "pci", "devices/pci0000:00/0000:00:05.0/0000:06:00.1",
		   "pci:v00001AF4d00001000sv00001AF4sd00000001bc02sc00i00", "20", "virtio-sim");

	put(P("%s/.sim/modules.alias", root),
	    "# modules.alias for the simulated tree\n"
	    "alias pci:v00008086d000010D3sv*sd*bc*sc*i* e1000e\n"
	    "alias pci:v00008086d00001533sv*sd*bc*sc*i* igb\n"
	    "alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci\n"
	    "alias platform:sim-uart sim_uart\n"
	    "alias acpi*:AMDI0010:* i2c_designware_platform\n");
	return 0;
}
