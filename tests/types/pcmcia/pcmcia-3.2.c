// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.2 module: the symbol of 3.14 and before. */
#include "module.h"

struct pcmcia_device_id {
	__u16 match_flags, manf_id, card_id;
	__u8 func_id, function, device_no;
	__u32 prod_id_hash[4];
	const char *prod_id[4];
	kernel_ulong_t driver_info;
	char *cisfile;
};
MODULE_NAME("types_pcmcia_3");
MODULE_VERMAGIC("3.2.0-4-486");

const struct pcmcia_device_id ids[] = {
	{ .match_flags = 0x13, .manf_id = 0x0149, .card_id = 0xc1ab, .prod_id_hash = { 0x281f1c5d } },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(pcmcia, ids);
