// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * modules.alias lookup.  modprobe matches every "alias PATTERN MODULE" line
 * with fnmatch(3, flags 0) and loads them all; busalias needs one module, so
 * it ranks the matches (busalias(1), "Choosing a module"):
 *   1. fewest '*' in the pattern,
 *   2. then most literal characters (not *, ?, [...]),
 *   3. then the earliest line of the file.
 * The generic "vfio_pci:v*d*sv*sd*bc*sc*i*" has seven stars, so it loses to
 * any device-specific entry.
 */
#include <errno.h>
#include <fnmatch.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <sys/stat.h>

#include "aliasdb-lookup.h"
#include "busalias.h"
#include "cmdline.h"

int config_alias_path(const struct ba_config *cfg, char **out, char **alt)
{
	if (cfg->alias_file) {
		*out = xstrdup(cfg->alias_file);
		if (alt)
			*alt = NULL;
		return 0;
	}
	return module_tree_path(cfg, "modules.alias", out, alt);
}

char *config_alias_file(const struct ba_config *cfg)
{
	char *path, *alt;
	int r = config_alias_path(cfg, &path, &alt);

	if (r == -ENOENT) {
		ba_err("%s: cannot read modules.alias: %s (nor %s)", path, strerror(ENOENT), alt);
		free(alt);
		free(path);
		return NULL;
	}
	return r < 0 ? NULL : path;
}

static void score(const char *pat, unsigned *stars, unsigned *literals)
{
	*stars = *literals = 0;
	for (const char *p = pat; *p; p++) {
		if (*p == '*') {
			(*stars)++;
		} else if (*p == '?') {
			continue;
		} else if (*p == '[') {
			/* A bracket expression is one wildcard character; "[" without "]" is literal. */
			const char *q = p + 1;
			if (*q == '!' || *q == '^')
				q++;
			if (*q == ']')
				q++;
			q = strchr(q, ']');
			if (q)
				p = q;
			else
				(*literals)++;
		} else {
			if (*p == '\\' && p[1])
				p++;
			(*literals)++;
		}
	}
}

int alias_candidate_cmp(const struct alias_candidate *a, const struct alias_candidate *b)
{
	if (a->stars != b->stars)
		return a->stars < b->stars ? -1 : 1;
	if (a->literals != b->literals)
		return a->literals > b->literals ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return 0;
}

static int cmp_cand(const void *x, const void *y)
{
	return alias_candidate_cmp(x, y);
}

void alias_matches_release(struct alias_matches *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].pattern);
		free(m->v[i].module);
	}
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

/*
 * Could the pattern at pat (its line ends at limit) match alias?  false when a literal of its head
 * (up to its first wildcard) differs from alias, so fnmatch() could not match; true when a
 * wildcard, a NUL or the pattern's end comes first (the line is then read in full).  plain_alias:
 * alias holds no byte that ends_literal_head(), so bytes equal to alias's are literals; alias_end is
 * its NUL.  Reads pat no further than the first byte that differs from alias (so never past alias's
 * end) or limit.
 */
static inline bool head_may_match(const char *pat, const char *limit, const char *alias, const char *alias_end,
				  bool plain_alias)
{
	if (plain_alias) {
		/* Eight bytes at a time while they are alias's: a real pattern shares 10-20 with it. */
		for (uint64_t x, y; pat + 8 <= limit && alias + 8 <= alias_end; pat += 8, alias += 8) {
			memcpy(&x, pat, 8);
			memcpy(&y, alias, 8);
			if (x != y)
				break;
		}
		while (pat < limit && *pat == *alias && *alias)
			pat++, alias++;
		return pat == limit || ends_literal_head(*pat);
	}
	for (; pat < limit; pat++, alias++) {
		if (ends_literal_head(*pat))
			return true;
		if (*pat != *alias)
			return false;
	}
	return true;
}

/* Cheap rejection before fnmatch: the pattern's literal head must start the alias. */
static bool head_matches(const char *pat, size_t plen, const char *alias)
{
	for (size_t i = 0; i < plen; i++) {
		char c = pat[i];
		if (c == '*' || c == '?' || c == '[' || c == '\\')
			return true;
		/* Never past the alias's end, whatever the pattern holds. */
		if (alias[i] != c || alias[i] == '\0')
			return false;
	}
	return alias[plen] == '\0';
}

/*
 * The newlines of a buffer, in order, 64 bytes at a time: a bit mask per block, so that finding the
 * end of the next line costs a bit scan, not a memchr() call (26,000 lines of ~50 bytes).
 */
struct newline_scan {
	const char *block, *end;
	uint64_t mask;  /* newlines of block not yet returned */
};

static inline uint64_t newline_mask(const char *p, const char *end)
{
	uint64_t m = 0;

	if (end - p >= 64) {
#if defined(__SSE2__)
		const __m128i nl = _mm_set1_epi8('\n');
		for (int k = 0; k < 4; k++) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
			m |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl)) << (16 * k);
		}
		return m;
#else
		end = p + 64;
#endif
	}
	for (unsigned i = 0; p + i < end; i++)
		m |= (uint64_t)(p[i] == '\n') << i;
	return m;
}

/* The next newline, or end. */
static inline const char *newline_next(struct newline_scan *s)
{
	while (!s->mask) {
		if (s->end - s->block <= 64)
			return s->end;
		s->block += 64;
		s->mask = newline_mask(s->block, s->end);
	}
	unsigned i = (unsigned)__builtin_ctzll(s->mask);
	s->mask &= s->mask - 1;
	return s->block + i;
}

void lookup_init(struct lookup *lk, const char *name, const char *modalias, bool all, struct alias_matches *out)
{
	*lk = (struct lookup){ .name = name, .modalias = modalias, .modalias_end = modalias + strlen(modalias),
			       .all = all, .plain_alias = true, .out = out };
	for (const char *a = modalias; *a; a++)
		lk->plain_alias &= !ends_literal_head(*a);
	/* The modalias's first byte, or one that ends the literal head. */
	for (unsigned c = 0; c < 256; c++)
		lk->passes_first[c] = c == (unsigned char)modalias[0] || ends_literal_head((char)c);
	char head[16] = { 0 }, past[16];
	size_t n = strnlen(modalias, sizeof(head));
	memcpy(head, modalias, n);
	memcpy(lk->head, head, sizeof(head));
	for (size_t i = 0; i < sizeof(past); i++)
		past[i] = i < n ? 0 : 1;
	memcpy(lk->past_end, past, sizeof(past));
	out->v = NULL;
	out->n = 0;
}

void lookup_bad_line(struct lookup *lk, const char *what, unsigned limit)
{
	if (lk->bad_lines++ < 3) {
		if (limit)
			ba_warn("%s:%zu: %s longer than %u bytes, line ignored", lk->name, lk->line + 1, what, limit);
		else
			ba_warn("%s:%zu: %s, line ignored", lk->name, lk->line + 1, what);
	}
}

/* The line [l, eol), "alias PATTERN MODULE" or anything else. */
void lookup_line(struct lookup *lk, const char *l, const char *eol)
{
	const char *ps, *pe, *ms, *me;
	char pat[BA_MAX_ALIAS_LINE], mod[BA_MAX_MODULE_NAME + 1];
	struct alias_matches *out = lk->out;

	/* The usual line, "alias PATTERN MODULE" with one space: decided by its first bytes. */
	if (eol - l >= 8 && memcmp(l, "alias ", 6) == 0) {
		if (!lk->passes_first[(unsigned char)l[6]])
			return;
		if (lk->plain_alias && !head_may_match(l + 6, eol, lk->modalias, lk->modalias_end, true))
			return;
	}
	if (eol - l < 8 || memcmp(l, "alias", 5) != 0 || (l[5] != ' ' && l[5] != '\t'))
		return;
	for (ps = l + 5; ps < eol && (*ps == ' ' || *ps == '\t'); ps++)
		;
	if (!head_may_match(ps, eol, lk->modalias, lk->modalias_end, lk->plain_alias))
		return;
	for (pe = ps; pe < eol && *pe != ' ' && *pe != '\t'; pe++)
		;
	for (ms = pe; ms < eol && (*ms == ' ' || *ms == '\t'); ms++)
		;
	for (me = ms; me < eol && *me != ' ' && *me != '\t' && *me != '\r'; me++)
		;
	if (pe == ps || me == ms)
		return;
	/* pat holds any line within the bound; a longer line, or a module name no module can have, is skipped. */
	if ((size_t)(eol - l) > BA_MAX_ALIAS_LINE)
		return lookup_bad_line(lk, "line", BA_MAX_ALIAS_LINE);
	if ((size_t)(me - ms) > BA_MAX_MODULE_NAME)
		return lookup_bad_line(lk, "module name", BA_MAX_MODULE_NAME);
	/* A NUL would cut the pattern short for fnmatch(): a different pattern than the line says. */
	if (memchr(l, '\0', (size_t)(eol - l)))
		return lookup_bad_line(lk, "NUL byte", 0);
	if (!head_matches(ps, (size_t)(pe - ps), lk->modalias))
		return;
	memcpy(pat, ps, (size_t)(pe - ps));
	pat[pe - ps] = '\0';
	if (fnmatch(pat, lk->modalias, 0) != 0)
		return;

	memcpy(mod, ms, (size_t)(me - ms));
	mod[me - ms] = '\0';
	/* The module is printed and loaded: a control byte in it is no module's name. */
	if (!valid_name(mod, BA_MAX_MODULE_NAME)) {
		ba_warn("%s:%zu: \"%s\" is not a valid module name, line ignored", lk->name, lk->line + 1, mod);
		return;
	}

	struct alias_candidate c = { .line = lk->line + 1 };
	score(pat, &c.stars, &c.literals);
	if (!lk->all && out->n == 1) {
		if (alias_candidate_cmp(&c, &out->v[0]) >= 0)
			return;
		alias_matches_release(out);
		lk->cap = 0;
	}
	c.pattern = xstrdup(pat);
	c.module = xstrdup(mod);
	if (out->n == lk->cap) {
		lk->cap = lk->cap ? lk->cap * 2 : 4;
		out->v = xrealloc(out->v, lk->cap * sizeof(*out->v));
	}
	out->v[out->n++] = c;
}

#if defined(__SSE2__)
/* Bit i: p[i] == c, for 64 bytes. */
static inline uint64_t byte_mask(const char *p, __m128i c)
{
	uint64_t m0 = (uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), c));
	uint64_t m1 = (uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 16)), c));
	uint64_t m2 = (uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 32)), c));
	uint64_t m3 = (uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 48)), c));
	return m0 | m1 << 16 | m2 << 32 | m3 << 48;
}

/* Bytes that end a literal head (ends_literal_head()), as a table. */
static const bool ends_head[256] = { ['*'] = true, ['?'] = true, ['['] = true, ['\\'] = true,
				     ['\0'] = true, [' '] = true, ['\t'] = true, ['\n'] = true };

/*
 * Could the pattern at pat, compared 16 bytes at once with the modalias, begin it?  As
 * head_may_match() decides for a plain modalias, for a line with 16 bytes or more after pat (bytes
 * past the line's end are never decisive: its pattern ends at a space or its newline first).
 * SSE2 means x86: little-endian, so the first differing byte is the lowest set bit's.
 */
static inline bool head16_may_match(const struct lookup *lk, const char *pat)
{
	uint64_t x, d;

	for (int w = 0; w < 2; w++) {
		memcpy(&x, pat + 8 * w, 8);
		/* A byte past the modalias's end always differs: the pattern's byte there decides. */
		if ((d = (x ^ lk->head[w]) | lk->past_end[w]))
			return ends_head[(uint8_t)(x >> (__builtin_ctzll(d) & ~7u))];
	}
	return true;
}

/*
 * The lines of [data, end) that lookup_line() could take, found without splitting the others: a
 * 64-byte block's newlines come from one mask, and a line "alias PATTERN ..." (a space as its sixth
 * byte) whose pattern's literal head differs from the modalias within its first 16 bytes is passed
 * over there and then (lookup_line() would pass it over too).  Returns the start of the first line
 * not examined (or of a last one without its newline, only passed over), with lk->line its index;
 * the caller goes on from there.
 */
static const char *lookup_lines_fast(struct lookup *lk, const char *data, const char *end)
{
	const __m128i nl = _mm_set1_epi8('\n');
	const char *q = memchr(data, '\n', (size_t)(end - data)), *next;
	bool looked = false;
	size_t line = lk->line;  /* the index of the line after the newline being looked at */

	if (!q)
		return data;
	lookup_line(lk, data, q);
	next = q + 1;
	/* q[0] is a newline; a block reads up to q[63 + 1 + 6 + 16]. */
	for (; end - q >= 64 + 24; q += 64) {
		uint64_t nls = byte_mask(q, nl);
		looked = true;
		for (uint64_t t = nls; t; t &= t - 1) {
			const char *s = q + __builtin_ctzll(t) + 1, *eol;
			line++;
			if (s[5] == ' ' && !head16_may_match(lk, s + 6))
				continue;
			uint64_t later = t & (t - 1);
			if (later)
				eol = q + __builtin_ctzll(later);
			else if (!(eol = memchr(s, '\n', (size_t)(end - s)))) {
				lk->line = line;
				return s;  /* the last line, maybe incomplete: the caller's */
			}
			lk->line = line;
			lookup_line(lk, s, eol);
		}
		if (nls)
			next = q + 64 - __builtin_clzll(nls);
	}
	if (!looked) {
		lk->line = line + 1;  /* no block: the line after the first is not looked at yet */
		return next;
	}
	/* The line at next was looked at in its block: go on after it, if it is whole. */
	const char *eol = memchr(next, '\n', (size_t)(end - next));
	lk->line = line + (eol != NULL);
	return eol ? eol + 1 : next;
}
#endif

/*
 * The whole lines of data[0, len): the bytes used.  Unless final, a last line without its newline
 * is left for the next call.  Most of a real modules.alias (26,000 lines) is other buses'
 * patterns: a line whose literal head already differs from the modalias is passed over after a
 * look at its first bytes (with SSE2, without even finding where it ends); only the rest is split
 * into fields, checked and given to fnmatch().
 */
static size_t lookup_lines(struct lookup *lk, const char *data, size_t len, bool final)
{
	const char *p = data, *end = data + len;
	struct newline_scan nls;

#if defined(__SSE2__)
	if (lk->plain_alias && lk->modalias[0])
		p = lookup_lines_fast(lk, data, end);
#endif
	nls = (struct newline_scan){ .block = p, .end = end, .mask = p < end ? newline_mask(p, end) : 0 };
	while (p < end) {
		const char *eol = newline_next(&nls);
		if (eol == end && !final)
			break;
		lookup_line(lk, p, eol);
		lk->line++;
		p = eol < end ? eol + 1 : end;
	}
	return (size_t)(p - data);
}

int lookup_finish(struct lookup *lk)
{
	if (lk->bad_lines > 3)
		ba_warn("%s: %zu more malformed lines ignored", lk->name, lk->bad_lines - 3);
	if (lk->out->n > 1)
		qsort(lk->out->v, lk->out->n, sizeof(*lk->out->v), cmp_cand);
	return 0;
}

int alias_lookup_buffer(const char *name, const char *data, size_t len, const char *modalias, bool all,
			struct alias_matches *out)
{
	struct lookup lk;

	lookup_init(&lk, name, modalias, all, out);
	lookup_lines(&lk, data, len, true);
	return lookup_finish(&lk);
}

/*
 * The file is read a block at a time into one buffer (LOOKUP_BLOCK): a 1.3 MB modules.alias mapped
 * whole costs more in page-table work (populating it, unmapping it) than copying it.  A line longer
 * than the buffer is past any bound: it is named (when its head could match) and skipped to its
 * newline.  With a current index beside the file (aliasindex.c), the file is not read at all.
 */
static int read_some(int fd, char *buf, size_t len, const char *path, size_t *got)
{
	ssize_t n;

	do
		n = read(fd, buf, len);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		int r = -errno;
		ba_err("%s: cannot read modules.alias: %s", path, strerror(-r));
		return r;
	}
	*got = (size_t)n;
	return 0;
}

int lookup_fd(struct lookup *lk, int fd, const char *path)
{
	_cleanup_free_ char *buf = xmalloc(LOOKUP_BLOCK);
	size_t have = 0, got = 0, used;
	int r;

	for (;;) {
		if ((r = read_some(fd, buf + have, LOOKUP_BLOCK - have, path, &got)) < 0)
			return r;
		have += got;
		used = lookup_lines(lk, buf, have, got == 0);
		if (got == 0)
			return 0;
		if (used == 0 && have == LOOKUP_BLOCK) {
			/* No newline in a full buffer: judge the line by its beginning, then skip to its end. */
			const char *ps = buf + 5;
			if (memcmp(buf, "alias", 5) == 0 && (buf[5] == ' ' || buf[5] == '\t')) {
				while (ps < buf + have && (*ps == ' ' || *ps == '\t'))
					ps++;
				if (head_may_match(ps, buf + have, lk->modalias, lk->modalias_end, lk->plain_alias))
					lookup_bad_line(lk, "line", BA_MAX_ALIAS_LINE);
			}
			lk->line++;
			for (const char *nl = NULL; !nl;) {
				if ((r = read_some(fd, buf, LOOKUP_BLOCK, path, &got)) < 0)
					return r;
				if (got == 0)
					return 0;
				if ((nl = memchr(buf, '\n', got))) {
					used = (size_t)(nl + 1 - buf);
					have = got;
				}
			}
		}
		memmove(buf, buf + used, have - used);
		have -= used;
	}
}
