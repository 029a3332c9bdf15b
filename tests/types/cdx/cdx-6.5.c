// SPDX-License-Identifier: LGPL-2.1-or-later
/* 6.5-6.6: "cdx:" or "vfio_cdx:" (override_only 1), then v, d as %04X or '*' (0xFFFF); other override values skipped. */
#include "module.h"

struct cdx_device_id {
	__u16 vendor;
	__u16 device;
	__u32 override_only;
};
MODULE_NAME("types_cdx_65");
MODULE_VERMAGIC("6.5.0");

const struct cdx_device_id ids[] = {
	{ 0x10ee, 0x8084, 0 },
	{ 0xffff, 0xffff, 1 },   /* vfio-cdx: CDX_DRIVER_OVERRIDE_DEVICE_VFIO(CDX_ANY_ID, CDX_ANY_ID) */
	{ 0x10ee, 0xffff, 2 },   /* unknown override value */
	{ 0 }
};
MODULE_DEVICE_TABLE(cdx, ids);
