// SPDX-License-Identifier: LGPL-2.1-or-later
/* One flock(2) per device, so two busalias runs on one device take turns. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>

#include "busalias.h"

char *device_lock_path(const char *lock_dir, const char *bus, const char *name)
{
	return xasprintf("%s/%s:%s.lock", lock_dir, bus, name);
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Poll with LOCK_NB until the deadline rather than block in flock(LOCK_EX):
 * a blocking wait could only be cut short by a signal, and an alarm() or a
 * signal handler would leak into the rest of the process.
 */
static int wait_lock(int fd, double timeout)
{
	double deadline = now_seconds() + timeout;
	long step_ns = 1000000; /* 1 ms, doubling up to 50 ms: quick for short waits, cheap for long ones */

	for (;;) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return -errno;
		double left = deadline - now_seconds();
		if (left <= 0)
			return -ETIMEDOUT;
		long ns = step_ns;
		if ((double)ns > left * 1e9)
			ns = (long)(left * 1e9) + 1;
		struct timespec ts = { .tv_sec = ns / 1000000000L, .tv_nsec = ns % 1000000000L };
		nanosleep(&ts, NULL);
		if (step_ns < 50000000L)
			step_ns *= 2;
	}
}

int device_lock(const char *lock_dir, const char *bus, const char *name, double timeout)
{
	_cleanup_free_ char *path = NULL;
	int fd, r;

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
	path = device_lock_path(lock_dir, bus, name);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0)
		return -errno;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return fd;
	r = errno == EWOULDBLOCK ? -ETIMEDOUT : -errno;
	if (r == -ETIMEDOUT && timeout > 0) {
		ba_info("%s: waiting for another busalias run on %s:%s (up to %g s)", path, bus, name, timeout);
		r = wait_lock(fd, timeout);
		if (r == 0)
			return fd;
	}
	close(fd);
	return r;
}
