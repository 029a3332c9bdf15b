// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Unbind only (bind --driver none): the device keeps no driver.  An unbind alone would not last: the
 * next drivers_probe or module load hands the device to its driver again.  driver_override set to a
 * name no driver registers (BA_NO_DRIVER, as driverctl does) keeps every driver away until restore.
 */
#include <errno.h>
#include <string.h>

#include "admin.h"

int unbind_device(const struct sysfs *sys, const struct ba_device *dev, bool dry_run)
{
	struct dev_state orig, now;
	_cleanup_free_ char *ovr = xasprintf("%s/driver_override", dev->devpath);
	int r;

	r = device_state_read(sys, dev, &orig);
	if (r < 0) {
		ba_err("%s:%s: cannot read driver/driver_override: %s", dev->bus, dev->name, strerror(-r));
		return r == -ENOENT ? BA_EXIT_USAGE : BA_EXIT_FAILURE;
	}
	if (!orig.driver[0] && !strcmp(orig.override, BA_NO_DRIVER)) {
		ba_info("%s:%s has no driver and driver_override %s already; nothing to do", dev->bus, dev->name,
			BA_NO_DRIVER);
		return BA_EXIT_OK;
	}
	ba_info("unbinding %s:%s from %s, driver_override %s", dev->bus, dev->name,
		orig.driver[0] ? orig.driver : "(none)", BA_NO_DRIVER);
	/* The override first: between the unbind and it, a probe could bind the device again. */
	if (device_write_step(sys, "step '" STEP_DRIVER_OVERRIDE "'", ovr, BA_NO_DRIVER) < 0)
		return device_state_roll_back(sys, dev, &orig);
	if (orig.driver[0]) {
		_cleanup_free_ char *unbind = xasprintf("bus/%s/drivers/%s/unbind", dev->bus, orig.driver);
		if (device_write_step(sys, "step '" STEP_UNBIND "'", unbind, dev->name) < 0)
			return device_state_roll_back(sys, dev, &orig);
	}
	if (dry_run) {
		printf("would verify that %s/%s has no driver\n", sys->root, dev->devpath);
		return BA_EXIT_OK;
	}
	r = device_state_read(sys, dev, &now);
	if (r < 0 || now.driver[0] || strcmp(now.override, BA_NO_DRIVER) != 0) {
		ba_err("step '" STEP_VERIFY "' failed: %s:%s is on driver %s with driver_override %s", dev->bus, dev->name,
		       r < 0 ? "(unreadable)" : now.driver[0] ? now.driver : "(none)",
		       r < 0 ? "(unreadable)" : now.override[0] ? now.override : "(none)");
		return device_state_roll_back(sys, dev, &orig);
	}
	ba_info("%s:%s has no driver now (driver_override %s; 'busalias restore' undoes it)", dev->bus, dev->name,
		BA_NO_DRIVER);
	return BA_EXIT_OK;
}
