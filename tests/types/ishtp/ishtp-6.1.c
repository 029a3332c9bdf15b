// SPDX-License-Identifier: LGPL-2.1-or-later
/* ishtp_device_id (guid_t): "ishtp:{GUID}" upper-case, b3b2b1b0-b5b4-b7b6-b8b9-b10..b15, no wildcard. */
#include "module.h"

typedef struct { __u8 b[16]; } guid_t;
struct ishtp_device_id {
	guid_t guid;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_ishtp");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct ishtp_device_id ids[] = {
	/* cros_ec_ishtp: GUID_INIT(0x7b7154d0, 0x56a4, 0x4bdc, 0xb6, 0x72, 0xbc, 0x2d, 0x4d, 0xf7, 0xc8, 0x91) */
	{ { { 0xd0, 0x54, 0x71, 0x7b, 0xa4, 0x56, 0xdc, 0x4b, 0xb6, 0x72, 0xbc, 0x2d, 0x4d, 0xf7, 0xc8, 0x91 } }, 0 },
	{ { { 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 } }, 3 },
	{ { { 0 } } }
};
MODULE_DEVICE_TABLE(ishtp, ids);
