/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libbusalias: the modalias patterns of kernel modules' device tables, modules.alias lookup with
 * modprobe's rules, and moving a device to an override-only (VFIO) driver through sysfs with rollback.
 *
 * Conventions (as libkmod's):
 *  - Objects are opaque and reference counted: *_new() returns one reference, *_ref() adds one,
 *    *_unref() drops one and returns NULL when the object is gone.  Every object keeps its context alive.
 *  - Functions returning int return 0 (or a count) on success and a negative errno on failure.
 *  - A context holds all state: nothing in the library is process-wide.  Several threads may each use
 *    their own context at once.  One context may be shared by threads only where a function says so.
 *  - Messages (what a malformed input was, a step of a bind) go to the context's log function, one line
 *    each, with a syslog(3) priority: LOG_ERR, LOG_WARNING or LOG_INFO.
 *  - Strings returned by accessors belong to the object and live as long as it does.
 *
 * Link with `pkg-config --cflags --libs busalias`.  See libbusalias(3) and the section-3 pages it lists.
 * The plugin SDK (busalias/plugin.h) is a separate interface, for bus plugins.
 */
#ifndef BUSALIAS_BUSALIAS_H
#define BUSALIAS_BUSALIAS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- context: busalias_ctx(3) ---- */

struct ba_ctx;

/*
 * A context with the built-in defaults (plugin directory of the installation, sysfs root /sys, the
 * running kernel's module tree, log to stderr at LOG_WARNING).  No configuration file is read: see
 * ba_ctx_load_config().  Returns NULL when out of memory or when libelf is unusable.
 */
struct ba_ctx *ba_ctx_new(void);
struct ba_ctx *ba_ctx_ref(struct ba_ctx *ctx);
struct ba_ctx *ba_ctx_unref(struct ba_ctx *ctx);

/*
 * Log function: called for every message at or above the context's priority (a lower number), with the
 * message as one line without a trailing newline; control characters are already shown as \xNN.
 * fn NULL: stderr, as "busalias: error: MESSAGE".  Called from the thread that made the call.
 */
typedef void ba_log_fn(void *data, int priority, const char *message);
void ba_ctx_set_log_fn(struct ba_ctx *ctx, ba_log_fn *fn, void *data);
void ba_ctx_set_log_priority(struct ba_ctx *ctx, int priority);
int ba_ctx_get_log_priority(const struct ba_ctx *ctx);
/* Warnings issued through this context so far, also those below the log priority. */
unsigned long ba_ctx_get_warning_count(const struct ba_ctx *ctx);

/*
 * Read a busalias.conf(5) file into the context.  0; -ENOENT (silently) if it does not exist; other
 * -errno after logging why; -EINVAL after logging every bad line as FILE:LINE.  "[output] quiet = true"
 * lowers the log priority to LOG_ERR (a later ba_ctx_set_log_priority() overrides it).
 */
int ba_ctx_load_config(struct ba_ctx *ctx, const char *path);

/*
 * Set one setting, by its busalias.conf(5) key: plugin_dir, add_plugin_dir (appends a directory),
 * basedir, kernel, moduledir, module_root, alias_file, sysfs_root, lock_dir, modprobe, prefix,
 * lock_timeout (seconds); since LIBBUSALIAS_1.1 also pci_ids (see ba_pciids_new()) and overrides_dir (where
 * BA_BIND_PERSIST stores overrides).  value NULL resets an optional key (kernel, moduledir, module_root,
 * alias_file, prefix, pci_ids).  0, or -EINVAL for an unknown key or a bad value (logged), -EBUSY for
 * plugin_dir and add_plugin_dir once plugins are loaded.
 */
int ba_ctx_set_option(struct ba_ctx *ctx, const char *key, const char *value);
/* The value of a string setting (NULL if unset or unknown; lock_timeout is not a string). */
const char *ba_ctx_get_option(const struct ba_ctx *ctx, const char *key);

/*
 * The write(2) behind every change to sysfs, for testing against a simulated kernel: fn receives the
 * sysfs root, the path under it and the value; it returns 0 or -errno.  NULL: the real write.
 */
typedef int ba_sysfs_write_fn(void *data, const char *root, const char *path, const char *value);
void ba_ctx_set_sysfs_write_fn(struct ba_ctx *ctx, ba_sysfs_write_fn *fn, void *data);

/*
 * Load the bus plugins: plugin_dir, then each add_plugin_dir, in order.  Called by the functions that
 * need plugins if not before.  0; 1 if some plugin or directory was refused (logged) but others loaded;
 * -errno if none is usable.  With a plugins.index in a directory, its plugins are loaded when first needed
 * (safely from several threads).  After it returns, the module functions may share the context between
 * threads.
 */
int ba_ctx_load_plugins(struct ba_ctx *ctx);
/*
 * Plugins refused when loaded on demand: with a plugins.index (busalias(1), plugins --write-index), a
 * plugin is dlopen()ed only when a module has its table type or a device its bus, and refused then
 * (logged, or in the module's messages).  `busalias gen` exits 3 when this is not 0.
 */
unsigned ba_ctx_get_plugin_errors(const struct ba_ctx *ctx);
/* Plugins loaded so far (0 before ba_ctx_load_plugins(); with a plugins.index, those needed so far), and
 * each one's name and file. */
size_t ba_ctx_get_plugin_count(const struct ba_ctx *ctx);
const char *ba_ctx_get_plugin_name(const struct ba_ctx *ctx, size_t i);
const char *ba_ctx_get_plugin_path(const struct ba_ctx *ctx, size_t i);

/*
 * The module tree (file NULL) or a file in it (e.g. "modules.alias"), as the settings name it: module_root;
 * else BASEDIR/MODULEDIR/KERNEL; else BASEDIR/lib/modules/KERNEL if it exists, else
 * BASEDIR/usr/lib/modules/KERNEL.  0 and *path (free() it); -ENOENT, not logged, if neither candidate
 * exists: *path is the first and, if alternative is not NULL, *alternative the second (free() both);
 * -EINVAL for a bad kernel version (logged).
 */
int ba_ctx_get_module_path(const struct ba_ctx *ctx, const char *file, char **path, char **alternative);

/* Log a message of the caller's own through ctx's log, counted (as a warning) like the library's. */
void ba_ctx_log(struct ba_ctx *ctx, int priority, const char *message);

/* ---- one module's aliases: busalias_module(3) ---- */

struct ba_module;

enum ba_module_flags {
	/* First the module's own .modinfo alias= strings (MODULE_ALIAS), as depmod writes them, then the
	 * generated aliases not among them. */
	BA_MODULE_MODINFO_ALIASES = 1 << 0,
};

/*
 * Read one module file (.ko, .ko.gz, .ko.xz, .ko.zst) and generate the modalias patterns of its device
 * tables, as the kernel's modpost would.  *out is set, also when the file cannot be read, so that its
 * messages can be read (release it with ba_module_unref()); it is NULL only for -ENOMEM, -EINVAL (bad
 * arguments) or when no plugin can be loaded (that -errno, logged).  Returns 0; or -errno when the file
 * could not be read as a module at all (-ENOENT, -EACCES, -ENOEXEC not an ELF object, -EINVAL malformed, ...).
 * The messages about this module go into the object, not to the log; they are counted as the
 * context's warnings.  Safe to call from several threads on one context once its plugins are loaded.
 */
int ba_module_new_from_path(struct ba_ctx *ctx, const char *path, unsigned flags, struct ba_module **out);
/* The same for a module in memory; name stands for its path in messages (its suffix picks the decompressor). */
int ba_module_new_from_buffer(struct ba_ctx *ctx, const char *name, const void *data, size_t len, unsigned flags,
			      struct ba_module **out);
/* 1 if a file of this name is read as a module (.ko, .ko.gz, .ko.xz, .ko.zst), as depmod picks them; else 0. */
int ba_module_filename_is_module(const char *name);
struct ba_module *ba_module_ref(struct ba_module *m);
struct ba_module *ba_module_unref(struct ba_module *m);
/* .modinfo name=, else the file name with '-' as '_'; NULL if the file could not be read. */
const char *ba_module_get_name(const struct ba_module *m);
const char *ba_module_get_path(const struct ba_module *m);
/* The kernel it was built for (vermagic) as (major << 16 | minor << 8 | patch); 0 if unknown. */
uint32_t ba_module_get_kernel_version(const struct ba_module *m);
/* Aliases in output order (as modules.alias lists them) and the device-table type of each ("pci", ...). */
size_t ba_module_get_alias_count(const struct ba_module *m);
const char *ba_module_get_alias(const struct ba_module *m, size_t i);
const char *ba_module_get_alias_type(const struct ba_module *m, size_t i);
/* Warnings about this module (malformed tables, skipped entries): they make `busalias gen` exit 3. */
unsigned ba_module_get_warning_count(const struct ba_module *m);
/* Its messages, in order, each with its priority (LOG_ERR, LOG_WARNING, LOG_INFO) in *priority if not NULL. */
size_t ba_module_get_message_count(const struct ba_module *m);
const char *ba_module_get_message(const struct ba_module *m, size_t i, int *priority);

/* ---- modules.alias: busalias_aliasdb(3) ---- */

struct ba_aliasdb;
struct ba_match_list;

/*
 * Open a modules.alias file (path NULL: the one the settings name: alias_file, else modules.alias of
 * the module tree).  Only regular files are read (a FIFO is refused, not waited on).  0, or -errno
 * after logging why.  The file is checked now and read at each ba_aliasdb_match(), streamed through
 * a small buffer (a lookup then costs one pass over the file, not a copy of it), or through its
 * index when a current one lies beside it (ba_aliasdb_write_index()), so matches see its current
 * contents; to hold a fixed copy in memory, use ba_aliasdb_new_from_buffer().
 */
int ba_aliasdb_new(struct ba_ctx *ctx, const char *path, struct ba_aliasdb **out);
/* The same from memory (copied); name stands for the file in messages. */
int ba_aliasdb_new_from_buffer(struct ba_ctx *ctx, const char *name, const char *data, size_t len,
			       struct ba_aliasdb **out);
struct ba_aliasdb *ba_aliasdb_ref(struct ba_aliasdb *db);
struct ba_aliasdb *ba_aliasdb_unref(struct ba_aliasdb *db);
const char *ba_aliasdb_get_path(const struct ba_aliasdb *db);
/*
 * Write the lookup index of db's file beside it, as PATH.busalias-index (atomically: a new file
 * renamed in), what depmod's modules.alias.bin is to modprobe.  Later lookups in that file (from any
 * process) read the few pages of the index they need instead of the whole file, with the same
 * results and warnings; an index made from another version of the file (its size, inode or
 * modification time differ) is not used, and a malformed one is named and ignored.  0, or -errno
 * after logging why (-EINVAL: db was made from a buffer).  Since libbusalias 1.2.
 */
int ba_aliasdb_write_index(struct ba_aliasdb *db);

enum ba_match_flags {
	BA_MATCH_ALL = 1 << 0,  /* every matching line, best first; without it only the best */
};

/*
 * The lines whose pattern matches modalias with fnmatch(3) (modprobe's rules), best first.  The ranking:
 * fewest '*' wins; then more literal characters (not wildcards); then the earlier line (a full tie goes
 * to the first line in the file, as modprobe takes the first).  Malformed lines are logged and skipped.
 * Returns the number of matches (0: none) with *out set (release it with ba_match_list_unref()), or -errno.
 */
int ba_aliasdb_match(struct ba_aliasdb *db, const char *modalias, unsigned flags, struct ba_match_list **out);
struct ba_match_list *ba_match_list_unref(struct ba_match_list *list);
size_t ba_match_list_get_count(const struct ba_match_list *list);
const char *ba_match_list_get_module(const struct ba_match_list *list, size_t i);
const char *ba_match_list_get_pattern(const struct ba_match_list *list, size_t i);
unsigned ba_match_list_get_stars(const struct ba_match_list *list, size_t i);
unsigned ba_match_list_get_literals(const struct ba_match_list *list, size_t i);
size_t ba_match_list_get_line(const struct ba_match_list *list, size_t i);

/* ---- devices: busalias_device(3) ---- */

struct ba_device;
struct ba_device_status;

/*
 * Find a device in sysfs (loads the plugins if needed): a sysfs path (/sys/bus/pci/devices/X, under the
 * sysfs root), BUS:NAME, or a name or address a plugin recognises (0000:01:00.0, 01:00.0).  An ACPI
 * description resolves to its physical node (ba_device_get_via() names it).  0, or -errno after logging:
 * -ENODEV no such device, -EINVAL a malformed name, -EXDEV outside the sysfs root, -EOPNOTSUPP no plugin
 * for its bus.
 */
int ba_device_new(struct ba_ctx *ctx, const char *name, struct ba_device **out);
/*
 * Every device on every plugin's bus (buses and devices in name order).  *devs is an array of *n devices:
 * release each with ba_device_unref() and the array with free().  0, or -errno.
 */
int ba_device_list(struct ba_ctx *ctx, struct ba_device ***devs, size_t *n);
struct ba_device *ba_device_ref(struct ba_device *dev);
struct ba_device *ba_device_unref(struct ba_device *dev);
const char *ba_device_get_bus(const struct ba_device *dev);
const char *ba_device_get_name(const struct ba_device *dev);
/* Canonical path relative to the sysfs root (bus/.../devices/NAME resolved: devices/pci0000:00/...). */
const char *ba_device_get_syspath(const struct ba_device *dev);
/* "" if the device has none. */
const char *ba_device_get_modalias(const struct ba_device *dev);
/* The modalias with the VFIO prefix (prefix setting, else the bus plugin's, else "vfio_"): what is matched. */
const char *ba_device_get_match_alias(const struct ba_device *dev);
/* What the caller named, as PLUGIN:NAME, when it is not the device itself (an ACPI description); else NULL. */
const char *ba_device_get_via(const struct ba_device *dev);

/*
 * The device's state now: driver, driver_override, IOMMU group and its members, and the best VFIO
 * candidate from db (NULL: none looked up).  0, or -errno.
 */
int ba_device_get_status(struct ba_device *dev, struct ba_aliasdb *db, struct ba_device_status **out);
struct ba_device_status *ba_device_status_unref(struct ba_device_status *st);
/* "" for none, for each of these. */
const char *ba_device_status_get_driver(const struct ba_device_status *st);
const char *ba_device_status_get_driver_override(const struct ba_device_status *st);
const char *ba_device_status_get_iommu_group(const struct ba_device_status *st);
const char *ba_device_status_get_vfio_candidate(const struct ba_device_status *st);
/* Members of the IOMMU group (the device included), by name, each with its driver ("" if none). */
size_t ba_device_status_get_group_member_count(const struct ba_device_status *st);
const char *ba_device_status_get_group_member(const struct ba_device_status *st, size_t i, const char **driver);

/* ---- bind and restore: busalias_bind(3) ---- */

enum ba_bind_flags {
	BA_BIND_DRY_RUN = 1 << 0,  /* change nothing, run nothing: the plan is printed on stdout */
	BA_BIND_FORCE = 1 << 1,    /* take a device its plugin says is in use */
	BA_BIND_NO_LOAD = 1 << 2,  /* do not run modprobe */
	/* Since LIBBUSALIAS_1.1 (ba_devices_bind() and the rest of that block): */
	BA_BIND_NO_IOMMU_CHECK = 1 << 3,  /* bind a vfio* driver even when the kernel shows no IOMMU */
	BA_BIND_PERSIST = 1 << 4,         /* bind: store the override in overrides_dir; restore: drop it */
};

/* Where a bind or restore left the device. */
enum ba_bind_outcome {
	BA_BIND_DONE = 0,         /* the device is where it was asked to be (or already was) */
	BA_BIND_UNCHANGED = 1,    /* refused before any change (bad name, no match, in use, lock held) */
	BA_BIND_ROLLED_BACK = 2,  /* a step failed; the device is back on its driver and override */
	BA_BIND_UNSAFE = 3,       /* a step failed and the original state could not be restored */
};

/*
 * Move dev to driver (a module or driver name; NULL: the best VFIO match in modules.alias; "none": no
 * driver at all, driver_override "none" as driverctl writes it, undone by restore): load the
 * module, write driver_override, unbind, drivers_probe, verify; on a failure roll back.  Takes the
 * per-device lock in lock_dir (waiting lock_timeout seconds) unless a dry run.  Every step is logged
 * (LOG_INFO), in the words busalias(1) prints.  Returns 0 when done; -errno otherwise, with *outcome
 * (if not NULL) saying what state the device was left in: -EINVAL bad arguments, -ENOENT no matching
 * module, -ETIMEDOUT another process holds the lock, -ENOLCK the lock cannot be taken, -EIO a step failed or
 * was refused (in use).
 */
int ba_device_bind(struct ba_device *dev, const char *driver, unsigned flags, enum ba_bind_outcome *outcome);
/* Clear driver_override and let the bus give the device to the driver the kernel picks; as above. */
int ba_device_restore(struct ba_device *dev, unsigned flags, enum ba_bind_outcome *outcome);

/* ---- since LIBBUSALIAS_1.1: several devices, IOMMU groups, persistence: busalias_bind(3) ---- */

/*
 * Bind (or restore) devs[0..n), devices of ctx, all or nothing: each device once (one listed twice
 * counts once); the locks taken in one order (bus, name) so that two callers over overlapping sets
 * cannot deadlock; every device moved before one that fails is put back to the state read before the
 * run (*outcome BA_BIND_ROLLED_BACK, or BA_BIND_UNSAFE if one could not be).  Once all are moved, the
 * "still bound to a host driver" warnings about their IOMMU groups are logged, and with
 * BA_BIND_PERSIST each device's override is stored in (restore: removed from) the overrides_dir
 * setting, one file per device (busalias.conf(5) OVERRIDE FILES); a restore without it warns about
 * an override that will come back at boot.  Returns as ba_device_bind(); a failure to store or remove
 * an override after the devices moved is -EIO with *outcome BA_BIND_DONE.  ba_device_bind() and
 * ba_device_restore() are these with one device.
 */
int ba_devices_bind(struct ba_ctx *ctx, struct ba_device *const *devs, size_t n, const char *driver, unsigned flags,
		    enum ba_bind_outcome *outcome);
int ba_devices_restore(struct ba_ctx *ctx, struct ba_device *const *devs, size_t n, unsigned flags,
		       enum ba_bind_outcome *outcome);
/*
 * The devices of dev's IOMMU group that a VM gets (`bind --group`): every member but PCI bridges
 * (class 0x0604, left on their host driver; logged at LOG_INFO), dev included, in name order; a device
 * without an IOMMU group is alone in it (a warning is logged).  *devs is an array of *n devices: release
 * each with ba_device_unref() and the array with free().  0, or -errno after logging.
 */
int ba_device_get_group_devices(struct ba_device *dev, struct ba_device ***devs, size_t *n);

/*
 * Persisted overrides (busalias_override(3)): one file per device in the overrides_dir setting, named
 * BUS:NAME, with "driver =" and "module =" lines (busalias.conf(5) OVERRIDE FILES); BA_BIND_PERSIST
 * writes them, the udev rule and the systemd unit apply them again at boot (busalias(1)).
 */
struct ba_override;
enum ba_override_state {
	BA_OVERRIDE_ABSENT = 0,   /* no such device now */
	BA_OVERRIDE_PENDING = 1,  /* the device is on another driver */
	BA_OVERRIDE_APPLIED = 2,  /* on the override's driver (for "none": on no driver) */
};
/*
 * The override stored for device (BUS:NAME: a file name of overrides_dir).  0; -ENOENT when there is none
 * (not logged); -EINVAL after logging a name that is not BUS:NAME or cannot name a file, or a malformed
 * file (FILE:LINE).
 */
int ba_override_load(struct ba_ctx *ctx, const char *device, struct ba_override **out);
/* An override not stored yet: driver (a driver name; "none": no driver), module (NULL or "": nothing to
 * load).  0, or -EINVAL after logging a device name that cannot name a file (the others are checked when
 * stored). */
int ba_override_new(struct ba_ctx *ctx, const char *device, const char *driver, const char *module,
		    struct ba_override **out);
struct ba_override *ba_override_unref(struct ba_override *ov);
const char *ba_override_get_device(const struct ba_override *ov);
const char *ba_override_get_driver(const struct ba_override *ov);
/* "" when there is no module to load (a built-in driver, or "none"). */
const char *ba_override_get_module(const struct ba_override *ov);
/* Where the device is now, read from sysfs (no plugin needed). */
enum ba_override_state ba_override_get_state(const struct ba_override *ov);
/*
 * Store it in overrides_dir (created if missing) through a hidden temporary file and rename(2); flags
 * BA_BIND_DRY_RUN: print what would be written, write nothing.  0, or -errno after logging (-EINVAL: an
 * invalid driver or module name).
 */
int ba_override_store(struct ba_override *ov, unsigned flags);
/* Remove device's stored override (none: logged at LOG_INFO, returns 0); BA_BIND_DRY_RUN prints. */
int ba_override_remove(struct ba_ctx *ctx, const char *device, unsigned flags);
/*
 * Bind dev as ov says, under its lock: the module (else the driver) as ba_device_bind() binds it, without
 * the IOMMU check (made when the override was stored).  flags: BA_BIND_DRY_RUN, BA_BIND_FORCE,
 * BA_BIND_NO_LOAD.  Returns as ba_device_bind().
 */
int ba_override_apply(struct ba_override *ov, struct ba_device *dev, unsigned flags, enum ba_bind_outcome *outcome);
/*
 * The first act of the udev rule, before plugins or modules are loaded: if the device at syspath (under
 * the sysfs root, or /sys/...) has a stored override, no driver and no driver_override, write the
 * override's driver to driver_override now, so that a host driver loaded meanwhile for another device
 * cannot take it.  Silent about a bad override file (loading it later says why).  1 if written, 0 if not.
 * ba_override_unclaim() takes such an override back (driver_override cleared, the bus probes the device)
 * when it could not be applied: 0 or -errno.
 */
int ba_override_claim(struct ba_ctx *ctx, const char *syspath);
int ba_override_unclaim(struct ba_device *dev);
/* ---- end of LIBBUSALIAS_1.1's bind block ---- */

/*
 * The plan: the steps ba_device_bind() (or _restore()) with the same arguments would take now, as data,
 * changing and running nothing (what `busalias bind --dry-run` prints).  Each step has the name the
 * messages use and its arguments:
 *   "load module"            the modprobe command line, argv[0] first
 *   "driver name"            MODULE, DRIVER: the driver name assumed until the module is loaded
 *   "driver_override", "unbind", "drivers_probe", "bind", "clear driver_override"
 *                            PATH (absolute, under the sysfs root), VALUE: one write
 *   "verify"                 PATH of the driver link, DRIVER it must be (restore: "!DRIVER", must not be)
 * No steps: nothing to do.  0 with *out set, or -errno as ba_device_bind() returns it.  BA_BIND_PERSIST
 * is ignored: a plan is the steps on the device.
 */
struct ba_plan;
int ba_device_plan_bind(struct ba_device *dev, const char *driver, unsigned flags, struct ba_plan **out);
int ba_device_plan_restore(struct ba_device *dev, unsigned flags, struct ba_plan **out);
struct ba_plan *ba_plan_unref(struct ba_plan *plan);
size_t ba_plan_get_step_count(const struct ba_plan *plan);
const char *ba_plan_get_step_name(const struct ba_plan *plan, size_t i);
size_t ba_plan_get_step_arg_count(const struct ba_plan *plan, size_t i);
const char *ba_plan_get_step_arg(const struct ba_plan *plan, size_t i, size_t j);

/* ==== Added in LIBBUSALIAS_1.1 (libbusalias.so.1.1): what `busalias status` and `busalias plugins` show ==== */

/* ---- plugins: busalias_ctx(3) ---- */

/*
 * Load every plugin of the plugin directories, also those a plugins.index would let wait until needed
 * (the list `busalias plugins` prints).  Call it before other threads use ctx.  0; 1 if some plugin
 * or directory was refused (logged) but others loaded; -errno if none is usable.
 */
int ba_ctx_load_all_plugins(struct ba_ctx *ctx);
/*
 * What loaded plugin i (0 to ba_ctx_get_plugin_count() - 1) declares: its description (NULL if none),
 * its plugin ABI (0, or -ENOENT for no such plugin), the sysfs bus it binds and the prefix it puts
 * before a modalias to match (NULL for a plugin without a bus, or with the default prefix), and its
 * device-table types ("pci", ...; j from 0 to the count - 1; NULL out of range).
 */
const char *ba_ctx_get_plugin_description(const struct ba_ctx *ctx, size_t i);
int ba_ctx_get_plugin_abi(const struct ba_ctx *ctx, size_t i, unsigned *major, unsigned *minor);
const char *ba_ctx_get_plugin_bus(const struct ba_ctx *ctx, size_t i);
const char *ba_ctx_get_plugin_match_prefix(const struct ba_ctx *ctx, size_t i);
size_t ba_ctx_get_plugin_table_count(const struct ba_ctx *ctx, size_t i);
const char *ba_ctx_get_plugin_table_type(const struct ba_ctx *ctx, size_t i, size_t j);
/*
 * Write plugin_dir's plugins.index (atomically): what each of its plugins declares, so that later
 * contexts dlopen() only the plugins they need.  Every plugin of the directory is loaded for it (into
 * a set of its own, not ctx's); the directory must be owned by root or the caller and not writable by
 * others.  0; -ENOENT no plugin directory or no plugin in it; -errno when a plugin was refused (no
 * index is written then: it would hide that plugin) or the file cannot be written; always logged.
 */
int ba_ctx_write_plugin_index(struct ba_ctx *ctx);

/* ---- a device's PCI identity and IOMMU group: busalias_device(3) ---- */

/*
 * The PCI class of a PCI device (0xCCSSPP: class, subclass, programming interface), from its class
 * attribute, else from its modalias; -ENODATA for a device of another bus or without one.
 */
int ba_device_get_pci_class(const struct ba_device *dev);
/* The vendor and device ids of a PCI device (from its modalias): 0, or -ENODATA (another bus, none). */
int ba_device_get_pci_ids(const struct ba_device *dev, unsigned *vendor, unsigned *device);
/*
 * 1 if IOMMU group member i is another device still bound to a host driver (a driver other than vfio*,
 * pci-stub and pcieport): VFIO cannot use the group until it is released.  0 if not (the device itself,
 * a member without a driver); -ENOENT for no such member.
 */
int ba_device_status_get_group_member_host_bound(const struct ba_device_status *st, size_t i);

/* ---- pci.ids names: busalias_pciids(3) ---- */

struct ba_pciids;

/*
 * Open a pci.ids database (pciutils' format): path, else the pci_ids setting, else the first of
 * /usr/share/misc/pci.ids and /usr/share/hwdata/pci.ids.  "" and "none" stand for no database.  The file
 * is read once (at most 64 MiB, a regular file only); its names are cut at 200 bytes, control
 * characters shown as '?'.  0; -ENOENT, not logged, for no database; -errno when a named file cannot be
 * read (logged as a warning).
 */
int ba_pciids_new(struct ba_ctx *ctx, const char *path, struct ba_pciids **out);
struct ba_pciids *ba_pciids_ref(struct ba_pciids *ids);
struct ba_pciids *ba_pciids_unref(struct ba_pciids *ids);
/*
 * The vendor's and the device's names into the buffers (each "" when unknown, cut to fit; a buffer of
 * length 0 is not written).  0 when the vendor is known; -ENOENT when not (ids NULL included); -EINVAL
 * for a NULL buffer of non-zero length.
 */
int ba_pciids_lookup(const struct ba_pciids *ids, unsigned vendor, unsigned device, char *vendor_name,
		     size_t vendor_len, char *device_name, size_t device_len);

/* ==== end of LIBBUSALIAS_1.1 ==== */

#ifdef __cplusplus
}
#endif

#endif
