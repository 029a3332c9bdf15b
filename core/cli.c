// SPDX-License-Identifier: LGPL-2.1-or-later
/* The commands' helpers on the public API: options applied to a context, output buffers. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
	ba_ctx_log(ctx, priority, msg);
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

void outbuf_add(struct outbuf *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 4096;
		while (cap < o->len + n + 1)
			cap *= 2;
		o->buf = realloc(o->buf, cap);
		if (!o->buf) {
			fputs("busalias: error: out of memory\n", stderr);
			exit(BA_EXIT_FAILURE);
		}
		o->cap = cap;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

void outbuf_adds(struct outbuf *o, const char *s)
{
	outbuf_add(o, s, strlen(s));
}

void outbuf_addf(struct outbuf *o, const char *fmt, ...)
{
	char small[256], *big = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		outbuf_add(o, small, (size_t)n);
		return;
	}
	va_start(ap, fmt);
	n = vasprintf(&big, fmt, ap);
	va_end(ap);
	if (n >= 0)
		outbuf_add(o, big, (size_t)n);
	free(big);
}

/* Length of the valid UTF-8 sequence at p (1-4), or 0 if it is not one. */
static size_t utf8_len(const unsigned char *p)
{
	size_t n;
	uint32_t cp;

	if (p[0] < 0x80)
		return 1;
	if ((p[0] & 0xe0) == 0xc0)
		n = 2, cp = p[0] & 0x1f;
	else if ((p[0] & 0xf0) == 0xe0)
		n = 3, cp = p[0] & 0x0f;
	else if ((p[0] & 0xf8) == 0xf0)
		n = 4, cp = p[0] & 0x07;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past Unicode are not UTF-8. */
	if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

void outbuf_add_json_string(struct outbuf *o, const char *s)
{
	outbuf_add(o, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t n = utf8_len(p);

		if (*p == '"' || *p == '\\') {
			char esc[2] = { '\\', (char)*p };
			outbuf_add(o, esc, 2);
		} else if (*p < 0x20 || *p == 0x7f) {
			outbuf_addf(o, "\\u%04x", *p);
		} else if (n == 0) {
			/* File names are bytes, JSON is UTF-8: a stray byte becomes U+FFFD. */
			outbuf_adds(o, "\\ufffd");
			n = 1;
		} else {
			outbuf_add(o, (const char *)p, n);
			p += n;
			continue;
		}
		p++;
	}
	outbuf_add(o, "\"", 1);
}

void outbuf_release(struct outbuf *o)
{
	free(o->buf);
	*o = (struct outbuf){ 0 };
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t w = write(fd, p, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

int cli_write_file_atomic(const char *path, const void *data, size_t len)
{
	size_t plen = strlen(path);
	struct stat st;
	char *tmp;
	int fd, r;

	/* A device or FIFO (-o /dev/null, /dev/stdout) is written to: renaming over it would replace it. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
		if (fd < 0)
			return -errno;
		r = write_all(fd, data, len);
		if (close(fd) < 0 && r == 0)
			r = -errno;
		return r;
	}
	tmp = malloc(plen + 8);
	if (!tmp)
		return -ENOMEM;
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".XXXXXX", 8);
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		r = -errno;
		free(tmp);
		return r;
	}
	r = write_all(fd, data, len);
	if (r == 0 && fchmod(fd, 0644) < 0)
		r = -errno;
	if (r == 0 && fsync(fd) < 0)
		r = -errno;
	if (close(fd) < 0 && r == 0)
		r = -errno;
	if (r == 0 && rename(tmp, path) < 0)
		r = -errno;
	if (r < 0)
		unlink(tmp);
	free(tmp);
	return r;
}
