// SPDX-License-Identifier: LGPL-2.1-or-later
/* CPU matching: x86_cpu_id (x86cpu) and cpu_feature (cpu) tables. */
#include <busalias/plugin.h>

#define X86_VENDOR_ANY 0xffff
#define X86_FAMILY_ANY 0
#define X86_MODEL_ANY 0
#define X86_FEATURE_ANY 0

/*
 * struct x86_cpu_id (3.4): vendor, family, model, feature (__u16), kernel_ulong_t driver_data.
 * The SRBDS fix (June 2020) added __u16 steppings: mainline (5.8, and 5.7.y) inserted it before
 * feature; the stable back-ports to kernels before 5.7 (4.4.y-5.4.y, Ubuntu's 4.15) appended it
 * after driver_data.  A 4.4-5.6 kernel may have either (the version cannot tell): two variants,
 * chosen by the entry size, or where both fit (96 bytes on LP64) by the zero padding after steppings
 * (before 4.4 and from 5.7 they are the same layout).  __u16 flags followed feature in
 * 6.10 (also back-ported to 6.1.y/6.6.y, where it only moves driver_data on m68k, which has no x86
 * tables: not declared there), __u8 type in 6.15 (ILP32 driver_data 12 -> 16), __u8 platform_mask
 * before type in 7.1.  Only vendor, family, model and feature reach the alias.
 */
#define X86_STABLE 0x2u
#define X86CPU_ID(F, V, p)                                                                          \
	F(p, U16, vendor)                                                                           \
	F(p, U16, family)                                                                           \
	F(p, U16, model)                                                                            \
	F(p, U16, steppings, .since = BA_KVER(5, 7, 0))                                             \
	F(p, U16, feature)                                                                          \
	F(p, U16, flags, .since = BA_KVER(6, 10, 0))                                                \
	F(p, U8, platform_mask, .since = BA_KVER(7, 1, 0))                                          \
	F(p, U8, type, .since = BA_KVER(6, 15, 0))                                                  \
	F(p, ULONG, driver_data)                                                                    \
	V(p, U16, steppings, .since = BA_KVER(4, 4, 0), .until = BA_KVER(5, 7, 0), .variants = X86_STABLE)
BA_STRUCT(x86cpu, X86CPU_ID);

/*
 * 3.4-3.14: x86cpu:vendor:VVVV:family:FFFF:model:MMMM:feature:*
 * 3.15+:    cpu:type:x86,venVVVVfamFFFFmodMMMM:feature:*
 * each field '*' when "any"; then FEAT* unless the feature is "any".
 */
static int format_x86cpu(struct ba_out *out, const struct ba_entry *e)
{
	const struct ba_value *v = e->v;
	int old = e->kver && e->kver < BA_KVER(3, 15, 0);
	struct ba_alias a;

	ba_alias_init(&a, old ? "x86cpu:" : "cpu:type:x86,");
	ba_alias_add_hex(&a, old ? "vendor:" : "ven", v[x86cpu_vendor].u != X86_VENDOR_ANY, v[x86cpu_vendor].u, 4);
	ba_alias_add_hex(&a, old ? ":family:" : "fam", v[x86cpu_family].u != X86_FAMILY_ANY, v[x86cpu_family].u, 4);
	ba_alias_add_hex(&a, old ? ":model:" : "mod", v[x86cpu_model].u != X86_MODEL_ANY, v[x86cpu_model].u, 4);
	ba_alias_add(&a, ":feature:*");
	if (v[x86cpu_feature].u != X86_FEATURE_ANY) {
		ba_alias_hex(&a, v[x86cpu_feature].u, 4, 0);
		ba_alias_putc(&a, '*');
	}
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type x86cpu_table = BA_TABLE(x86cpu, "x86cpu", "x86_cpu_id", .n_variants = 2,
	.since = BA_KVER(3, 4, 0), .format = format_x86cpu);

/* struct cpu_feature { __u16 feature; } (3.15): cpu:type:*:feature:*FEAT* */
#define CPU_FEATURE(F, V, p) F(p, U16, feature)
BA_STRUCT(cpu, CPU_FEATURE);

static const struct ba_part cpu_parts[] = {
	BA_HEX("", cpu_feature, NEVER),
	BA_LIT("*"),
};
static const struct ba_table_type cpu_table = BA_TABLE(cpu, "cpu", "cpu_feature", .since = BA_KVER(3, 15, 0),
	BA_ALIAS("cpu:type:*:feature:*", 0, cpu_parts));

static const struct ba_table_type *const cpu_tables[] = { &x86cpu_table, &cpu_table, NULL };

BUSALIAS_PLUGIN(.name = "cpu", .description = "x86 CPU model and CPU feature match tables", .tables = cpu_tables);
