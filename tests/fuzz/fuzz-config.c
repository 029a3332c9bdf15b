// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * fuzz-config: busalias.conf(5) through config_load_stream() (inih) from an fmemopen() stream,
 * then the derived paths (config_alias_file(): module directory, kernel-version check).
 * Checked besides the sanitizers, for a configuration that loads without error (one with an error
 * is refused by busalias as a whole):
 *   - path keys hold absolute paths; lock_timeout is within its documented range;
 *   - every value comes from its own key: some physical line of the input starts with the key and
 *     an '=' or ':' (or is a continuation line of such a line) and holds the value.  A long line
 *     cut into pieces by the parser's line buffer must not turn its tail into a key of its own.
 */
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static const struct {
	const char *key;
	size_t offset;
	bool absolute;
} string_keys[] = {
	{ "plugin_dir", offsetof(struct ba_config, plugin_dir), true },
	{ "basedir", offsetof(struct ba_config, basedir), false },
	{ "kernel", offsetof(struct ba_config, kernel), false },
	{ "module_root", offsetof(struct ba_config, module_root), true },
	{ "alias_file", offsetof(struct ba_config, alias_file), true },
	{ "sysfs_root", offsetof(struct ba_config, sysfs_root), true },
	{ "lock_dir", offsetof(struct ba_config, lock_dir), true },
	{ "modprobe", offsetof(struct ba_config, modprobe), true },
	{ "prefix", offsetof(struct ba_config, prefix), false },
};

static const char *field(const struct ba_config *c, size_t offset)
{
	return *(char *const *)((const char *)c + offset);
}

struct line {
	const char *p;
	size_t len;  /* up to the first NUL or '\n' (the parser sees C strings) */
};

static bool is_space(char c)
{
	return isspace((unsigned char)c);
}

/* Does line l (left-trimmed) start with key, then blanks, then '=' or ':'? */
static bool line_has_key(const struct line *l, const char *key)
{
	size_t i = 0, kl = strlen(key);

	while (i < l->len && is_space(l->p[i]))
		i++;
	if (l->len - i < kl || memcmp(l->p + i, key, kl))
		return false;
	for (i += kl; i < l->len && is_space(l->p[i]); i++)
		;
	return i < l->len && (l->p[i] == '=' || l->p[i] == ':');
}

/* Was value given for key on some line (or on a continuation of it)? */
static bool value_from_key(const struct line *lines, size_t n, const char *key, const char *value)
{
	size_t vl = strlen(value);

	for (size_t i = 0; i < n; i++) {
		if (!memmem(lines[i].p, lines[i].len, value, vl))
			continue;
		if (line_has_key(&lines[i], key))
			return true;
		/* A continuation line: indented; the value belongs to the key of the line it continues. */
		if (lines[i].len == 0 || !is_space(lines[i].p[0]))
			continue;
		for (size_t j = i; j-- > 0;) {
			const struct line *l = &lines[j];
			size_t k = 0;
			if (line_has_key(l, key))
				return true; /* indented or not: an indented line after a section header is a key line */
			while (k < l->len && is_space(l->p[k]))
				k++;
			if (k == l->len || l->p[k] == ';' || l->p[k] == '#' || k > 0)
				continue; /* blank, comment or another continuation */
			break;
		}
	}
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ba_config cfg, def;
	struct strbuf log;
	struct line *lines = NULL;
	size_t n_lines = 0, longest = 0;
	char *copy;
	FILE *f;
	int r;

	if (size == 0)
		return 0;
	copy = xmalloc(size);
	memcpy(copy, data, size);
	f = fmemopen(copy, size, "r");
	if (!f) {
		free(copy);
		return 0;
	}
	config_init(&cfg);
	config_init(&def);
	fuzz_log_begin(&log);
	r = config_load_stream(&cfg, f, "fuzz.conf");
	fclose(f);
	FUZZ_CHECK(r == 0 || r == -EINVAL, "config_load_stream returned %d", r);
	if (r == 0) {
		char *alias_file = config_alias_file(&cfg);
		free(alias_file);
	}
	fuzz_log_end(&log);

	if (r == 0) {
		/* Physical lines, as far as the parser can see them (a NUL ends a line's string). */
		for (const char *p = copy, *end = copy + size; p < end;) {
			const char *eol = memchr(p, '\n', (size_t)(end - p));
			if (!eol)
				eol = end;
			if ((size_t)(eol - p) > longest)
				longest = (size_t)(eol - p);
			lines = xrealloc(lines, (n_lines + 1) * sizeof(*lines));
			lines[n_lines++] = (struct line){ p, strnlen(p, (size_t)(eol - p)) };
			p = eol + 1;
		}
		/* A UTF-8 byte order mark before the first line is skipped by the parser. */
		if (n_lines && lines[0].len >= 3 && !memcmp(lines[0].p, "\xef\xbb\xbf", 3)) {
			lines[0].p += 3;
			lines[0].len -= 3;
		}
		for (size_t i = 0; i < ARRAY_SIZE(string_keys); i++) {
			const char *v = field(&cfg, string_keys[i].offset), *d = field(&def, string_keys[i].offset);
			if (!v || (d && !strcmp(v, d)))
				continue;
			FUZZ_CHECK(!string_keys[i].absolute || v[0] == '/', "%s = '%s' is not absolute", string_keys[i].key,
				   v);
			FUZZ_CHECK(value_from_key(lines, n_lines, string_keys[i].key, v),
				   "%s = '%s' is on no line of its own key (a line cut in pieces? longest line: %zu bytes)",
				   string_keys[i].key, v, longest);
		}
		FUZZ_CHECK(isfinite(cfg.lock_timeout) && cfg.lock_timeout >= 0 && cfg.lock_timeout <= 366 * 86400.0,
			   "lock_timeout %g", cfg.lock_timeout);
		if (cfg.quiet)
			FUZZ_CHECK(value_from_key(lines, n_lines, "quiet", ""),
				   "quiet set without a quiet line (longest line: %zu bytes)", longest);
	}
	free(lines);
	config_release(&cfg);
	config_release(&def);
	free(copy);
	return 0;
}
