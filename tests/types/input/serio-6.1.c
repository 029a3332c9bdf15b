// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.1 module: serio, unchanged since 3.0. */
#include "module.h"

struct serio_device_id {
	__u8 type, extra, id, proto;
};
MODULE_NAME("types_serio");
MODULE_VERMAGIC("6.1.0-57-amd64");

const struct serio_device_id ids[] = {
	{ 0x06, 0xff, 0xff, 0x24 },         /* SERIO_RS232, SERIO_ANY, SERIO_ANY, proto */
	{ 0xff, 0xff, 0xff, 0xff },         /* everything */
	{ 0x01, 0x12, 0x34, 0x00 },
	{ 0 }
};
MODULE_DEVICE_TABLE(serio, ids);
