// SPDX-License-Identifier: LGPL-2.1-or-later
/* sdw_device_id of 4.16-5.8: mfg_id and part_id only. */
#include "module.h"

struct sdw_device_id {
	__u16 mfg_id, part_id;
	kernel_ulong_t driver_data;
};
struct hda_device_id {
	__u32 vendor_id, rev_id;
	__u8 api_version;
	const char *name;
	unsigned long driver_data;
};
MODULE_NAME("types_sound_54");
MODULE_VERMAGIC("5.4.0-42-generic");

const struct sdw_device_id sdw_ids[] = {
	{ 0x025d, 0x0711, 0 },
	{ 0, 0, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(sdw, sdw_ids);

const struct hda_device_id hda_ids[] = {
	{ 0x11069f80, 0, 0, 0, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(hdaudio, hda_ids);
