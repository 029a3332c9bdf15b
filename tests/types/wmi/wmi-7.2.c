// SPDX-License-Identifier: LGPL-2.1-or-later
/* 7.2+: the GUID is checked (dashes at 8, 13, 18, 23, hex elsewhere) and printed upper-cased. */
#include "module.h"

struct wmi_device_id {
	const char guid_string[37];
	const void *context;
};
MODULE_NAME("types_wmi_72");
MODULE_VERMAGIC("7.2.0");

const struct wmi_device_id ids[] = {
	{ "abcdef01-2345-6789-abcd-ef0123456789", 0 },
	{ "05901221-D566-11D1-B2F0-00A0C9062910", 0 },
	{ "not-a-guid-but-thirty-six-chars-long", 0 },
	{ "05901221+D566-11D1-B2F0-00A0C9062910", 0 },
	{ "" }
};
MODULE_DEVICE_TABLE_618(types_wmi_72, wmi, ids);
