// SPDX-License-Identifier: LGPL-2.1-or-later
/* hv_vmbus_device_id of 5.8+ (guid_t): bytes printed in memory order, lower-case, no wildcard. */
#include "module.h"

typedef struct { __u8 b[16]; } guid_t;
struct hv_vmbus_device_id {
	guid_t guid;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_vmbus");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct hv_vmbus_device_id ids[] = {
	/* storvsc: ba6163d9-04a1-4d29-b605-72e2ffb1dc7f */
	{ { { 0xd9, 0x63, 0x61, 0xba, 0xa1, 0x04, 0x29, 0x4d, 0xb6, 0x05, 0x72, 0xe2, 0xff, 0xb1, 0xdc, 0x7f } }, 1 },
	{ { { 0 } } }
};
MODULE_DEVICE_TABLE(vmbus, ids);
