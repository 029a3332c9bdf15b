// SPDX-License-Identifier: LGPL-2.1-or-later
/* dmi_system_id with the 5.8+ field numbers (br, efr) and the slot:7 bit field. */
#include "module.h"

struct dmi_strmatch {
	unsigned char slot:7;
	unsigned char exact_match:1;
	char substr[79];
};
struct dmi_system_id {
	int (*callback)(const struct dmi_system_id *);
	const char *ident;
	struct dmi_strmatch matches[4];
	void *driver_data;
};
/* enum dmi_field of 5.8+ */
enum { BIOS_VENDOR = 1, BIOS_VERSION, BIOS_DATE, BIOS_RELEASE, EC_FIRMWARE_RELEASE, SYS_VENDOR, PRODUCT_NAME,
	PRODUCT_VERSION, PRODUCT_SERIAL, PRODUCT_UUID, PRODUCT_SKU, PRODUCT_FAMILY, BOARD_VENDOR, BOARD_NAME,
	BOARD_VERSION, BOARD_SERIAL, BOARD_ASSET_TAG, CHASSIS_VENDOR, CHASSIS_TYPE, CHASSIS_VERSION };
MODULE_NAME("types_dmi");
MODULE_VERMAGIC("6.1.0-13-amd64");

static int cb(const struct dmi_system_id *id) { return 0; }

const struct dmi_system_id ids[] = {
	/* printed in modpost's field order, not the table's; ' ', ':' and non-ASCII filtered out */
	{ cb, "Lenovo", { { PRODUCT_NAME, 0, "Think Pad: X1" }, { SYS_VENDOR, 0, "LENOVO" },
			  { BIOS_VENDOR, 1, "\xe9t\xe9" } } },
	{ 0, 0, { { CHASSIS_TYPE, 0, "10" }, { BIOS_RELEASE, 0, "1.2" }, { EC_FIRMWARE_RELEASE, 0, "3.4" },
		  { BOARD_NAME, 1, "X" } } },
	/* serial, UUID, SKU, family, asset tags: dropped */
	{ 0, 0, { { PRODUCT_SERIAL, 0, "abc" }, { PRODUCT_SKU, 0, "sku" }, { PRODUCT_FAMILY, 0, "fam" },
		  { BOARD_ASSET_TAG, 0, "tag" } } },
	/* the same field twice, and the other fields */
	{ 0, 0, { { SYS_VENDOR, 0, "A" }, { BIOS_VERSION, 0, "v1" }, { SYS_VENDOR, 1, "B" }, { BIOS_DATE, 0, "2020" } } },
	{ 0, 0, { { PRODUCT_VERSION, 0, "pv" }, { BOARD_VENDOR, 0, "rv" }, { BOARD_VERSION, 0, "rvr" },
		  { CHASSIS_VENDOR, 0, "cv" } } },
	{ 0, 0, { { CHASSIS_VERSION, 0, "cvr" } } },
	/* a substring filling its 79 bytes without a NUL runs on into the next match (its slot byte filtered) */
	{ 0, 0, { { SYS_VENDOR, 0, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
		  { PRODUCT_NAME, 0, "B" } } },
	{ 0 }
};
MODULE_DEVICE_TABLE(dmi, ids);
