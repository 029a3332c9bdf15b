// SPDX-License-Identifier: LGPL-2.1-or-later
/* DMI: dmi_system_id tables (arrays of dmi_strmatch). */
#include <busalias/plugin.h>

/*
 * struct dmi_system_id { int (*callback)(...); const char *ident; struct dmi_strmatch matches[4];
 * void *driver_data; }, unchanged since 3.0.  struct dmi_strmatch is 80 bytes: a byte holding the
 * slot (`unsigned char slot`, from 3.11 the bit fields `slot:7, exact_match:1`), then char substr[79].
 */
#define DMI_ID(F, V, p)                                 \
	F(p, PTR, callback)                             \
	F(p, PTR, ident)                                \
	F(p, BYTES, matches, .count = 80, .elems = 4)   \
	F(p, PTR, driver_data)
BA_STRUCT(dmi, DMI_ID);

/* The alias's fields, in modpost's order. */
enum dmi_key { BVN, BVR, BD, BR, EFR, SVN, PN, PVR, RVN, RN, RVR, CVN, CT, CVR, N_KEYS };

static const char *const dmi_prefix[N_KEYS] = {
	"bvn", "bvr", "bd", "br", "efr", "svn", "pn", "pvr", "rvn", "rn", "rvr", "cvn", "ct", "cvr",
};

/*
 * enum dmi_field value of each key, by kernel: 4.12 inserted PRODUCT_FAMILY and 4.18 PRODUCT_SKU
 * after PRODUCT_UUID, 5.8 BIOS_RELEASE and EC_FIRMWARE_RELEASE after BIOS_DATE (0: no such field,
 * so modpost did not print it; slots of fields not listed, serial numbers, UUID, SKU, family, asset
 * tags, OEM strings, are dropped silently).
 */
static const struct {
	uint32_t since;
	uint8_t slot[N_KEYS];
} dmi_slots[] = {
	{ BA_KVER(5, 8, 0), { 1, 2, 3, 4, 5, 6, 7, 8, 13, 14, 15, 18, 19, 20 } },
	{ BA_KVER(4, 18, 0), { 1, 2, 3, 0, 0, 4, 5, 6, 11, 12, 13, 16, 17, 18 } },
	{ BA_KVER(4, 12, 0), { 1, 2, 3, 0, 0, 4, 5, 6, 10, 11, 12, 15, 16, 17 } },
	{ 0, { 1, 2, 3, 0, 0, 4, 5, 6, 9, 10, 11, 14, 15, 16 } },
};

static int format_dmi(struct ba_out *out, const struct ba_entry *e)
{
	const struct ba_value *m = &e->v[dmi_matches];
	const uint8_t *end = m->raw + m->size;
	const uint8_t *slots = dmi_slots[0].slot;
	unsigned slot[4];
	struct ba_alias a;

	for (size_t i = 0; i < BA_COUNT(dmi_slots); i++)
		if (e->kver == 0 || e->kver >= dmi_slots[i].since) {
			slots = dmi_slots[i].slot;
			break;
		}
	/*
	 * From 3.11 the slot is a 7-bit field (the compiler puts it in the low bits on little-endian
	 * targets, the high bits on big-endian ones); before, the whole byte.  modpost read the bit field
	 * through the build host's struct, which misreads big-endian targets cross-built on a
	 * little-endian host: we print what a native build printed.
	 */
	for (unsigned j = 0; j < 4; j++) {
		uint8_t byte = ba_bytes(m, j)[0];
		slot[j] = e->kver && e->kver < BA_KVER(3, 11, 0) ? byte : ba_bitfield(byte, 0, 7, m->big_endian);
	}

	ba_alias_init(&a, "dmi*");
	for (unsigned k = 0; k < N_KEYS; k++)
		for (unsigned j = 0; j < 4; j++) {
			if (!slot[j] || slot[j] != slots[k])
				continue;
			ba_alias_addf(&a, ":%s*", dmi_prefix[k]);
			/*
			 * Printable ASCII but ':' only.  modpost reads the substring up to its NUL: one that
			 * fills its 79 bytes runs on into the next matches[] (we stop at the end of matches[]).
			 */
			for (const uint8_t *p = ba_bytes(m, j) + 1; p < end && *p; p++)
				if (*p > ' ' && *p < 127 && *p != ':')
					ba_alias_putc(&a, (char)*p);
			ba_alias_putc(&a, '*');
		}
	ba_alias_putc(&a, ':');
	/* 6.13 cut the buffer to 256 bytes (overflowing it until 7.0, fatal from 7.1). */
	if (e->kver >= BA_KVER(6, 13, 0) && a.len > 255) {
		ba_warnf(out, "alias of %u bytes is longer than modpost's 255, entry skipped", (unsigned)a.len);
		return 0;
	}
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type dmi_table = BA_TABLE(dmi, "dmi", "dmi_system_id", .format = format_dmi);
static const struct ba_table_type *const dmi_tables[] = { &dmi_table, NULL };

BUSALIAS_PLUGIN(.name = "dmi", .description = "DMI system match tables", .tables = dmi_tables);
