/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Internal interfaces of the busalias core.  Errors are returned as -errno. */
#ifndef BUSALIAS_INTERNAL_H
#define BUSALIAS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <busalias/plugin.h>

#define _cleanup_(f) __attribute__((cleanup(f)))
#define _printf_(a, b) __attribute__((format(printf, a, b)))
#define _unused_ __attribute__((unused))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static inline void freep(void *p) { free(*(void **)p); }
static inline void fclosep(FILE **f) { if (*f) fclose(*f); }
static inline void closep(int *fd) { if (*fd >= 0) close(*fd); }
#define _cleanup_free_ _cleanup_(freep)
#define _cleanup_fclose_ _cleanup_(fclosep)
#define _cleanup_close_ _cleanup_(closep)

/*
 * Resource bounds, documented in busalias(1) (LIMITS).  Past one, the input is
 * hostile or broken: a one-line warning names the file, and the run goes on.
 * The longest alias is BA_ALIAS_MAX - 1 bytes (plugin.h).
 */
#define BA_MAX_TABLE_ENTRIES 65536u     /* entries of one device table (the largest in 6.1: ~2,100) */
#define BA_MAX_MODULE_ALIASES 131072u   /* aliases of one module */
#define BA_MAX_MODULE_NAME 255u         /* bytes of a module name */
#define BA_MAX_SYSFS_ATTR 4096u         /* bytes read from one sysfs attribute (a page, as sysfs has) */
#define BA_MAX_ALIAS_LINE 4096u         /* bytes of one modules.alias line */

/* Exit statuses (busalias(1)) and exit_status_from_errno(). */
#include "exit.h"

/* log.c: where messages go.  A log belongs to a library context (or to the program); the core reaches the one
 * of the call in progress through ba_log_use(), per thread, so it keeps no process-wide state. */
struct ba_log {
	/* NULL: stderr, as "busalias: error: ..." */
	void (*fn)(void *data, int priority, const char *message);
	void *data;
	int priority;            /* syslog priority: messages above it are dropped (still counted) */
	unsigned long warnings;  /* warnings issued through this log, atomically counted */
};
void ba_log_init(struct ba_log *log);
/* Send this thread's messages to log (NULL: stderr); returns the previous one, to put back. */
struct ba_log *ba_log_use(struct ba_log *log);
struct ba_log *ba_log_current(void);
/* -q: only errors, on the current log. */
void ba_log_set_quiet(bool quiet);
unsigned long ba_log_warnings(const struct ba_log *log);
/* Warnings the calling thread has printed (or captured) so far. */
unsigned long ba_thread_warning_count(void);
void ba_log_printf(int priority, const char *fmt, ...) _printf_(2, 3);
void ba_err(const char *fmt, ...) _printf_(1, 2);
void ba_warn(const char *fmt, ...) _printf_(1, 2);
void ba_info(const char *fmt, ...) _printf_(1, 2);
struct strbuf;
/* Send this thread's messages to sb instead of the log (NULL: back to the log). */
void ba_log_capture(struct strbuf *sb);

/* util.c */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) _printf_(1, 2);
/* qsort() comparator for an array of C strings. */
int cmp_strp(const void *a, const void *b);
/* A name safe to put in a path component, a sysfs write or an output line:
 * 1..max_len bytes, no '/', no control characters or whitespace, not "." or "..". */
bool valid_name(const char *s, size_t max_len);
/* Read a whole (small) file, NUL-terminated, trailing newline removed. */
int read_text_file(const char *path, char **out);

/* struct strbuf, write_file_atomic() */
#include "output.h"

/* kversion.c: "6.1.0-13-amd64 SMP ..." -> BA_KVER(6, 1, 0); 0 if unparsable. */
uint32_t kversion_parse(const char *s);

/* symname.c: recognise a device-table symbol in any of the kernel's spellings. */
struct table_symbol {
	const char *type;  /* points into the symbol name, type_len bytes */
	size_t type_len;
	const char *id;    /* the table's C identifier, id_len bytes */
	size_t id_len;
};
bool table_symbol_parse(const char *sym, struct table_symbol *out);

/* layout.c: a layout placed for one target ABI. */
struct ba_target {
	uint8_t elfclass;    /* 32 or 64 */
	uint8_t big_endian;
	uint16_t machine;    /* e_machine */
};

struct placed_field {
	uint32_t offset, size;
	uint16_t elem_size, slot;
	uint16_t kind;
};

struct placed_layout {
	uint32_t size, align, n_fields;
	struct placed_field fields[];
};

/* Is member f in the struct of kernel kver (0: the oldest), layout variant `variant`? */
bool field_in_layout(const struct ba_field *f, uint32_t kver, unsigned variant);
/* tt's struct in kernel kver, variant `variant`, placed for t.  NULL on a malformed declaration, with *err set. */
struct placed_layout *layout_place(const struct ba_table_type *tt, uint32_t kver, unsigned variant,
				   const struct ba_target *t, int *err);
uint32_t target_ulong_size(const struct ba_target *t);

/* Decode one entry; v must have n_slots elements, str_store room for the strings. */
void layout_decode(const struct placed_layout *pl, const struct ba_target *t, const uint8_t *entry, struct ba_value *v,
		   uint32_t n_slots, char *str_store);
size_t layout_str_store_size(const struct placed_layout *pl);

/* modfile.c: one module file, read with libelf. */
struct module_table {
	char *symbol;
	struct table_symbol ts;  /* points into symbol */
	const uint8_t *data;     /* size bytes, or NULL for zeros (NOBITS) */
	uint64_t size;
	uint8_t *copy;           /* data, when it is a copy of its own (modfile.c) */
};

struct module_file {
	char *path;
	char *name;      /* from .modinfo name=, else the file name with - -> _ */
	char *vermagic;  /* NULL if absent */
	uint32_t kver;
	struct ba_target target;
	struct module_table *tables;
	size_t n_tables;
	/* .modinfo alias= values (MODULE_ALIAS(), and modpost's in real modules), in file order; they point into
	 * the ELF data and are not NUL-terminated.  At most BA_MAX_MODULE_ALIASES; the rest are only counted. */
	struct modinfo_alias {
		const char *s;
		size_t len;
	} *modinfo_aliases;
	size_t n_modinfo_aliases, n_modinfo_aliases_dropped;
	/* private */
	size_t modinfo_aliases_cap;
	void *elf;
	void *image;     /* decompressed bytes of a compressed module; NULL: libelf reads fd */
	size_t image_len;
	/* image holds only the parts of the file read (modfile.c, read_parts()), file_offsets the file's offset
	 * of each of the file_shnum sections; tables are read from fd as they are found */
	bool image_partial;
	bool image_cached;  /* image (of image_cap bytes) is this thread's reused buffer */
	size_t image_cap;
	const uint64_t *file_offsets;
	size_t file_shnum;
	int fd;
};

/* Returns 0, or -errno after printing a one-line message naming the file. */
int module_file_open(const char *path, struct module_file **out);
/* The same for a module already in memory; path names it (and its compression suffix) in messages. */
int module_file_open_mem(const char *path, const void *data, size_t len, struct module_file **out);
void module_file_free(struct module_file *m);

/* decompress.c: "", ".gz", ".xz", ".zst" -> decompress whole file into malloc'd memory. */
enum compression { COMP_NONE, COMP_GZIP, COMP_XZ, COMP_ZSTD };
enum compression compression_of(const char *path);
int decompress(enum compression c, const void *in, size_t in_len, void **out, size_t *out_len, const char **why);
bool module_filename(const char *name);

/* plugins.c */
struct ba_plugin {
	char *path;
	void *handle;
	const struct busalias_plugin *desc;
};

struct plugin_index;
struct plugin_set {
	struct ba_plugin *plugins;  /* the plugins dlopen()ed so far, in load order */
	size_t n;
	/*
	 * Set before loading a directory: the plugins its plugins.index describes (every *.so there, each
	 * of the size and time it lists) are dlopen()ed only when first needed: by plugin_set_table() for
	 * a table type, plugin_set_load_buses() for binding, plugin_set_load_all().  Without an index, or
	 * with a stale one, a directory is loaded whole, as without lazy.
	 */
	bool lazy;
	unsigned late_errors;        /* plugins refused when loaded on demand (each reported) */
	struct plugin_index *index;  /* private: the plugins not loaded yet */
};

/* Check a descriptor as the loader does; on refusal writes why. */
int plugin_check_descriptor(const struct busalias_plugin *p, char *why, size_t len);
/* Load every *.so in dir.  Bad plugins are reported and skipped. */
int plugin_set_load_dir(struct plugin_set *set, const char *dir, bool require_safe_perms);
int plugin_set_load_file(struct plugin_set *set, const char *path, bool require_safe_perms);
/* Add a descriptor already in memory (a statically linked plugin); checked as a loaded one is. */
int plugin_set_add(struct plugin_set *set, const struct busalias_plugin *desc, const char *path, void *handle);
void plugin_set_free(struct plugin_set *set);
/* The table type, loading its plugin if it is not yet (safe from several threads at once). */
const struct ba_table_type *plugin_set_table(const struct plugin_set *set, const char *type, size_t type_len);
/* Load every plugin not loaded yet that binds a sysfs bus / every one.  0, or the first error (reported). */
int plugin_set_load_buses(struct plugin_set *set);
int plugin_set_load_all(struct plugin_set *set);
/* Write dir/plugins.index describing the plugins of set loaded from dir: 0 or -errno (reported). */
int plugin_set_write_index(const struct plugin_set *set, const char *dir);
#define PLUGIN_INDEX_NAME "plugins.index"

/* aliasfmt.c: a table type's declarative alias (no formatter of its own). */
int format_parts(const struct ba_table_type *tt, struct ba_out *out, const struct ba_entry *e);
/* 0, or -1 with why written, for a malformed declaration. */
int check_parts(const struct ba_table_type *tt, char *why, size_t len);

/* generate.c */
struct alias_list {
	char **alias;
	const char **type;  /* table type of each alias (static storage of the plugin) */
	size_t n, cap;
	/* open-addressing set of indices into alias[] */
	uint32_t *slots;
	size_t n_slots;
	/* the strings alias[] points to, many to a block: a malloc() and a free() each cost more than the
	 * rest of an alias's handling */
	struct alias_block *blocks;
};
void alias_list_release(struct alias_list *l);
/* false if already present */
bool alias_list_add(struct alias_list *l, const char *alias, const char *type);

struct gen_result {
	char *path;
	char *name;
	uint32_t kver;
	struct alias_list aliases;
	unsigned warnings;
	bool too_many_aliases;  /* BA_MAX_MODULE_ALIASES reached */
	char *messages;  /* warnings captured while generating in parallel, printed in output order */
	int error;       /* generate_module()'s return */
};

/* Scan one module; 0, or -errno when the file could not be read at all. */
int generate_module(const struct plugin_set *plugins, const char *path, struct gen_result *res);
/* generate_module() flags */
enum {
	/* First the module's own .modinfo alias= strings, in file order (as depmod writes them), checked like
	 * generated aliases (type "modinfo"); then the generated ones not among them. */
	GEN_MODINFO_ALIASES = 1 << 0,
};
int generate_module_flags(const struct plugin_set *plugins, const char *path, unsigned flags, struct gen_result *res);
/* The same for a module in memory; name stands for its path (its suffix picks the decompressor). */
int generate_module_mem(const struct plugin_set *plugins, const char *name, const void *data, size_t len,
			struct gen_result *res);
/* Any of the above: data NULL reads path. */
int generate_module_any(const struct plugin_set *plugins, const char *path, const void *data, size_t len,
			unsigned flags, struct gen_result *res);
void gen_result_release(struct gen_result *r);

/*
 * The layout of a table of table_size bytes: the struct of kernel kver, among its variants the one whose
 * size divides the table; without a version (kver 0) the newest struct that does.  When several fit, the
 * table's bytes (data; NULL: not known) rule some out: C zeroes a static object's padding, so a layout
 * with a non-zero byte in its padding is not the table's.  Among the variants of one kernel version,
 * the one with the most padding, all zero, is the stronger claim (x86_cpu_id of 4.4-5.6: 16-byte
 * entries, or 24 with the stable back-ports' steppings; 96 bytes fit both).  *ambiguous when another
 * candidate left places the fields differently.  NULL on a bad declaration (*err).
 */
struct placed_layout *choose_layout(const struct ba_table_type *tt, uint32_t kver, const struct ba_target *t,
				    const uint8_t *data, uint64_t table_size, bool *ambiguous, int *err);

/* The write to sysfs: sysfs_write_real(), or in tests a simulated kernel.  root is the sysfs root. */
typedef int sysfs_write_fn(void *data, const char *root, const char *path, const char *value);

/* config.c */
struct ba_config {
	char *plugin_dir;
	char **added_plugin_dirs;  /* loaded after plugin_dir, in order ([core] add_plugin_dir, --add-plugin-dir) */
	size_t n_added_plugin_dirs;
	char *basedir;
	char *kernel;
	char *moduledir;    /* as depmod -m: BASEDIR/MODULEDIR/KERNEL; NULL: lib/modules, else usr/lib/modules */
	char *module_root;  /* explicit module tree, overrides basedir/moduledir/kernel */
	char *alias_file;
	char *sysfs_root;
	char *lock_dir;
	char *modprobe;
	char *prefix;
	char *overrides_dir;  /* persisted overrides, one file per device (bind --persist) */
	char *pci_ids;        /* pci.ids for status's names; NULL: the usual places; "none": no names */
	double lock_timeout;  /* seconds to wait for a device lock; 0: do not wait */
	bool quiet;
	sysfs_write_fn *sysfs_write;  /* NULL: sysfs_write_real (not a configuration key: for simulations) */
	void *sysfs_write_data;
};
void config_init(struct ba_config *c);
/* 0, or -EINVAL after reporting every bad line as file:line. Missing file: -ENOENT, silently. */
int config_load(struct ba_config *c, const char *path);
/* The same from an open stream; path names it in messages. */
int config_load_stream(struct ba_config *c, FILE *f, const char *path);
void config_release(struct ba_config *c);
void config_set(char **field, const char *value);
/* Append a plugin directory to load after plugin_dir. */
void config_add_plugin_dir(struct ba_config *c, const char *dir);
/* A duration in seconds ("30", "0.5"): 0, or -EINVAL. */
int parse_seconds(const char *s, double *out);

/* ---- bind half: match, bind, restore, status ---- */

/* aliasdb.c: modules.alias lookup with modprobe's fnmatch(3) semantics. */
struct alias_candidate {
	char *pattern;
	char *module;
	unsigned stars;     /* '*' in the pattern: fewer is more specific */
	unsigned literals;  /* characters that are not wildcards: more is more specific */
	size_t line;        /* 1-based line in the file: earlier wins a full tie */
};
struct alias_matches {
	struct alias_candidate *v;  /* best first */
	size_t n;
};
/* 0 (possibly no candidates), or -errno after reporting.  all=false keeps only the best. */
int alias_lookup(const char *alias_file, const char *modalias, bool all, struct alias_matches *out);
/* The same over a modules.alias already in memory; name is the file named in messages. */
int alias_lookup_buffer(const char *name, const char *data, size_t len, const char *modalias, bool all,
			struct alias_matches *out);
void alias_matches_release(struct alias_matches *m);
/* -1/0/1: is a more specific than b (the documented order). */
int alias_candidate_cmp(const struct alias_candidate *a, const struct alias_candidate *b);
/* The modules.alias the configuration designates (malloc'd); NULL after reporting why there is none. */
char *config_alias_file(const struct ba_config *cfg);
/* The same without reporting a missing tree: 0, -EINVAL (reported), or -ENOENT with both candidates
 * in *out and *alt (see module_tree_path()). */
int config_alias_path(const struct ba_config *cfg, char **out, char **alt);

/* sysfs.c: every access is relative to a configurable root; every write goes through one function. */
/*
 * The steps of a bind, unbind-only and restore, each by the one name its messages use ("step 'unbind'
 * failed", "roll back: unbind"), the dry run's plan (ba_plan_get_step_name(), busalias_bind(3)) and
 * bind.c's step table.  Macros, so that a message is still one literal.
 */
#define STEP_READ_STATE "read state"
#define STEP_CHOOSE_MODULE "choose module"
#define STEP_IOMMU_CHECK "iommu check"
#define STEP_LOAD_MODULE "load module"
#define STEP_DRIVER_NAME "driver name"
#define STEP_ALREADY_BOUND "already bound"
#define STEP_BUSY "busy"
#define STEP_DRIVER_OVERRIDE "driver_override"
#define STEP_UNBIND "unbind"
#define STEP_DRIVERS_PROBE "drivers_probe"
#define STEP_BIND "bind"
#define STEP_CLEAR_DRIVER_OVERRIDE "clear driver_override"
#define STEP_VERIFY "verify"
/* The steps that are one write to a sysfs attribute of the same name (clearing driver_override aside). */
#define STEP_WRITES { STEP_DRIVER_OVERRIDE, STEP_UNBIND, STEP_DRIVERS_PROBE, STEP_BIND }

/* plan.c: the steps of a dry run as data (the API's plan) instead of printed lines. */
struct plan_step {
	char *name;   /* STEP_LOAD_MODULE, STEP_DRIVER_OVERRIDE, ...: as the step messages name it */
	char **args;  /* NULL-terminated */
	size_t n_args;
};
struct plan {
	struct plan_step *steps;
	size_t n;
};
void plan_add(struct plan *p, const char *name, const char *const args[]);
void plan_release(struct plan *p);

struct sysfs {
	const char *root;
	bool dry_run;
	struct plan *plan;  /* dry run: record the writes here instead of printing them */
	sysfs_write_fn *write;
	void *write_data;
	struct ba_sysfs view;  /* for plugin hooks */
};
/* A dry run's "verify" step: DEVPATH/driver is (or, is_driver false, is no longer) driver. */
void plan_add_verify(struct plan *p, const struct sysfs *s, const char *devpath, const char *driver, bool is_driver);
/* With the real write(2); set write (and write_data) after to substitute another. */
void sysfs_init(struct sysfs *s, const char *root, bool dry_run);
/* At cfg's sysfs_root, with cfg's write function. */
void sysfs_init_config(struct sysfs *s, const struct ba_config *cfg, bool dry_run);
/* A one-line attribute, trailing newlines removed: its length, or -errno.  More than
 * min(len - 1, BA_MAX_SYSFS_ATTR) bytes (-EFBIG) or a control byte inside (-EINVAL) is warned about. */
int sysfs_read(const struct sysfs *s, const char *path, char *buf, size_t len);
int sysfs_resolve(const struct sysfs *s, const char *path, char *buf, size_t len);
int sysfs_list(const struct sysfs *s, const char *dir, int (*fn)(void *ud, const char *name), void *ud);
bool sysfs_exists(const struct sysfs *s, const char *path);
/* Basename of the link's target ("driver" -> "e1000e"); -ENOENT if no link. */
int sysfs_link_name(const struct sysfs *s, const char *path, char *buf, size_t len);
/* One write(2) of value; in dry-run mode only printed. */
int sysfs_write(const struct sysfs *s, const char *path, const char *value);
sysfs_write_fn sysfs_write_real;

/* exec.c: run argv[0] (PATH search if it has no '/') and wait.  Exit status, or -errno. */
int run_argv(char *const argv[], bool dry_run);

/* lock.c: exclusive per-device lock in lock_dir, waiting up to timeout seconds for another holder.
 * Returns an fd, -ETIMEDOUT if the holder kept it, or -errno. */
char *device_lock_path(const char *lock_dir, const char *bus, const char *name);
int device_lock(const char *lock_dir, const char *bus, const char *name, double timeout);

/* device.c */
struct ba_device {
	const struct busalias_plugin *plugin;  /* of the device that is rebound */
	const char *bus;                       /* its sysfs bus */
	char name[256];                        /* its sysfs name */
	char devpath[1024];                    /* canonical, relative to the sysfs root */
	char modalias[1024];                   /* "" if it has none */
	/* What the user named, when it differs (ACPI description -> physical node). */
	const struct busalias_plugin *via_plugin;
	char via_name[256];
	/* The public object (busalias/busalias.h) is this struct too; unused (zero) on the stack. */
	int refcount;
	struct ba_ctx *ctx;
	char *match_alias;
	char *via;
};
int device_resolve(const struct plugin_set *set, const struct sysfs *sys, const char *arg, struct ba_device *dev);
/* Every bindable device on every plugin's bus that exists in sysfs, for status without arguments: buses in
 * name order, devices in name order; an ACPI description appears as its physical node, via set. */
int device_list_all(const struct plugin_set *set, const struct sysfs *sys, struct ba_device **out, size_t *n);
const char *device_match_prefix(const struct ba_device *dev, const struct ba_config *cfg);

/* bind.c */
struct bind_opts {
	const char *driver;  /* --driver: a module (or driver) name; NULL: best match; "none": unbind only */
	bool dry_run, force, no_load;
	bool no_iommu_check;    /* --no-iommu-check: bind a VFIO driver without an IOMMU */
	bool no_group_warning;  /* the caller warns about the IOMMU group once every device is bound */
};
/* Return a ba_exit status; every step is reported on stderr. */
int bind_device(const struct ba_config *cfg, const struct sysfs *sys, const struct ba_device *dev,
		const struct bind_opts *o);
int restore_device(const struct ba_config *cfg, const struct sysfs *sys, const struct ba_device *dev, bool dry_run);
/* iommu.c: the IOMMU group number of a device (basename of its iommu_group link). */
int iommu_group_of(const struct sysfs *sys, const struct ba_device *dev, char *group, size_t len);
/* Warn about every other member of dev's IOMMU group bound to a host (non-VFIO) driver. */
void warn_group(const struct sysfs *sys, const struct ba_device *dev);
/* Does a member bound to drv keep the group from VFIO (a driver, not vfio*, pci-stub or pcieport)? */
bool iommu_group_host_driver(const char *drv);

/* ---- end of the bind half ---- */

#endif
