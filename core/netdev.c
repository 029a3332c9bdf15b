// SPDX-License-Identifier: LGPL-2.1-or-later
/* A network interface name stands for its device: class/net/IFNAME/device. */
#include <errno.h>
#include <string.h>

#include "admin.h"

int netdev_devpath(const struct sysfs *sys, const char *ifname, char *out, size_t len)
{
	_cleanup_free_ char *p = NULL;

	/* The kernel's rule for interface names (dev_valid_name): at most 15 bytes, no '/', ':' or space. */
	if (!valid_name(ifname, 15) || strchr(ifname, ':'))
		return -ENOENT;
	p = xasprintf("class/net/%s/device", ifname);
	if (!sysfs_exists(sys, p))
		return -ENOENT;
	return sysfs_resolve(sys, p, out, len);
}
