// SPDX-License-Identifier: LGPL-2.1-or-later
/* The commands' helpers on the public API: messages, options applied to a context. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmdline-ids.h"

void cli_log(struct ba_ctx *ctx, int priority, const char *fmt, ...)
{
	char *msg = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	if (n < 0) {
		fputs("busalias: error: out of memory\n", stderr);
		exit(BA_EXIT_FAILURE);
	}
	if (ctx)
		ba_ctx_log(ctx, priority, msg);
	else
		fprintf(stderr, "busalias: %s%s\n", priority <= LOG_ERR ? "error: " : priority == LOG_WARNING ? "warning: " : "",
			msg);
	free(msg);
}

int cli_common_option(struct ba_ctx *ctx, int c, const char *arg)
{
	switch (c) {
	case OPT_CONFIG:
		return 0; /* applied before the command ran */
	case OPT_PLUGIN_DIR:
		return ba_ctx_set_option(ctx, "plugin_dir", arg) < 0 ? -1 : 0;
	case OPT_ADD_PLUGIN_DIR:
		return ba_ctx_set_option(ctx, "add_plugin_dir", arg) < 0 ? -1 : 0;
	case 'q':
		ba_ctx_set_log_priority(ctx, LOG_ERR);
		return 0;
	}
	return -1;
}

int cli_module_tree_option(struct ba_ctx *ctx, int c, const char *arg)
{
	static const struct {
		int c;
		const char *key;
	} options[] = { { 'b', "basedir" }, { 'k', "kernel" }, { 'm', "moduledir" }, { OPT_MODULE_ROOT, "module_root" } };

	if (c == 'm' && !arg[0]) {
		cli_err(ctx, "--moduledir: expected a directory, got ''");
		return -1;
	}
	for (size_t i = 0; i < CLI_ARRAY_SIZE(options); i++)
		if (options[i].c == c)
			return ba_ctx_set_option(ctx, options[i].key, arg) < 0 ? -1 : 1;
	return 0;
}

static bool valid_seconds(const char *s)
{
	char *end;
	double v;

	if (!s[0] || strspn(s, "0123456789.") != strlen(s))
		return false;
	errno = 0;
	v = strtod(s, &end);
	return !errno && !*end && end != s && v >= 0 && v <= 366 * 86400.0;
}

int cli_set_lock_timeout(struct ba_ctx *ctx, const char *arg)
{
	if (!valid_seconds(arg) || ba_ctx_set_option(ctx, "lock_timeout", arg) < 0) {
		cli_err(ctx, "--lock-timeout: expected seconds (0 or more), got '%s'", arg);
		return -1;
	}
	return 0;
}

bool cli_valid_name(const char *s, size_t max_len)
{
	size_t len = strnlen(s, max_len + 1);

	if (len == 0 || len > max_len || !strcmp(s, ".") || !strcmp(s, ".."))
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p == '/' || *p <= 0x20 || *p == 0x7f)
			return false;
	return true;
}

int cli_bind_exit_status(int r, enum ba_bind_outcome outcome)
{
	if (r == 0)
		return BA_EXIT_OK;
	if (outcome == BA_BIND_ROLLED_BACK)
		return BA_EXIT_ROLLEDBACK;
	if (outcome == BA_BIND_UNSAFE)
		return BA_EXIT_UNSAFE;
	return r == -ENOENT ? BA_EXIT_NOMATCH : (int)exit_status_from_errno(r);
}
