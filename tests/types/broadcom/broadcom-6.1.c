// SPDX-License-Identifier: LGPL-2.1-or-later
/* ssb_device_id of 3.11+ (__pad) and bcma_device_id, both packed, aligned(2): each "any" value. */
#include "module.h"

struct ssb_device_id {
	__u16 vendor, coreid;
	__u8 revision, __pad;
} __attribute__((packed, aligned(2)));
struct bcma_device_id {
	__u16 manuf, id;
	__u8 rev, class;
} __attribute__((packed, aligned(2)));
MODULE_NAME("types_broadcom");
MODULE_VERMAGIC("6.1.0-13-mips32r2el");

const struct ssb_device_id ssb_ids[] = {
	{ 0x4243, 0x0812, 0xff },
	{ 0x4243, 0x0812, 0x05 },
	{ 0xffff, 0xffff, 0x00 },
	{ 0x0001, 0xffff, 0xff },
	{ 0 }
};
MODULE_DEVICE_TABLE(ssb, ssb_ids);

const struct bcma_device_id bcma_ids[] = {
	{ 0x4bf, 0x812, 0xff, 0xff },
	{ 0x4bf, 0x82a, 0x1c, 0x00 },
	{ 0xffff, 0xffff, 0x00, 0x0b },
	{ 0x0000, 0x0000, 0xff, 0x01 },
	{ 0 }
};
MODULE_DEVICE_TABLE(bcma, bcma_ids);
