// SPDX-License-Identifier: LGPL-2.1-or-later
/* ccw, ap and css device ids of 3.9-7.2 (ap keeps driver_info until 7.3). */
#include "module.h"

struct ccw_device_id {
	__u16 match_flags, cu_type, dev_type;
	__u8 cu_model, dev_model;
	kernel_ulong_t driver_info;
};
struct ap_device_id {
	__u16 match_flags;
	__u8 dev_type;
	kernel_ulong_t driver_info;
};
struct css_device_id {
	__u8 match_flags;
	__u8 type;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_s390");
MODULE_VERMAGIC("6.1.0-13-s390x");

const struct ccw_device_id ccw_ids[] = {
	{ 0x3, 0x3990, 0, 0xe9, 0, 1 },
	{ 0xf, 0x3880, 0x3390, 0x0a, 0x1b, 2 },
	{ 0x4, 0, 0x3480, 0, 0, 3 },
	{ 0x8, 0x1111, 0x2222, 0x33, 0x44, 4 },
	{ 0x0, 0x1731, 0x1732, 1, 5, 5 },
	{ 0 }
};
MODULE_DEVICE_TABLE(ccw, ccw_ids);

const struct ap_device_id ap_ids[] = {
	{ 0x1, 0x0a, 0x11 },
	{ 0x0, 0xff, 0x22 },
	{ 0x1, 0x00, 0x33 },
	{ 0 }
};
MODULE_DEVICE_TABLE(ap, ap_ids);

const struct css_device_id css_ids[] = {
	{ 1, 0x0, 0x11 },
	{ 1, 0x3, 0x22 },
	{ 0, 0x1f, 0x33 },
	{ 1, 0xab, ~0ul },
	{ 0 }
};
MODULE_DEVICE_TABLE(css, css_ids);
