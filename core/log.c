// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Messages of the core.  Nothing here is process-wide: a message goes to the log of the call running
 * on this thread (struct ba_log, owned by a library context or by the program), which a public entry
 * point installs with ba_log_use() for its duration.  Without one, messages go to stderr.
 */
#include <stdarg.h>
#include <syslog.h>

#include "busalias.h"

/* Per thread: the log of the call in progress, a capture buffer, the warnings this thread has issued. */
static __thread struct ba_log *thread_log;
static __thread struct strbuf *capture;
static __thread unsigned long thread_warnings;

void ba_log_init(struct ba_log *log)
{
	*log = (struct ba_log){ .priority = LOG_INFO };
}

struct ba_log *ba_log_use(struct ba_log *log)
{
	struct ba_log *old = thread_log;

	thread_log = log;
	return old;
}

struct ba_log *ba_log_current(void)
{
	return thread_log;
}

void ba_log_set_quiet(bool quiet)
{
	if (thread_log)
		thread_log->priority = quiet ? LOG_ERR : LOG_INFO;
}

unsigned long ba_log_warnings(const struct ba_log *log)
{
	return __atomic_load_n(&log->warnings, __ATOMIC_RELAXED);
}

unsigned long ba_thread_warning_count(void)
{
	return thread_warnings;
}

/* Per-thread: parallel `gen` keeps each module's messages and prints them in output order. */
void ba_log_capture(struct strbuf *sb)
{
	capture = sb;
}

static const char *prefix_of(int priority)
{
	return priority <= LOG_ERR ? "error: " : priority == LOG_WARNING ? "warning: " : "";
}

static void vlog(int priority, const char *fmt, va_list ap)
{
	static const char hex[] = "0123456789abcdef";
	struct ba_log *log = thread_log;
	char line[2048], safe[4 * sizeof(line)];
	size_t n = 0;

	if (priority == LOG_WARNING) {
		thread_warnings++;
		if (log)
			__atomic_fetch_add(&log->warnings, 1, __ATOMIC_RELAXED);
	}
	if (log && priority > log->priority)
		return;
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
		strbuf_addf(capture, "busalias: %s%s\n", prefix_of(priority), safe);
	else if (log && log->fn)
		log->fn(log->data, priority, safe);
	else
		fprintf(stderr, "busalias: %s%s\n", prefix_of(priority), safe);
}

void ba_log_printf(int priority, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(priority, fmt, ap);
	va_end(ap);
}

void ba_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(LOG_ERR, fmt, ap);
	va_end(ap);
}

void ba_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(LOG_WARNING, fmt, ap);
	va_end(ap);
}

void ba_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(LOG_INFO, fmt, ap);
	va_end(ap);
}
