// SPDX-License-Identifier: LGPL-2.1-or-later
/* hda_device_id and sdw_device_id of 5.9+ (sdw_version, class_id); slim is not known to 6.1's modpost. */
#include "module.h"

struct hda_device_id {
	__u32 vendor_id, rev_id;
	__u8 api_version;
	const char *name;
	unsigned long driver_data;
};
struct sdw_device_id {
	__u16 mfg_id, part_id;
	__u8 sdw_version, class_id;
	kernel_ulong_t driver_data;
};
struct slim_device_id {
	__u16 manf_id, prod_code, dev_index, instance;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_sound");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct hda_device_id hda_ids[] = {
	{ 0x10ec0269, 0, 0, "ALC269", 0 },
	{ 0x8086280b, 0x100000, 2, "HDMI", 0 },
	{ 0, 0x00100101, 0, 0, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(hdaudio, hda_ids);

const struct sdw_device_id sdw_ids[] = {
	{ 0x025d, 0x0711, 0, 0, 0 },
	{ 0x01fa, 0x4243, 0x2, 0x1, 0 },
	{ 0, 0x1234, 0x3, 0, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(sdw, sdw_ids);

const struct slim_device_id slim_ids[] = {
	{ 0x217, 0x250, 1, 0, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(slim, slim_ids);
