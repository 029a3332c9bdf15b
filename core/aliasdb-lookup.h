/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Between the modules.alias scan (aliasdb.c) and its index (aliasindex.c): one lookup's state and
 * the per-line step both feed, so that a lookup through the index takes exactly the lines, and
 * says exactly the warnings, that a scan of the file would.
 */
#ifndef BUSALIAS_ALIASDB_LOOKUP_H
#define BUSALIAS_ALIASDB_LOOKUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "busalias.h"

/*
 * The scan reads the file through a buffer of this size: a line that does not fit (no newline in
 * LOOKUP_BLOCK bytes from its start) is judged by its beginning alone and skipped.
 */
#define LOOKUP_BLOCK (64u * 1024u)

/* One lookup, fed the file's lines a block at a time (or the index's candidate lines). */
struct lookup {
	const char *name, *modalias, *modalias_end;
	bool all, plain_alias;
	bool passes_first[256];  /* first bytes of a pattern that could match */
	uint64_t head[2];        /* the modalias's first 16 bytes, as read from memory */
	uint64_t past_end[2];    /* a bit in each byte of head past the modalias's end */
	size_t line, cap, bad_lines;
	struct alias_matches *out;
};

void lookup_init(struct lookup *lk, const char *name, const char *modalias, bool all, struct alias_matches *out);
/* Line lk->line (0-based), [l, eol) without its newline: a candidate, a warning, or nothing. */
void lookup_line(struct lookup *lk, const char *l, const char *eol);
/* Line lk->line is malformed: named (the first three), counted. */
void lookup_bad_line(struct lookup *lk, const char *what, unsigned limit);
/* Ranks the candidates, names the malformed lines past the first three: 0. */
int lookup_finish(struct lookup *lk);
/* Every line of the open file fd (path names it), a block at a time: 0, or -errno after reporting. */
int lookup_fd(struct lookup *lk, int fd, const char *path);

/*
 * A pattern's literal head: its bytes up to the first that could stand for something else or end
 * it (a wildcard, '\\', NUL, blank, newline).  A line can take part in a lookup (match, or be
 * named as malformed) only if its head starts the modalias: the index is keyed by it.
 */
static inline bool ends_literal_head(char c)
{
	return c == '*' || c == '?' || c == '[' || c == '\\' || c == '\0' || c == ' ' || c == '\t' || c == '\n';
}

/* ---- aliasindex.c: the lookup index beside a modules.alias (busalias(1), FILES) ---- */

#define ALIAS_INDEX_SUFFIX ".busalias-index"

/* What the index records of the modules.alias it was made from: a different file is not its.
 * Times in ns since the epoch, wrapping: compared for equality only.  The change time is there for
 * a rewrite in place that puts the old size and mtime back (touch -r): only the kernel sets it. */
struct alias_file_id {
	uint64_t size, ino, mtime_ns, ctime_ns;
};
void alias_file_id_of(const struct stat *st, struct alias_file_id *id);

/* The index of data[0, len), the contents of a modules.alias identified by id: *out (malloc'd) and
 * *out_len, and 0; or -EFBIG when the file is too large for the format. */
int alias_index_build(const char *data, size_t len, const struct alias_file_id *id, char **out, size_t *out_len);
/* Write alias_file's index beside it (atomically): 0, or -errno after reporting. */
int alias_index_write(const char *alias_file);
/*
 * The lookup lk through an index in memory, made from the file id names: 1 when done (lk's
 * candidates and warnings are then those a scan gives), 0 when the index is not that file's (stale)
 * or is malformed (then a warning names index_name), and lk is untouched: scan instead.
 */
int alias_index_lookup_mem(struct lookup *lk, const char *index_name, const void *idx, size_t idx_len,
			   const struct alias_file_id *id);
/* The same with the index file beside alias_file (st: its fstat), if there is one.  alias_lookup()
 * (busalias.h), which tries it before a scan, is aliasindex.c's too, above both. */
int alias_index_lookup(struct lookup *lk, const char *alias_file, const struct stat *st);

#endif
