// SPDX-License-Identifier: LGPL-2.1-or-later
/* ssam_device_id: "ssam:d%02Xc%02X", then t, i, f each only if its match flag is set, else '*'. */
#include "module.h"

struct ssam_device_id {
	__u8 match_flags;
	__u8 domain;
	__u8 category;
	__u8 target;
	__u8 instance;
	__u8 function;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_ssam");
MODULE_VERMAGIC("5.12.0");

const struct ssam_device_id ids[] = {
	{ 0x7, 0x01, 0x15, 0x02, 0x01, 0x00, 0 },  /* all flags */
	{ 0x0, 0x00, 0x08, 0x11, 0x22, 0x33, 1 },  /* none: values ignored */
	{ 0x1, 0x01, 0x0d, 0x01, 0xff, 0xff, 2 },  /* target only */
	{ 0x6, 0x02, 0x00, 0x01, 0x0a, 0xfe, 3 },  /* instance and function */
	{ 0 }
};
MODULE_DEVICE_TABLE(ssam, ids);
