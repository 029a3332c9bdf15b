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

#define BUSALIAS_ABI_MAJOR 2
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
 * (unsigned long of the target), PTR a target pointer.  CHARS is a char array
 * (a string up to its first NUL), BYTES opaque bytes (a UUID, a struct of
 * bytes), both `count` bytes long per element.  BITMAP is an array of target
 * unsigned longs holding bits 0..count, so its length follows the target's
 * long size, as the kernel's `kernel_ulong_t x[MAX / BITS_PER_LONG + 1]`.
 */
#define BA_FIELD_KINDS(X) \
	X(U8)                 \
	X(U16)                \
	X(U32)                \
	X(U64)                \
	X(ULONG)              \
	X(PTR)                \
	X(CHARS)              \
	X(BYTES)              \
	X(BITMAP)

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
 * decoded value lands in ba_entry.v[].  A member exists in kernels
 * [since, until) (0: unbounded), so one list describes every version of the
 * struct: a member the kernel appended has a `since`, a member whose size
 * changed is declared twice with the same slot and disjoint ranges.
 * `variants` (a bit mask, 0: all) names the layouts a member belongs to where
 * the kernel version cannot tell two layouts apart (x86_cpu_id's `steppings`,
 * appended by stable kernels but inserted by mainline): the core takes the
 * variant whose entry size fits the table.
 */
struct ba_field {
	const char *name;
	uint16_t slot;
	uint16_t kind;     /* enum ba_field_kind */
	uint32_t count;    /* integers: array length (0 = 1); CHARS/BYTES: bytes per element; BITMAP: highest bit */
	uint32_t align;    /* 0: natural; BA_ALIGN_ULONG; else bytes, as __aligned() */
	uint32_t since;    /* BA_KVER() of the first kernel with this member; 0: always */
	uint32_t until;    /* BA_KVER() of the first kernel without it; 0: never removed */
	uint32_t elems;    /* CHARS/BYTES: elements of an array of them (0 = 1) */
	uint32_t variants; /* layout variants (bit v = variant v) with this member; 0: all */
};

/* Long-hand members with explicit slots (BA_STRUCT below writes these for you). */
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
 * A device-id struct declared once, as an X-macro list of members:
 *
 *     #define PCI_ID(F, V, p)                                    \
 *             F(p, U32, vendor)                                  \
 *             ...                                                \
 *             F(p, ULONG, driver_data)                           \
 *             F(p, U32, override_only, .since = BA_KVER(5, 15, 0))
 *     BA_STRUCT(pci, PCI_ID);
 *
 * gives the slots `enum { pci_vendor, ..., pci__SLOTS }` and the member array
 * `pci_fields[]`; BA_TABLE(pci, ...) then uses both, so no count is written by
 * hand.  F(p, KIND, name, options...) declares a member and its slot;
 * V(p, KIND, name, options...) declares another version of member `name`
 * (same slot), e.g. a char array that grew.  Options are ba_field members:
 * .count, .align, .since, .until, .elems, .variants.
 */
#define BA_SLOT_ENUM_(p_, kind_, name_, ...) p_##_##name_,
#define BA_SLOT_NONE_(p_, kind_, name_, ...)
#define BA_FIELD_INIT_(p_, kind_, name_, ...) \
	{ .name = #name_, .slot = p_##_##name_, .kind = BA_KIND_##kind_, __VA_ARGS__ },
#define BA_STRUCT(p, LIST)                                             \
	enum { LIST(BA_SLOT_ENUM_, BA_SLOT_NONE_, p) p##__SLOTS };     \
	static const struct ba_field p##_fields[] = { LIST(BA_FIELD_INIT_, BA_FIELD_INIT_, p) }

/* A decoded field.  Integers are in host order; `str` is NUL-terminated. */
struct ba_value {
	uint64_t u;           /* scalar value, or the first element of an array */
	const uint8_t *raw;   /* the field's bytes, target byte order */
	const char *str;      /* CHARS only: the (first) array up to its first NUL */
	uint32_t size;        /* bytes in the field */
	uint16_t elem_size;   /* bytes per array element (BITMAP: per long) */
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

/* Bit i of a BITMAP field (bit i of long i / BITS_PER_LONG, as the kernel's test_bit()). */
static inline int ba_bit(const struct ba_value *val, unsigned i)
{
	unsigned bits = val->elem_size * 8u;

	if (!val->present || bits == 0)
		return 0;
	return (int)(ba_elem(val, i / bits) >> (i % bits) & 1);
}

/* Element i of a CHARS or BYTES array: its first byte, or NULL past the end. */
static inline const uint8_t *ba_bytes(const struct ba_value *val, unsigned i)
{
	if (!val->present || val->elem_size == 0 || (uint64_t)(i + 1) * val->elem_size > val->size)
		return NULL;
	return val->raw + (size_t)i * val->elem_size;
}

/* Element i of a CHARS array as a string (up to its first NUL) in buf of len bytes; "" past the end. */
static inline const char *ba_chars(const struct ba_value *val, unsigned i, char *buf, size_t len)
{
	const uint8_t *p = ba_bytes(val, i);
	size_t n = 0;

	if (len == 0)
		return "";
	while (p && n < val->elem_size && n + 1 < len && p[n])
		n++;
	if (p)
		memcpy(buf, p, n);
	buf[n] = '\0';
	return buf;
}

/*
 * A bit field inside a byte, as GCC lays it out on the target: declared first
 * means the lowest bits on a little-endian target, the highest on a big-endian
 * one (dmi_strmatch's `slot:7` then `exact_match:1`).  first = the bits
 * declared before it in that byte.
 */
static inline unsigned ba_bitfield(uint8_t byte, unsigned first, unsigned width, int big_endian)
{
	unsigned shift = big_endian ? 8u - first - width : first;

	return (unsigned)(byte >> shift) & ((1u << width) - 1u);
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
 * An alias being built.  Appending never writes past the buffer; an alias that
 * did not fit is reported by ba_alias_emit() (a warning naming file, table and
 * entry) and never emitted cut short.
 */
struct ba_alias {
	char s[BA_ALIAS_MAX];
	uint32_t len;
	uint32_t overflow;
};

static inline void ba_alias_putc(struct ba_alias *a, char c)
{
	if (a->len + 1 < sizeof(a->s)) {
		a->s[a->len++] = c;
		a->s[a->len] = '\0';
	} else {
		a->overflow = 1;
	}
}

static inline void ba_alias_add(struct ba_alias *a, const char *str)
{
	while (*str)
		ba_alias_putc(a, *str++);
}

static inline void ba_alias_init(struct ba_alias *a, const char *prefix)
{
	a->len = 0;
	a->overflow = 0;
	a->s[0] = '\0';
	ba_alias_add(a, prefix);
}

static inline __attribute__((format(printf, 2, 3))) void ba_alias_addf(struct ba_alias *a, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(a->s + a->len, sizeof(a->s) - a->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(a->s) - a->len) {
		a->overflow = 1;
		a->s[a->len] = '\0';
	} else {
		a->len += (uint32_t)n;
	}
}

/*
 * `value` in `width` hex digits (more if it needs them), upper-case unless
 * lower.  By hand, not snprintf(): this runs for every field of every entry
 * and was a fifth of `busalias gen`'s instructions.
 */
static inline void ba_alias_hex(struct ba_alias *a, uint64_t value, unsigned width, int lower)
{
	const char *hex = lower ? "0123456789abcdef" : "0123456789ABCDEF";
	char digits[16];
	unsigned n = 0;

	do {
		digits[n++] = hex[value & 0xf];
		value >>= 4;
	} while (value);
	for (; width > n; width--)
		ba_alias_putc(a, '0');
	while (n > 0)
		ba_alias_putc(a, digits[--n]);
}

/* The kernel's ADD(): `sep`, then the value in `width` upper-case hex digits if match, else '*'. */
static inline void ba_alias_add_hex(struct ba_alias *a, const char *sep, int match, uint64_t value, unsigned width)
{
	ba_alias_add(a, sep);
	if (match)
		ba_alias_hex(a, value, width, 0);
	else
		ba_alias_putc(a, '*');
}

/* Digits ADD() prints for a field: two per byte of a 1, 2 or 4-byte field, none for other sizes. */
static inline unsigned ba_hex_width(const struct ba_value *val)
{
	return val->size == 1 || val->size == 2 || val->size == 4 ? val->size * 2u : 0u;
}

/* A trailing '*' unless there is one, as the kernel's add_wildcard(). */
static inline void ba_alias_wildcard(struct ba_alias *a)
{
	if (a->len == 0 || a->s[a->len - 1] != '*')
		ba_alias_putc(a, '*');
}

/* Emit the alias built in a, or warn that it did not fit.  0 or -errno. */
static inline int ba_alias_emit(struct ba_out *out, const struct ba_alias *a)
{
	if (a->overflow) {
		ba_warnf(out, "alias longer than %d bytes, entry skipped", BA_ALIAS_MAX - 2);
		return -ENAMETOOLONG;
	}
	return out->emit(out, a->s);
}

/*
 * Formats one entry.  Emits zero or more aliases through `out`; returns the
 * number emitted, 0 for an entry that yields none (catch-all, or skipped with a
 * warning), or -errno.
 */
typedef int ba_format_fn(struct ba_out *out, const struct ba_entry *entry);

/*
 * Declarative aliases: most table types are a prefix, then fields in the
 * kernel's ADD() style, then maybe a '*'.  Such a type lists its parts and
 * needs no formatter:
 *
 *     static const struct ba_part hid_parts[] = {
 *             BA_HEX("b", hid_bus, ONES),     // '*' when the field is all ones
 *             BA_HEX("g", hid_group, ZERO),   // '*' when 0
 *             ...
 *     };
 *     ... BA_ALIAS("hid:", 0, hid_parts) ...
 *
 * A part of a slot the chosen layout lacks is left out, as is a part outside
 * its kernel versions [since, until).
 */
enum ba_part_kind { BA_PART_LIT, BA_PART_HEX, BA_PART_STR };

/* When a HEX part prints '*' instead of its value (STR: ZERO = an empty string is '*'). */
enum ba_any {
	BA_ANY_NEVER,  /* always the value */
	BA_ANY_ZERO,   /* 0 is "any" */
	BA_ANY_ONES,   /* all ones of the field's size is "any" */
	BA_ANY_VALUE,  /* .value is "any" */
	BA_ANY_FLAG,   /* printed only if the .flag_slot field has all of .value's bits (match_flags) */
};

struct ba_part {
	uint16_t kind;       /* enum ba_part_kind */
	uint16_t slot;       /* HEX, STR: the field */
	const char *text;    /* LIT: the text; HEX, STR: what comes before the value */
	uint16_t any;        /* enum ba_any */
	uint16_t flag_slot;  /* BA_ANY_FLAG: the match_flags field */
	uint64_t value;      /* BA_ANY_VALUE: the "any" value; BA_ANY_FLAG: the flag bits */
	uint32_t since;      /* printed for kernels [since, until); 0: unbounded */
	uint32_t until;
	uint8_t width;       /* HEX: digits; 0: as ADD() for the field's size */
	uint8_t lower;       /* HEX: lower-case digits */
	uint8_t underscores; /* STR: whitespace becomes '_' */
};

#define BA_LIT(text_, ...) { .kind = BA_PART_LIT, .text = (text_), __VA_ARGS__ }
#define BA_HEX(sep, slot_, any_, ...) { .kind = BA_PART_HEX, .text = (sep), .slot = (slot_), .any = BA_ANY_##any_, __VA_ARGS__ }
#define BA_HEX_IF(sep, slot_, flags_slot_, bits, ...)                                                      \
	{ .kind = BA_PART_HEX, .text = (sep), .slot = (slot_), .any = BA_ANY_FLAG, .flag_slot = (flags_slot_), \
	  .value = (bits), __VA_ARGS__ }
#define BA_STR(sep, slot_, ...) { .kind = BA_PART_STR, .text = (sep), .slot = (slot_), __VA_ARGS__ }

/* ba_table_type.alias_flags */
#define BA_ALIAS_WILDCARD 0x1u  /* append '*' unless the alias ends in one (the kernel's "W" types) */

/* One MODULE_DEVICE_TABLE() type. */
struct ba_table_type {
	uint32_t struct_size;
	const char *type;         /* as in MODULE_DEVICE_TABLE(type, ...) */
	const char *struct_name;  /* "pci_device_id", for messages */
	uint32_t n_slots;
	uint32_t n_fields;
	const struct ba_field *fields;  /* every version's members: see struct ba_field */
	uint32_t n_variants;      /* layouts one kernel version may have (0 = 1) */
	uint32_t since;           /* first kernel whose modpost turns this type into aliases; 0: all */
	ba_format_fn *format;     /* NULL: the declarative alias below */
	const char *alias_prefix;
	uint32_t alias_flags;     /* BA_ALIAS_* */
	uint32_t n_parts;
	const struct ba_part *parts;
};

#define BA_TABLE_TYPE(...)                                     \
	{                                                      \
		.struct_size = sizeof(struct ba_table_type),   \
		__VA_ARGS__                                    \
	}

/* A table type of the struct BA_STRUCT(p, ...) declared: BA_TABLE(pci, "pci", "pci_device_id", .format = f). */
#define BA_TABLE(p, type_, struct_name_, ...)                                                            \
	BA_TABLE_TYPE(.type = (type_), .struct_name = (struct_name_), .n_slots = p##__SLOTS,              \
		      .n_fields = BA_COUNT(p##_fields), .fields = p##_fields, __VA_ARGS__)

/* The declarative alias of a table type: BA_ALIAS("hid:", 0, hid_parts). */
#define BA_ALIAS(prefix, flags, parts_) \
	.alias_prefix = (prefix), .alias_flags = (flags), .n_parts = BA_COUNT(parts_), .parts = (parts_)

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

#define BA_COUNT(a) ((uint32_t)(sizeof(a) / sizeof((a)[0])))

#ifdef __cplusplus
}
#endif
#endif /* BUSALIAS_PLUGIN_H */
