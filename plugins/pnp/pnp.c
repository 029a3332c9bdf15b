// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Plug and Play: pnp_device_id and pnp_card_device_id tables (each id both as "pnp:d<id>*" and,
 * upper-cased, as "acpi*:<ID>:*"), and isapnp_device_id tables ("pnp:d" + EISA vendor letters and
 * function nibbles).
 */
#include <busalias/plugin.h>

/* PNP_ID_LEN 8, PNP_MAX_DEVICES 8; both structs unchanged 3.0-7.3. */
#define PNP_ID(F, V, p)                 \
	F(p, CHARS, id, .count = 8)     \
	F(p, ULONG, driver_data)
BA_STRUCT(pnp, PNP_ID);

#define PNP_CARD_ID(F, V, p)                             \
	F(p, CHARS, id, .count = 8)                      \
	F(p, ULONG, driver_data)                         \
	F(p, CHARS, devs, .count = 8, .elems = 8)  /* struct { __u8 id[8]; } devs[8] */
BA_STRUCT(pnp_card, PNP_CARD_ID);

#define ISAPNP_ID(F, V, p)          \
	F(p, U16, card_vendor)      \
	F(p, U16, card_device)      \
	F(p, U16, vendor)           \
	F(p, U16, function)         \
	F(p, ULONG, driver_data)
BA_STRUCT(isapnp, ISAPNP_ID);

/*
 * The two aliases of the id at p, of which `room` bytes lie in the entry.  modpost printed the 8-byte
 * arrays with %s, so an id of 8 characters (no NUL) ran on: in the pnp: alias into the bytes after it
 * (pnp: driver_data; pnp_card: the next devices' ids), which busalias reproduces up to the entry's
 * end; in the acpi one into an 8-byte stack copy's neighbours, which nobody can reproduce: busalias
 * stops after the 8 characters.  The upper-casing is the C locale's toupper(), ASCII letters only.
 */
static int emit_pnp_id(struct ba_out *out, const uint8_t *p, size_t room)
{
	struct ba_alias a;
	int n = 0;

	ba_alias_init(&a, "pnp:d");
	for (size_t i = 0; i < room && p[i]; i++)
		ba_alias_putc(&a, (char)p[i]);
	ba_alias_add(&a, "*");
	n += ba_alias_emit(out, &a) < 0 ? 0 : 1;
	ba_alias_init(&a, "acpi*:");
	for (size_t i = 0; i < 8 && p[i]; i++)
		ba_alias_putc(&a, p[i] >= 'a' && p[i] <= 'z' ? (char)(p[i] - 'a' + 'A') : (char)p[i]);
	ba_alias_add(&a, ":*");
	n += ba_alias_emit(out, &a) < 0 ? 0 : 1;
	return n;
}

/* Every entry, even one with an empty id ("pnp:d*", "acpi*::*"). */
static int format_pnp(struct ba_out *out, const struct ba_entry *e)
{
	return emit_pnp_id(out, e->v[pnp_id].raw, 8 + e->ulong_size);
}

/*
 * The devices of a card up to the first empty id; the card's own id is not used.  Up to 6.12 modpost
 * skipped a device id already listed in an earlier entry of the table; 6.13 dropped that for its
 * per-module dedupe.  Both give what the core's per-module dedupe (first occurrence kept, order
 * unchanged) gives for every kernel: such an id's aliases were emitted by that earlier entry, so no
 * per-version branch is needed here.
 */
static int format_pnp_card(struct ba_out *out, const struct ba_entry *e)
{
	int n = 0;

	for (unsigned j = 0; j < 8; j++) {
		const uint8_t *id = ba_bytes(&e->v[pnp_card_devs], j);

		if (!id || !id[0])
			break;
		n += emit_pnp_id(out, id, 8 * (8 - j));  /* devs is the entry's last member */
	}
	return n;
}

/*
 * "pnp:d%c%c%c%x%x%x%x*": the vendor's three 5-bit letters ('A' - 1 + value, as ISAPNP_VENDOR()
 * packed them, bytes swapped) and the function's four nibbles in the order 4, 0, 12, 8, lower-case.
 * (The modpost of 3.0-3.8 read vendor and function in the build host's byte order, so a big-endian
 * target built on a little-endian host got them swapped; busalias reads the target's order, as
 * every native build and every modpost from 3.9 did.)
 */
static int format_isapnp(struct ba_out *out, const struct ba_entry *e)
{
	unsigned vendor = (unsigned)e->v[isapnp_vendor].u, function = (unsigned)e->v[isapnp_function].u;
	struct ba_alias a;

	ba_alias_init(&a, "pnp:d");
	ba_alias_putc(&a, (char)('A' + ((vendor >> 2) & 0x3f) - 1));
	ba_alias_putc(&a, (char)('A' + (((vendor & 3) << 3) | ((vendor >> 13) & 7)) - 1));
	ba_alias_putc(&a, (char)('A' + ((vendor >> 8) & 0x1f) - 1));
	ba_alias_hex(&a, (function >> 4) & 0xf, 1, 1);
	ba_alias_hex(&a, function & 0xf, 1, 1);
	ba_alias_hex(&a, (function >> 12) & 0xf, 1, 1);
	ba_alias_hex(&a, (function >> 8) & 0xf, 1, 1);
	ba_alias_add(&a, "*");
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type pnp_table = BA_TABLE(pnp, "pnp", "pnp_device_id", .format = format_pnp);
static const struct ba_table_type pnp_card_table =
	BA_TABLE(pnp_card, "pnp_card", "pnp_card_device_id", .format = format_pnp_card);
static const struct ba_table_type isapnp_table =
	BA_TABLE(isapnp, "isapnp", "isapnp_device_id", .format = format_isapnp);
static const struct ba_table_type *const pnp_tables[] = { &pnp_table, &pnp_card_table, &isapnp_table, NULL };

BUSALIAS_PLUGIN(
	.name = "pnp",
	.description = "Plug and Play device tables (pnp, pnp_card, isapnp)",
	.tables = pnp_tables);
