// SPDX-License-Identifier: LGPL-2.1-or-later
/* A plugin built for another plugin ABI: -DABI_MAJOR=N -DABI_MINOR=M. The core must refuse it. */
#include <busalias/plugin.h>

BA_EXPORT extern const struct busalias_plugin busalias_plugin;
const struct busalias_plugin busalias_plugin = {
	.abi_version = BUSALIAS_ABI_VERSION(ABI_MAJOR, ABI_MINOR),
	.struct_size = sizeof(struct busalias_plugin),
	.name = "mismatch",
};
