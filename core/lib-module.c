// SPDX-License-Identifier: LGPL-2.1-or-later
/* One module's aliases and its own messages (busalias_module(3)): a generate_module() result. */
#include <errno.h>
#include <string.h>
#include <syslog.h>

#include "libbusalias-private.h"

struct ba_module {
	int refcount;
	struct ba_ctx *ctx;
	struct gen_result res;
	/* res.messages split into lines: "busalias: warning: " prefixes removed, priority kept. */
	char **messages;
	int *priorities;
	size_t n_messages;
};

static void split_messages(struct ba_module *m)
{
	for (const char *p = m->res.messages; p && *p;) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		const char *text = p;
		int priority = LOG_INFO;

		if (len >= 10 && !strncmp(text, "busalias: ", 10))
			text += 10;
		if (!strncmp(text, "warning: ", 9))
			priority = LOG_WARNING, text += 9;
		else if (!strncmp(text, "error: ", 7))
			priority = LOG_ERR, text += 7;
		m->messages = xrealloc(m->messages, (m->n_messages + 1) * sizeof(*m->messages));
		m->priorities = xrealloc(m->priorities, (m->n_messages + 1) * sizeof(*m->priorities));
		m->messages[m->n_messages] = strndup(text, len - (size_t)(text - p));
		m->priorities[m->n_messages++] = priority;
		p = eol ? eol + 1 : p + len;
	}
}

static int module_new(struct ba_ctx *ctx, const char *path, const void *data, size_t len, unsigned flags,
		      struct ba_module **out)
{
	CTX_LOG_SCOPE(ctx);
	struct strbuf messages = { 0 };
	struct ba_log own;
	struct ba_module *m;
	int r;

	*out = NULL;
	if (!path || (flags & ~(unsigned)BA_MODULE_MODINFO_ALIASES))
		return -EINVAL;
	r = ctx_plugins(ctx);
	if (r < 0)
		return r;
	m = calloc(1, sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->refcount = 1;
	m->ctx = ba_ctx_ref(ctx);
	/*
	 * The module's messages are its own, all of them whatever the context's priority: captured through a
	 * log of this call, its warnings then counted on the context.  Nothing is shared with other threads.
	 */
	ba_log_init(&own);
	ba_log_use(&own);
	ba_log_capture(&messages);
	r = generate_module_any(&ctx->plugins, path, data, len, flags, &m->res);
	ba_log_capture(NULL);
	ba_log_use(&ctx->log);
	m->res.messages = messages.buf;
	__atomic_fetch_add(&ctx->log.warnings, ba_log_warnings(&own), __ATOMIC_RELAXED);
	split_messages(m);
	*out = m;
	return r;
}

BA_EXPORT int ba_module_new_from_path(struct ba_ctx *ctx, const char *path, unsigned flags, struct ba_module **out)
{
	return module_new(ctx, path, NULL, 0, flags, out);
}

BA_EXPORT int ba_module_new_from_buffer(struct ba_ctx *ctx, const char *name, const void *data, size_t len,
					unsigned flags, struct ba_module **out)
{
	return module_new(ctx, name, data ? data : "", len, flags, out);
}

BA_EXPORT struct ba_module *ba_module_ref(struct ba_module *m)
{
	if (m)
		__atomic_fetch_add(&m->refcount, 1, __ATOMIC_RELAXED);
	return m;
}

BA_EXPORT struct ba_module *ba_module_unref(struct ba_module *m)
{
	if (!m || __atomic_sub_fetch(&m->refcount, 1, __ATOMIC_ACQ_REL) > 0)
		return NULL;
	for (size_t i = 0; i < m->n_messages; i++)
		free(m->messages[i]);
	free(m->messages);
	free(m->priorities);
	gen_result_release(&m->res);
	ba_ctx_unref(m->ctx);
	free(m);
	return NULL;
}

BA_EXPORT const char *ba_module_get_name(const struct ba_module *m)
{
	return m->res.name;
}

BA_EXPORT const char *ba_module_get_path(const struct ba_module *m)
{
	return m->res.path;
}

BA_EXPORT uint32_t ba_module_get_kernel_version(const struct ba_module *m)
{
	return m->res.kver;
}

BA_EXPORT size_t ba_module_get_alias_count(const struct ba_module *m)
{
	return m->res.aliases.n;
}

BA_EXPORT const char *ba_module_get_alias(const struct ba_module *m, size_t i)
{
	return i < m->res.aliases.n ? m->res.aliases.alias[i] : NULL;
}

BA_EXPORT const char *ba_module_get_alias_type(const struct ba_module *m, size_t i)
{
	return i < m->res.aliases.n ? m->res.aliases.type[i] : NULL;
}

BA_EXPORT unsigned ba_module_get_warning_count(const struct ba_module *m)
{
	return m->res.warnings;
}

BA_EXPORT size_t ba_module_get_message_count(const struct ba_module *m)
{
	return m->n_messages;
}

BA_EXPORT const char *ba_module_get_message(const struct ba_module *m, size_t i, int *priority)
{
	if (i >= m->n_messages)
		return NULL;
	if (priority)
		*priority = m->priorities[i];
	return m->messages[i];
}

BA_EXPORT int ba_module_filename_is_module(const char *name)
{
	return name && module_filename(name);
}
