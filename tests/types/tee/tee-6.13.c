// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.13 module (__mod_device_table__tee__ids). */
#include "module.h"

typedef struct { __u8 b[16]; } uuid_t;
struct tee_client_device_id {
	uuid_t uuid;
};
MODULE_NAME("types_tee_613");
MODULE_VERMAGIC("6.13.0");

const struct tee_client_device_id ids[] = {
	{ { { 0xff, 0xee, 0xdd, 0xcc, 0xbb, 0xaa, 0x99, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0x00 } } },
	{ { { 0 } } }
};
MODULE_DEVICE_TABLE_613(tee, ids);
