/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * busalias plugin SDK.
 *
 * A plugin is a shared object exporting one symbol, `busalias_plugin`, of type
 * `const struct busalias_plugin`.  Use BUSALIAS_PLUGIN() to define it.
 *
 * ABI rules (after sudo_plugin.h):
 *  - abi_version is (major << 16 | minor).  The core refuses a plugin whose
 *    major differs from its own, or whose minor is newer than its own.
 *  - Every descriptor struct starts with a struct_size member; members are
 *    only ever appended, and the core never reads past struct_size.  A plugin
 *    built against an older minor therefore keeps working.
 *  - Plugins only hand the core constant data and function pointers; the core
 *    hands plugins `struct ba_entry` and `struct ba_out`, whose helpers below
 *    are static inline, so a plugin links against nothing of the core.
 *
 * Device-table layouts are declared as typed fields, never as C structs: the
 * core computes offsets, sizes and alignment for the module's target ABI (ELF
 * class, byte order, machine quirks), so one plugin reads tables from every
 * architecture.
 */
#ifndef BUSALIAS_PLUGIN_H
#define BUSALIAS_PLUGIN_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BUSALIAS_ABI_MAJOR 1
#define BUSALIAS_ABI_MINOR 0
#define BUSALIAS_ABI_VERSION(maj, min) ((uint32_t)(maj) << 16 | (uint32_t)(min))
#define BUSALIAS_ABI_CURRENT BUSALIAS_ABI_VERSION(BUSALIAS_ABI_MAJOR, BUSALIAS_ABI_MINOR)
#define BUSALIAS_ABI_GET_MAJOR(v) ((uint32_t)(v) >> 16)
#define BUSALIAS_ABI_GET_MINOR(v) ((uint32_t)(v) & 0xffffu)

/* Name of the one symbol a plugin exports. */
#define BUSALIAS_PLUGIN_SYMBOL "busalias_plugin"

/* Kernel versions as compared by layouts: BA_KVER(5, 15, 0). */
#define BA_KVER(a, b, c) ((uint32_t)(a) << 16 | (uint32_t)(b) << 8 | ((c) > 255 ? 255u : (uint32_t)(c)))

/* Longest alias a formatter may emit, including the NUL. */
#define BA_ALIAS_MAX 512

/*
 * Field kinds of a device-table entry.  ULONG is the kernel's kernel_ulong_t
 * (unsigned long of the target), PTR a target pointer, CHARS a char/u8 array
 * whose length is the field's count.
 */
#define BA_FIELD_KINDS(X) \
	X(U8)                 \
	X(U16)                \
	X(U32)                \
	X(U64)                \
	X(ULONG)              \
	X(PTR)                \
	X(CHARS)

enum ba_field_kind {
#define BA_KIND_ENUM(k) BA_KIND_##k,
	BA_FIELD_KINDS(BA_KIND_ENUM)
#undef BA_KIND_ENUM
	BA_KIND__COUNT
};

/* Special value for ba_field.align: __aligned(sizeof(kernel_ulong_t)). */
#define BA_ALIGN_ULONG 0xffffffffu

/*
 * One member of a device-id struct, in declaration order.  `slot` is where the
 * decoded value lands in ba_entry.v[]: it lets several layouts of one table
 * (the kernel changed the struct) share a formatter.  count > 1 makes an
 * array; for CHARS it is the array length.  align overrides the natural
 * alignment (0 = natural), as __aligned() does.
 */
struct ba_field {
	const char *name;
	uint16_t slot;
	uint16_t kind;  /* enum ba_field_kind */
	uint32_t count;
	uint32_t align;
};

#define BA_FIELD_(slot_, name_, kind_, count_, align_) \
	{ .name = (name_), .slot = (slot_), .kind = BA_KIND_##kind_, .count = (count_), .align = (align_) }
#define BA_U8(slot, name) BA_FIELD_(slot, name, U8, 1, 0)
#define BA_U16(slot, name) BA_FIELD_(slot, name, U16, 1, 0)
#define BA_U32(slot, name) BA_FIELD_(slot, name, U32, 1, 0)
#define BA_U64(slot, name) BA_FIELD_(slot, name, U64, 1, 0)
#define BA_ULONG(slot, name) BA_FIELD_(slot, name, ULONG, 1, 0)
#define BA_PTR(slot, name) BA_FIELD_(slot, name, PTR, 1, 0)
#define BA_CHARS(slot, name, len) BA_FIELD_(slot, name, CHARS, len, 0)
#define BA_ARRAY(slot, name, kind, n) BA_FIELD_(slot, name, kind, n, 0)
#define BA_ALIGNED(slot, name, kind, n, align) BA_FIELD_(slot, name, kind, n, align)

/*
 * One version of a device-id struct.  A table type lists its layouts oldest
 * first; the core takes the newest whose `since` is <= the module's kernel
 * version (from vermagic), or infers it from the table size when the module
 * has no vermagic.
 */
struct ba_layout {
	uint32_t since;  /* BA_KVER(); 0 = since the beginning */
	uint32_t n_fields;
	const struct ba_field *fields;
};

/* A decoded field.  Integers are in host order; `str` is NUL-terminated. */
struct ba_value {
	uint64_t u;           /* scalar value, or the first element of an array */
	const uint8_t *raw;   /* the field's bytes, target byte order */
	const char *str;      /* CHARS only: the array up to its first NUL */
	uint32_t size;        /* bytes in the field */
	uint16_t elem_size;   /* bytes per array element */
	uint8_t present;      /* 0 if the chosen layout lacks this slot */
	uint8_t big_endian;
};

/* One device-table entry, as handed to a formatter. */
struct ba_entry {
	uint32_t struct_size;
	uint32_t kver;             /* module's kernel version, 0 if unknown */
	const char *module;        /* module name */
	const char *table_type;    /* "pci" */
	unsigned index;            /* entry number within the table */
	const struct ba_value *v;  /* indexed by slot */
	uint32_t n_slots;
	uint32_t ulong_size;       /* sizeof(kernel_ulong_t) on the target */
};

/* Element i of an integer array field, in host order. */
static inline uint64_t ba_elem(const struct ba_value *val, unsigned i)
{
	uint64_t x = 0;
	unsigned k, n = val->elem_size;

	if (!val->present || n == 0 || (uint64_t)(i + 1) * n > val->size)
		return 0;
	for (k = 0; k < n; k++) {
		unsigned b = val->big_endian ? k : n - 1 - k;
		x = x << 8 | val->raw[(size_t)i * n + b];
	}
	return x;
}

/* Where a formatter sends aliases and per-entry warnings. */
struct ba_out {
	uint32_t struct_size;
	void *priv;
	/* Record one alias; returns 0 or -errno. Duplicates are folded by the core. */
	int (*emit)(struct ba_out *out, const char *alias);
	/* Report a problem with the current entry; the core prefixes file, table and entry. */
	void (*warn)(struct ba_out *out, const char *msg);
};

static inline __attribute__((format(printf, 2, 3))) void ba_warnf(struct ba_out *out, const char *fmt, ...)
{
	char msg[BA_ALIAS_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	out->warn(out, msg);
}

static inline __attribute__((format(printf, 2, 3))) int ba_emitf(struct ba_out *out, const char *fmt, ...)
{
	char alias[BA_ALIAS_MAX];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(alias, sizeof(alias), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(alias)) {
		ba_warnf(out, "alias longer than %d bytes, skipped", BA_ALIAS_MAX - 1);
		return -ENAMETOOLONG;
	}
	return out->emit(out, alias);
}

/*
 * Append to a buffer being built, as the kernel's ADD() does: `sep` then the
 * value in fixed-width upper-case hex, or `*` when the field is a wildcard.
 */
static inline void ba_add_hex(char *buf, size_t len, const char *sep, int match, uint64_t value, int width)
{
	/*
	 * By hand, not snprintf(): this runs for every field of every entry and
	 * was a fifth of `busalias gen`'s instructions.  Same output, including
	 * truncation, as snprintf(buf + used, len - used, "%s%0*llX", ...).
	 */
	static const char hex[] = "0123456789ABCDEF";
	size_t used = strlen(buf);

	if (used >= len)
		return;
	for (; *sep && used + 1 < len; sep++)
		buf[used++] = *sep;
	if (!match) {
		if (used + 1 < len)
			buf[used++] = '*';
	} else {
		char digits[16];
		int n = 0;

		do {
			digits[n++] = hex[value & 0xf];
			value >>= 4;
		} while (value);
		for (int pad = width - n; pad > 0 && used + 1 < len; pad--)
			buf[used++] = '0';
		while (n > 0 && used + 1 < len)
			buf[used++] = digits[--n];
	}
	buf[used] = '\0';
}

/* Ensure a trailing '*', as the kernel's add_wildcard() does. */
static inline void ba_add_wildcard(char *buf, size_t len)
{
	size_t used = strlen(buf);

	if ((used == 0 || buf[used - 1] != '*') && used + 1 < len) {
		buf[used] = '*';
		buf[used + 1] = '\0';
	}
}

/*
 * Formats one entry.  Emits zero or more aliases through `out`; returns the
 * number emitted, 0 for an entry that yields none (catch-all, or skipped with a
 * warning), or -errno.
 */
typedef int ba_format_fn(struct ba_out *out, const struct ba_entry *entry);

/* One MODULE_DEVICE_TABLE() type. */
struct ba_table_type {
	uint32_t struct_size;
	const char *type;         /* as in MODULE_DEVICE_TABLE(type, ...) */
	const char *struct_name;  /* "pci_device_id", for messages */
	uint32_t n_slots;
	uint32_t n_layouts;
	const struct ba_layout *layouts;  /* oldest first */
	ba_format_fn *format;
};

/*
 * Read-only view of sysfs the core hands to bus hooks.  Paths are relative to
 * the sysfs root ("bus/pci/devices/0000:01:00.0"), so a hook works unchanged
 * on the real /sys, on a test tree and in a guest; hooks never write.
 */
struct ba_sysfs {
	uint32_t struct_size;
	void *priv;
	/* Read an attribute, trailing newline removed.  Returns its length or -errno. */
	int (*read)(const struct ba_sysfs *s, const char *path, char *buf, size_t len);
	/* Resolve a symlink (or any path) to a canonical path relative to the root. */
	int (*resolve)(const struct ba_sysfs *s, const char *path, char *buf, size_t len);
	/* Call fn for each entry of a directory (not "." or ".."), sorted; stops at fn's first nonzero. */
	int (*list)(const struct ba_sysfs *s, const char *dir, int (*fn)(void *ud, const char *name), void *ud);
};

/*
 * Binding steps a bus supplies (busalias bind/restore/status).  Generated from
 * one list so the struct and the documentation cannot drift:
 *   X(return type, name, (parameters))
 * Every hook may be NULL, meaning "the bus has nothing special to do".  The
 * generic steps (driver_override, unbind, drivers_probe, verify, roll back)
 * live in the core; a hook only says what differs per bus.
 */
struct ba_bus_ops;
#define BA_BUS_HOOKS(X)                                                                              \
	/* Accept a user's device name in this bus's syntax ("01:00.0") and write the canonical */      \
	/* sysfs name ("0000:01:00.0").  -EINVAL: not this bus's syntax.  NULL: names taken as is. */   \
	X(int, parse_device, (const char *arg, char *name, size_t len))                                  \
	/* The device that must actually be rebound, for buses whose devices are descriptions of */    \
	/* others (ACPI: the physical node).  devpath and out are relative to the sysfs root. */       \
	X(int, physical_node, (const struct ba_sysfs *sys, const char *devpath, char *out, size_t len)) \
	/* 1 if the device is in use and must not be taken without --force (PCI NIC with its */        \
	/* interface up), writing why; 0 if free; -errno if it cannot tell. */                          \
	X(int, busy, (const struct ba_sysfs *sys, const char *devpath, char *why, size_t len))

struct ba_bus_ops {
	uint32_t struct_size;
	const char *sysfs_bus;      /* directory under /sys/bus */
	const char *match_prefix;   /* default `match` prefix, e.g. "vfio_"; NULL: the configured one */
#define BA_BUS_HOOK_FIELD(ret, name, args) ret (*name) args;
	BA_BUS_HOOKS(BA_BUS_HOOK_FIELD)
#undef BA_BUS_HOOK_FIELD
};

#define BA_BUS_OPS(...)                                      \
	{                                                    \
		.struct_size = sizeof(struct ba_bus_ops),    \
		__VA_ARGS__                                  \
	}

/* The descriptor a plugin exports. */
struct busalias_plugin {
	uint32_t abi_version;   /* BUSALIAS_ABI_CURRENT at build time */
	uint32_t struct_size;   /* sizeof(struct busalias_plugin) at build time */
	const char *name;       /* short name: "pci" */
	const char *description;
	const struct ba_table_type *const *tables;  /* NULL-terminated; may be NULL */
	const struct ba_bus_ops *bus;               /* NULL: generation only */
};

#define BA_EXPORT __attribute__((visibility("default")))

/* BUSALIAS_PLUGIN(.name = "pci", .tables = ..., ...) */
#define BUSALIAS_PLUGIN(...)                                         \
	BA_EXPORT extern const struct busalias_plugin busalias_plugin; \
	const struct busalias_plugin busalias_plugin = {             \
		.abi_version = BUSALIAS_ABI_CURRENT,                \
		.struct_size = sizeof(struct busalias_plugin),       \
		__VA_ARGS__                                          \
	}

#define BA_TABLE_TYPE(...)                                     \
	{                                                      \
		.struct_size = sizeof(struct ba_table_type),   \
		__VA_ARGS__                                    \
	}

#define BA_COUNT(a) ((uint32_t)(sizeof(a) / sizeof((a)[0])))

#ifdef __cplusplus
}
#endif
#endif /* BUSALIAS_PLUGIN_H */
