// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.0 module: serio_device_id (type, extra, id, proto), SERIO_ANY 0xff; alias order ty pr id ex, then '*'. */
#include "module.h"

struct serio_device_id {
	__u8 type, extra, id, proto;
};
MODULE_NAME("types_serio_30");
MODULE_VERMAGIC("3.0.101-63-default");

const struct serio_device_id ids[] = {
	{ 0x01, 0xff, 0xff, 0xff },         /* SERIO_8042, any */
	{ 0x02, 0x00, 0x00, 0x3f },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(serio, ids);
