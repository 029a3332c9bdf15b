// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 5.16 module: modpost learned ishtp tables in 5.17, so no aliases. */
#include "module.h"

typedef struct { __u8 b[16]; } guid_t;
struct ishtp_device_id {
	guid_t guid;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_ishtp_516");
MODULE_VERMAGIC("5.16.0");

const struct ishtp_device_id ids[] = {
	{ { { 1 } }, 0 },
	{ { { 0 } } }
};
MODULE_DEVICE_TABLE(ishtp, ids);
