/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The program's side of libbusalias: helpers of the commands written against the public API only
 * (busalias/busalias.h).  Nothing here reaches into the library.
 */
#ifndef BUSALIAS_CLI_H
#define BUSALIAS_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <syslog.h>

#include <busalias/busalias.h>

#include "exit.h"  /* the exit statuses of busalias(1) and their map from -errno */

#define CLI_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define _cli_printf_(a, b) __attribute__((format(printf, a, b)))


/* A message through ctx's log ("busalias: error: ..." on stderr), counted as the library's are. */
void cli_log(struct ba_ctx *ctx, int priority, const char *fmt, ...) _cli_printf_(3, 4);
#define cli_err(ctx, ...) cli_log(ctx, LOG_ERR, __VA_ARGS__)
#define cli_warn(ctx, ...) cli_log(ctx, LOG_WARNING, __VA_ARGS__)

/* 1 if c was a module-tree option (-b, -k, -m, --module-root: applied to ctx), 0 if not, -1 for a
 * bad value (reported).  OPT_MODULE_ROOT and the common option ids are cmdline.h's. */
int cli_module_tree_option(struct ba_ctx *ctx, int c, const char *arg);
/* 0 if c was a common option (--plugin-dir, --add-plugin-dir, -q, --config), -1 otherwise. */
int cli_common_option(struct ba_ctx *ctx, int c, const char *arg);

/* Commands written against the public API only; ctx carries the configuration file and -q. */
int cmd_gen(int argc, char **argv, struct ba_ctx *ctx);
int cmd_match(int argc, char **argv, struct ba_ctx *ctx);

/* Output assembled in memory, written at once. */
struct outbuf {
	char *buf;
	size_t len, cap;
};
void outbuf_add(struct outbuf *o, const char *s, size_t n);
void outbuf_adds(struct outbuf *o, const char *s);
void outbuf_addf(struct outbuf *o, const char *fmt, ...) _cli_printf_(2, 3);
/* s as a JSON string: quotes, escapes, a byte that is not UTF-8 as U+FFFD. */
void outbuf_add_json_string(struct outbuf *o, const char *s);
void outbuf_release(struct outbuf *o);
/* Write len bytes to path through a temporary file and rename(2), or into it if it is a device or a
 * FIFO (never replace /dev/null): 0 or -errno. */
int cli_write_file_atomic(const char *path, const void *data, size_t len);

#endif
