// SPDX-License-Identifier: LGPL-2.1-or-later
/* One flock(2) per device, so two busalias runs on one device take turns. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>

#include "busalias.h"

int device_lock(const char *lock_dir, const char *bus, const char *name)
{
	_cleanup_free_ char *path = NULL;
	int fd;

	struct stat st;

	/* Only the first level: a missing parent means a misconfigured lock_dir. */
	if (mkdir(lock_dir, 0700) < 0 && errno != EEXIST)
		return -errno;
	if (lstat(lock_dir, &st) < 0)
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	/* As root, a lock directory others can write would let them pre-plant or steal locks. */
	if (geteuid() == 0 && (st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH)))) {
		ba_err("%s: refusing lock directory writable by other users (owner %u, mode %04o)", lock_dir,
		       (unsigned)st.st_uid, (unsigned)(st.st_mode & 07777));
		return -EPERM;
	}
	path = xasprintf("%s/%s:%s.lock", lock_dir, bus, name);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0)
		return -errno;
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno != EWOULDBLOCK) {
			int r = -errno;
			close(fd);
			return r;
		}
		ba_info("%s: waiting for another busalias run on %s:%s", path, bus, name);
		while (flock(fd, LOCK_EX) < 0)
			if (errno != EINTR) {
				int r = -errno;
				close(fd);
				return r;
			}
	}
	return fd;
}
