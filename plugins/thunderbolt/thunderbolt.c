// SPDX-License-Identifier: LGPL-2.1-or-later
/* Thunderbolt/USB4 XDomain services: tb_service_id tables (modpost knows them since 4.15). */
#include <busalias/plugin.h>

#define TBSVC_MATCH_PROTOCOL_KEY 0x1
#define TBSVC_MATCH_PROTOCOL_ID 0x2
#define TBSVC_MATCH_PROTOCOL_VERSION 0x4
#define TBSVC_MATCH_PROTOCOL_REVISION 0x8

#define TBSVC_ID(F, V, p)                         \
	F(p, U32, match_flags)                    \
	F(p, CHARS, protocol_key, .count = 9)     \
	F(p, U32, protocol_id)                    \
	F(p, U32, protocol_version)               \
	F(p, U32, protocol_revision)              \
	F(p, ULONG, driver_data)
BA_STRUCT(tbsvc, TBSVC_ID);

/*
 * tbsvc:k<key>p%08Xv%08Xr%08X, each printed only if its match flag is set, else '*'; then '*'.
 * A key filling all 9 bytes stops at the array's end here (the kernel's %s ran on into padding).
 */
static int format_tbsvc(struct ba_out *out, const struct ba_entry *e)
{
	const struct ba_value *v = e->v;
	uint64_t flags = v[tbsvc_match_flags].u;
	struct ba_alias a;

	ba_alias_init(&a, "tbsvc:k");
	ba_alias_add(&a, flags & TBSVC_MATCH_PROTOCOL_KEY ? v[tbsvc_protocol_key].str : "*");
	ba_alias_add_hex(&a, "p", flags & TBSVC_MATCH_PROTOCOL_ID, v[tbsvc_protocol_id].u, 8);
	ba_alias_add_hex(&a, "v", flags & TBSVC_MATCH_PROTOCOL_VERSION, v[tbsvc_protocol_version].u, 8);
	ba_alias_add_hex(&a, "r", flags & TBSVC_MATCH_PROTOCOL_REVISION, v[tbsvc_protocol_revision].u, 8);
	ba_alias_wildcard(&a);
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type tbsvc_table = BA_TABLE(tbsvc, "tbsvc", "tb_service_id",
	.since = BA_KVER(4, 15, 0), .format = format_tbsvc);
static const struct ba_table_type *const tbsvc_tables[] = { &tbsvc_table, NULL };

BUSALIAS_PLUGIN(.name = "thunderbolt", .description = "Thunderbolt service device tables", .tables = tbsvc_tables);
