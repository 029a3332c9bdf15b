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

#include "exit.h"    /* the exit statuses of busalias(1) and their map from -errno */
#include "output.h"  /* struct strbuf, write_file_atomic() */

#define CLI_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define _cli_printf_(a, b) __attribute__((format(printf, a, b)))


/* main.c: the program; write_fn NULL: the real write(2) (busalias-sim passes its simulated kernel). */
int busalias_run(int argc, char **argv, ba_sysfs_write_fn *write_fn, void *write_data);

/* A message through ctx's log ("busalias: error: ..." on stderr), counted as the library's are; with
 * ctx NULL (no context yet), straight to stderr in the same form. */
void cli_log(struct ba_ctx *ctx, int priority, const char *fmt, ...) _cli_printf_(3, 4);
#define cli_err(ctx, ...) cli_log(ctx, LOG_ERR, __VA_ARGS__)
#define cli_warn(ctx, ...) cli_log(ctx, LOG_WARNING, __VA_ARGS__)

/* 1 if c was a module-tree option (-b, -k, -m, --module-root: applied to ctx), 0 if not, -1 for a
 * bad value (reported).  OPT_MODULE_ROOT and the common option ids are cmdline.h's. */
int cli_module_tree_option(struct ba_ctx *ctx, int c, const char *arg);
/* 0 if c was a common option (--plugin-dir, --add-plugin-dir, -q, --config), -1 otherwise. */
int cli_common_option(struct ba_ctx *ctx, int c, const char *arg);

/* --lock-timeout S: S as busalias.conf's lock_timeout takes it (plain decimal seconds, at most a
 * year) set in ctx: 0, or -1 after saying why not. */
int cli_set_lock_timeout(struct ba_ctx *ctx, const char *arg);
/* A name that can be one path component: 1 to max_len bytes, no '/', space or control byte, not . or .. */
bool cli_valid_name(const char *s, size_t max_len);
/* busalias(1)'s exit status of a bind, restore or applied override that returned r, left at outcome. */
int cli_bind_exit_status(int r, enum ba_bind_outcome outcome);

/* Commands written against the public API only; ctx carries the configuration file and -q. */
int cmd_gen(int argc, char **argv, struct ba_ctx *ctx);
int cmd_match(int argc, char **argv, struct ba_ctx *ctx);
int cmd_index(int argc, char **argv, struct ba_ctx *ctx);
int cmd_status(int argc, char **argv, struct ba_ctx *ctx);
int cmd_plugins(int argc, char **argv, struct ba_ctx *ctx);
int cmd_bind(int argc, char **argv, struct ba_ctx *ctx);
int cmd_restore(int argc, char **argv, struct ba_ctx *ctx);
int cmd_list_overrides(int argc, char **argv, struct ba_ctx *ctx);
int cmd_udev_apply(int argc, char **argv, struct ba_ctx *ctx);
int cmd_apply_overrides(int argc, char **argv, struct ba_ctx *ctx);
int cmd_import_driverctl(int argc, char **argv, struct ba_ctx *ctx);

struct device_command;
/* bind (or restore) the devices argv names after the options, as command dc (cmd-bind.c).  An exit status. */
int cli_bind_or_restore(const struct device_command *dc, bool bind, int argc, char **argv, struct ba_ctx *ctx);

#endif
