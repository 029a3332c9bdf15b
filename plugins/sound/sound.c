// SPDX-License-Identifier: LGPL-2.1-or-later
/* Audio buses: HD-audio codecs (hdaudio), SoundWire (sdw) and SLIMbus (slim) tables. */
#include <busalias/plugin.h>

/* struct hda_device_id { __u32 vendor_id, rev_id; __u8 api_version; const char *name; unsigned long driver_data; } */
#define HDA_ID(F, V, p)            \
	F(p, U32, vendor_id)       \
	F(p, U32, rev_id)          \
	F(p, U8, api_version)      \
	F(p, PTR, name)            \
	F(p, ULONG, driver_data)
BA_STRUCT(hda, HDA_ID);

/* hdaudio:vNNNNNNNNrNNNNNNNNaNN*, each '*' when 0 (4.4). */
static const struct ba_part hda_parts[] = {
	BA_HEX("v", hda_vendor_id, ZERO),
	BA_HEX("r", hda_rev_id, ZERO),
	BA_HEX("a", hda_api_version, ZERO),
};
static const struct ba_table_type hda_table = BA_TABLE(hda, "hdaudio", "hda_device_id", .since = BA_KVER(4, 4, 0),
	BA_ALIAS("hdaudio:", BA_ALIAS_WILDCARD, hda_parts));

/* struct sdw_device_id { __u16 mfg_id, part_id; __u8 sdw_version, class_id (5.9); kernel_ulong_t driver_data; } */
#define SDW_ID(F, V, p)                                     \
	F(p, U16, mfg_id)                                   \
	F(p, U16, part_id)                                  \
	F(p, U8, sdw_version, .since = BA_KVER(5, 9, 0))    \
	F(p, U8, class_id, .since = BA_KVER(5, 9, 0))       \
	F(p, ULONG, driver_data)
BA_STRUCT(sdw, SDW_ID);

/* sdw:mNNNNpNNNN (4.16), then vNNcNN (5.9), each '*' when 0, then the wildcard. */
static const struct ba_part sdw_parts[] = {
	BA_HEX("m", sdw_mfg_id, ZERO),
	BA_HEX("p", sdw_part_id, ZERO),
	BA_HEX("v", sdw_sdw_version, ZERO, .since = BA_KVER(5, 9, 0)),
	BA_HEX("c", sdw_class_id, ZERO, .since = BA_KVER(5, 9, 0)),
};
static const struct ba_table_type sdw_table = BA_TABLE(sdw, "sdw", "sdw_device_id", .since = BA_KVER(4, 16, 0),
	BA_ALIAS("sdw:", BA_ALIAS_WILDCARD, sdw_parts));

/* struct slim_device_id { __u16 manf_id, prod_code, dev_index, instance; kernel_ulong_t driver_data; } (4.16) */
#define SLIM_ID(F, V, p)             \
	F(p, U16, manf_id)           \
	F(p, U16, prod_code)         \
	F(p, U16, dev_index)         \
	F(p, U16, instance)          \
	F(p, ULONG, driver_data)
BA_STRUCT(slim, SLIM_ID);

/* slim:%x:%x:* (manf_id, prod_code: lower-case, unpadded); modpost learned it in 6.12. */
static const struct ba_part slim_parts[] = {
	BA_HEX("", slim_manf_id, NEVER, .width = 1, .lower = 1),
	BA_HEX(":", slim_prod_code, NEVER, .width = 1, .lower = 1),
	BA_LIT(":*"),
};
static const struct ba_table_type slim_table = BA_TABLE(slim, "slim", "slim_device_id", .since = BA_KVER(6, 12, 0),
	BA_ALIAS("slim:", 0, slim_parts));

static const struct ba_table_type *const sound_tables[] = { &hda_table, &sdw_table, &slim_table, NULL };

BUSALIAS_PLUGIN(.name = "sound", .description = "HD-audio, SoundWire and SLIMbus device tables", .tables = sound_tables);
