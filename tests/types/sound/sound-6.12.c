// SPDX-License-Identifier: LGPL-2.1-or-later
/* slim_device_id, known to modpost from 6.12: slim:%x:%x:*. */
#include "module.h"

struct slim_device_id {
	__u16 manf_id, prod_code, dev_index, instance;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_sound_612");
MODULE_VERMAGIC("6.12.0-1-amd64");

const struct slim_device_id slim_ids[] = {
	{ 0x217, 0x250, 1, 0, 0 },
	{ 0, 0xabcd, 0, 0, 0 },
	{ 0xffff, 0x1, 0, 0, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(slim, slim_ids);
