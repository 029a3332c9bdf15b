// SPDX-License-Identifier: LGPL-2.1-or-later
/* 4.3: neither hdaudio (4.4) nor sdw (4.16) known to modpost. */
#include "module.h"

struct hda_device_id {
	__u32 vendor_id, rev_id;
	__u8 api_version;
	const char *name;
	unsigned long driver_data;
};
MODULE_NAME("types_sound_43");
MODULE_VERMAGIC("4.3.0-1-amd64");

const struct hda_device_id hda_ids[] = {
	{ 0x10ec0269, 0, 0, 0, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(hdaudio, hda_ids);
