// SPDX-License-Identifier: LGPL-2.1-or-later
/* Before 3.11 the slot is a whole byte: 0x84 is no field (from 3.11 it would be slot 4, exact). */
#include "module.h"

struct dmi_strmatch {
	unsigned char slot;
	char substr[79];
};
struct dmi_system_id {
	int (*callback)(const struct dmi_system_id *);
	const char *ident;
	struct dmi_strmatch matches[4];
	void *driver_data;
};
MODULE_NAME("types_dmi_32");
MODULE_VERMAGIC("3.2.0-4-amd64");

const struct dmi_system_id ids[] = {
	{ 0, 0, { { 4, "Acme" }, { 0x84, "Ignored" }, { 9, "Board Co" } } },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(dmi, ids);
