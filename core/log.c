// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdarg.h>

#include "busalias.h"

bool ba_quiet;
unsigned long ba_warning_count;
/* This thread's share of ba_warning_count: a per-module count stays right while other threads warn. */
static __thread unsigned long thread_warnings;

unsigned long ba_thread_warning_count(void)
{
	return thread_warnings;
}

/* Per-thread: parallel `gen` keeps each module's messages and prints them in output order. */
static __thread struct strbuf *capture;

void ba_log_capture(struct strbuf *sb)
{
	capture = sb;
}

static void vlog(const char *prefix, const char *fmt, va_list ap)
{
	static const char hex[] = "0123456789abcdef";
	char line[2048], safe[4 * sizeof(line)];
	size_t n = 0;

	vsnprintf(line, sizeof(line), fmt, ap);
	/*
	 * One message, one line, no terminal escapes: names from hostile files and
	 * devices end up in messages, so control bytes are shown as \xNN.
	 */
	for (const unsigned char *p = (const unsigned char *)line; *p; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			safe[n++] = '\\';
			safe[n++] = 'x';
			safe[n++] = hex[*p >> 4];
			safe[n++] = hex[*p & 0xf];
		} else {
			safe[n++] = (char)*p;
		}
	}
	safe[n] = '\0';
	if (capture)
		strbuf_addf(capture, "busalias: %s%s\n", prefix, safe);
	else
		fprintf(stderr, "busalias: %s%s\n", prefix, safe);
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
	thread_warnings++;
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
