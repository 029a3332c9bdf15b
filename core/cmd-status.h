/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* What the status command's views share (status-line.c: the filters and the one-line view). */
#ifndef BUSALIAS_CMD_STATUS_H
#define BUSALIAS_CMD_STATUS_H

#include "cli.h"

/* --bus, --class, --overridden. */
struct status_filter {
	const char *bus, *class;
	bool overridden;
};
/* 0 if the filter's arguments are valid, else BA_EXIT_USAGE after reporting. */
int status_filter_check(struct ba_ctx *ctx, const struct status_filter *f);
/* Drop (and release) the devices the filter leaves out, and a device listed a second time (an ACPI
 * description of a device also listed as itself). */
void status_filter_apply(const struct status_filter *f, struct ba_device **devs, size_t *n);
/* One line: BUS:NAME VENDOR:DEVICE driver=… override=… group=… best=… [via=…] [NAMES]. */
void status_line(struct strbuf *sb, const struct ba_device *dev, const struct ba_device_status *st,
		 const char *candidate, const struct ba_pciids *ids);

#endif
