// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The plugin SDK's declarative parts, through the core: BA_STRUCT() member
 * lists with version ranges and variants, the newer member kinds (BITMAP,
 * BYTES and CHARS arrays), declared aliases (ba_part) and the alias builder.
 */
#include <criterion/criterion.h>

#include "unit.h"

TestSuite(sdk, .fini = unit_leak_check);

static struct ba_target bt(const struct mkm_target *t)
{
	return (struct ba_target){ .elfclass = (uint8_t)t->elfclass, .big_endian = t->big_endian, .machine = t->machine };
}

/* ---- member lists ---- */

#define DEMO_ID(F, V, p)                                                           \
	F(p, U16, flags)                                                           \
	F(p, U16, vendor)                                                          \
	F(p, CHARS, name, .count = 8, .until = BA_KVER(5, 0, 0))                  \
	V(p, CHARS, name, .count = 12, .since = BA_KVER(5, 0, 0))                 \
	F(p, U8, rev, .since = BA_KVER(4, 0, 0))                                   \
	F(p, ULONG, driver_data)
BA_STRUCT(demo, DEMO_ID);

Test(sdk, struct_list_gives_slots_and_members)
{
	cr_expect_eq(demo__SLOTS, 5);
	cr_expect_eq(demo_rev, 3);
	cr_expect_eq(BA_COUNT(demo_fields), 6);
	cr_expect_eq(demo_fields[3].slot, demo_name, "V() reuses the slot");
	cr_expect_str_eq(demo_fields[4].name, "rev");
}

static const struct ba_table_type demo_tt = BA_TABLE(demo, "demo", "demo_device_id", .alias_prefix = "demo:");

static uint32_t size_at(uint32_t kver, const struct mkm_target *mt)
{
	struct ba_target t = bt(mt);
	int err = 0;
	struct placed_layout *pl = layout_place(&demo_tt, kver, 0, &t, &err);
	uint32_t size;

	cr_assert_not_null(pl);
	size = pl->size;
	free(pl);
	return size;
}

Test(sdk, members_by_kernel_version)
{
	/* 2+2+8 (+pad to 8) +8 */
	cr_expect_eq(size_at(BA_KVER(3, 10, 0), &T_X86_64), 24);
	/* 2+2+8+1 (+pad) +8 */
	cr_expect_eq(size_at(BA_KVER(4, 9, 0), &T_X86_64), 24);
	/* 2+2+12+1 (+pad to 24) +8 */
	cr_expect_eq(size_at(BA_KVER(6, 1, 0), &T_X86_64), 32);
	/* ILP32: 2+2+12+1 (+pad to 20) +4 */
	cr_expect_eq(size_at(BA_KVER(6, 1, 0), &T_I386), 24);
	/* m68k: 2+2+12+1 (+pad to 18) +4 */
	cr_expect_eq(size_at(BA_KVER(6, 1, 0), &T_M68K), 22);
}

/* x86_cpu_id-like: mainline inserted `steppings`, stable kernels appended it; 16 -> 24 bytes (LP64). */
#define CPU_ID(F, V, p)                                                                      \
	F(p, U16, vendor)                                                                    \
	F(p, U16, family)                                                                    \
	F(p, U16, model)                                                                     \
	F(p, U16, steppings, .since = BA_KVER(5, 7, 0))                                      \
	F(p, U16, feature)                                                                   \
	F(p, ULONG, driver_data)                                                             \
	V(p, U16, steppings, .until = BA_KVER(5, 7, 0), .variants = 1u << 1)
BA_STRUCT(cpu, CPU_ID);
static const struct ba_table_type cpu_tt = BA_TABLE(cpu, "cpuid", "cpu_id", .n_variants = 2, .alias_prefix = "c:");

static uint32_t feature_offset_of(uint32_t kver, const uint8_t *data, uint64_t table_size, bool *amb)
{
	struct ba_target t = bt(&T_X86_64);
	int err = 0;
	struct placed_layout *pl = choose_layout(&cpu_tt, kver, &t, data, table_size, amb, &err);
	uint32_t off = 0;

	cr_assert_not_null(pl);
	for (uint32_t i = 0; i < pl->n_fields; i++)
		if (pl->fields[i].slot == cpu_feature)
			off = pl->fields[i].offset;
	free(pl);
	return off;
}

static uint32_t feature_offset(uint32_t kver, uint64_t table_size, bool *amb)
{
	return feature_offset_of(kver, NULL, table_size, amb);
}

Test(sdk, variants_told_apart_by_entry_size)
{
	bool amb;

	/* 5.4 without the back-port: 16-byte entries, feature at 6 */
	cr_expect_eq(feature_offset(BA_KVER(5, 4, 0), 5 * 16, &amb), 6);
	cr_expect_not(amb);
	/* 5.4 with it: 24-byte entries, steppings after driver_data, feature still at 6 */
	cr_expect_eq(feature_offset(BA_KVER(5, 4, 0), 3 * 24, &amb), 6);
	cr_expect_not(amb);
	/* 48 bytes: 3 x 16 or 2 x 24, said so */
	feature_offset(BA_KVER(5, 4, 0), 48, &amb);
	cr_expect(amb);
	/* mainline: inserted, feature at 8 */
	cr_expect_eq(feature_offset(BA_KVER(6, 1, 0), 3 * 24, &amb), 8);
	cr_expect_not(amb);
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;  /* T_X86_64: little-endian */
	p[1] = (uint8_t)(v >> 8);
}

/* 96 bytes fit 6 x 16 and 4 x 24: the padding the 24-byte layout has (after steppings) tells. */
Test(sdk, variants_told_apart_by_padding)
{
	uint8_t t24[96] = { 0 }, t16[96] = { 0 };
	bool amb;

	/* Three 24-byte entries and the terminator: vendor, family, model, feature, driver_data, steppings. */
	for (int e = 0; e < 3; e++) {
		put16(t24 + 24 * e + 2, 6);
		put16(t24 + 24 * e + 4, (uint16_t)(0x3c + e));
		put16(t24 + 24 * e + 6, (uint16_t)(0x81 * e));
		t24[24 * e + 8] = (uint8_t)(e + 1);
		put16(t24 + 24 * e + 16, 0x00ff);
	}
	/* Under 16-byte entries nothing is padding: the 24-byte layout's zero padding (6 bytes an entry) wins. */
	cr_expect_eq(feature_offset_of(BA_KVER(5, 4, 0), t24, sizeof(t24), &amb), 6);
	cr_expect_not(amb);
	/* Five 16-byte entries and the terminator: as 24-byte entries, padding would hold family and model. */
	for (int e = 0; e < 5; e++) {
		put16(t16 + 16 * e + 2, 6);
		put16(t16 + 16 * e + 4, (uint16_t)(0x3c + e));
		t16[16 * e + 8] = (uint8_t)(e + 1);
	}
	cr_expect_eq(feature_offset_of(BA_KVER(5, 4, 0), t16, sizeof(t16), &amb), 6);
	cr_expect_not(amb);
	struct ba_target t = bt(&T_X86_64);
	int err = 0;
	struct placed_layout *pl = choose_layout(&cpu_tt, BA_KVER(5, 4, 0), &t, t16, sizeof(t16), &amb, &err);
	cr_assert_not_null(pl);
	cr_expect_eq(pl->size, 16);
	free(pl);
	pl = choose_layout(&cpu_tt, BA_KVER(5, 4, 0), &t, t24, sizeof(t24), &amb, &err);
	cr_assert_not_null(pl);
	cr_expect_eq(pl->size, 24);
	free(pl);
}

/* BITMAP, CHARS and BYTES arrays, and a bit field. */
#define BITS_ID(F, V, p)                                  \
	F(p, U32, flags)                                  \
	F(p, BITMAP, keys, .count = 0x2ff)                \
	F(p, CHARS, ids, .count = 8, .elems = 3)          \
	F(p, BYTES, matches, .count = 5, .elems = 2)      \
	F(p, BYTES, uuid, .count = 16)
BA_STRUCT(bits, BITS_ID);
static const struct ba_table_type bits_tt = BA_TABLE(bits, "bits", "bits_id", .alias_prefix = "b:");

Test(sdk, bitmap_length_follows_the_target_long)
{
	struct ba_target t64 = bt(&T_S390X), t32 = bt(&T_PPC);
	int err = 0;
	struct placed_layout *a = layout_place(&bits_tt, 0, 0, &t64, &err), *b = layout_place(&bits_tt, 0, 0, &t32, &err);

	cr_assert(a && b);
	/* 0x2ff / 64 + 1 = 12 longs; 0x2ff / 32 + 1 = 24 longs: 96 bytes either way */
	cr_expect_eq(a->fields[1].offset, 8);
	cr_expect_eq(a->fields[1].size, 96);
	cr_expect_eq(a->fields[1].elem_size, 8);
	cr_expect_eq(b->fields[1].offset, 4);
	cr_expect_eq(b->fields[1].size, 96);
	cr_expect_eq(b->fields[1].elem_size, 4);
	/* byte arrays align as bytes */
	cr_expect_eq(a->fields[2].offset, 104);
	cr_expect_eq(a->fields[2].size, 24);
	cr_expect_eq(a->fields[3].offset, 128);
	cr_expect_eq(a->fields[4].offset, 138);
	cr_expect_eq(a->size, 160);
	cr_expect_eq(b->size, 152);
	free(a);
	free(b);
}

Test(sdk, bitmap_bits_and_arrays_decode)
{
	struct ba_target t = bt(&T_S390X);
	int err = 0;
	struct placed_layout *pl = layout_place(&bits_tt, 0, 0, &t, &err);
	uint8_t e[160] = { 0 };
	struct ba_value v[bits__SLOTS];
	char strs[64], buf[16];

	cr_assert_not_null(pl);
	/* big-endian 64-bit longs: bit 0 is the last byte of long 0; bit 0x71 is bit 49 of long 1 */
	e[8 + 7] = 0x01;
	e[8 + 8 + 7 - 49 / 8] = 1u << (49 % 8);
	memcpy(e + 104, "PNP0A03\0PNP0C0F", 16);
	e[128] = 0x0b; /* slot:7 = 5, exact_match:1 = 1 on a big-endian target */
	memcpy(e + 129, "abcd", 4);
	layout_decode(pl, &t, e, v, bits__SLOTS, strs);
	cr_expect(ba_bit(&v[bits_keys], 0));
	cr_expect(ba_bit(&v[bits_keys], 0x71));
	cr_expect_not(ba_bit(&v[bits_keys], 0x70));
	cr_expect_not(ba_bit(&v[bits_keys], 5000), "past the end reads as 0");
	cr_expect_str_eq(v[bits_ids].str, "PNP0A03");
	cr_expect_str_eq(ba_chars(&v[bits_ids], 1, buf, sizeof(buf)), "PNP0C0F");
	cr_expect_str_eq(ba_chars(&v[bits_ids], 2, buf, sizeof(buf)), "");
	cr_expect_str_eq(ba_chars(&v[bits_ids], 3, buf, sizeof(buf)), "", "past the end");
	cr_expect_eq(ba_bitfield(ba_bytes(&v[bits_matches], 0)[0], 0, 7, 1), 5);
	cr_expect_eq(ba_bitfield(ba_bytes(&v[bits_matches], 0)[0], 7, 1, 1), 1);
	/* the same byte on a little-endian target: slot is the low 7 bits */
	cr_expect_eq(ba_bitfield(0x85, 0, 7, 0), 5);
	cr_expect_eq(ba_bitfield(0x85, 7, 1, 0), 1);
	cr_expect_eq(ba_bytes(&v[bits_matches], 1), e + 133);
	cr_expect_null(ba_bytes(&v[bits_matches], 2));
	free(pl);
}

/* ---- declared aliases ---- */

#define FMT_ID(F, V, p)                                        \
	F(p, U16, match_flags)                                 \
	F(p, U16, vendor)                                      \
	F(p, U8, cls)                                          \
	F(p, U32, dev)                                         \
	F(p, U8, mode, .until = BA_KVER(6, 14, 0))             \
	F(p, CHARS, name, .count = 12)
BA_STRUCT(fmt, FMT_ID);
static const struct ba_part fmt_parts[] = {
	BA_HEX_IF("v", fmt_vendor, fmt_match_flags, 0x1),
	BA_HEX("c", fmt_cls, ONES),
	BA_HEX("d", fmt_dev, ZERO),
	BA_HEX("x", fmt_dev, VALUE, .value = 7, .width = 2, .lower = 1),
	BA_HEX("m", fmt_mode, NEVER, .until = BA_KVER(6, 14, 0)),
	BA_STR("n", fmt_name, .any = BA_ANY_ZERO, .underscores = 1),
	BA_LIT(":end"),
};
static const struct ba_table_type fmt_tt =
	BA_TABLE(fmt, "fmt", "fmt_id", BA_ALIAS("fmt:", BA_ALIAS_WILDCARD, fmt_parts));

struct collected {
	char alias[4][BA_ALIAS_MAX];
	char warn[4][BA_ALIAS_MAX];
	unsigned n_alias, n_warn;
};

static int collect_emit(struct ba_out *out, const char *alias)
{
	struct collected *c = out->priv;

	snprintf(c->alias[c->n_alias++ % 4], BA_ALIAS_MAX, "%s", alias);
	return 0;
}

static void collect_warn(struct ba_out *out, const char *msg)
{
	struct collected *c = out->priv;

	snprintf(c->warn[c->n_warn++ % 4], BA_ALIAS_MAX, "%s", msg);
}

/* One fmt_id entry on x86_64 in kernel kver through the declared alias. */
static void format_fmt(uint32_t kver, uint16_t flags, uint16_t vendor, uint8_t cls, uint32_t dev, uint8_t mode,
		       const char *name, struct collected *c)
{
	struct ba_target t = bt(&T_X86_64);
	int err = 0;
	struct placed_layout *pl = layout_place(&fmt_tt, kver, 0, &t, &err);
	uint8_t e[32] = { 0 };
	struct ba_value v[fmt__SLOTS];
	char strs[32];

	cr_assert_not_null(pl);
	memcpy(e, &flags, 2);
	memcpy(e + 2, &vendor, 2);
	e[4] = cls;
	memcpy(e + 8, &dev, 4);
	if (kver < BA_KVER(6, 14, 0)) {
		e[12] = mode;
		memcpy(e + 13, name, strnlen(name, 12));
	} else {
		memcpy(e + 12, name, strnlen(name, 12));
	}
	layout_decode(pl, &t, e, v, fmt__SLOTS, strs);
	memset(c, 0, sizeof(*c));
	struct ba_out o = { .struct_size = sizeof(o), .priv = c, .emit = collect_emit, .warn = collect_warn };
	struct ba_entry en = { .struct_size = sizeof(en), .kver = kver, .v = v, .n_slots = fmt__SLOTS, .ulong_size = 8 };
	cr_expect_eq(format_parts(&fmt_tt, &o, &en), 1);
	free(pl);
}

Test(sdk, declared_alias_parts)
{
	struct collected c;

	format_fmt(BA_KVER(6, 1, 0), 1, 0x8086, 0x02, 0x1234, 3, "a b\tc", &c);
	cr_expect_str_eq(c.alias[0], "fmt:v8086c02d00001234x1234m03na_b_c:end*");
	/* flag clear, any values, empty name, no mode part from 6.14 */
	format_fmt(BA_KVER(6, 14, 0), 0, 0x8086, 0xff, 0, 0, "", &c);
	cr_expect_str_eq(c.alias[0], "fmt:v*c*d*x00n*:end*");
	format_fmt(BA_KVER(6, 14, 0), 0, 0, 1, 7, 0, "z", &c);
	cr_expect_str_eq(c.alias[0], "fmt:v*c01d00000007x*nz:end*");
	cr_expect_eq(c.n_warn, 0);
}

/* Without vermagic the newest fitting layout is used, so the newest format too. */
Test(sdk, declared_alias_unknown_kernel)
{
	static const struct ba_part parts[] = {
		BA_HEX("o", fmt_cls, NEVER, .until = BA_KVER(5, 0, 0)),
		BA_HEX("n", fmt_cls, ONES, .since = BA_KVER(5, 0, 0)),
	};
	const struct ba_table_type tt = BA_TABLE(fmt, "fmt", "fmt_id", BA_ALIAS("fmt:", 0, parts));
	struct ba_value v[fmt__SLOTS] = { [fmt_cls] = { .u = 0xff, .size = 1, .present = 1 } };
	struct collected c;
	struct ba_out o = { .struct_size = sizeof(o), .priv = &c, .emit = collect_emit, .warn = collect_warn };
	struct ba_entry en = { .struct_size = sizeof(en), .v = v, .n_slots = fmt__SLOTS, .ulong_size = 8 };
	const struct { uint32_t kver; const char *alias; } cases[] = {
		{ BA_KVER(4, 19, 0), "fmt:oFF" }, { BA_KVER(5, 0, 0), "fmt:n*" }, { 0, "fmt:n*" },
	};

	for (unsigned i = 0; i < BA_COUNT(cases); i++) {
		memset(&c, 0, sizeof(c));
		en.kver = cases[i].kver;
		cr_expect_eq(format_parts(&tt, &o, &en), 1);
		cr_expect_str_eq(c.alias[0], cases[i].alias);
	}
}

Test(sdk, declarations_are_checked)
{
	static const struct ba_part bad_slot[] = { BA_HEX("v", 9, ONES) };
	static const struct ba_part bad_flag_slot[] = { BA_HEX_IF("v", fmt_vendor, 40, 1) };
	static const struct ba_part no_text[] = { { .kind = BA_PART_LIT } };
	const struct ba_table_type bad[] = {
		BA_TABLE(fmt, "a", "a", BA_ALIAS("a:", 0, bad_slot)),
		BA_TABLE(fmt, "b", "b", BA_ALIAS("b:", 0, bad_flag_slot)),
		BA_TABLE(fmt, "c", "c", BA_ALIAS("c:", 0, no_text)),
		BA_TABLE(fmt, "d", "d"),
	};
	char why[256];

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		cr_expect_eq(check_parts(&bad[i], why, sizeof(why)), -1, "declaration %zu accepted", i);
	cr_expect_eq(check_parts(&fmt_tt, why, sizeof(why)), 0, "%s", why);
}

/* ---- the builder ---- */

Test(sdk, alias_builder_never_truncates)
{
	struct collected c = { 0 };
	struct ba_out o = { .struct_size = sizeof(o), .priv = &c, .emit = collect_emit, .warn = collect_warn };
	struct ba_alias a;

	ba_alias_init(&a, "x:");
	ba_alias_add_hex(&a, "v", 1, 0xab, 4);
	ba_alias_add_hex(&a, "d", 0, 0, 4);
	ba_alias_hex(&a, 0xc, 2, 1);
	ba_alias_addf(&a, "n%u", 42u);
	ba_alias_wildcard(&a);
	ba_alias_wildcard(&a);
	cr_expect_eq(ba_alias_emit(&o, &a), 0);
	cr_expect_str_eq(c.alias[0], "x:v00ABd*0cn42*");

	ba_alias_init(&a, "long:");
	for (int i = 0; i < 200; i++)
		ba_alias_add(&a, "abc");
	cr_expect(a.overflow);
	cr_expect_lt(a.len, (uint32_t)BA_ALIAS_MAX);
	cr_expect_eq(ba_alias_emit(&o, &a), -ENAMETOOLONG);
	cr_expect_eq(c.n_alias, 1, "an alias that did not fit is not emitted");
	cr_expect_str_eq(c.warn[0], "alias longer than 510 bytes, entry skipped");
	ba_alias_init(&a, "");
	ba_alias_addf(&a, "%600d", 1);
	cr_expect(a.overflow);
}

/* ---- the loader ---- */

static const struct ba_table_type *const demo_tables[] = { &demo_tt, NULL };
static const struct ba_table_type *const fmt_tables[] = { &fmt_tt, NULL };
static const struct ba_bus_ops bus_a = BA_BUS_OPS(.sysfs_bus = "demo");
static const struct busalias_plugin plug_a = { .abi_version = BUSALIAS_ABI_CURRENT,
	.struct_size = sizeof(struct busalias_plugin), .name = "a", .tables = demo_tables, .bus = &bus_a };
static const struct busalias_plugin plug_same_type = { .abi_version = BUSALIAS_ABI_CURRENT,
	.struct_size = sizeof(struct busalias_plugin), .name = "b", .tables = demo_tables };
static const struct busalias_plugin plug_same_bus = { .abi_version = BUSALIAS_ABI_CURRENT,
	.struct_size = sizeof(struct busalias_plugin), .name = "c", .tables = fmt_tables, .bus = &bus_a };
static const struct busalias_plugin plug_other = { .abi_version = BUSALIAS_ABI_CURRENT,
	.struct_size = sizeof(struct busalias_plugin), .name = "d", .tables = fmt_tables };

Test(sdk, one_plugin_per_table_type_and_bus)
{
	struct plugin_set set = { 0 };
	struct strbuf log = { 0 };

	ba_log_capture(&log);
	cr_expect_eq(plugin_set_add(&set, &plug_a, "a.so", NULL), 0);
	cr_expect_eq(plugin_set_add(&set, &plug_same_type, "b.so", NULL), -EEXIST);
	cr_expect_eq(plugin_set_add(&set, &plug_same_bus, "c.so", NULL), -EEXIST);
	cr_expect_eq(plugin_set_add(&set, &plug_other, "d.so", NULL), 0);
	ba_log_capture(NULL);
	cr_assert_not_null(log.buf);
	cr_expect(strstr(log.buf, "b.so: plugin 'b' claims the table type 'demo', which plugin 'a' (a.so) already "
				  "handles; ignoring this one"), "%s", log.buf);
	cr_expect(strstr(log.buf, "c.so: plugin 'c' claims the sysfs bus 'demo', which plugin 'a' (a.so) already "
				  "handles; ignoring this one"), "%s", log.buf);
	cr_expect_eq(set.n, 2);
	plugin_set_free(&set);
	strbuf_release(&log);
}
