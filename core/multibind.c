// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Several devices in one run, all or nothing: VFIO needs a whole IOMMU group, and a group half on
 * VFIO, half on its host drivers is useless to a VM and to the host.  Each device is moved by
 * bind_device() (which rolls itself back on failure); when one fails, every device moved before it
 * goes back to the state recorded before the run.  The library's ba_devices_bind() and
 * ba_device_bind() (one device) are this.
 */
#include <errno.h>
#include <string.h>

#include "admin.h"
#include "cmdline.h"

int admin_lock(const struct ba_config *cfg, const struct ba_device *dev, const char *cmd)
{
	int fd = device_lock(cfg->lock_dir, dev->bus, dev->name, cfg->lock_timeout);

	if (fd >= 0)
		return fd;
	if (fd == -ETIMEDOUT) {
		_cleanup_free_ char *path = device_lock_path(cfg->lock_dir, dev->bus, dev->name);
		ba_err("%s:%s: another process still holds %s after %g s (--lock-timeout); nothing was changed",
		       dev->bus, dev->name, path, cfg->lock_timeout);
		return -ETIMEDOUT;
	}
	if ((fd == -EACCES || fd == -EPERM || fd == -EROFS) && geteuid() != 0)
		ba_err("%s needs root: moving a device between drivers writes to sysfs (%s: %s)", cmd, cfg->lock_dir,
		       strerror(-fd));
	else
		ba_err("%s: cannot take the lock for %s:%s: %s", cfg->lock_dir, dev->bus, dev->name, strerror(-fd));
	/* Its own code: an -ENOENT here (no lock directory) is not "no module matches". */
	return -ENOLCK;
}

static int cmp_device(const void *a, const void *b)
{
	const struct ba_device *x = *(const struct ba_device *const *)a, *y = *(const struct ba_device *const *)b;
	int c = strcmp(x->bus, y->bus);

	return c ? c : strcmp(x->name, y->name);
}

static bool listed(const struct ba_device *const *v, size_t n, const struct ba_device *d)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i]->devpath, d->devpath))
			return true;
	return false;
}

/* What to persist for a device just bound: its driver now, and the module that registered it. */
static int persisted_of(const struct sysfs *sys, const struct ba_device *dev, const struct bind_opts *o,
			struct persisted *p)
{
	struct dev_state st;

	memset(p, 0, sizeof(*p));
	snprintf(p->device, sizeof(p->device), "%s:%s", dev->bus, dev->name);
	if (o->driver && !strcmp(o->driver, BA_NO_DRIVER)) {
		snprintf(p->driver, sizeof(p->driver), "%s", BA_NO_DRIVER);
		return 0;
	}
	if (o->dry_run) {
		snprintf(p->driver, sizeof(p->driver), "%s", o->driver ? o->driver : "(best match)");
		return 0;
	}
	if (device_state_read(sys, dev, &st) < 0 || !st.driver[0]) {
		ba_err("%s:%s: no driver to persist", dev->bus, dev->name);
		return -EIO;
	}
	snprintf(p->driver, sizeof(p->driver), "%s", st.driver);
	if (!driver_module(sys, dev->bus, st.driver, p->module, sizeof(p->module)))
		p->module[0] = '\0';  /* built in: nothing to load */
	return 0;
}

int bind_devices(const struct ba_config *cfg, const struct sysfs *sys, struct ba_device *const *given, size_t n,
		 bool bind, const struct bind_opts *o, bool persist, struct bind_devices_result *res)
{
	const char *cmd = bind ? "bind" : "restore";
	const struct ba_device **devs = xcalloc(n ? n : 1, sizeof(*devs)), **order = NULL;
	struct dev_state *orig = NULL;
	struct bind_opts one = *o;
	size_t nd = 0, done;
	int *locks = NULL, ret = BA_EXIT_OK, r;

	memset(res, 0, sizeof(*res));
	/* The devices of the run, each once, in the order given. */
	for (size_t i = 0; i < n; i++)
		if (!listed(devs, nd, given[i]))
			devs[nd++] = given[i];
	if (nd > 1)
		ba_info("%s: %zu devices, all or nothing", cmd, nd);

	/* Locks in one global order (bus, name), so two runs over overlapping sets cannot deadlock. */
	order = xcalloc(nd ? nd : 1, sizeof(*order));
	locks = xcalloc(nd ? nd : 1, sizeof(*locks));
	for (size_t i = 0; i < nd; i++) {
		order[i] = devs[i];
		locks[i] = -1;
	}
	qsort(order, nd, sizeof(*order), cmp_device);
	/* A dry run changes nothing, so it need not wait for anyone. */
	for (size_t i = 0; i < nd && !o->dry_run; i++) {
		locks[i] = admin_lock(cfg, order[i], cmd);
		if (locks[i] < 0) {
			res->lock_error = locks[i];
			ret = BA_EXIT_FAILURE;
			goto out;
		}
	}
	orig = xcalloc(nd ? nd : 1, sizeof(*orig));
	for (size_t i = 0; i < nd; i++)
		if (device_state_read(sys, devs[i], &orig[i]) < 0)
			orig[i].driver[0] = orig[i].override[0] = '\0';

	/* A device alone is warned about at its verify step (not when it was already there); a set once
	 * every device is bound, as the group's state is known only then. */
	bool warn_after = nd > 1 || persist;
	one.no_group_warning = warn_after;
	for (done = 0; done < nd; done++) {
		r = bind ? bind_device(cfg, sys, devs[done], &one) : restore_device(cfg, sys, devs[done], o->dry_run);
		if (r == BA_EXIT_OK)
			continue;
		ret = r;
		if (done == 0)
			break;
		ba_err("%s:%s failed: putting the %zu device%s moved before it back", devs[done]->bus, devs[done]->name,
		       done, done == 1 ? "" : "s");
		for (size_t k = done; k-- > 0;)
			if (device_state_roll_back(sys, devs[k], &orig[k]) == BA_EXIT_UNSAFE)
				ret = BA_EXIT_UNSAFE;
		if (ret != BA_EXIT_UNSAFE)
			ret = BA_EXIT_ROLLEDBACK;
		break;
	}
	if (ret != BA_EXIT_OK)
		goto out;

	res->moved = true;
	for (size_t i = 0; i < nd; i++) {
		if (persist && bind) {
			struct persisted p;
			if (persisted_of(sys, devs[i], o, &p) < 0 || persist_save(cfg, &p, o->dry_run) < 0)
				ret = BA_EXIT_FAILURE;
		} else if (persist) {
			if (persist_remove(cfg, devs[i]->bus, devs[i]->name, o->dry_run) < 0)
				ret = BA_EXIT_FAILURE;
		} else if (!bind) {
			persist_warn_kept(cfg, devs[i]);
		}
		if (warn_after && bind && !o->dry_run && !(o->driver && !strcmp(o->driver, BA_NO_DRIVER)))
			warn_group(sys, devs[i]);
	}
out:
	for (size_t i = 0; i < nd; i++)
		if (locks[i] >= 0)
			close(locks[i]);
	free(locks);
	free(order);
	free(orig);
	free(devs);
	return ret;
}
