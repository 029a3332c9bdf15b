/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * busalias's exit statuses, documented in busalias(1) (EXIT STATUS), and the one map from an error
 * (-errno) to them.  Shared by the core (bind_device() returns an exit status) and the commands on
 * the public API: it includes nothing of either.
 */
#ifndef BUSALIAS_EXIT_H
#define BUSALIAS_EXIT_H

enum ba_exit {
	BA_EXIT_OK = 0,
	BA_EXIT_NOMATCH = 1,    /* match: nothing matched */
	BA_EXIT_USAGE = 2,      /* bad arguments or configuration */
	BA_EXIT_PARTIAL = 3,    /* done, but some input was malformed and skipped */
	BA_EXIT_ROLLEDBACK = 4, /* bind/restore failed; device back in its original state */
	BA_EXIT_UNSAFE = 5,     /* bind/restore failed and the original state could not be restored */
	BA_EXIT_FAILURE = 6,    /* system error: unreadable input, unwritable output, out of memory */
};

/* The exit status of a command that failed with r (-errno; 0 is success), after it said why. */
enum ba_exit exit_status_from_errno(int r);

#endif
