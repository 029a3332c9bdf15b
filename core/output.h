/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Output assembled in memory, written at once (output.c).  Nothing of the core: the commands on the
 * public API use it too. */
#ifndef BUSALIAS_OUTPUT_H
#define BUSALIAS_OUTPUT_H

#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len, cap;
};
void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s as a JSON string: quotes, escapes, a byte that is not UTF-8 as U+FFFD. */
void strbuf_add_json_string(struct strbuf *sb, const char *s);
void strbuf_release(struct strbuf *sb);

/* Write len bytes to path through a hidden temporary file beside it (DIR/.BASE.XXXXXX), fsync(2)ed,
 * mode 0644, and rename(2); or into path if it is a device or a FIFO (never replace /dev/null).
 * 0 or -errno. */
int write_file_atomic(const char *path, const void *data, size_t len);
/* The same, but whatever path is (a symbolic link, a device, a FIFO) is replaced by the new regular
 * file: for files that are read back as such (an index), never an output stream. */
int write_file_replace(const char *path, const void *data, size_t len);

#endif
