// SPDX-License-Identifier: LGPL-2.1-or-later
/* eisa_device_id (unchanged 3.0-7.3) of 3.9-6.10, before "modpost: remove incorrect code in
 * do_eisa_entry()": the empty sig already gave "eisa:s*". */
#include "module.h"

struct eisa_device_id {
	char sig[8];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_eisa");
MODULE_VERMAGIC("6.1.0-13-686");

const struct eisa_device_id ids[] = {
	{ "TCM5920", 0 },
	{ "", 1 },
	{ "ADP7771", 2 },
	{ "ABCD1234", 0 },  /* 8 characters, no NUL: %s ran on into driver_data, here 0 */
	{ 0 }
};
MODULE_DEVICE_TABLE(eisa, ids);
