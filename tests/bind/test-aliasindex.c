// SPDX-License-Identifier: LGPL-2.1-or-later
/* The modules.alias lookup index: the same answers and messages as the scan; stale and malformed
 * indexes are not used. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aliasdb-lookup.h"
#include "busalias.h"

static char dir[] = "/tmp/busalias-aliasindex.XXXXXX";
static char alias_file[sizeof(dir) + 32], index_file[sizeof(dir) + 64];

static void setup(void)
{
	cr_assert_not_null(mkdtemp(dir));
	snprintf(alias_file, sizeof(alias_file), "%s/modules.alias", dir);
	snprintf(index_file, sizeof(index_file), "%s%s", alias_file, ALIAS_INDEX_SUFFIX);
}

static void teardown(void)
{
	unlink(index_file);
	unlink(alias_file);
	rmdir(dir);
}

static void write_text(const char *path, const char *text, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, text, len), (ssize_t)len);
	close(fd);
}

/* A lookup's candidates and messages, as one text. */
static char *lookup_text(const char *modalias, bool all)
{
	struct strbuf sb = { 0 }, log = { 0 };
	struct alias_matches m;

	ba_log_capture(&log);
	cr_assert_eq(alias_lookup(alias_file, modalias, all, &m), 0);
	ba_log_capture(NULL);
	for (size_t i = 0; i < m.n; i++)
		strbuf_addf(&sb, "%zu %u %u %s %s\n", m.v[i].line, m.v[i].stars, m.v[i].literals, m.v[i].pattern,
			    m.v[i].module);
	strbuf_addf(&sb, "--\n%s", log.buf ? log.buf : "");
	alias_matches_release(&m);
	strbuf_release(&log);
	return sb.buf ? sb.buf : strdup("");
}

/* Every modalias, all and best: the answers with an index are the scan's. */
static void same_with_index(const char *text, size_t len, const char *const *modaliases)
{
	write_text(alias_file, text, len);
	unlink(index_file);
	for (const char *const *ma = modaliases; *ma; ma++)
		for (int all = 0; all < 2; all++) {
			char *scan = lookup_text(*ma, all);
			cr_assert_eq(alias_index_write(alias_file), 0);
			char *indexed = lookup_text(*ma, all);
			cr_assert_str_eq(indexed, scan, "%s (all=%d): index gave\n%s\nthe scan\n%s", *ma, all, indexed, scan);
			unlink(index_file);
			free(scan);
			free(indexed);
		}
}

#define NIC "vfio_pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00"

TestSuite(aliasindex, .init = setup, .fini = teardown);

Test(aliasindex, same_as_scan)
{
	static const char text[] =
		"# a comment\n"
		"alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci\n"
		"alias\tvfio_pci:v00008086d000010D3sv*sd*bc*sc*i*\te1000e_vfio\n"
		"alias vfio_pci:v00008086d000010D?sv*sd*bc*sc*i* question\n"
		"alias vfio_pci:v0000808[0-9]d000010D3sv*sd*bc*sc*i* bracket\n"
		"alias vfio_pci:v00008086d000010D3sv\\*sd*bc*sc*i* escaped\n"
		"alias vfio_pci:v00008086d000010D3sv*sd*bc*sc*i* crlf\r\n"
		"alias   vfio_pci:v*   spaced   extra words\n"
		"alias vfio_pci:v*d*sv*sd*bc*sc*i* tie_later\n"
		"alias vfio_pci:v*d*sv*sd*bc*sc*i* bad\x01name\n"
		"alias * anything\n"
		"alias v* starts_with_v\n"
		"alias vfio_pci:v00008086d000010D3 too_short_no_glob\n"
		"softdep vfio_pci pre: vfio\n"
		"alias\n"
		"alias onlypattern\n"
		"alias pci:v00008086d000010D3sv*sd*bc*sc*i* e1000e\n"
		"alias acpi*:PNP0501:* 8250_pnp\n"
		"alias vfio_pci:* no_newline";
	static const char *const mas[] = { NIC, "pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00",
					   "acpi:PNP0501:", "v", "", "vfio_pci:v00008086d000010D3", "x*y", NULL };

	same_with_index(text, sizeof(text) - 1, mas);
}

/* Lines past the bounds: over BA_MAX_ALIAS_LINE, and over the scan's buffer (judged by their head). */
Test(aliasindex, long_lines_and_nul)
{
	size_t big = LOOKUP_BLOCK + 100, len = 0;
	char *text = malloc(3 * big);
	const char *const mas[] = { NIC, "vfio_pci:v0", "vfio_pci:", "", NULL };

	cr_assert_not_null(text);
	len += (size_t)sprintf(text + len, "alias vfio_pci:v* first\n");
	/* Over the scan's buffer, with and without a newline, head matching and not. */
	len += (size_t)sprintf(text + len, "alias vfio_pci:");
	memset(text + len, 'v', big);
	len += big;
	text[len++] = '\n';
	len += (size_t)sprintf(text + len, "alias vfio_pci:v* ");
	memset(text + len, 'm', BA_MAX_ALIAS_LINE + 10);
	len += BA_MAX_ALIAS_LINE + 10;
	text[len++] = '\n';
	memcpy(text + len, "alias vfio_pci:v*\0nul mod\n", 26);
	len += 26;
	len += (size_t)sprintf(text + len, "alias vfio_pci:v00008086* last\nalias vfio_pci:* ");
	memset(text + len, 'x', LOOKUP_BLOCK);
	len += LOOKUP_BLOCK;
	same_with_index(text, len, mas);
	free(text);
}

/* Eight modaliases of 0 to max_len - 1 bytes of "ab:" (max_len <= 16) in buf, listed in mas, NULL-ended. */
static void random_modaliases(unsigned *seed, int max_len, char buf[8][16], const char *mas[9])
{
	for (int i = 0; i < 8; i++) {
		int n = rand_r(seed) % max_len;
		for (int k = 0; k < n; k++)
			buf[i][k] = "ab:"[rand_r(seed) % 3];
		buf[i][n] = '\0';
		mas[i] = buf[i];
	}
	mas[8] = NULL;
}

/* Many random lines (a fixed seed): patterns of a few letters and globs, modaliases of those letters. */
Test(aliasindex, random_files)
{
	static const char pieces[][4] = { "a", "b", "ab", "*", "?", "[ab]", "\\*", ":", " ", "\t" };
	unsigned seed = 12345;
	const size_t npieces = sizeof(pieces) / sizeof(pieces[0]);

	for (int round = 0; round < 20; round++) {
		struct strbuf sb = { 0 };
		char mas_buf[8][16];
		const char *mas[9];
		for (int l = 0; l < 200; l++) {
			strbuf_adds(&sb, rand_r(&seed) % 8 ? "alias " : "alias\t");
			for (int k = rand_r(&seed) % 6; k >= 0; k--)
				strbuf_adds(&sb, pieces[(size_t)rand_r(&seed) % (npieces - (l % 3 ? 2 : 0))]);
			strbuf_addf(&sb, " mod%d\n", l % 17);
		}
		random_modaliases(&seed, 8, mas_buf, mas);
		same_with_index(sb.buf, sb.len, mas);
		strbuf_release(&sb);
	}
}

/* alias_file holding text, and an index of lines (made for alias_file as it now is): its bytes. */
static char *file_and_index(const char *text, const char *lines, size_t *len)
{
	struct alias_file_id id;
	struct stat st;
	char *idx;

	write_text(alias_file, text, strlen(text));
	cr_assert_eq(stat(alias_file, &st), 0);
	alias_file_id_of(&st, &id);
	cr_assert_eq(alias_index_build(lines, strlen(lines), &id, &idx, len), 0);
	return idx;
}

/* An index used is the one that describes the file: made from other lines with the file's
 * identity, it answers; once the file changes, it no longer does. */
Test(aliasindex, used_only_for_its_file)
{
	static const char real[] = "alias vfio_pci:v* real\n", other[] = "alias vfio_pci:v* fake\n";
	struct alias_matches m;
	struct stat st0, st1;
	size_t len;
	char *idx = file_and_index(real, other, &len);

	write_text(index_file, idx, len);
	free(idx);
	cr_assert_eq(alias_lookup(alias_file, NIC, false, &m), 0);
	cr_assert_eq(m.n, 1);
	cr_assert_str_eq(m.v[0].module, "fake", "the index was not read");
	alias_matches_release(&m);

	/* The same size, another modification time: the file is scanned. */
	struct timespec t[2] = { { .tv_sec = 1000000000, .tv_nsec = 5 }, { .tv_sec = 1000000000, .tv_nsec = 5 } };
	cr_assert_eq(utimensat(AT_FDCWD, alias_file, t, 0), 0);
	cr_assert_eq(alias_lookup(alias_file, NIC, false, &m), 0);
	cr_assert_eq(m.n, 1);
	cr_assert_str_eq(m.v[0].module, "real", "a stale index was used");
	alias_matches_release(&m);

	/* Rewritten in place, the same size, its modification time put back (touch -r): the change
	 * time tells.  Slept past the kernel's coarse clock tick, so that the change time moves. */
	idx = file_and_index(real, other, &len);
	write_text(index_file, idx, len);
	cr_assert_eq(stat(alias_file, &st0), 0);
	usleep(30000);
	int fd = open(alias_file, O_WRONLY);
	cr_assert_geq(fd, 0);
	cr_assert_eq(pwrite(fd, "alias vfio_pci:v* evil", 22, 0), 22);
	close(fd);
	struct timespec back[2] = { st0.st_atim, st0.st_mtim };
	cr_assert_eq(utimensat(AT_FDCWD, alias_file, back, 0), 0);
	cr_assert_eq(stat(alias_file, &st1), 0);
	cr_assert(st1.st_ino == st0.st_ino && st1.st_size == st0.st_size &&
		  st1.st_mtim.tv_sec == st0.st_mtim.tv_sec && st1.st_mtim.tv_nsec == st0.st_mtim.tv_nsec);
	cr_assert_eq(alias_lookup(alias_file, NIC, false, &m), 0);
	cr_assert_eq(m.n, 1);
	cr_assert_str_eq(m.v[0].module, "evil", "an index of the file before its rewrite in place was used");
	alias_matches_release(&m);

	/* An index of the format before the change time was kept: stale, silently (not malformed). */
	idx[8] = 1;
	write_text(index_file, idx, len);
	free(idx);
	struct strbuf log = { 0 };
	ba_log_capture(&log);
	cr_assert_eq(alias_lookup(alias_file, NIC, false, &m), 0);
	ba_log_capture(NULL);
	cr_assert_eq(m.n, 1);
	cr_assert_str_eq(m.v[0].module, "evil");
	cr_assert(log.buf && strstr(log.buf, "an older format") && !strstr(log.buf, "malformed"), "version 1: %s",
		  log.buf);
	strbuf_release(&log);
	alias_matches_release(&m);
}

/* A malformed index, whatever its fault, is named and the file scanned. */
Test(aliasindex, malformed_is_named_and_ignored)
{
	static const char text[] = "alias vfio_pci:v* real\nalias vfio_pci:v00008086* intel\n";
	size_t len;
	char *idx = file_and_index(text, text, &len);

	/* Each fault: truncated, bad magic, bad version, a record's head or line out of bounds,
	 * unknown flags, part offsets past the end. */
	const struct {
		size_t off, cut;
		unsigned char byte;
	} faults[] = {
		{ 0, 40, 0 }, { 0, 0, 'X' }, { 8, 0, 9 }, { 64 + 0, 0, 0xff }, { 64 + 4, 0, 0xff },
		{ 64 + 12, 0, 0xff }, { 64 + 16, 0, 0xff }, { 64 + 20, 0, 2 }, { 51, 0, 0x7f }, { 63, 0, 0x7f },
		{ 15, 0, 0x7f },
	};
	for (size_t f = 0; f < sizeof(faults) / sizeof(faults[0]); f++) {
		char *bad = malloc(len);
		struct strbuf log = { 0 };
		struct alias_matches m;
		memcpy(bad, idx, len);
		if (!faults[f].cut)
			bad[faults[f].off] = (char)faults[f].byte;
		write_text(index_file, bad, faults[f].cut ? faults[f].cut : len);
		free(bad);
		ba_log_capture(&log);
		cr_assert_eq(alias_lookup(alias_file, NIC, true, &m), 0);
		ba_log_capture(NULL);
		cr_assert_eq(m.n, 2, "fault %zu: %zu candidates", f, m.n);
		cr_assert_str_eq(m.v[0].module, "intel");
		cr_assert_not_null(log.buf, "fault %zu not named", f);
		cr_assert_not_null(strstr(log.buf, "malformed index"), "fault %zu: %s", f, log.buf);
		cr_assert_not_null(strstr(log.buf, index_file), "fault %zu: %s", f, log.buf);
		alias_matches_release(&m);
		strbuf_release(&log);
	}
	free(idx);
}

Test(aliasindex, write_errors)
{
	struct strbuf log = { 0 };

	ba_log_capture(&log);
	cr_assert_eq(alias_index_write(alias_file), -ENOENT);
	cr_assert_eq(mkfifo(alias_file, 0600), 0);
	cr_assert_eq(alias_index_write(alias_file), -EINVAL);
	ba_log_capture(NULL);
	cr_assert_not_null(strstr(log.buf, "cannot read modules.alias"));
	cr_assert_not_null(strstr(log.buf, "not a regular file"));
	cr_assert_eq(access(index_file, F_OK), -1, "an index was written for no file");
	strbuf_release(&log);
}

/* A line of exactly len bytes "alias PAT... mod" (pattern padded with 'v', module at the end when it
 * fits), with or without its newline, after prefix bytes of short lines: the scan's buffer then
 * meets the line at a different offset. */
static size_t put_long_line(char *text, size_t len, const char *pat_start, bool newline, int shape)
{
	size_t n = strlen(pat_start);

	memcpy(text, pat_start, n);
	/* shape 0: a module at the end; 1: a pattern alone; 2: a pattern then blanks (a line the scan
	 * passes over in silence below LOOKUP_BLOCK, and names at or above it) */
	memset(text + n, 'v', len - n);
	if (shape == 0)
		memcpy(text + len - 5, "* mod", 5);
	else if (shape == 2)
		memset(text + n + 4, ' ', len - n - 4);
	if (newline)
		text[len++] = '\n';
	return len;
}

Test(aliasindex, lines_at_the_buffer_bound)
{
	static const size_t lens[] = { 65535, 65536, 65537, 2 * 65536 };
	/* heads that start the modalias (one empty: every modalias), and one that does not */
	static const char *const starts[] = { "alias vfio_pci:*", "alias\t\tvfio_pci:v0*", "alias x", "alias   *",
					      "alias v", NULL };
	static const size_t prefixes[] = { 0, 23, 65536 - 24 };
	const char *const mas[] = { NIC, "vfio_pci:", "", NULL };
	char *text = malloc(4 * 65536 + 1024);

	cr_assert_not_null(text);
	for (size_t li = 0; li < sizeof(lens) / sizeof(lens[0]); li++)
		for (const char *const *st = starts; *st; st++)
			for (size_t pi = 0; pi < sizeof(prefixes) / sizeof(prefixes[0]); pi++)
				for (int nl = 0; nl < 2; nl++)
				for (int shape = 0; shape < 3; shape++) {
					size_t len = 0;
					/* prefix bytes: lines "#...\n" of at most 80 bytes, then a matching line */
					while (len < prefixes[pi]) {
						size_t l = prefixes[pi] - len > 80 ? 80 : prefixes[pi] - len;
						memset(text + len, '#', l);
						text[len + l - 1] = '\n';
						len += l;
					}
					len += put_long_line(text + len, lens[li], *st, nl, shape);
					if (nl)
						len += (size_t)sprintf(text + len, "alias vfio_pci:v* after\n");
					same_with_index(text, len, mas);
				}
	free(text);
}

/* Files cut short or odd at their start: each with modaliases holding wildcards, blanks, nothing. */
Test(aliasindex, odd_files)
{
	static const struct {
		const char *text;
		size_t len;
	} files[] = {
#define F(s) { s, sizeof(s) - 1 }
		F(""), F("alias"), F("alias "), F("alias\t\t"), F("alias\t\t\n"), F("alias a"), F("alias ab"),
		F("alias ab "), F("alias ab m"), F(" alias vfio_pci:* lead"), F("\talias vfio_pci:* lead\n"),
		F("alias vfio_pci:* m\r"), F("alias vfio_pci:* m\r\n\r\n"), F("alias\rvfio_pci:* m\n"),
		F("alias vfio_pci:\r* m\n"), F("alias vfio_pci:* m\0\n"), F("\0alias vfio_pci:* m\n"),
		F("alias \0vfio_pci:* m\n"), F("alias vfio_pci:\0* m\n"), F("alias vfio_pci:*\0 m\n"),
		F("alias v m\nalias v\n alias v m\nalias  v  m  \nalias\t\tv\t\tm\t\t\n"),
		F("alias x*y m1\nalias x m2\nalias x\\*y m3\nalias x?y m4\nalias x[*]y m5\nalias x\\ y m6\n"),
		F("alias a\nalias\nalias ab\nalias abc\nalias abcd\nalias abcde m\n"),
		F("\n\n\nalias vfio_pci:* m\n\n"),
		F("alias vfio_pci:* m"),
		F("alias\tvfio_pci:*\tm"),
#undef F
	};
	static char longma[70000];
	memset(longma, 'v', sizeof(longma) - 1);
	memcpy(longma, "vfio_pci:", 9);
	const char *const mas[] = { NIC, "vfio_pci:", "", "x*y", "x y", "x\ty", "x?y", "x", "v", "a", "ab", "abcde",
				    "*", " ", "\t", "vfio_pci:\r", "x\\ y", "\xff", longma, NULL };

	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++)
		same_with_index(files[f].text, files[f].len, mas);
}

/* Files of several of the scan's buffers: random lines, some long, so that lines cross its bound. */
Test(aliasindex, random_large_files)
{
	static const char pieces[][8] = { "a", "b", "ab", "*", "?", "[ab]", "\\*", ":", "vfio_", "\r", " ", "\t" };
	unsigned seed = 4242;
	const size_t npieces = sizeof(pieces) / sizeof(pieces[0]);

	for (int round = 0; round < 12; round++) {
		struct strbuf sb = { 0 };
		char mas_buf[8][16];
		const char *mas[9];
		while (sb.len < 200000) {
			int kind = rand_r(&seed) % 100;
			strbuf_adds(&sb, rand_r(&seed) % 8 ? "alias " : "alias\t");
			if (kind < 3) {
				/* long: somewhere around the buffer bound or BA_MAX_ALIAS_LINE */
				size_t n = kind == 0 ? 65530 + (size_t)(rand_r(&seed) % 12) : (size_t)(rand_r(&seed) % 70000);
				strbuf_adds(&sb, pieces[(size_t)rand_r(&seed) % 3]);
				for (size_t k = 0; k < n; k++)
					strbuf_add(&sb, "ab"[rand_r(&seed) % 2 ? 0 : 1] == 'a' ? "a" : "*", 1);
			} else {
				for (int k = rand_r(&seed) % 8; k >= 0; k--)
					strbuf_adds(&sb, pieces[(size_t)rand_r(&seed) % (npieces - (kind % 3 ? 2 : 0))]);
			}
			strbuf_addf(&sb, " mod%d%s", kind % 17, kind % 31 ? "\n" : "\r\n");
		}
		if (round % 2)
			sb.len--;  /* no newline at the end */
		random_modaliases(&seed, 12, mas_buf, mas);
		same_with_index(sb.buf, sb.len, mas);
		strbuf_release(&sb);
	}
}

static void put_le32(char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (char)(v >> (8 * i));
}

/*
 * A hostile index, with the file's identity: n records of an empty head (so every lookup takes them
 * all), each naming a different line but all the same 65535-byte text.  A genuine index never shares
 * a text between records, so the work of a lookup is bounded by the index's size; this one makes a
 * 2.4 MB index cost a lookup 100000 passes over 64 KiB (10 s here; 400000 records: 38 s), where the
 * scan of the real file reads 23 bytes.  It should be named malformed, and the file scanned.
 */
Test(aliasindex, records_sharing_a_text_are_malformed)
{
	const uint32_t n = 100000, tlen = LOOKUP_BLOCK - 1;
	size_t len, hlen;
	char *idx = file_and_index("alias vfio_pci:v* real\n", "", &hlen);
	size_t total = 64 + (size_t)n * 24 + tlen;
	char *bad = calloc(1, total);
	struct strbuf log = { 0 };
	struct alias_matches m;

	cr_assert_not_null(bad);
	memcpy(bad, idx, 64);
	free(idx);
	put_le32(bad + 12, n);
	put_le32(bad + 48, (uint32_t)(total - tlen));  /* heads: none */
	put_le32(bad + 52, 0);
	put_le32(bad + 56, (uint32_t)(total - tlen));
	put_le32(bad + 60, tlen);
	for (uint32_t i = 0; i < n; i++) {
		char *r = bad + 64 + (size_t)i * 24;
		put_le32(r + 8, i);      /* line */
		put_le32(r + 12, 0);     /* text offset: all the same */
		put_le32(r + 16, tlen);
	}
	char *t = bad + total - tlen;
	memset(t, 'a', tlen);
	memcpy(t, "alias *", 7);
	memcpy(t + tlen - 4, " mod", 4);
	len = total;
	write_text(index_file, bad, len);
	free(bad);
	ba_log_capture(&log);
	cr_assert_eq(alias_lookup(alias_file, NIC, true, &m), 0);
	ba_log_capture(NULL);
	cr_assert_not_null(log.buf);
	cr_assert_not_null(strstr(log.buf, "malformed index"), "a hostile index was used: %.300s", log.buf);
	cr_assert_eq(m.n, 1);
	cr_assert_str_eq(m.v[0].module, "real");
	alias_matches_release(&m);
	strbuf_release(&log);
}

/*
 * Where the index's name is a device (here a symbolic link to /dev/null; a FIFO blocks the writer
 * until someone reads it), write_file_atomic() writes into it in place, as gen -o /dev/stdout
 * wants: busalias index reports success, but no index was written, and every later lookup warns of
 * a malformed one.  The index must be a regular file put in place by rename, or an error.
 */
Test(aliasindex, index_name_of_a_device_is_not_success)
{
	struct strbuf log = { 0 };
	struct stat st;
	int r;

	write_text(alias_file, "alias vfio_pci:v* real\n", 23);
	cr_assert_eq(symlink("/dev/null", index_file), 0);
	ba_log_capture(&log);
	r = alias_index_write(alias_file);
	ba_log_capture(NULL);
	cr_assert(r < 0 || (stat(index_file, &st) == 0 && S_ISREG(st.st_mode)),
		  "busalias index succeeded (%d) but %s is no index", r, index_file);
	if (r < 0)
		cr_assert_not_null(log.buf, "the failure was not reported");
	strbuf_release(&log);
}

/*
 * Genuine indexes with random bytes overwritten (header fields, records, heads, texts; the identity
 * kept), each in an allocation of its exact size: every lookup stays within it (run under ASan,
 * tools/run-tests.sh) and either answers or names the index malformed, leaving the lookup untouched.
 */
Test(aliasindex, mutated_indexes_stay_in_bounds)
{
	static const char text[] = "alias vfio_pci:v* a\nalias vfio_pci:v00008086* b\nalias\tvfio_pci:* c\n"
				   "alias vfio_pci:v0000808? d\nalias * e\nalias v f\nalias vfio_pci:v00008086d* g\n"
				   "alias vfio_pci:[v]* h\nalias   vfio_pci:v00008086d000010D3sv* i\n";
	struct alias_file_id id = { .size = sizeof(text) - 1, .ino = 7, .mtime_ns = 1, .ctime_ns = 2 };
	const char *const mas[] = { NIC, "vfio_pci:v", "", "v", "vfio_pci:*", NULL };
	unsigned seed = 99;
	size_t len, used = 0, malformed = 0;
	char *idx;

	cr_assert_eq(alias_index_build(text, sizeof(text) - 1, &id, &idx, &len), 0);
	for (int round = 0; round < 20000; round++) {
		unsigned char *bad = malloc(len);
		memcpy(bad, idx, len);
		for (int k = 1 + rand_r(&seed) % 4; k > 0; k--) {
			size_t at = (size_t)rand_r(&seed) % len;
			/* keep the version (1 is stale, not malformed) and the identity */
			if ((at >= 8 && at < 12) || (at >= 16 && at < 48))
				at = 48 + (size_t)rand_r(&seed) % (len - 48);
			/* a byte, or a 32-bit field set to an edge value */
			static const uint32_t edges[] = { 0, 1, 8, 23, 24, 63, 64, 65535, 65536, 0x7fffffff, 0x80000000,
							  0xffffffe8, 0xfffffffe, 0xffffffff };
			if (rand_r(&seed) % 2 && at + 4 <= len)
				put_le32((char *)bad + (at & ~(size_t)3), edges[(size_t)rand_r(&seed) % 14]);
			else
				bad[at] = (unsigned char)rand_r(&seed);
		}
		const char *ma = mas[(size_t)round % 5];
		struct strbuf log = { 0 };
		struct alias_matches m;
		struct lookup lk;
		lookup_init(&lk, "modules.alias", ma, round % 2, &m);
		ba_log_capture(&log);
		int r = alias_index_lookup_mem(&lk, "idx", bad, len, &id);
		ba_log_capture(NULL);
		if (r == 0) {
			cr_assert_eq(m.n, 0);
			cr_assert(log.buf && strstr(log.buf, "malformed index"), "round %d: %s", round, log.buf);
			malformed++;
		} else {
			lookup_finish(&lk);
			used++;
		}
		alias_matches_release(&m);
		strbuf_release(&log);
		free(bad);
	}
	free(idx);
	cr_assert(used > 1000 && malformed > 1000, "%zu used, %zu malformed", used, malformed);
}

/* A modalias longer than the scan's buffer, and lines whose literal head is all of their first
 * LOOKUP_BLOCK bytes and starts it: the scan judges them by that much (the CLI refuses such a
 * modalias; the library does not). */
Test(aliasindex, head_as_long_as_the_buffer)
{
	static const size_t totals[] = { 65535, 65536, 65537, 65545 };
	static const char *const tails[] = { "", "\n", " m\n", "* m\n", "\nalias vfio_pci:v* after\n" };
	static const char *const starts[] = { "alias vfio_pci:", "alias\t \tvfio_pci:" };
	char *longma = malloc(70001), *text = malloc(70000 + 100);
	const char *mas[] = { longma, NULL };

	cr_assert(longma && text);
	memset(longma, 'v', 70000);
	memcpy(longma, "vfio_pci:", 9);
	longma[70000] = '\0';
	for (size_t t = 0; t < sizeof(totals) / sizeof(totals[0]); t++)
		for (size_t s = 0; s < 2; s++)
			for (size_t e = 0; e < sizeof(tails) / sizeof(tails[0]); e++)
				/* one byte that differs from the modalias: none, the last the buffer holds, the first past it */
				for (size_t mark = 0; mark <= LOOKUP_BLOCK; mark = mark ? mark + 1 : LOOKUP_BLOCK - 1) {
					size_t n = strlen(starts[s]), len = totals[t];
					memcpy(text, starts[s], n);
					memset(text + n, 'v', len - n);
					if (mark && mark < len)
						text[mark] = 'x';
					len += (size_t)sprintf(text + len, "%s", tails[e]);
					same_with_index(text, len, mas);
				}
	free(longma);
	free(text);
}
