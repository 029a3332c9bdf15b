// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 5.10 module: modpost learned auxiliary tables in 5.11, so no aliases. */
#include "module.h"

struct auxiliary_device_id {
	char name[32];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_aux_510");
MODULE_VERMAGIC("5.10.0");

const struct auxiliary_device_id ids[] = {
	{ "mlx5_core.eth", 0 },
	{ "" }
};
MODULE_DEVICE_TABLE(auxiliary, ids);
