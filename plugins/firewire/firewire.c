// SPDX-License-Identifier: LGPL-2.1-or-later
/* FireWire: ieee1394_device_id tables, "ieee1394:ven%08Xmo%08Xsp%08Xver%08X*" by match_flags. */
#include <busalias/plugin.h>

/* Unchanged 3.0-7.3 (7.2 put driver_data in a union with a pointer of the same size). */
#define IEEE1394_ID(F, V, p)         \
	F(p, U32, match_flags)       \
	F(p, U32, vendor_id)         \
	F(p, U32, model_id)          \
	F(p, U32, specifier_id)      \
	F(p, U32, version)           \
	F(p, ULONG, driver_data)
BA_STRUCT(ieee1394, IEEE1394_ID);

/* IEEE1394_MATCH_VENDOR_ID 1, _MODEL_ID 2, _SPECIFIER_ID 4, _VERSION 8 */
static const struct ba_part ieee1394_parts[] = {
	BA_HEX_IF("ven", ieee1394_vendor_id, ieee1394_match_flags, 0x1),
	BA_HEX_IF("mo", ieee1394_model_id, ieee1394_match_flags, 0x2),
	BA_HEX_IF("sp", ieee1394_specifier_id, ieee1394_match_flags, 0x4),
	BA_HEX_IF("ver", ieee1394_version, ieee1394_match_flags, 0x8),
};

static const struct ba_table_type ieee1394_table = BA_TABLE(ieee1394, "ieee1394", "ieee1394_device_id",
	BA_ALIAS("ieee1394:", BA_ALIAS_WILDCARD, ieee1394_parts));
static const struct ba_table_type *const firewire_tables[] = { &ieee1394_table, NULL };

BUSALIAS_PLUGIN(
	.name = "firewire",
	.description = "FireWire (ieee1394) device tables",
	.tables = firewire_tables);
