// SPDX-License-Identifier: LGPL-2.1-or-later
/* 4.18-5.7 field numbers: PRODUCT_SKU (9) and PRODUCT_FAMILY (10) before the board fields; no br/efr. */
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
enum { BIOS_VENDOR = 1, BIOS_VERSION, BIOS_DATE, SYS_VENDOR, PRODUCT_NAME, PRODUCT_VERSION, PRODUCT_SERIAL,
	PRODUCT_UUID, PRODUCT_SKU, PRODUCT_FAMILY, BOARD_VENDOR, BOARD_NAME, BOARD_VERSION, BOARD_SERIAL,
	BOARD_ASSET_TAG, CHASSIS_VENDOR, CHASSIS_TYPE, CHASSIS_VERSION };
MODULE_NAME("types_dmi_418");
MODULE_VERMAGIC("4.19.0-27-amd64");

const struct dmi_system_id ids[] = {
	{ 0, 0, { { SYS_VENDOR, 0, "Dell Inc." }, { BOARD_VENDOR, 0, "Dell" }, { CHASSIS_TYPE, 1, "9" },
		  { PRODUCT_SKU, 0, "0815" } } },
	{ 0, 0, { { BOARD_NAME, 0, "0X1" }, { CHASSIS_VERSION, 0, "1.0" }, { BIOS_DATE, 0, "01/01/2019" },
		  { PRODUCT_FAMILY, 0, "Latitude" } } },
	{ 0 }
};
MODULE_DEVICE_TABLE(dmi, ids);
