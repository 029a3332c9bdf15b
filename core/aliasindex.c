// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The lookup index beside a modules.alias (busalias(1), FILES), what depmod's modules.alias.bin is
 * to modprobe.  A scan reads 26,000 lines to find the few whose pattern could match; the index
 * keeps the lines a lookup could take sorted by their pattern's literal head, so that a lookup
 * finds the heads that start its modalias with a few binary searches over a few pages.  The lines
 * found go through the scan's own per-line step (lookup_line()), in file order: candidates, ranks
 * and warnings are the scan's.
 *
 * Layout, all integers little-endian:
 *   header, 64 bytes: "BAIDX\0\0\0", u32 version, u32 record count; the modules.alias it was made
 *     from: u64 size, u64 inode, u64 modification and u64 change time (ns since the epoch); u32
 *     offset and length of the heads; u32 offset and length of the lines.
 *   records, 24 bytes each, sorted by head (bytewise; a head before the longer ones it starts), then
 *     by line: u32 head offset and length (in the heads), u32 line index (0-based), u32 line offset
 *     and length (in the lines), u32 flags.
 *   the heads, then the lines without their newlines, in record order.
 * A line of LOOKUP_BLOCK bytes or more, which the scan judges by its beginning and skips, is kept
 * as its head alone (INDEX_OVERLONG).  Every offset is checked before it is read: a malformed
 * index is named, and the file is scanned instead.  alias_lookup(), a lookup in a file, lives here:
 * it tries the index, then the scan (aliasdb.c), which knows nothing of indexes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <syslog.h>
#include <unistd.h>

#include "aliasdb-lookup.h"

#define INDEX_MAGIC "BAIDX\0\0\0"
#define INDEX_VERSION 2u
#define INDEX_HEADER 64u
#define INDEX_RECORD 24u
#define INDEX_OVERLONG 1u
/* The format's offsets are 32-bit: a modules.alias of 1 GiB (800 times a distribution's) is refused. */
#define INDEX_MAX_ALIAS_FILE (1u << 30)

void alias_file_id_of(const struct stat *st, struct alias_file_id *id)
{
	*id = (struct alias_file_id){
		.size = (uint64_t)st->st_size,
		.ino = (uint64_t)st->st_ino,
		.mtime_ns = (uint64_t)st->st_mtim.tv_sec * 1000000000u + (uint64_t)st->st_mtim.tv_nsec,
		.ctime_ns = (uint64_t)st->st_ctim.tv_sec * 1000000000u + (uint64_t)st->st_ctim.tv_nsec,
	};
}

static void put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static void put64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get64(const unsigned char *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

/* ---- building ---- */

struct build_rec {
	const char *head, *text;
	uint32_t head_len, line, text_len, flags;
};

static int cmp_build_rec(const void *x, const void *y)
{
	const struct build_rec *a = x, *b = y;
	uint32_t n = a->head_len < b->head_len ? a->head_len : b->head_len;
	int c = n ? memcmp(a->head, b->head, n) : 0;

	if (c)
		return c;
	if (a->head_len != b->head_len)
		return a->head_len < b->head_len ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

int alias_index_build(const char *data, size_t len, const struct alias_file_id *id, char **out, size_t *out_len)
{
	struct build_rec *v = NULL;
	size_t n = 0, cap = 0, heads = 0, texts = 0, total;
	uint32_t line = 0;

	*out = NULL;
	*out_len = 0;
	if (len > INDEX_MAX_ALIAS_FILE)
		return -EFBIG;
	/* The lines lookup_line() (or the scan's skipping of an overlong line) could act on. */
	for (const char *p = data, *end = data + len; p < end; line++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		size_t l = (size_t)(eol - p);
		if (l >= 8 && memcmp(p, "alias", 5) == 0 && (p[5] == ' ' || p[5] == '\t')) {
			bool overlong = l >= LOOKUP_BLOCK;
			const char *limit = overlong ? p + LOOKUP_BLOCK : eol, *ps = p + 5, *pe;
			while (ps < limit && (*ps == ' ' || *ps == '\t'))
				ps++;
			for (pe = ps; pe < limit && !ends_literal_head(*pe);)
				pe++;
			if (n == cap) {
				cap = cap ? 2 * cap : 1024;
				v = xrealloc(v, cap * sizeof(*v));
			}
			v[n++] = (struct build_rec){ .head = ps, .head_len = (uint32_t)(pe - ps), .line = line,
						     .text = overlong ? NULL : p, .text_len = overlong ? 0 : (uint32_t)l,
						     .flags = overlong ? INDEX_OVERLONG : 0 };
			heads += (size_t)(pe - ps);
			texts += overlong ? 0 : l;
			/* Past the format's 32-bit offsets: said now, before more records are kept. */
			if (INDEX_HEADER + n * INDEX_RECORD + heads + texts > UINT32_MAX) {
				free(v);
				return -EFBIG;
			}
		}
		p = eol < end ? eol + 1 : end;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_build_rec);
	total = INDEX_HEADER + n * INDEX_RECORD + heads + texts;
	if (total > UINT32_MAX) {
		free(v);
		return -EFBIG;
	}

	unsigned char *buf = xmalloc(total), *rec = buf + INDEX_HEADER;
	size_t heads_off = INDEX_HEADER + n * INDEX_RECORD, texts_off = heads_off + heads, hpos = 0, tpos = 0;

	memset(buf, 0, INDEX_HEADER);
	memcpy(buf, INDEX_MAGIC, 8);
	put32(buf + 8, INDEX_VERSION);
	put32(buf + 12, (uint32_t)n);
	put64(buf + 16, id->size);
	put64(buf + 24, id->ino);
	put64(buf + 32, id->mtime_ns);
	put64(buf + 40, id->ctime_ns);
	put32(buf + 48, (uint32_t)heads_off);
	put32(buf + 52, (uint32_t)heads);
	put32(buf + 56, (uint32_t)texts_off);
	put32(buf + 60, (uint32_t)texts);
	for (size_t i = 0; i < n; i++, rec += INDEX_RECORD) {
		put32(rec, (uint32_t)hpos);
		put32(rec + 4, v[i].head_len);
		put32(rec + 8, v[i].line);
		put32(rec + 12, (uint32_t)tpos);
		put32(rec + 16, v[i].text_len);
		put32(rec + 20, v[i].flags);
		if (v[i].head_len)
			memcpy(buf + heads_off + hpos, v[i].head, v[i].head_len);
		if (v[i].text_len)
			memcpy(buf + texts_off + tpos, v[i].text, v[i].text_len);
		hpos += v[i].head_len;
		tpos += v[i].text_len;
	}
	free(v);
	*out = (char *)buf;
	*out_len = total;
	return 0;
}

/* The whole of fd, a regular file of at most max bytes, and its identity; -errno. */
static int read_whole(int fd, size_t max, char **data, size_t *len, struct alias_file_id *id)
{
	struct stat st, after;
	size_t got = 0;
	char *buf;

	if (fstat(fd, &st) < 0)
		return -errno;
	if (!S_ISREG(st.st_mode))
		return -EINVAL;
	if ((uint64_t)st.st_size > max)
		return -EFBIG;
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			int e = r < 0 ? -errno : -EAGAIN;
			free(buf);
			return e;
		}
		got += (size_t)r;
	}
	/* Rewritten in place while read: an index of neither contents.  (depmod renames a new file in.) */
	if (fstat(fd, &after) < 0 || after.st_size != st.st_size || after.st_mtim.tv_sec != st.st_mtim.tv_sec ||
	    after.st_mtim.tv_nsec != st.st_mtim.tv_nsec) {
		free(buf);
		return -EAGAIN;
	}
	alias_file_id_of(&st, id);
	*data = buf;
	*len = got;
	return 0;
}

int alias_index_write(const char *alias_file)
{
	_cleanup_free_ char *index_file = NULL, *data = NULL, *idx = NULL;
	_cleanup_close_ int fd = open(alias_file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct alias_file_id id;
	size_t len = 0, idx_len;
	int r;

	if (fd < 0) {
		r = -errno;
		ba_err("%s: cannot read modules.alias: %s", alias_file, strerror(-r));
		return r;
	}
	r = read_whole(fd, INDEX_MAX_ALIAS_FILE, &data, &len, &id);
	if (r == -EINVAL)
		ba_err("%s: not a regular file", alias_file);
	else if (r == -EFBIG)
		ba_err("%s: larger than %u bytes, the most an index can describe", alias_file, INDEX_MAX_ALIAS_FILE);
	else if (r == -EAGAIN)
		ba_err("%s: changed while it was read; try again", alias_file);
	else if (r < 0)
		ba_err("%s: cannot read modules.alias: %s", alias_file, strerror(-r));
	if (r < 0)
		return r;
	r = alias_index_build(data, len, &id, &idx, &idx_len);
	if (r < 0) {
		ba_err("%s: too large for an index", alias_file);
		return r;
	}
	if (asprintf(&index_file, "%s%s", alias_file, ALIAS_INDEX_SUFFIX) < 0) {
		ba_err("%s: out of memory", alias_file);
		return -ENOMEM;
	}
	/* Renamed over whatever has the index's name: a link to /dev/null would swallow it, a FIFO block. */
	r = write_file_replace(index_file, idx, idx_len);
	if (r < 0)
		ba_err("%s: cannot write: %s", index_file, strerror(-r));
	return r;
}

/* ---- looking up ---- */

struct index_view {
	const unsigned char *base, *recs;
	size_t len;
	uint32_t n, heads_off, heads_len, texts_off, texts_len;
	bool bad;  /* an offset out of bounds was met */
};

/* Record i's head, or NULL (with x->bad) when it lies outside the heads. */
static const unsigned char *rec_head(struct index_view *x, uint32_t i, uint32_t *len)
{
	const unsigned char *r = x->recs + (size_t)i * INDEX_RECORD;
	uint32_t off = get32(r);

	*len = get32(r + 4);
	if (off > x->heads_len || *len > x->heads_len - off) {
		x->bad = true;
		*len = 0;
		return NULL;
	}
	return x->base + x->heads_off + off;
}

/* Byte k of record i's head, or -1 past its end. */
static int head_byte(struct index_view *x, uint32_t i, size_t k)
{
	uint32_t len;
	const unsigned char *h = rec_head(x, i, &len);

	return h && k < len ? h[k] : -1;
}

enum probe { HEAD_LONGER, BYTE_AT_LEAST, BYTE_ABOVE };

/* The first record of [lo, hi) for which the probe holds (it holds for a suffix of a sorted range). */
static uint32_t first_where(struct index_view *x, uint32_t lo, uint32_t hi, enum probe p, size_t k, int c)
{
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2, len;
		bool holds;
		switch (p) {
		case HEAD_LONGER:
			rec_head(x, mid, &len);
			holds = len > k;
			break;
		case BYTE_AT_LEAST:
			holds = head_byte(x, mid, k) >= c;
			break;
		default:
			holds = head_byte(x, mid, k) > c;
			break;
		}
		if (holds)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

struct found {
	uint32_t line, rec;
};

static int cmp_found(const void *x, const void *y)
{
	const struct found *a = x, *b = y;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->rec < b->rec ? -1 : a->rec > b->rec;
}

static int index_malformed(const char *index_name, const char *why)
{
	ba_warn("%s: malformed index (%s), ignored: `busalias index` rebuilds it", index_name, why);
	return 0;
}

int alias_index_lookup_mem(struct lookup *lk, const char *index_name, const void *idx, size_t idx_len,
			   const struct alias_file_id *id)
{
	const unsigned char *h = idx;
	struct index_view x = { .base = h, .len = idx_len };
	struct found *found = NULL;
	size_t n_found = 0, cap = 0, mlen = (size_t)(lk->modalias_end - lk->modalias);

	if (idx_len < INDEX_HEADER || memcmp(h, INDEX_MAGIC, 8) != 0)
		return index_malformed(index_name, "no index header");
	/* Version 1 (busalias 0.x before the change time was kept) is stale, not malformed. */
	if (get32(h + 8) == 1) {
		ba_log_printf(LOG_DEBUG, "%s: an older format, not used", index_name);
		return 0;
	}
	if (get32(h + 8) != INDEX_VERSION)
		return index_malformed(index_name, "unknown version");
	if (get64(h + 16) != id->size || get64(h + 24) != id->ino || get64(h + 32) != id->mtime_ns ||
	    get64(h + 40) != id->ctime_ns) {
		ba_log_printf(LOG_DEBUG, "%s: made from another %s, not used", index_name, lk->name);
		return 0;
	}
	x.n = get32(h + 12);
	x.heads_off = get32(h + 48);
	x.heads_len = get32(h + 52);
	x.texts_off = get32(h + 56);
	x.texts_len = get32(h + 60);
	x.recs = h + INDEX_HEADER;
	if ((uint64_t)x.n * INDEX_RECORD > idx_len - INDEX_HEADER || x.heads_off > idx_len ||
	    x.heads_len > idx_len - x.heads_off || x.texts_off > idx_len || x.texts_len > idx_len - x.texts_off)
		return index_malformed(index_name, "a part past its end");
	/* The heads and lines are the file's own bytes, each once: no more than the file holds.  This
	 * also bounds a lookup's work by the file's size, whatever a hostile index repeats. */
	if (x.heads_len > id->size || x.texts_len > id->size)
		return index_malformed(index_name, "more text than its file");

	/* [lo, hi): the records whose head starts with the modalias's first k bytes, those of exactly
	 * k bytes first, then by byte k. */
	uint32_t lo = 0, hi = x.n;
	for (size_t k = 0; lo < hi && !x.bad; k++) {
		uint32_t eq_end = first_where(&x, lo, hi, HEAD_LONGER, k, 0);
		for (uint32_t i = lo; i < eq_end; i++) {
			if (n_found == cap) {
				cap = cap ? 2 * cap : 16;
				found = xrealloc(found, cap * sizeof(*found));
			}
			found[n_found++] = (struct found){ .line = get32(x.recs + (size_t)i * INDEX_RECORD + 8), .rec = i };
		}
		if (k == mlen)
			break;
		int c = (unsigned char)lk->modalias[k];
		lo = first_where(&x, eq_end, hi, BYTE_AT_LEAST, k, c);
		hi = first_where(&x, lo, hi, BYTE_ABOVE, k, c);
	}
	/* Checked before any line is taken: a malformed index changes nothing.  The lines found are
	 * distinct lines of the file, each with its own text: together no longer than the texts. */
	uint64_t text_total = 0;
	for (size_t i = 0; i < n_found && !x.bad; i++) {
		const unsigned char *r = x.recs + (size_t)found[i].rec * INDEX_RECORD;
		uint32_t off = get32(r + 12), len = get32(r + 16), flags = get32(r + 20);
		text_total += len;
		if (flags & ~INDEX_OVERLONG || off > x.texts_len || len > x.texts_len - off ||
		    (flags ? len != 0 : (len < 8 || len >= LOOKUP_BLOCK)) || found[i].line >= id->size ||
		    text_total > x.texts_len)
			x.bad = true;
	}
	if (n_found > 1 && !x.bad) {
		qsort(found, n_found, sizeof(*found), cmp_found);
		for (size_t i = 1; i < n_found; i++)
			x.bad |= found[i].line == found[i - 1].line;
	}
	if (x.bad) {
		free(found);
		return index_malformed(index_name, "a record out of bounds, or repeated");
	}
	for (size_t i = 0; i < n_found; i++) {
		const unsigned char *r = x.recs + (size_t)found[i].rec * INDEX_RECORD;
		const char *text = (const char *)x.base + x.texts_off + get32(r + 12);
		lk->line = found[i].line;
		if (get32(r + 20) & INDEX_OVERLONG)
			lookup_bad_line(lk, "line", BA_MAX_ALIAS_LINE);
		else
			lookup_line(lk, text, text + get32(r + 16));
	}
	free(found);
	return 1;
}

int alias_index_lookup(struct lookup *lk, const char *alias_file, const struct stat *st)
{
	_cleanup_free_ char *index_file = NULL;
	_cleanup_close_ int fd = -1;
	struct alias_file_id id;
	struct stat ist;
	void *map;
	int r;

	if (asprintf(&index_file, "%s%s", alias_file, ALIAS_INDEX_SUFFIX) < 0)
		return 0;
	fd = open(index_file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		if (errno != ENOENT)
			ba_warn("%s: cannot read: %s; modules.alias is scanned instead", index_file, strerror(errno));
		return 0;
	}
	if (fstat(fd, &ist) < 0 || !S_ISREG(ist.st_mode))
		return index_malformed(index_file, "not a regular file");
	if (ist.st_size < (off_t)INDEX_HEADER || (uint64_t)ist.st_size > UINT32_MAX)
		return index_malformed(index_file, "no index header");
	/* Mapped, so that a lookup reads only the pages it searches.  busalias index replaces the file by
	 * renaming a new one in: a mapped index is never cut short under a lookup. */
	map = mmap(NULL, (size_t)ist.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED) {
		ba_warn("%s: cannot map: %s; modules.alias is scanned instead", index_file, strerror(errno));
		return 0;
	}
	alias_file_id_of(st, &id);
	r = alias_index_lookup_mem(lk, index_file, map, (size_t)ist.st_size, &id);
	munmap(map, (size_t)ist.st_size);
	return r;
}

/* The lookup in a file: through its index when there is a current one, else by a scan. */
int alias_lookup(const char *alias_file, const char *modalias, bool all, struct alias_matches *out)
{
	_cleanup_close_ int fd = -1;
	struct stat st;
	struct lookup lk;
	int r;

	out->v = NULL;
	out->n = 0;
	/* O_NONBLOCK: a FIFO given as modules.alias is refused below, not waited on. */
	fd = open(alias_file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &st) < 0) {
		r = -errno;
		ba_err("%s: cannot read modules.alias: %s", alias_file, strerror(-r));
		return r;
	}
	if (!S_ISREG(st.st_mode)) {
		ba_err("%s: not a regular file", alias_file);
		return -EINVAL;
	}
	lookup_init(&lk, alias_file, modalias, all, out);
	if (alias_index_lookup(&lk, alias_file, &st) > 0)
		return lookup_finish(&lk);
	r = lookup_fd(&lk, fd, alias_file);
	if (r < 0) {
		alias_matches_release(out);
		return r;
	}
	return lookup_finish(&lk);
}
