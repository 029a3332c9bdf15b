// SPDX-License-Identifier: LGPL-2.1-or-later
/* pcmcia_device_id (unchanged 3.0-7.3): every match_flags bit, the four product-id hashes. */
#include "module.h"

struct pcmcia_device_id {
	__u16 match_flags, manf_id, card_id;
	__u8 func_id, function, device_no;
	__u32 prod_id_hash[4];
	const char *prod_id[4];
	kernel_ulong_t driver_info;
	char *cisfile;
};
MODULE_NAME("types_pcmcia");
MODULE_VERMAGIC("6.1.0-13-686-pae");

const struct pcmcia_device_id ids[] = {
	{ .match_flags = 0x3, .manf_id = 0x0101, .card_id = 0x0562 },
	{ .match_flags = 0x30, .prod_id_hash = { 0x11223344, 0xdeadbeef, 5, 6 } },
	{ .match_flags = 0x10c, .func_id = 0x02, .function = 1, .device_no = 2, .manf_id = 7 },
	{ .match_flags = 0xc0, .prod_id_hash = { 1, 2, 0x0000abcd, 0xf0000000 }, .driver_info = 9 },
	{ .match_flags = 0x7ff, .manf_id = 0xffff, .card_id = 0x0001, .func_id = 0xff, .function = 0,
	  .device_no = 0x10, .prod_id_hash = { 0x1, 0x20, 0x300, 0x4000 } },
	{ .match_flags = 0x600, .manf_id = 0x1234, .driver_info = ~0ul },
	{ 0 }
};
MODULE_DEVICE_TABLE(pcmcia, ids);
