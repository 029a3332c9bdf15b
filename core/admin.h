/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Moving devices the way admins do (issue 10): several devices and whole IOMMU groups in one
 * all-or-nothing run, unbind-only, persisted overrides applied by udev and systemd, a one-line
 * status.  Internal; errors are -errno unless a function says it returns a ba_exit status.
 */
#ifndef BUSALIAS_ADMIN_H
#define BUSALIAS_ADMIN_H

#include "busalias.h"

/* The driver_override an unbind-only leaves: no driver registers this name (as driverctl's "none"). */
#define BA_NO_DRIVER "none"

/* A device's driver and driver_override at one moment ("" = none). */
struct dev_state {
	char driver[256];
	char override[256];
};

/* device-state.c: read the state; write one step of a change to it (0, or -errno after saying which
 * step failed: what); put a device back to a recorded state (a ba_exit status: 4 done, 5 unsafe). */
int device_state_read(const struct sysfs *sys, const struct ba_device *dev, struct dev_state *st);
int device_write_step(const struct sysfs *sys, const char *what, const char *path, const char *value);
int device_state_roll_back(const struct sysfs *sys, const struct ba_device *dev, const struct dev_state *orig);
/* A driver or driver_override as messages show it: "(none)" for none. */
static inline const char *or_none(const char *s)
{
	return s[0] ? s : "(none)";
}

/* multibind.c: bind or restore given[0..n) (each device once; a device listed twice counts once), all
 * or nothing; with persist, store (bind) or drop (restore) each device's override after.  A ba_exit
 * status; res says whether the devices were moved (a later failure to persist leaves them moved) and
 * the lock's -errno when one could not be taken (-ETIMEDOUT, -ENOLCK). */
struct bind_devices_result {
	bool moved;
	int lock_error;
};
int bind_devices(const struct ba_config *cfg, const struct sysfs *sys, struct ba_device *const *given, size_t n,
		 bool bind, const struct bind_opts *o, bool persist, struct bind_devices_result *res);

/* unbind.c: leave dev without a driver, driver_override BA_NO_DRIVER.  A ba_exit status. */
int unbind_device(const struct sysfs *sys, const struct ba_device *dev, bool dry_run);

/* iommu.c */
/* Does the kernel have an IOMMU for dev: a /sys/class/iommu entry or an iommu_group link? */
bool iommu_present(const struct sysfs *sys, const struct ba_device *dev);
/* 0, or BA_EXIT_USAGE after explaining that a VFIO module needs an IOMMU (--no-iommu-check). */
int iommu_check(const struct sysfs *sys, const struct ba_device *dev, const char *module);
/* The PCI class ("0x020000" -> 0x020000) from the class attribute, else the modalias; -1 if none. */
long device_pci_class(const struct sysfs *sys, const struct ba_device *dev);
/* Append every member of dev's IOMMU group but bridges (class 0x0604) to *v (dev itself included).
 * 0, or -errno after reporting; a device without a group is itself alone. */
int iommu_group_endpoints(const struct plugin_set *set, const struct sysfs *sys, const struct ba_device *dev,
			  struct ba_device **v, size_t *n);

/* netdev.c: "eth0" -> the devpath behind class/net/eth0/device.  0, -ENOENT when no such interface. */
int netdev_devpath(const struct sysfs *sys, const char *ifname, char *out, size_t len);

/* persist.c: one file per device in cfg->overrides_dir, named BUS:NAME (busalias.conf(5)). */
struct persisted {
	char device[512];  /* BUS:NAME */
	char driver[256];  /* BA_NO_DRIVER for an unbind-only */
	char module[256];  /* "" if none to load */
};
/* The file of a device (malloc'd), or NULL after reporting an invalid name. */
char *persist_path(const struct ba_config *cfg, const char *bus, const char *name);
/* 0; -ENOENT when there is none (not reported); -EINVAL after reporting file:line. */
int persist_load(const char *path, struct persisted *p);
/* Atomically (temp + rename) write p for dev; dry_run only prints.  0 or -errno after reporting. */
int persist_save(const struct ba_config *cfg, const struct persisted *p, bool dry_run);
int persist_remove(const struct ba_config *cfg, const char *bus, const char *name, bool dry_run);
/* After a restore without --persist: warn when the device's override comes back at boot. */
void persist_warn_kept(const struct ba_config *cfg, const struct ba_device *dev);
/* The module that registered BUS's driver drv (driver/module link, else module/M/drivers/BUS:drv). */
bool driver_module(const struct sysfs *sys, const char *bus, const char *drv, char *out, size_t len);

/* pciids.c: vendor and device names from the pci.ids database. */
struct pci_ids;
/* path NULL: the first of /usr/share/misc/pci.ids and /usr/share/hwdata/pci.ids; "" or "none": no names.
 * 0 and *out; -ENOENT when there is no database (not reported); -errno when a named file cannot be read
 * (reported as a warning). */
int pci_ids_open(const char *path, struct pci_ids **out);
void pci_ids_free(struct pci_ids *db);
/* Names for vendor:device into vname/dname ("" when unknown): 0, or -ENOENT for an unknown vendor. */
int pci_ids_lookup(const struct pci_ids *db, unsigned vendor, unsigned device, char *vname, size_t vlen,
		   char *dname, size_t dlen);


/* Take dev's lock as bind does; "needs root" when that is why it fails.  fd, or after reporting
 * -ETIMEDOUT (another process kept it) or -ENOLCK. */
int admin_lock(const struct ba_config *cfg, const struct ba_device *dev, const char *cmd);

#endif
