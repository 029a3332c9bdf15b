/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The objects of the public API (include/busalias/busalias.h) as the library sees them. */
#ifndef BUSALIAS_LIBPRIVATE_H
#define BUSALIAS_LIBPRIVATE_H

#include <busalias/busalias.h>

#include "busalias.h"

#ifndef BA_EXPORT
#define BA_EXPORT __attribute__((visibility("default")))
#endif

struct ba_ctx {
	int refcount;
	struct ba_log log;
	struct ba_config cfg;
	struct plugin_set plugins;
	bool plugins_loaded;
	int plugins_status;  /* load_plugins()'s return */
};

/* For the duration of a public call: the core's messages go to ctx's log (put back on return). */
static inline void ba_log_restorep(struct ba_log **old)
{
	ba_log_use(*old);
}
#define CTX_LOG_SCOPE(ctx) _cleanup_(ba_log_restorep) _unused_ struct ba_log *ba_log_outer_ = ba_log_use(&(ctx)->log)

/* Plugins of ctx, loaded on first use: 0 or 1 (some refused), or -errno. */
int ctx_plugins(struct ba_ctx *ctx);
/* The same, every plugin that binds a sysfs bus loaded (for devices). */
int ctx_bus_plugins(struct ba_ctx *ctx);

/* An alias_lookup_buffer() over db's data, for the library's callers inside it. */
int aliasdb_lookup(struct ba_aliasdb *db, const char *modalias, bool all, struct alias_matches *m);

#endif
