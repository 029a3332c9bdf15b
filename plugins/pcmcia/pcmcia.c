// SPDX-License-Identifier: LGPL-2.1-or-later
/* PCMCIA: pcmcia_device_id tables, "pcmcia:m%04Xc%04Xf%02Xfn%02Xpfn%02Xpa%08Xpb%08Xpc%08Xpd%08X*". */
#include <busalias/plugin.h>

/* Unchanged 3.0-7.3. */
#define PCMCIA_ID(F, V, p)                     \
	F(p, U16, match_flags)                 \
	F(p, U16, manf_id)                     \
	F(p, U16, card_id)                     \
	F(p, U8, func_id)                      \
	F(p, U8, function)                     \
	F(p, U8, device_no)                    \
	F(p, U32, prod_id_hash, .count = 4)    \
	F(p, PTR, prod_id, .count = 4)         \
	F(p, ULONG, driver_info)               \
	F(p, PTR, cisfile)
BA_STRUCT(pcmcia, PCMCIA_ID);

/* PCMCIA_DEV_ID_MATCH_*: MANF_ID 0x1, CARD_ID 0x2, FUNC_ID 0x4, FUNCTION 0x8, PROD_ID1..4 0x10..0x80,
 * DEVICE_NO 0x100. */
static int format_pcmcia(struct ba_out *out, const struct ba_entry *e)
{
	static const char *const hash_sep[4] = { "pa", "pb", "pc", "pd" };
	const struct ba_value *v = e->v;
	unsigned flags = (unsigned)v[pcmcia_match_flags].u;
	struct ba_alias a;

	ba_alias_init(&a, "pcmcia:");
	ba_alias_add_hex(&a, "m", flags & 0x1, v[pcmcia_manf_id].u, 4);
	ba_alias_add_hex(&a, "c", flags & 0x2, v[pcmcia_card_id].u, 4);
	ba_alias_add_hex(&a, "f", flags & 0x4, v[pcmcia_func_id].u, 2);
	ba_alias_add_hex(&a, "fn", flags & 0x8, v[pcmcia_function].u, 2);
	ba_alias_add_hex(&a, "pfn", flags & 0x100, v[pcmcia_device_no].u, 2);
	for (unsigned i = 0; i < 4; i++)  /* each hash in the target's byte order, as TO_NATIVE() read it */
		ba_alias_add_hex(&a, hash_sep[i], flags & (0x10u << i), ba_elem(&v[pcmcia_prod_id_hash], i), 8);
	ba_alias_wildcard(&a);
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type pcmcia_table =
	BA_TABLE(pcmcia, "pcmcia", "pcmcia_device_id", .format = format_pcmcia);
static const struct ba_table_type *const pcmcia_tables[] = { &pcmcia_table, NULL };

BUSALIAS_PLUGIN(
	.name = "pcmcia",
	.description = "PCMCIA device tables",
	.tables = pcmcia_tables);
