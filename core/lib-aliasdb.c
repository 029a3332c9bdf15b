// SPDX-License-Identifier: LGPL-2.1-or-later
/* modules.alias loaded once, matched many times (busalias_aliasdb(3)); the matching is aliasdb.c's. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "aliasdb-lookup.h"
#include "libbusalias-private.h"

struct ba_aliasdb {
	int refcount;
	struct ba_ctx *ctx;
	char *path;
	char *data;
	size_t len;
};

struct ba_match_list {
	struct alias_matches m;
};

static int aliasdb_new(struct ba_ctx *ctx, char *path, char *data, size_t len, struct ba_aliasdb **out)
{
	struct ba_aliasdb *db = calloc(1, sizeof(*db));

	if (!db) {
		free(path);
		free(data);
		return -ENOMEM;
	}
	db->refcount = 1;
	db->ctx = ba_ctx_ref(ctx);
	db->path = path;
	db->data = data;
	db->len = len;
	*out = db;
	return 0;
}

/* The errors a lookup would meet at once, named when the database is made: a regular file only (a
 * FIFO would block). */
static int check_alias_file(const char *path)
{
	_cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat st;

	if (fd < 0 || fstat(fd, &st) < 0) {
		int r = -errno;
		ba_err("%s: cannot read modules.alias: %s", path, strerror(-r));
		return r;
	}
	if (!S_ISREG(st.st_mode)) {
		ba_err("%s: not a regular file", path);
		return -EINVAL;
	}
	return 0;
}

BA_EXPORT int ba_aliasdb_new(struct ba_ctx *ctx, const char *path, struct ba_aliasdb **out)
{
	CTX_LOG_SCOPE(ctx);
	char *file, *data = NULL;
	size_t len = 0;
	int r;

	*out = NULL;
	if (path) {
		file = xstrdup(path);
	} else {
		char *alt = NULL;
		r = config_alias_path(&ctx->cfg, &file, &alt);
		if (r == -ENOENT)
			ba_err("%s: cannot read modules.alias: %s (nor %s)", file, strerror(ENOENT), alt);
		free(alt);
		if (r < 0) {
			free(file);
			return r;
		}
	}
	/* Checked now, read at each lookup through one reused block: copying 1.3 MB into fresh memory
	 * costs more than a lookup, and most users (busalias match) look up once. */
	r = check_alias_file(file);
	if (r < 0) {
		free(file);
		return r;
	}
	return aliasdb_new(ctx, file, data, len, out);
}

BA_EXPORT int ba_aliasdb_new_from_buffer(struct ba_ctx *ctx, const char *name, const char *data, size_t len,
					 struct ba_aliasdb **out)
{
	char *copy;

	*out = NULL;
	if (!name || (!data && len))
		return -EINVAL;
	copy = malloc(len + 1);
	if (!copy)
		return -ENOMEM;
	if (len)
		memcpy(copy, data, len);
	copy[len] = '\0';
	return aliasdb_new(ctx, xstrdup(name), copy, len, out);
}

BA_EXPORT struct ba_aliasdb *ba_aliasdb_ref(struct ba_aliasdb *db)
{
	if (db)
		__atomic_fetch_add(&db->refcount, 1, __ATOMIC_RELAXED);
	return db;
}

BA_EXPORT struct ba_aliasdb *ba_aliasdb_unref(struct ba_aliasdb *db)
{
	if (!db || __atomic_sub_fetch(&db->refcount, 1, __ATOMIC_ACQ_REL) > 0)
		return NULL;
	ba_ctx_unref(db->ctx);
	free(db->path);
	free(db->data);
	free(db);
	return NULL;
}

BA_EXPORT const char *ba_aliasdb_get_path(const struct ba_aliasdb *db)
{
	return db->path;
}

BA_EXPORT int ba_aliasdb_write_index(struct ba_aliasdb *db)
{
	CTX_LOG_SCOPE(db->ctx);

	if (db->data) {
		ba_err("%s: an index is written for a file, not for a copy in memory", db->path);
		return -EINVAL;
	}
	return alias_index_write(db->path);
}

int aliasdb_lookup(struct ba_aliasdb *db, const char *modalias, bool all, struct alias_matches *m)
{
	if (!db->data)
		return alias_lookup(db->path, modalias, all, m);
	return alias_lookup_buffer(db->path, db->data, db->len, modalias, all, m);
}

BA_EXPORT int ba_aliasdb_match(struct ba_aliasdb *db, const char *modalias, unsigned flags,
			       struct ba_match_list **out)
{
	CTX_LOG_SCOPE(db->ctx);
	struct ba_match_list *list;
	int r;

	*out = NULL;
	if (!modalias || (flags & ~(unsigned)BA_MATCH_ALL))
		return -EINVAL;
	list = calloc(1, sizeof(*list));
	if (!list)
		return -ENOMEM;
	r = aliasdb_lookup(db, modalias, flags & BA_MATCH_ALL, &list->m);
	if (r < 0) {
		free(list);
		return r;
	}
	*out = list;
	return list->m.n > INT32_MAX ? INT32_MAX : (int)list->m.n;
}

BA_EXPORT struct ba_match_list *ba_match_list_unref(struct ba_match_list *list)
{
	if (list) {
		alias_matches_release(&list->m);
		free(list);
	}
	return NULL;
}

BA_EXPORT size_t ba_match_list_get_count(const struct ba_match_list *list)
{
	return list ? list->m.n : 0;
}

#define MATCH_FIELD(list, i, field, none) ((list) && (i) < (list)->m.n ? (list)->m.v[i].field : (none))

BA_EXPORT const char *ba_match_list_get_module(const struct ba_match_list *list, size_t i)
{
	return MATCH_FIELD(list, i, module, NULL);
}

BA_EXPORT const char *ba_match_list_get_pattern(const struct ba_match_list *list, size_t i)
{
	return MATCH_FIELD(list, i, pattern, NULL);
}

BA_EXPORT unsigned ba_match_list_get_stars(const struct ba_match_list *list, size_t i)
{
	return MATCH_FIELD(list, i, stars, 0);
}

BA_EXPORT unsigned ba_match_list_get_literals(const struct ba_match_list *list, size_t i)
{
	return MATCH_FIELD(list, i, literals, 0);
}

BA_EXPORT size_t ba_match_list_get_line(const struct ba_match_list *list, size_t i)
{
	return MATCH_FIELD(list, i, line, 0);
}
