/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What bind, restore and status share: their options parsed into the core's configuration, and the
 * bind/restore of one or several devices.
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
/* bind or restore the devices argv names (after the options), as command dc. */
int bind_or_restore(const struct device_command *dc, bool bind, int argc, char **argv, struct ba_config *cfg);

#endif
