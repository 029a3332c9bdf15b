// SPDX-License-Identifier: LGPL-2.1-or-later
/* wmi_device_id of 5.3+ (+ context): 6.1 prints any 36-character string verbatim. */
#include "module.h"

struct wmi_device_id {
	const char guid_string[37];
	const void *context;
};
MODULE_NAME("types_wmi");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct wmi_device_id ids[] = {
	{ "05901221-D566-11D1-B2F0-00A0C9062910", 0 },
	{ "abcdef01-2345-6789-abcd-ef0123456789", (const void *)1 },
	{ "not-a-guid-but-thirty-six-chars-long", 0 },
	{ "8D9DDCBC-A997-11DA-B012-B622A1EF5492x", 0 },  /* 37 characters, no NUL: not 36 */
	{ "", 0 },
	{ "" }
};
MODULE_DEVICE_TABLE(wmi, ids);
