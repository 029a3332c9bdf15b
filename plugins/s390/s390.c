// SPDX-License-Identifier: LGPL-2.1-or-later
/* s390 channel subsystem: ccw, ap and css device tables. */
#include <busalias/plugin.h>

/* ccw_device_id, unchanged 3.0-7.3. */
#define CCW_ID(F, V, p)          \
	F(p, U16, match_flags)   \
	F(p, U16, cu_type)       \
	F(p, U16, dev_type)      \
	F(p, U8, cu_model)       \
	F(p, U8, dev_model)      \
	F(p, ULONG, driver_info)
BA_STRUCT(ccw, CCW_ID);

/* CCW_DEVICE_ID_MATCH_CU_TYPE 1, _CU_MODEL 2, _DEVICE_TYPE 4, _DEVICE_MODEL 8; the alias's order is
 * cu type, cu model, device type, device model. */
static const struct ba_part ccw_parts[] = {
	BA_HEX_IF("t", ccw_cu_type, ccw_match_flags, 0x1),
	BA_HEX_IF("m", ccw_cu_model, ccw_match_flags, 0x2),
	BA_HEX_IF("dt", ccw_dev_type, ccw_match_flags, 0x4),
	BA_HEX_IF("dm", ccw_dev_model, ccw_match_flags, 0x8),
};

/* ap_device_id: pad1/pad2 before 3.9, driver_info removed in 7.3.  "ap:t%02X*" always. */
#define AP_ID(F, V, p)                                                                     \
	F(p, U16, match_flags)                                                             \
	F(p, U8, dev_type)                                                                 \
	F(p, U8, pad1, .until = BA_KVER(3, 9, 0))                                          \
	F(p, U32, pad2, .until = BA_KVER(3, 9, 0))                                         \
	F(p, ULONG, driver_info, .until = BA_KVER(7, 3, 0))
BA_STRUCT(ap, AP_ID);

static const struct ba_part ap_parts[] = {
	BA_HEX("t", ap_dev_type, NEVER),
	BA_LIT("*"),
};

/* css_device_id: pad2/pad3 before 3.9.  "css:t%01X": at least one digit, no wildcard. */
#define CSS_ID(F, V, p)                                         \
	F(p, U8, match_flags)                                   \
	F(p, U8, type)                                          \
	F(p, U16, pad2, .until = BA_KVER(3, 9, 0))              \
	F(p, U32, pad3, .until = BA_KVER(3, 9, 0))              \
	F(p, ULONG, driver_data)
BA_STRUCT(css, CSS_ID);

static const struct ba_part css_parts[] = {
	BA_HEX("t", css_type, NEVER, .width = 1),
};

static const struct ba_table_type ccw_table =
	BA_TABLE(ccw, "ccw", "ccw_device_id", BA_ALIAS("ccw:", BA_ALIAS_WILDCARD, ccw_parts));
static const struct ba_table_type ap_table = BA_TABLE(ap, "ap", "ap_device_id", BA_ALIAS("ap:", 0, ap_parts));
static const struct ba_table_type css_table = BA_TABLE(css, "css", "css_device_id", BA_ALIAS("css:", 0, css_parts));
static const struct ba_table_type *const s390_tables[] = { &ccw_table, &ap_table, &css_table, NULL };

BUSALIAS_PLUGIN(
	.name = "s390",
	.description = "s390 channel-attached (ccw), crypto adjunct processor (ap) and subchannel (css) device tables",
	.tables = s390_tables);
