// SPDX-License-Identifier: LGPL-2.1-or-later
/* I2C and I3C: i2c_device_id and i3c_device_id tables. */
#include <busalias/plugin.h>

/*
 * struct i2c_device_id { char name[I2C_NAME_SIZE = 20]; kernel_ulong_t driver_data; }: i2c:<name>.
 * modpost prints the name with %s; a name filling all 20 bytes without a NUL runs on into the padding
 * (zero on 64-bit targets, so the same alias) or into driver_data (32-bit): we stop at the array's end.
 */
#define I2C_ID(F, V, p)                     \
	F(p, CHARS, name, .count = 20)      \
	F(p, ULONG, driver_data)
BA_STRUCT(i2c, I2C_ID);

static const struct ba_part i2c_parts[] = { BA_STR("", i2c_name) };
static const struct ba_table_type i2c_table =
	BA_TABLE(i2c, "i2c", "i2c_device_id", BA_ALIAS("i2c:", 0, i2c_parts));

/* struct i3c_device_id { __u8 match_flags, dcr; __u16 manuf_id, part_id, extra_info; const void *data; } */
#define I3C_MATCH_DCR 0x1
#define I3C_MATCH_MANUF 0x2
#define I3C_MATCH_PART 0x4
#define I3C_MATCH_EXTRA_INFO 0x8
#define I3C_ID(F, V, p)                 \
	F(p, U8, match_flags)           \
	F(p, U8, dcr)                   \
	F(p, U16, manuf_id)             \
	F(p, U16, part_id)              \
	F(p, U16, extra_info)           \
	F(p, PTR, data)
BA_STRUCT(i3c, I3C_ID);

/* i3c:dcrNNmanufNNNNpartNNNNextNNNN, each '*' unless its match flag is set; no wildcard. */
static const struct ba_part i3c_parts[] = {
	BA_HEX_IF("dcr", i3c_dcr, i3c_match_flags, I3C_MATCH_DCR),
	BA_HEX_IF("manuf", i3c_manuf_id, i3c_match_flags, I3C_MATCH_MANUF),
	BA_HEX_IF("part", i3c_part_id, i3c_match_flags, I3C_MATCH_PART),
	BA_HEX_IF("ext", i3c_extra_info, i3c_match_flags, I3C_MATCH_EXTRA_INFO),
};
/* modpost learned i3c in 5.7 (5.6.4 lacks it, 5.7.14 has it; the struct came in 5.0). */
static const struct ba_table_type i3c_table = BA_TABLE(i3c, "i3c", "i3c_device_id", .since = BA_KVER(5, 7, 0),
	BA_ALIAS("i3c:", 0, i3c_parts));

static const struct ba_table_type *const i2c_tables[] = { &i2c_table, &i3c_table, NULL };

BUSALIAS_PLUGIN(.name = "i2c", .description = "I2C and I3C device tables", .tables = i2c_tables);
