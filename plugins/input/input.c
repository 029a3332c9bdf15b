// SPDX-License-Identifier: LGPL-2.1-or-later
/* The input subsystem's device tables: input_device_id, and those of its transports hid and serio. */
#include <busalias/plugin.h>

/* hid: 3.5 turned pad1 into group (HID_GROUP_ANY 0) and made bus 0xffff (HID_BUS_ANY) a wildcard. */
#define HID_ID(F, V, p)                                          \
	F(p, U16, bus)                                           \
	F(p, U16, pad1, .until = BA_KVER(3, 5, 0))               \
	F(p, U16, group, .since = BA_KVER(3, 5, 0))              \
	F(p, U32, vendor)                                        \
	F(p, U32, product)                                       \
	F(p, ULONG, driver_data)
BA_STRUCT(hid, HID_ID);

static const struct ba_part hid_parts[] = {
	BA_HEX("b", hid_bus, NEVER, .until = BA_KVER(3, 5, 0)),
	BA_HEX("b", hid_bus, ONES, .since = BA_KVER(3, 5, 0)),
	BA_HEX("g", hid_group, ZERO),
	BA_HEX("v", hid_vendor, ONES), /* HID_ANY_ID ~0 */
	BA_HEX("p", hid_product, ONES),
};
static const struct ba_table_type hid_table =
	BA_TABLE(hid, "hid", "hid_device_id", BA_ALIAS("hid:", 0, hid_parts));

/* serio: SERIO_ANY 0xff; the alias order (ty pr id ex) is not the member order. */
#define SERIO_ID(F, V, p) \
	F(p, U8, type)    \
	F(p, U8, extra)   \
	F(p, U8, id)      \
	F(p, U8, proto)
BA_STRUCT(serio, SERIO_ID);

static const struct ba_part serio_parts[] = {
	BA_HEX("ty", serio_type, ONES),
	BA_HEX("pr", serio_proto, ONES),
	BA_HEX("id", serio_id, ONES),
	BA_HEX("ex", serio_extra, ONES),
};
static const struct ba_table_type serio_table =
	BA_TABLE(serio, "serio", "serio_device_id", BA_ALIAS("serio:", BA_ALIAS_WILDCARD, serio_parts));

/*
 * input: kernel_ulong_t bitmaps of INPUT_DEVICE_ID_<X>_MAX / BITS_PER_LONG + 1 longs.  Only SW_MAX
 * changed (0x0f, 0x10 from 5.7, 0x11 from 6.16: the array stays one long); 4.14 added propbit,
 * which moves driver_info but is never printed.
 */
#define INPUT_ID(F, V, p)                                                                    \
	F(p, ULONG, flags)                                                                   \
	F(p, U16, bustype)                                                                   \
	F(p, U16, vendor)                                                                    \
	F(p, U16, product)                                                                   \
	F(p, U16, version)                                                                   \
	F(p, BITMAP, evbit, .count = 0x1f)                                                   \
	F(p, BITMAP, keybit, .count = 0x2ff)                                                 \
	F(p, BITMAP, relbit, .count = 0x0f)                                                  \
	F(p, BITMAP, absbit, .count = 0x3f)                                                  \
	F(p, BITMAP, mscbit, .count = 0x07)                                                  \
	F(p, BITMAP, ledbit, .count = 0x0f)                                                  \
	F(p, BITMAP, sndbit, .count = 0x07)                                                  \
	F(p, BITMAP, ffbit, .count = 0x7f)                                                   \
	F(p, BITMAP, swbit, .count = 0x0f, .until = BA_KVER(5, 7, 0))                        \
	V(p, BITMAP, swbit, .count = 0x10, .since = BA_KVER(5, 7, 0), .until = BA_KVER(6, 16, 0)) \
	V(p, BITMAP, swbit, .count = 0x11, .since = BA_KVER(6, 16, 0))                       \
	F(p, BITMAP, propbit, .count = 0x1f, .since = BA_KVER(4, 14, 0))                     \
	F(p, ULONG, driver_info)
BA_STRUCT(input, INPUT_ID);

/* An unknown kernel (no vermagic) is taken as the newest, as its layout is. */
static int input_since(uint32_t kver, uint32_t since)
{
	return kver == 0 || kver >= since;
}

static unsigned input_sw_max(uint32_t kver)
{
	if (input_since(kver, BA_KVER(6, 16, 0)))
		return 0x11;
	return input_since(kver, BA_KVER(5, 7, 0)) ? 0x10 : 0x0f;
}

static int format_input(struct ba_out *out, const struct ba_entry *e)
{
	static const struct {
		const char *sep;
		uint16_t slot;
		uint16_t flag; /* INPUT_DEVICE_ID_MATCH_* */
		uint16_t min, max;
	} maps[] = {
		{ "-e*", input_evbit, 0x0010, 0, 0x1f },
		{ "k*", input_keybit, 0x0020, 0x71, 0x2ff }, /* from KEY_MIN_INTERESTING */
		{ "r*", input_relbit, 0x0040, 0, 0x0f },
		{ "a*", input_absbit, 0x0080, 0, 0x3f },
		{ "m*", input_mscbit, 0x0100, 0, 0x07 },
		{ "l*", input_ledbit, 0x0200, 0, 0x0f },
		{ "s*", input_sndbit, 0x0400, 0, 0x07 },
		{ "f*", input_ffbit, 0x0800, 0, 0x7f },
		{ "w*", input_swbit, 0x1000, 0, 0 }, /* SW_MAX by version */
	};
	const struct ba_value *v = e->v;
	uint64_t flags = v[input_flags].u;
	/* Until 6.13 the loop was i < max: the MAX bit itself was never printed.  The fix reached
	 * some stable series (6.1.y, 6.12.y) at points the vermagic cannot tell: they count as before. */
	unsigned last = input_since(e->kver, BA_KVER(6, 13, 0)) ? 0 : 1;
	struct ba_alias a;

	ba_alias_init(&a, "input:");
	ba_alias_add_hex(&a, "b", flags & 1, v[input_bustype].u, 4);
	ba_alias_add_hex(&a, "v", flags & 2, v[input_vendor].u, 4);
	ba_alias_add_hex(&a, "p", flags & 4, v[input_product].u, 4);
	ba_alias_add_hex(&a, "e", flags & 8, v[input_version].u, 4);
	for (unsigned m = 0; m < BA_COUNT(maps); m++) {
		unsigned max = maps[m].slot == input_swbit ? input_sw_max(e->kver) : maps[m].max;

		ba_alias_add(&a, maps[m].sep);
		if (!(flags & maps[m].flag))
			continue;
		for (unsigned i = maps[m].min; i + last <= max; i++)
			if (ba_bit(&v[maps[m].slot], i))
				ba_alias_addf(&a, "%X,*", i);
	}
	/* 7.1's modpost stops on an input alias longer than its 256-byte buffer. */
	if (a.len > 255 && !a.overflow && input_since(e->kver, BA_KVER(7, 1, 0))) {
		ba_warnf(out, "alias longer than 255 bytes, which modpost of 7.1+ refuses; entry skipped");
		return 0;
	}
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type input_table =
	BA_TABLE(input, "input", "input_device_id", .format = format_input);

static const struct ba_table_type *const input_tables[] = { &hid_table, &serio_table, &input_table, NULL };

BUSALIAS_PLUGIN(.name = "input", .description = "input, hid and serio device tables", .tables = input_tables);
