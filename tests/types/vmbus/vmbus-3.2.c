// SPDX-License-Identifier: LGPL-2.1-or-later
/* hv_vmbus_device_id of 3.2 (guid as __u8[16]), the symbol spelling of 3.14 and before. */
#include "module.h"

struct hv_vmbus_device_id {
	__u8 guid[16];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_vmbus_3");
MODULE_VERMAGIC("3.2.0-4-amd64");

const struct hv_vmbus_device_id ids[] = {
	/* hv_netvsc: f8615163-df3e-46c5-913f-f2d2f965ed0e as stored */
	{ { 0x63, 0x51, 0x61, 0xf8, 0x3e, 0xdf, 0xc5, 0x46, 0x91, 0x3f, 0xf2, 0xd2, 0xf9, 0x65, 0xed, 0x0e }, 0 },
	/* all zero but the last byte: still an entry, printed in full */
	{ { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xAB }, 7 },
	{ { 0 } }
};
MODULE_DEVICE_TABLE_OLD(vmbus, ids);
