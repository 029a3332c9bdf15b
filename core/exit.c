// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>

#include "exit.h"

enum ba_exit exit_status_from_errno(int r)
{
	switch (-r) {
	case 0:
		return BA_EXIT_OK;
	/*
	 * What the caller asked for is wrong, not the system: a bad argument (EINVAL), a device name that
	 * names no device (ENODEV), a path outside the sysfs root (EXDEV), an operation the device's bus
	 * does not have (EOPNOTSUPP), a plugin refused for its ABI, its format or a duplicate bus
	 * (EPROTO, ENOEXEC, EEXIST).
	 */
	case EINVAL:
	case ENODEV:
	case EXDEV:
	case EOPNOTSUPP:
	case EPROTO:
	case ENOEXEC:
	case EEXIST:
		return BA_EXIT_USAGE;
	default:
		/* Input that cannot be read, output that cannot be written, no memory. */
		return BA_EXIT_FAILURE;
	}
}
