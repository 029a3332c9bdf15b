// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A device's driver and driver_override: read them, write one step of a change to them, and put
 * them back as they were (bind's and unbind's roll back).
 */
#include <errno.h>
#include <string.h>

#include "admin.h"

int device_state_read(const struct sysfs *sys, const struct ba_device *dev, struct dev_state *st)
{
	_cleanup_free_ char *drv = xasprintf("%s/driver", dev->devpath);
	_cleanup_free_ char *ovr = xasprintf("%s/driver_override", dev->devpath);
	int r;

	r = sysfs_link_name(sys, drv, st->driver, sizeof(st->driver));
	if (r == -ENOENT)
		st->driver[0] = '\0';
	else if (r < 0)
		return r;
	r = sysfs_read(sys, ovr, st->override, sizeof(st->override));
	if (r < 0)
		return r;
	/* Unset reads "(null)" (the kernel prints a NULL string that way). */
	if (!strcmp(st->override, "(null)"))
		st->override[0] = '\0';
	return 0;
}

int device_write_step(const struct sysfs *sys, const char *what, const char *path, const char *value)
{
	int r = sysfs_write(sys, path, value);

	if (r < 0)
		ba_err("%s: writing '%s' to %s/%s failed: %s", what, value, sys->root, path, strerror(-r));
	return r;
}

/*
 * Put the original override back first: the kernel's bind honours
 * driver_override, so the old driver could not take the device back while
 * the new override is still set.
 */
int device_state_roll_back(const struct sysfs *sys, const struct ba_device *dev, const struct dev_state *orig)
{
	_cleanup_free_ char *ovr = xasprintf("%s/driver_override", dev->devpath);
	struct dev_state now;
	int r;

	ba_info("rolling back %s:%s to driver %s, driver_override %s", dev->bus, dev->name, or_none(orig->driver),
		or_none(orig->override));
	/* "\n" clears: a zero-length write never reaches the kernel's store function. */
	device_write_step(sys, "roll back " STEP_DRIVER_OVERRIDE, ovr, orig->override[0] ? orig->override : "\n");
	if (device_state_read(sys, dev, &now) == 0 && strcmp(now.driver, orig->driver) != 0) {
		if (now.driver[0]) {
			_cleanup_free_ char *unbind = xasprintf("bus/%s/drivers/%s/unbind", dev->bus, now.driver);
			device_write_step(sys, "roll back: " STEP_UNBIND, unbind, dev->name);
		}
		if (orig->driver[0]) {
			_cleanup_free_ char *bind = xasprintf("bus/%s/drivers/%s/bind", dev->bus, orig->driver);
			device_write_step(sys, "roll back: " STEP_BIND, bind, dev->name);
			/*
			 * A driver may refuse a direct bind (or the write may fail) where a
			 * probe by the bus still gives the device back to it: with the old
			 * override in place, the bus picks what it picked before.
			 */
			if (!sys->dry_run && (device_state_read(sys, dev, &now) < 0 || strcmp(now.driver, orig->driver) != 0)) {
				_cleanup_free_ char *probe = xasprintf("bus/%s/drivers_probe", dev->bus);
				device_write_step(sys, "roll back: " STEP_DRIVERS_PROBE, probe, dev->name);
			}
		}
	}
	if (sys->dry_run)
		return BA_EXIT_ROLLEDBACK;
	r = device_state_read(sys, dev, &now);
	if (r == 0 && !strcmp(now.driver, orig->driver) && !strcmp(now.override, orig->override)) {
		ba_info("%s:%s is back on driver %s, driver_override %s", dev->bus, dev->name, or_none(orig->driver),
			or_none(orig->override));
		return BA_EXIT_ROLLEDBACK;
	}
	if (r < 0)
		ba_err("UNSAFE: cannot read the state of %s:%s after rolling back: %s", dev->bus, dev->name,
		       strerror(-r));
	else
		ba_err("UNSAFE: %s:%s is now on driver %s with driver_override %s; it was on %s with %s", dev->bus,
		       dev->name, or_none(now.driver), or_none(now.override), or_none(orig->driver),
		       or_none(orig->override));
	return BA_EXIT_UNSAFE;
}
