// SPDX-License-Identifier: LGPL-2.1-or-later
/* TEE: tee_client_device_id tables (modpost knows them since 5.1; the reference only brackets it 5.1/5.2). */
#include <busalias/plugin.h>

#define TEE_ID(F, V, p) F(p, BYTES, uuid, .count = 16) /* uuid_t */
BA_STRUCT(tee, TEE_ID);

/*
 * "tee:" and the uuid bytes 0..15 as lower-case %02x in memory order, dashed 8-4-4-4-12, then '*'.
 * Until 6.6 a modpost built on a host of the other byte order reversed all 16 bytes (it read the
 * uuid with TO_NATIVE); distributions build natively, so that is not reproduced.
 */
static int format_tee(struct ba_out *out, const struct ba_entry *e)
{
	const uint8_t *u = e->v[tee_uuid].raw;
	struct ba_alias a;

	ba_alias_init(&a, "tee:");
	for (unsigned i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			ba_alias_putc(&a, '-');
		ba_alias_hex(&a, u[i], 2, 1);
	}
	ba_alias_wildcard(&a);
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type tee_table = BA_TABLE(tee, "tee", "tee_client_device_id",
	.since = BA_KVER(5, 1, 0), .format = format_tee);
static const struct ba_table_type *const tee_tables[] = { &tee_table, NULL };

BUSALIAS_PLUGIN(.name = "tee", .description = "TEE client device tables", .tables = tee_tables);
