// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 5.0 module: modpost learned tee tables in 5.1, so no aliases. */
#include "module.h"

typedef struct { __u8 b[16]; } uuid_t;
struct tee_client_device_id {
	uuid_t uuid;
};
MODULE_NAME("types_tee_50");
MODULE_VERMAGIC("5.0.0");

const struct tee_client_device_id ids[] = {
	{ { { 1 } } },
	{ { { 0 } } }
};
MODULE_DEVICE_TABLE(tee, ids);
