// SPDX-License-Identifier: LGPL-2.1-or-later
/* wmi_device_id before 5.3 (guid_string only, 37 bytes): printed as stored; a string not 36 long is skipped. */
#include "module.h"

struct wmi_device_id {
	const char guid_string[37];
};
MODULE_NAME("types_wmi_52");
MODULE_VERMAGIC("5.2.0");

const struct wmi_device_id ids[] = {
	{ "8D9DDCBC-A997-11DA-B012-B622A1EF5492" },
	{ "abcdef01-2345-6789-abcd-ef0123456789" },
	{ "too-short" },
	{ "" }
};
MODULE_DEVICE_TABLE(wmi, ids);
