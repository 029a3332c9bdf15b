// SPDX-License-Identifier: LGPL-2.1-or-later
/* tee_client_device_id (uuid_t only): bytes 0..15 in memory order, dashed 8-4-4-4-12, then '*'. */
#include "module.h"

typedef struct { __u8 b[16]; } uuid_t;
struct tee_client_device_id {
	uuid_t uuid;
};
MODULE_NAME("types_tee");
MODULE_VERMAGIC("5.4.0-150-generic");

const struct tee_client_device_id ids[] = {
	/* optee-rng: ab7a617c-b8e7-4d8f-8301-d09b61036b64 */
	{ { { 0xab, 0x7a, 0x61, 0x7c, 0xb8, 0xe7, 0x4d, 0x8f, 0x83, 0x01, 0xd0, 0x9b, 0x61, 0x03, 0x6b, 0x64 } } },
	{ { { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xA, 0xB, 0xC, 0xD, 0xE, 0xF } } },
	{ { { 0 } } }
};
MODULE_DEVICE_TABLE(tee, ids);
