// SPDX-License-Identifier: LGPL-2.1-or-later
/* ssb_device_id before 3.11 (no __pad member, same 6 bytes), with the symbols of 3.14 and before. */
#include "module.h"

struct ssb_device_id {
	__u16 vendor, coreid;
	__u8 revision;
} __attribute__((packed, aligned(2)));
struct bcma_device_id {
	__u16 manuf, id;
	__u8 rev, class;
} __attribute__((packed, aligned(2)));
MODULE_NAME("types_broadcom_3");
MODULE_VERMAGIC("3.2.0-4-r4k-ip22");

const struct ssb_device_id ssb_ids[] = {
	{ 0x4243, 0x0806, 0xff },
	{ 0x4243, 0x0812, 0x07 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(ssb, ssb_ids);

const struct bcma_device_id bcma_ids[] = {
	{ 0x4bf, 0x800, 0xff, 0xff },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(bcma, bcma_ids);
