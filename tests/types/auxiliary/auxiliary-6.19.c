// SPDX-License-Identifier: LGPL-2.1-or-later
/* auxiliary_device_id of 6.19+ (AUXILIARY_NAME_SIZE 40): a name longer than 32 characters. */
#include "module.h"

struct auxiliary_device_id {
	char name[40];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_aux");
MODULE_VERMAGIC("6.19.0");

const struct auxiliary_device_id ids[] = {
	{ "intel_vsec.telemetry-0123456789abcdef", 0 },
	{ "mlx5_core.rdma", 1 },
	{ "" }
};
MODULE_DEVICE_TABLE_618(types_aux, auxiliary, ids);
