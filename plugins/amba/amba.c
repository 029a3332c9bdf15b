// SPDX-License-Identifier: LGPL-2.1-or-later
/* AMBA (ARM PrimeCell) bus: amba_id tables, known to modpost since 3.3. */
#include <busalias/plugin.h>

/* struct amba_id { unsigned int id, mask; void *data; } */
#define AMBA_ID(F, V, p)      \
	F(p, U32, id)         \
	F(p, U32, mask)       \
	F(p, PTR, data)
BA_STRUCT(amba, AMBA_ID);

/*
 * amba:d + 8 hex digits, most significant first: the digit when its mask nibble is 0xf, '?' when 0,
 * else '[...]' listing every digit the masked nibble matches.
 */
static int format_amba(struct ba_out *out, const struct ba_entry *e)
{
	uint32_t id = (uint32_t)e->v[amba_id].u, mask = (uint32_t)e->v[amba_mask].u;
	struct ba_alias a;

	/* modpost stops the build here ("Masked-off bit(s) of AMBA device ID are non-zero"). */
	if ((id & mask) != id) {
		ba_warnf(out, "masked-off bits of id %08X are set (mask %08X), entry skipped", id, mask);
		return 0;
	}
	ba_alias_init(&a, "amba:d");
	for (int shift = 28; shift >= 0; shift -= 4) {
		unsigned nib = id >> shift & 0xf, m = mask >> shift & 0xf;

		if (m == 0xf) {
			ba_alias_hex(&a, nib, 1, 0);
		} else if (m == 0) {
			ba_alias_putc(&a, '?');
		} else {
			ba_alias_putc(&a, '[');
			for (unsigned d = 0; d < 16; d++)
				if ((d & m) == nib)
					ba_alias_hex(&a, d, 1, 0);
			ba_alias_putc(&a, ']');
		}
	}
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type amba_table = BA_TABLE(amba, "amba", "amba_id", .since = BA_KVER(3, 3, 0),
	.format = format_amba);
static const struct ba_table_type *const amba_tables[] = { &amba_table, NULL };

BUSALIAS_PLUGIN(.name = "amba", .description = "AMBA (PrimeCell) device tables", .tables = amba_tables);
