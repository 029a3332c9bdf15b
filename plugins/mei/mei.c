// SPDX-License-Identifier: LGPL-2.1-or-later
/* Intel MEI: mei_cl_device_id tables (modpost knows them since 3.10). */
#include <busalias/plugin.h>

#define MEI_CL_VERSION_ANY 0xff

/* MEI_CL_NAME_SIZE 32; 4.2 added the uuid (uuid_le), 4.4 the version. */
#define MEI_ID(F, V, p)                                       \
	F(p, CHARS, name, .count = 32)                        \
	F(p, BYTES, uuid, .count = 16, .since = BA_KVER(4, 2, 0)) \
	F(p, U8, version, .since = BA_KVER(4, 4, 0))          \
	F(p, ULONG, driver_info)
BA_STRUCT(mei, MEI_ID);

/*
 * 3.10-4.1 "mei:<name>" (an empty name prints nothing); 4.2 "mei:<name or *>:<uuid>:*";
 * 4.4 "mei:<name or *>:<uuid>:<%02X version or *>:*".  The uuid is uuid_le, printed lower-case
 * as b3b2b1b0-b5b4-b7b6-b8b9-b10..b15.  Which format follows the layout chosen for the module
 * (its kernel's, or without vermagic the newest that fits).  A name filling all 32 bytes stops
 * at the array's end here; the kernel's %s ran on into the next member.
 */
static int format_mei(struct ba_out *out, const struct ba_entry *e)
{
	static const unsigned char order[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };
	const struct ba_value *v = e->v;
	struct ba_alias a;

	ba_alias_init(&a, "mei:");
	if (!v[mei_uuid].present) {
		ba_alias_add(&a, v[mei_name].str);
		return ba_alias_emit(out, &a) < 0 ? 0 : 1;
	}
	ba_alias_add(&a, v[mei_name].str[0] ? v[mei_name].str : "*");
	ba_alias_putc(&a, ':');
	for (unsigned i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			ba_alias_putc(&a, '-');
		ba_alias_hex(&a, v[mei_uuid].raw[order[i]], 2, 1);
	}
	if (v[mei_version].present)
		ba_alias_add_hex(&a, ":", v[mei_version].u != MEI_CL_VERSION_ANY, v[mei_version].u, 2);
	ba_alias_add(&a, ":*");
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type mei_table = BA_TABLE(mei, "mei", "mei_cl_device_id",
	.since = BA_KVER(3, 10, 0), .format = format_mei);
static const struct ba_table_type *const mei_tables[] = { &mei_table, NULL };

BUSALIAS_PLUGIN(.name = "mei", .description = "Intel MEI client device tables", .tables = mei_tables);
