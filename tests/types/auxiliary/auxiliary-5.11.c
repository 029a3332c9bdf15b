// SPDX-License-Identifier: LGPL-2.1-or-later
/* auxiliary_device_id of 5.11-6.18 (name[32]): "auxiliary:<name>". */
#include "module.h"

struct auxiliary_device_id {
	char name[32];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_aux_511");
MODULE_VERMAGIC("5.11.0");

const struct auxiliary_device_id ids[] = {
	{ "mlx5_core.eth", 0 },
	{ "snd_sof.sof-probes-01234567890", 1 },
	{ "" }
};
MODULE_DEVICE_TABLE(auxiliary, ids);
