/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * status's options parsed into the core's configuration, until status runs on the public API as bind,
 * restore and match do (cmd-device-options.h).
 */
#ifndef BUSALIAS_CMD_DEVICE_H
#define BUSALIAS_CMD_DEVICE_H

#include "admin.h"
#include "busalias.h"
#include "cmdline.h"
#include "cmd-device-options.h"

struct bind_args {
	bool all, json;
	const char *device;
	struct bind_opts o;
	struct admin_args x;
};

/* Parse argv for command dc; returns -1 to go on, or an exit status. */
int device_command_parse(const struct device_command *dc, int argc, char **argv, struct ba_config *cfg,
			 struct bind_args *a);

#endif
