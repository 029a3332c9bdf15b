// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdarg.h>

#include "busalias.h"

bool ba_quiet;
unsigned long ba_warning_count;

/* Per-thread: parallel `gen` keeps each module's messages and prints them in output order. */
static __thread struct strbuf *capture;

void ba_log_capture(struct strbuf *sb)
{
	capture = sb;
}

static void vlog(const char *prefix, const char *fmt, va_list ap)
{
	char line[2048];

	vsnprintf(line, sizeof(line), fmt, ap);
	/* One message, one line: a name with a newline in it must not forge a second. */
	for (char *p = line; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	if (capture)
		strbuf_addf(capture, "busalias: %s%s\n", prefix, line);
	else
		fprintf(stderr, "busalias: %s%s\n", prefix, line);
}

void ba_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("error: ", fmt, ap);
	va_end(ap);
}

void ba_warn(const char *fmt, ...)
{
	va_list ap;

	__atomic_fetch_add(&ba_warning_count, 1, __ATOMIC_RELAXED);
	if (ba_quiet)
		return;
	va_start(ap, fmt);
	vlog("warning: ", fmt, ap);
	va_end(ap);
}

void ba_info(const char *fmt, ...)
{
	va_list ap;

	if (ba_quiet)
		return;
	va_start(ap, fmt);
	vlog("", fmt, ap);
	va_end(ap);
}
