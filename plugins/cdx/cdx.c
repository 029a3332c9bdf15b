// SPDX-License-Identifier: LGPL-2.1-or-later
/* AMD CDX: cdx_device_id tables (modpost knows them since 6.4) and their vfio_cdx: override-only form. */
#include <busalias/plugin.h>

#define CDX_ANY_ID 0xffff
#define CDX_ID_F_VFIO_DRIVER_OVERRIDE 1

/*
 * 6.4: vendor, device, override_only (8 bytes).  6.7 inserted subvendor, subdevice, class and
 * class_mask before override_only (20 bytes); the reference brackets that 6.6.47 < x <= 6.8.1,
 * and "cdx: add sysfs for subsystem, class and revision" went into 6.7 with the rest of that
 * series.
 */
#define CDX_ID(F, V, p)                                          \
	F(p, U16, vendor)                                        \
	F(p, U16, device)                                        \
	F(p, U16, subvendor, .since = BA_KVER(6, 7, 0))          \
	F(p, U16, subdevice, .since = BA_KVER(6, 7, 0))          \
	F(p, U32, class, .since = BA_KVER(6, 7, 0))              \
	F(p, U32, class_mask, .since = BA_KVER(6, 7, 0))         \
	F(p, U32, override_only)
BA_STRUCT(cdx, CDX_ID);

/*
 * 6.4: "cdx:v%08Xd%08Xd" (sic: the 16-bit ids in 8 digits, a stray 'd', never '*', override_only
 * ignored).  6.5: "cdx:" or, override_only 1, "vfio_cdx:" (any other value: warning, no alias),
 * then v, d as %04X or '*' for 0xFFFF.  6.7: then sv, sd likewise and c%08X if class_mask is
 * 0xFFFFFF, else c*.  No wildcard.  A module of unknown kernel gets the newest format its layout has.
 */
static int format_cdx(struct ba_out *out, const struct ba_entry *e)
{
	const struct ba_value *v = e->v;
	struct ba_alias a;

	if (e->kver && e->kver < BA_KVER(6, 5, 0)) {
		ba_alias_init(&a, "cdx:");
		ba_alias_add_hex(&a, "v", 1, v[cdx_vendor].u, 8);
		ba_alias_add_hex(&a, "d", 1, v[cdx_device].u, 8);
		ba_alias_putc(&a, 'd');
		return ba_alias_emit(out, &a) < 0 ? 0 : 1;
	}
	switch (v[cdx_override_only].u) {
	case 0:
		ba_alias_init(&a, "cdx:");
		break;
	case CDX_ID_F_VFIO_DRIVER_OVERRIDE:
		ba_alias_init(&a, "vfio_cdx:");
		break;
	default:
		ba_warnf(out, "unknown CDX driver_override alias %08X, entry skipped", (unsigned)v[cdx_override_only].u);
		return 0;
	}
	ba_alias_add_hex(&a, "v", v[cdx_vendor].u != CDX_ANY_ID, v[cdx_vendor].u, 4);
	ba_alias_add_hex(&a, "d", v[cdx_device].u != CDX_ANY_ID, v[cdx_device].u, 4);
	if (v[cdx_subvendor].present) {
		ba_alias_add_hex(&a, "sv", v[cdx_subvendor].u != CDX_ANY_ID, v[cdx_subvendor].u, 4);
		ba_alias_add_hex(&a, "sd", v[cdx_subdevice].u != CDX_ANY_ID, v[cdx_subdevice].u, 4);
		ba_alias_add_hex(&a, "c", v[cdx_class_mask].u == 0xFFFFFF, v[cdx_class].u, 8);
	}
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type cdx_table = BA_TABLE(cdx, "cdx", "cdx_device_id",
	.since = BA_KVER(6, 4, 0), .format = format_cdx);
static const struct ba_table_type *const cdx_tables[] = { &cdx_table, NULL };

BUSALIAS_PLUGIN(.name = "cdx", .description = "AMD CDX device tables", .tables = cdx_tables);
