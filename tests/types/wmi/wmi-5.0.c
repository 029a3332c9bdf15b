// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 5.0 module: modpost learned wmi tables in 5.1, so no aliases. */
#include "module.h"

struct wmi_device_id {
	const char guid_string[37];
};
MODULE_NAME("types_wmi_50");
MODULE_VERMAGIC("5.0.0");

const struct wmi_device_id ids[] = {
	{ "8D9DDCBC-A997-11DA-B012-B622A1EF5492" },
	{ "" }
};
MODULE_DEVICE_TABLE(wmi, ids);
