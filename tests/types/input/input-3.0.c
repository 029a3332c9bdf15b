// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.0 module: input_device_id without propbit (192/160 bytes), __mod_input_device_table; the loop
 * is i < max (no MAX bit), SW_MAX 0x0f, keys from KEY_MIN_INTERESTING 0x71. */
#include "module.h"
#include "bits.h"

struct input_device_id {
	INPUT_ID_HEAD
	kernel_ulong_t driver_info;
};
MODULE_NAME("types_input_30");
MODULE_VERMAGIC("3.0.101-63-default");

const struct input_device_id ids[] = {
	{ .flags = 0x0030, .evbit = { BIT1(1) },
	  .keybit = { BIT1(0x1e), BIT1(0x71), BIT1(0x110), BIT1(0x2ff) } }, /* KEY_A < 0x71: not printed */
	{ .flags = 0x000f, .bustype = 0x0003, .vendor = 0x046d, .product = 0xc52b, .version = 0x0111 },
	{ .flags = 0x1081, .bustype = 0x0019, .absbit = { BITS(0x00, 0x00, 0x35, 0x3f, 0xffff), BITS(0x35, 0x00, 0x35, 0x3f, 0xffff) },
	  .swbit = { BITS(0x00, 0x00, 0x0e, 0x0f, 0xffff) } },               /* ABS_MAX 0x3f, SW_MAX 0x0f: not printed */
	{ .flags = 0x0e40, .relbit = { BIT1(0x08) }, .ledbit = { BIT1(0x0f) }, .sndbit = { BIT1(0x01) },
	  .ffbit = { BITS(0x50, 0x50, 0x7f, 0xffff, 0xffff), BITS(0x7f, 0x50, 0x7f, 0xffff, 0xffff) } },                            /* ffbit 0x7f: not printed */
	{ .flags = 0x0100, .mscbit = { BIT1(0x04) }, .relbit = { BIT1(0x01) } }, /* relbit not matched */
	{ .driver_info = 1 },                                                 /* matches anything */
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(input, ids);
