// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * fuzz-aliasdb: the modules.alias parser and matcher behind `busalias match`, bind and status.
 * Input: the modalias to look up on the first line, the modules.alias body after it.
 * alias_lookup_buffer() runs with all=true and all=false; checked besides the sanitizers:
 *   - every candidate's pattern fnmatch()es the modalias and comes from its line's "alias" entry;
 *   - the list is best first by alias_candidate_cmp(), strictly (lines differ);
 *   - all=false keeps at most one candidate, the first of all=true;
 *   - no matching line is missed: an independent scan with fnmatch() finds the same lines
 *     (lines with NUL bytes excepted, whose reading is unspecified).
 *   - the lookup through the body's index (aliasindex.c, built in memory) gives the same candidates
 *     and the same messages as the scan, with all=true and all=false;
 *   - the body read as an index (hostile: any offsets), under its own header's identity, is read
 *     within its bounds and gives only true candidates (or is named malformed).
 * The modalias and the body are separate allocations of their exact size, so reading past either
 * is caught.
 */
#include <fnmatch.h>
#include <string.h>

#include "aliasdb-lookup.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

struct line {
	const char *p;
	size_t len;
};

/* The lines of body, '\n'-separated, the last one possibly without it (as the reader splits them). */
static struct line *split_lines(const char *body, size_t len, size_t *n)
{
	struct line *v = NULL;
	size_t cap = 0;

	*n = 0;
	for (const char *p = body, *end = body + len; p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[(*n)++] = (struct line){ p, (size_t)(eol - p) };
		p = eol + 1;
	}
	return v;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* busalias(1): "alias PATTERN MODULE"; fills pattern/module when the line is one, with no NUL in it. */
static bool reference_entry(const struct line *l, char *pat, size_t pat_len, char *mod, size_t mod_len, bool *has_nul)
{
	const char *p = l->p, *end = l->p + l->len, *ps, *pe, *ms, *me;

	*has_nul = memchr(l->p, '\0', l->len) != NULL;
	if (l->len < 6 || memcmp(p, "alias", 5) || !blank(p[5]))
		return false;
	for (ps = p + 5; ps < end && blank(*ps); ps++)
		;
	for (pe = ps; pe < end && !blank(*pe); pe++)
		;
	for (ms = pe; ms < end && blank(*ms); ms++)
		;
	for (me = ms; me < end && !blank(*me) && *me != '\r'; me++)
		;
	if (pe == ps || me == ms || (size_t)(pe - ps) >= pat_len || (size_t)(me - ms) >= mod_len)
		return false;
	memcpy(pat, ps, (size_t)(pe - ps));
	pat[pe - ps] = '\0';
	memcpy(mod, ms, (size_t)(me - ms));
	mod[me - ms] = '\0';
	return true;
}

/* The lookup through an index in memory: 1 if the index was used (its messages in *log_text). */
static int index_lookup(const char *idx, size_t idx_len, const struct alias_file_id *id, const char *modalias,
			bool all, struct alias_matches *out, char **log_text)
{
	struct strbuf log;
	struct lookup lk;
	int used;

	fuzz_log_begin(&log);
	lookup_init(&lk, "fuzz/modules.alias", modalias, all, out);
	used = alias_index_lookup_mem(&lk, "fuzz/modules.alias.busalias-index", idx, idx_len, id);
	if (used)
		lookup_finish(&lk);
	*log_text = xstrdup(log.buf ? log.buf : "");
	fuzz_log_end(&log);
	return used;
}

static void same_matches(const struct alias_matches *a, const struct alias_matches *b, const char *what)
{
	FUZZ_CHECK(a->n == b->n, "%s: %zu candidates, the scan %zu", what, a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
		FUZZ_CHECK(a->v[i].line == b->v[i].line && !strcmp(a->v[i].pattern, b->v[i].pattern) &&
				   !strcmp(a->v[i].module, b->v[i].module) && a->v[i].stars == b->v[i].stars &&
				   a->v[i].literals == b->v[i].literals,
			   "%s: candidate %zu is line %zu, the scan's line %zu", what, i, a->v[i].line, b->v[i].line);
}

/* The index of body gives what the scan gave (matches and messages). */
static void check_index(const char *body, size_t body_len, const char *modalias, const struct alias_matches *all,
			const struct alias_matches *best, const char *scan_log)
{
	const struct alias_file_id id = { .size = body_len, .ino = 42, .mtime_ns = 1, .ctime_ns = 2 };
	const struct alias_file_id other = { .size = body_len, .ino = 42, .mtime_ns = 1, .ctime_ns = 3 };
	struct alias_matches ia, ib;
	char *idx, *copy, *log_all, *log_best;
	size_t idx_len;

	FUZZ_CHECK(alias_index_build(body, body_len, &id, &idx, &idx_len) == 0, "index of %zu bytes not built", body_len);
	/* Its exact size: reading past the index is caught too. */
	copy = xmalloc(idx_len);
	memcpy(copy, idx, idx_len);
	free(idx);
	FUZZ_CHECK(index_lookup(copy, idx_len, &id, modalias, true, &ia, &log_all) == 1, "index not used");
	FUZZ_CHECK(index_lookup(copy, idx_len, &id, modalias, false, &ib, &log_best) == 1, "index not used");
	same_matches(&ia, all, "index, all");
	same_matches(&ib, best, "index, best");
	FUZZ_CHECK(!strcmp(log_all, scan_log), "index said \"%s\", the scan \"%s\"", log_all, scan_log);
	free(log_all);
	free(log_best);
	alias_matches_release(&ia);
	alias_matches_release(&ib);
	/* Another file's index (a change time apart) is not used, and changes nothing. */
	FUZZ_CHECK(index_lookup(copy, idx_len, &other, modalias, true, &ia, &log_all) == 0 && ia.n == 0,
		   "a stale index was used");
	free(log_all);
	free(copy);
}

/* body read as an index, whatever it holds: bounded reads, and only true candidates. */
static void check_hostile_index(const char *body, size_t body_len, const char *modalias)
{
	const unsigned char *h = (const unsigned char *)body;
	struct alias_file_id id = { 0 };
	struct alias_matches m;
	char *log_text;

	if (body_len >= 48) {
		for (int i = 7; i >= 0; i--) {
			id.size = id.size << 8 | h[16 + i];
			id.ino = id.ino << 8 | h[24 + i];
			id.mtime_ns = id.mtime_ns << 8 | h[32 + i];
			id.ctime_ns = id.ctime_ns << 8 | h[40 + i];
		}
	}
	if (index_lookup(body, body_len, &id, modalias, true, &m, &log_text))
		for (size_t i = 0; i < m.n; i++)
			FUZZ_CHECK(fnmatch(m.v[i].pattern, modalias, 0) == 0, "index candidate %s does not match %s",
				   m.v[i].pattern, modalias);
	free(log_text);
	alias_matches_release(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	size_t alias_len = nl ? (size_t)(nl - (const char *)data) : size;
	size_t body_len = nl ? size - alias_len - 1 : 0;
	char *modalias = xmalloc(alias_len + 1), *body = xmalloc(body_len ? body_len : 1);
	struct alias_matches all, best;
	struct strbuf log;
	struct line *lines;
	size_t n_lines, n_ref = 0;
	int r;

	memcpy(modalias, data, alias_len);
	modalias[alias_len] = '\0';
	/* Shrink to the string's own size: a NUL in the first line ends the modalias. */
	modalias = xrealloc(modalias, strlen(modalias) + 1);
	if (body_len)
		memcpy(body, nl + 1, body_len);

	fuzz_log_begin(&log);
	r = alias_lookup_buffer("fuzz/modules.alias", body, body_len, modalias, true, &all);
	FUZZ_CHECK(r == 0, "all=true returned %d", r);
	r = alias_lookup_buffer("fuzz/modules.alias", body, body_len, modalias, false, &best);
	FUZZ_CHECK(r == 0, "all=false returned %d", r);
	/* The messages of one lookup (the all=true one), to compare with the index's. */
	char *scan_log = NULL;
	{
		struct strbuf one;
		struct alias_matches tmp;
		fuzz_log_end(&log);
		fuzz_log_begin(&one);
		alias_lookup_buffer("fuzz/modules.alias", body, body_len, modalias, true, &tmp);
		scan_log = xstrdup(one.buf ? one.buf : "");
		fuzz_log_end(&one);
		alias_matches_release(&tmp);
	}
	check_index(body, body_len, modalias, &all, &best, scan_log);
	free(scan_log);
	check_hostile_index(body, body_len, modalias);

	lines = split_lines(body, body_len, &n_lines);
	for (size_t i = 0; i < all.n; i++) {
		const struct alias_candidate *c = &all.v[i];
		FUZZ_CHECK(c->pattern && c->module && c->pattern[0] && c->module[0], "empty candidate %zu", i);
		FUZZ_CHECK(fnmatch(c->pattern, modalias, 0) == 0, "%s does not match %s", c->pattern, modalias);
		FUZZ_CHECK(c->line >= 1 && c->line <= n_lines, "line %zu of %zu", c->line, n_lines);
		const struct line *l = &lines[c->line - 1];
		FUZZ_CHECK(l->len >= 5 && !memcmp(l->p, "alias", 5), "line %zu is no alias line", c->line);
		FUZZ_CHECK(memmem(l->p, l->len, c->pattern, strlen(c->pattern)) &&
				   memmem(l->p, l->len, c->module, strlen(c->module)),
			   "candidate %s %s not on line %zu", c->pattern, c->module, c->line);
		if (i > 0)
			FUZZ_CHECK(alias_candidate_cmp(&all.v[i - 1], c) < 0, "candidates %zu and %zu out of order", i - 1,
				   i);
	}
	FUZZ_CHECK(best.n <= 1, "all=false kept %zu candidates", best.n);
	FUZZ_CHECK((best.n == 1) == (all.n > 0), "all=false found %zu, all=true %zu", best.n, all.n);
	if (best.n)
		FUZZ_CHECK(best.v[0].line == all.v[0].line && !strcmp(best.v[0].pattern, all.v[0].pattern) &&
				   !strcmp(best.v[0].module, all.v[0].module) && best.v[0].stars == all.v[0].stars &&
				   best.v[0].literals == all.v[0].literals,
			   "best is line %zu, first of all line %zu", best.v[0].line, all.v[0].line);

	/* No match missed: every NUL-free alias line whose pattern matches is a candidate. */
	size_t *by_line = xmalloc((n_lines + 1) * sizeof(*by_line));
	for (size_t i = 0; i <= n_lines; i++)
		by_line[i] = SIZE_MAX;
	for (size_t j = 0; j < all.n; j++) {
		FUZZ_CHECK(by_line[all.v[j].line] == SIZE_MAX, "line %zu is two candidates", all.v[j].line);
		by_line[all.v[j].line] = j;
	}
	for (size_t i = 0; i < n_lines; i++) {
		char pat[BA_MAX_ALIAS_LINE + 1], mod[BA_MAX_MODULE_NAME + 1];
		bool has_nul;
		/* A module name with a control byte (or '/', "..") is no module: named and ignored. */
		/* A line longer than BA_MAX_ALIAS_LINE is past the documented bound: named and skipped. */
		if (lines[i].len > BA_MAX_ALIAS_LINE ||
		    !reference_entry(&lines[i], pat, sizeof(pat), mod, sizeof(mod), &has_nul) || has_nul ||
		    fnmatch(pat, modalias, 0) != 0 || !valid_name(mod, BA_MAX_MODULE_NAME))
			continue;
		n_ref++;
		size_t j = by_line[i + 1];
		FUZZ_CHECK(j != SIZE_MAX, "line %zu (%s %s) matches %s but is not a candidate", i + 1, pat, mod,
			   modalias);
		FUZZ_CHECK(!strcmp(all.v[j].pattern, pat) && !strcmp(all.v[j].module, mod),
			   "line %zu read as %s %s, not %s %s", i + 1, all.v[j].pattern, all.v[j].module, pat, mod);
	}
	free(by_line);
	FUZZ_CHECK(n_ref <= all.n, "%zu reference matches, %zu candidates", n_ref, all.n);

	free(lines);
	alias_matches_release(&all);
	alias_matches_release(&best);
	free(modalias);
	free(body);
	return 0;
}
