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
#include <fcntl.h>
#include <fnmatch.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <sys/mman.h>
#include <sys/stat.h>

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

/* A byte that ends a pattern's literal head: a wildcard, an escape, or the end of the pattern. */
static inline bool ends_literal_head(char c)
{
	return c == '*' || c == '?' || c == '[' || c == '\\' || c == '\0' || c == ' ' || c == '\t' || c == '\n';
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

int alias_lookup_buffer(const char *name, const char *data, size_t len, const char *modalias, bool all,
			struct alias_matches *out)
{
	const char *p, *end = data + len;
	size_t line = 0, cap = 0, bad_lines = 0;
	char pat[BA_MAX_ALIAS_LINE], mod[BA_MAX_MODULE_NAME + 1];
	struct newline_scan nls = { .block = data, .end = end, .mask = len ? newline_mask(data, end) : 0 };
	bool plain_alias = true, passes_first[256];
	const char *modalias_end = modalias + strlen(modalias);

	for (const char *a = modalias; *a; a++)
		plain_alias &= !ends_literal_head(*a);
	/* The first byte of a pattern that could match: the modalias's, or one that ends the literal head. */
	for (unsigned c = 0; c < 256; c++)
		passes_first[c] = c == (unsigned char)modalias[0] || ends_literal_head((char)c);

	out->v = NULL;
	out->n = 0;
	/*
	 * Most of a real modules.alias (26,000 lines) is other buses' patterns: a line whose literal head
	 * already differs from the modalias is passed over after a look at its first bytes, and only the
	 * rest is split into fields, checked and given to fnmatch().
	 */
	for (p = data; p < end; line++) {
		const char *l = p, *eol = newline_next(&nls), *ps, *pe, *ms, *me;

		p = eol < end ? eol + 1 : end;
		/* The usual line, "alias PATTERN MODULE" with one space: decided by its first bytes. */
		if (eol - l >= 8 && memcmp(l, "alias ", 6) == 0) {
			if (!passes_first[(unsigned char)l[6]])
				continue;
			if (plain_alias && !head_may_match(l + 6, eol, modalias, modalias_end, true))
				continue;
		}
		if (eol - l < 8 || memcmp(l, "alias", 5) != 0 || (l[5] != ' ' && l[5] != '\t'))
			continue;
		for (ps = l + 5; ps < eol && (*ps == ' ' || *ps == '\t'); ps++)
			;
		if (!head_may_match(ps, eol, modalias, modalias_end, plain_alias))
			continue;
		for (pe = ps; pe < eol && *pe != ' ' && *pe != '\t'; pe++)
			;
		for (ms = pe; ms < eol && (*ms == ' ' || *ms == '\t'); ms++)
			;
		for (me = ms; me < eol && *me != ' ' && *me != '\t' && *me != '\r'; me++)
			;
		if (pe == ps || me == ms)
			continue;
		/* pat holds any line within the bound; a longer line, or a module name no module can have, is skipped. */
		if ((size_t)(eol - l) > BA_MAX_ALIAS_LINE || (size_t)(me - ms) > BA_MAX_MODULE_NAME) {
			if (bad_lines++ < 3)
				ba_warn("%s:%zu: %s longer than %u bytes, line ignored", name, line + 1,
					(size_t)(eol - l) > BA_MAX_ALIAS_LINE ? "line" : "module name",
					(size_t)(eol - l) > BA_MAX_ALIAS_LINE ? BA_MAX_ALIAS_LINE : BA_MAX_MODULE_NAME);
			continue;
		}
		/* A NUL would cut the pattern short for fnmatch(): a different pattern than the line says. */
		if (memchr(l, '\0', (size_t)(eol - l))) {
			if (bad_lines++ < 3)
				ba_warn("%s:%zu: NUL byte, line ignored", name, line + 1);
			continue;
		}
		if (!head_matches(ps, (size_t)(pe - ps), modalias))
			continue;
		memcpy(pat, ps, (size_t)(pe - ps));
		pat[pe - ps] = '\0';
		if (fnmatch(pat, modalias, 0) != 0)
			continue;

		memcpy(mod, ms, (size_t)(me - ms));
		mod[me - ms] = '\0';
		/* The module is printed and loaded: a control byte in it is no module's name. */
		if (!valid_name(mod, BA_MAX_MODULE_NAME)) {
			ba_warn("%s:%zu: \"%s\" is not a valid module name, line ignored", name, line + 1, mod);
			continue;
		}

		struct alias_candidate c = { .line = line + 1 };
		score(pat, &c.stars, &c.literals);
		if (!all && out->n == 1) {
			if (alias_candidate_cmp(&c, &out->v[0]) >= 0)
				continue;
			alias_matches_release(out);
			cap = 0;
		}
		c.pattern = xstrdup(pat);
		c.module = xstrdup(mod);
		if (out->n == cap) {
			cap = cap ? cap * 2 : 4;
			out->v = xrealloc(out->v, cap * sizeof(*out->v));
		}
		out->v[out->n++] = c;
	}
	if (bad_lines > 3)
		ba_warn("%s: %zu more malformed lines ignored", name, bad_lines - 3);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_cand);
	return 0;
}

int alias_lookup(const char *alias_file, const char *modalias, bool all, struct alias_matches *out)
{
	_cleanup_close_ int fd = -1;
	struct stat st;
	const char *data;
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
	if (st.st_size == 0)
		return 0;
	/* Every page is read: one populating mmap() costs less than a fault every few pages. */
	data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	if (data == MAP_FAILED) {
		r = -errno;
		ba_err("%s: cannot map: %s", alias_file, strerror(-r));
		return r;
	}
	r = alias_lookup_buffer(alias_file, data, (size_t)st.st_size, modalias, all, out);
	munmap((void *)data, (size_t)st.st_size);
	return r;
}
