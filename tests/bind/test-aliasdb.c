// SPDX-License-Identifier: LGPL-2.1-or-later
/* modules.alias matching, name validation and the pci/acpi device-name hooks. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "busalias.h"
#include "cmdline.h"

static char *write_aliases(const char *text)
{
	char tmpl[] = "/tmp/busalias-aliasdb.XXXXXX";
	int fd = mkstemp(tmpl);

	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return strdup(tmpl);
}

/* Best module for alias in text, or NULL. */
static char *best(const char *text, const char *alias)
{
	char *file = write_aliases(text), *r = NULL;
	struct alias_matches m;

	cr_assert_eq(alias_lookup(file, alias, false, &m), 0);
	if (m.n)
		r = strdup(m.v[0].module);
	alias_matches_release(&m);
	unlink(file);
	free(file);
	return r;
}

#define NIC "vfio_pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00"

Test(match, generic_vfio_pci_loses)
{
	char *m = best("alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci\n"
		       "alias vfio_pci:v00008086d000010D3sv*sd*bc*sc*i* e1000e_vfio\n",
		       NIC);
	cr_assert_str_eq(m, "e1000e_vfio");
	free(m);
	m = best("alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci\n", NIC);
	cr_assert_str_eq(m, "vfio_pci");
	free(m);
}

Test(match, nothing)
{
	char *m = best("alias pci:v00008086d000010D3sv*sd*bc*sc*i* e1000e\n", NIC);
	cr_assert_null(m);
	m = best("", NIC);
	cr_assert_null(m);
}

/* Lines whose literal head differs are passed over unread; every other line is still matched. */
Test(match, head_prefilter)
{
	struct strbuf sb = { 0 }, log = { 0 };
	struct alias_matches m;
	char *file;

	strbuf_adds(&sb, "alias usb:v8086p* usbthing\n"
			 "alias platform:x ");
	/* Malformed, but another bus's: skipped without a word (it could never match). */
	for (unsigned k = 0; k <= BA_MAX_MODULE_NAME; k++)
		strbuf_add(&sb, "m", 1);
	strbuf_adds(&sb, "\n"
			 "alias *:v00008086d* star_first\n"
			 "alias ?ci:v00008086d* query_first\n"
			 "alias [pq]ci:v00008086d* bracket_first\n"
			 "alias \\pci:v00008086d* escape_first\n"
			 "alias  \t pci:v00008086d* extra_blanks\n"
			 "alias pci:v00008087d* other_vendor\n"
			 "aliasx pci:v00008086d* not_a_line\n"
			 "alias pci:v00008086d000010D3* last_no_newline");
	file = write_aliases(sb.buf);
	strbuf_release(&sb);
	ba_log_capture(&log);
	cr_assert_eq(alias_lookup(file, "pci:v00008086d000010D3sv", true, &m), 0);
	ba_log_capture(NULL);
	cr_assert_eq(m.n, 6, "%zu matches", m.n);
	const char *want[] = { "last_no_newline", "escape_first", "extra_blanks", "query_first", "bracket_first",
			       "star_first" };
	for (size_t i = 0; i < m.n; i++)
		cr_expect_str_eq(m.v[i].module, want[i], "match %zu", i);
	cr_expect_null(log.buf, "%s", log.buf);
	alias_matches_release(&m);
	strbuf_release(&log);
	unlink(file);
	free(file);
}

/* The file is read in 64 KiB blocks: lines across a block's end, and lines longer than a block. */
Test(match, block_boundaries)
{
	struct strbuf sb = { 0 }, log = { 0 };
	struct alias_matches m;
	char *file, *want;
	size_t line = 0;

	/* 3,000 lines of ~45 bytes: block ends fall inside lines. */
	for (unsigned i = 0; i < 3000; i++, line++)
		strbuf_addf(&sb, "alias usb:v%04Xp*d*dc*dsc*dp*ic*isc*ip*in* m%u\n", i, i);
	strbuf_adds(&sb, "alias pci:v00008086d000010D3sv* first\n");
	line++;
	/* Longer than a block: another bus's (passed over), then one that could match (named). */
	strbuf_adds(&sb, "alias usb:");
	for (unsigned k = 0; k < 100000; k++)
		strbuf_add(&sb, "x", 1);
	strbuf_adds(&sb, " huge_other\nalias pci:v00008086");
	line++;
	for (unsigned k = 0; k < 100000; k++)
		strbuf_add(&sb, "*", 1);
	strbuf_adds(&sb, " huge\n");
	line++;
	strbuf_adds(&sb, "alias pci:v00008086d000010D3* last");  /* no newline at the end */
	line++;
	file = write_aliases(sb.buf);
	strbuf_release(&sb);
	ba_log_capture(&log);
	cr_assert_eq(alias_lookup(file, "pci:v00008086d000010D3sv00008086", true, &m), 0);
	ba_log_capture(NULL);
	cr_assert_eq(m.n, 2, "%zu matches", m.n);
	cr_expect_str_eq(m.v[0].module, "first");
	cr_expect_eq(m.v[0].line, 3001);
	cr_expect_str_eq(m.v[1].module, "last");
	cr_expect_eq(m.v[1].line, line);
	cr_assert_not_null(log.buf);
	want = xasprintf("%s:3003: line longer than %u bytes, line ignored\n", file, BA_MAX_ALIAS_LINE);
	cr_expect(strstr(log.buf, want) && !strstr(log.buf, ":3002:"), "%s", log.buf);
	free(want);
	alias_matches_release(&m);
	strbuf_release(&log);
	unlink(file);
	free(file);
}

Test(match, fnmatch_semantics)
{
	char *m;

	/* i30* style prefixes, ?, bracket classes, like modprobe's fnmatch(3). */
	m = best("alias i30* i30_any\n", "i3000_edac");
	cr_assert_str_eq(m, "i30_any");
	free(m);
	m = best("alias acpi*:PNP0A0[38]:* pci_root\n", "acpi:PNP0A08:PNP0A03:");
	cr_assert_str_eq(m, "pci_root");
	free(m);
	m = best("alias acpi*:PNP0A0[38]:* pci_root\n", "acpi:PNP0A05:");
	cr_assert_null(m);
	m = best("alias of:N*T*Cfoo?bar* foobar\n", "of:NxTyCfooXbar");
	cr_assert_str_eq(m, "foobar");
	free(m);
	/* Case matters, and a pattern must match the whole alias. */
	m = best("alias pci:v00008086d000010d3* lower\nalias pci:v00008086 short\n", "pci:v00008086d000010D3sv00");
	cr_assert_null(m);
	/* A backslash escapes. */
	m = best("alias a\\*b esc\n", "a*b");
	cr_assert_str_eq(m, "esc");
	free(m);
	m = best("alias a\\*b esc\n", "axb");
	cr_assert_null(m);
}

Test(match, ties)
{
	char *m;

	/* Same stars: more literal characters wins. */
	m = best("alias ab* two\nalias abc* three\nalias a*d two_too\n", "abcd");
	cr_assert_str_eq(m, "three");
	free(m);
	/* Full tie: the earlier line wins, whatever the module names. */
	m = best("alias x?z zzz\nalias x?z aaa\n", "xyz");
	cr_assert_str_eq(m, "zzz");
	free(m);
	/* Fewer stars beats more literals. */
	m = best("alias abc*def*ghi*jkl many\nalias a*l few_stars_no\nalias abc* one_star\n", "abcXdefYghiZjkl");
	cr_assert_str_eq(m, "one_star");
	free(m);
}

Test(match, all_lists_in_order)
{
	char *file = write_aliases("alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci\n"
				   "alias vfio_pci:v00008086d*sv*sd*bc*sc*i* b\n"
				   "alias vfio_pci:v00008086d000010D3sv*sd*bc*sc*i* a\n"
				   "garbage line\nalias\nalias onlypattern\n");
	struct alias_matches m;

	cr_assert_eq(alias_lookup(file, NIC, true, &m), 0);
	cr_assert_eq(m.n, 3);
	cr_assert_str_eq(m.v[0].module, "a");
	cr_assert_str_eq(m.v[1].module, "b");
	cr_assert_str_eq(m.v[2].module, "vfio_pci");
	cr_assert_eq(m.v[2].stars, 7);
	cr_assert_eq(m.v[0].line, 3);
	alias_matches_release(&m);
	unlink(file);
	free(file);
}

Test(match, missing_file)
{
	struct alias_matches m;

	cr_assert_eq(alias_lookup("/nonexistent/modules.alias", NIC, false, &m), -ENOENT);
	cr_assert_eq(alias_lookup("/", NIC, false, &m), -EINVAL);
}

/* 250,000 aliases: one lookup must stay well under a second. */
Test(match, big_file, .timeout = 30)
{
	struct strbuf sb = { 0 };
	struct alias_matches m;
	struct timespec a, b;
	char *file;

	for (unsigned i = 0; i < 250000; i++)
		strbuf_addf(&sb, "alias %s:v%08Xd%08Xsv*sd*bc*sc*i* mod%u\n", i % 3 ? "pci" : "vfio_pci", i, i * 7, i);
	strbuf_adds(&sb, "alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci\n");
	file = write_aliases(sb.buf);
	strbuf_release(&sb);
	clock_gettime(CLOCK_MONOTONIC, &a);
	cr_assert_eq(alias_lookup(file, "vfio_pci:v0003D08Fd001AB3E9sv0sd0bc00sc00i00", false, &m), 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	cr_assert_eq(m.n, 1);
	cr_assert_str_eq(m.v[0].module, "mod249999");
	alias_matches_release(&m);
	double ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
	cr_log_info("250k-alias lookup: %.1f ms", ms);
	cr_assert_lt(ms, 1000.0);
	unlink(file);
	free(file);
}

Test(names, valid_name)
{
	cr_assert(valid_name("vfio_pci", 255));
	cr_assert(valid_name("0000:01:00.0", 255));
	cr_assert_not(valid_name("", 255));
	cr_assert_not(valid_name(".", 255));
	cr_assert_not(valid_name("..", 255));
	cr_assert_not(valid_name("a/b", 255));
	cr_assert_not(valid_name("a\nb", 255));
	cr_assert_not(valid_name("a b", 255));
	cr_assert_not(valid_name("aaaa", 3));
}

static const struct busalias_plugin *plugin(struct plugin_set *set, const char *name)
{
	if (!set->n)
		cr_assert_eq(plugin_set_load_dir(set, TEST_PLUGIN_DIR, false), 0);
	for (size_t i = 0; i < set->n; i++)
		if (!strcmp(set->plugins[i].desc->name, name))
			return set->plugins[i].desc;
	cr_assert_fail("no plugin %s", name);
	return NULL;
}

Test(hooks, pci_parse_device)
{
	struct plugin_set set = { 0 };
	const struct busalias_plugin *p = plugin(&set, "pci");
	char out[64];
	static const char *const good[][2] = {
		{ "0000:01:00.0", "0000:01:00.0" }, { "01:00.0", "0000:01:00.0" }, { "1:0.7", "0000:01:00.7" },
		{ "ABCD:ef:1f.3", "abcd:ef:1f.3" }, { "10000:00:02.0", "10000:00:02.0" },
	};
	static const char *const bad[] = { "", "01:00", "01:00.8", "01:20.0", "0000:001:00.0", "x:01:00.0",
					   "0000:01:00.0/..", "../01:00.0", "01:00.0\n", "123456789:00:00.0" };

	cr_assert_not_null(p->bus);
	cr_assert_str_eq(p->bus->sysfs_bus, "pci");
	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		cr_assert_eq(p->bus->parse_device(good[i][0], out, sizeof(out)), 0, "%s", good[i][0]);
		cr_assert_str_eq(out, good[i][1]);
	}
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		cr_assert_lt(p->bus->parse_device(bad[i], out, sizeof(out)), 0, "%s", bad[i]);
	plugin_set_free(&set);
}

Test(hooks, acpi_parse_device)
{
	struct plugin_set set = { 0 };
	const struct busalias_plugin *p = plugin(&set, "acpi");
	char out[64];

	cr_assert_not_null(p->bus->physical_node);
	cr_assert_eq(p->bus->parse_device("PNP0501:00", out, sizeof(out)), 0);
	cr_assert_eq(p->bus->parse_device("AMDI0010:01", out, sizeof(out)), 0);
	cr_assert_lt(p->bus->parse_device("../x:00", out, sizeof(out)), 0);
	cr_assert_lt(p->bus->parse_device("PNP0501", out, sizeof(out)), 0);
	cr_assert_lt(p->bus->parse_device("pnp0501:00", out, sizeof(out)), 0);
	cr_assert_lt(p->bus->parse_device("PNP0501:0/", out, sizeof(out)), 0);
	plugin_set_free(&set);
}

/* Lines past BA_MAX_ALIAS_LINE and module names past BA_MAX_MODULE_NAME: named, counted, skipped. */
Test(match, line_bounds)
{
	struct strbuf sb = { 0 }, log = { 0 };
	struct alias_matches m;
	char *file;

	for (unsigned i = 0; i < 5; i++) {
		strbuf_adds(&sb, "alias vfio_pci:");
		for (unsigned k = 0; k < BA_MAX_ALIAS_LINE; k++)
			strbuf_add(&sb, "*", 1);
		strbuf_adds(&sb, " toolong\n");
	}
	strbuf_adds(&sb, "alias vfio_pci:* ");
	for (unsigned k = 0; k <= BA_MAX_MODULE_NAME; k++)
		strbuf_add(&sb, "m", 1);
	strbuf_adds(&sb, "\n");
	/* Within the bound, however long a pattern is, it is matched (was: silently skipped past 1023 bytes). */
	strbuf_adds(&sb, "alias vfio_pci:v00008086");
	for (unsigned k = 0; k < 2000; k++)
		strbuf_add(&sb, "?", 1);
	strbuf_adds(&sb, "* longpattern\n");
	strbuf_adds(&sb, "alias vfio_pci:v00008086* after\n");
	file = write_aliases(sb.buf);
	strbuf_release(&sb);

	char nic[2100] = "vfio_pci:v00008086";
	memset(nic + strlen(nic), 'x', 2000);
	ba_log_capture(&log);
	cr_assert_eq(alias_lookup(file, nic, true, &m), 0);
	ba_log_capture(NULL);
	cr_assert_eq(m.n, 2, "%zu matches, first %s", m.n, m.n ? m.v[0].module : "-");
	cr_expect_str_eq(m.v[0].module, "longpattern");
	cr_expect_str_eq(m.v[1].module, "after");
	alias_matches_release(&m);
	cr_assert_not_null(log.buf);
	char *want1 = xasprintf("%s:1: line longer than %u bytes, line ignored", file, BA_MAX_ALIAS_LINE);
	char *want2 = xasprintf("%s: 3 more malformed lines ignored", file);
	cr_expect(strstr(log.buf, want1), "%s", log.buf);
	cr_expect(strstr(log.buf, want2), "%s", log.buf);
	cr_expect(!strstr(log.buf, ":4: "), "only the first three lines are named: %s", log.buf);
	free(want1);
	free(want2);
	strbuf_release(&log);
	unlink(file);
	free(file);
}

/*
 * The block scan passes over a line after a look at its first bytes: each line of a file whose
 * line lengths walk through every offset of a 64-byte block, with odd lines among them, is
 * matched as an independent fnmatch() over every "alias PATTERN MODULE" line finds, at its line
 * number; modaliases shorter than the 16 bytes compared at once included.
 */
Test(match, block_scan_equals_every_line)
{
	static const char *const odd[] = {
		"", "#", "alias", "alias p", "alias\tpci:v00008086* tab", "alias  p* two_blanks", "x",
		"alias [p]* bracket", "alias ?l* query", "alias *x* star", "alias p\\l* escape",
		"alias platform:gpio_exar cr\r", "alias pl crlf\r",
	};
	static const char *const modaliases[] = { "p", "pl", "platform:gpio_exar", "x", "pci:v00008086d000010D3sv0",
						  "platform:gpio_exarx", "usb:v1D6Bp0002" };
	struct strbuf sb = { 0 };
	const char *patterns[] = { "p*", "pl*", "platform:gpio_exar", "platform:gpio_ex*", "pci:v00008086*", "usb:v1D6B*",
				   "pci:v0000808?d*", "x", "platform:gpio_exarx" };
	size_t n_lines = 0;

	for (unsigned i = 0; i < 2000; i++, n_lines++) {
		if (i % 7 == 3) {
			strbuf_adds(&sb, odd[i / 7 % ARRAY_SIZE(odd)]);
		} else {
			/* Lengths 8..140: every offset within a block is a line start somewhere. */
			strbuf_addf(&sb, "alias %s", patterns[i % ARRAY_SIZE(patterns)]);
			for (unsigned k = 0; k < i % 97; k++)
				strbuf_add(&sb, "*", 1);
			strbuf_addf(&sb, " m%u", i);
		}
		strbuf_adds(&sb, "\n");
	}
	for (size_t a = 0; a < ARRAY_SIZE(modaliases); a++) {
		struct alias_matches m;
		struct strbuf log = { 0 };
		size_t want = 0, line = 0;

		ba_log_capture(&log);
		cr_assert_eq(alias_lookup_buffer("scan", sb.buf, sb.len, modaliases[a], true, &m), 0);
		ba_log_capture(NULL);
		/* The oracle: every line, split by blanks as modprobe does. */
		for (const char *p = sb.buf, *eol; p < sb.buf + sb.len; p = eol + 1, line++) {
			char l[512], pat[512], mod[64];
			eol = strchr(p, '\n');
			snprintf(l, sizeof(l), "%.*s", (int)(eol - p), p);
			if (sscanf(l, "alias %511[^ \t] %63[^ \t\r]", pat, mod) != 2 || strncmp(p, "alias", 5) ||
			    (p[5] != ' ' && p[5] != '\t') || fnmatch(pat, modaliases[a], 0))
				continue;
			bool found = false;
			for (size_t i = 0; i < m.n; i++)
				found |= m.v[i].line == line + 1 && !strcmp(m.v[i].module, mod);
			cr_expect(found, "%s: line %zu (%s %s) not matched", modaliases[a], line + 1, pat, mod);
			want++;
		}
		cr_expect_eq(m.n, want, "%s: %zu matches, the oracle finds %zu", modaliases[a], m.n, want);
		cr_expect_null(log.buf, "%s", log.buf);
		alias_matches_release(&m);
		strbuf_release(&log);
	}
	strbuf_release(&sb);
}

/* A NUL right where a short modalias ends is still a NUL in a line that could match: named. */
Test(match, block_scan_nul_after_short_modalias)
{
	struct strbuf sb = { 0 }, log = { 0 };
	struct alias_matches m;

	for (unsigned i = 0; i < 10; i++)
		strbuf_adds(&sb, "alias usb:v1D6Bp0002d0515dc09dsc00dp03ic09isc00ip00in00 filler\n");
	strbuf_add(&sb, "alias p\0ci:* nul\n", 17);
	for (unsigned i = 0; i < 10; i++)
		strbuf_adds(&sb, "alias usb:v1D6Bp0002d0515dc09dsc00dp03ic09isc00ip00in00 filler\n");
	ba_log_capture(&log);
	cr_assert_eq(alias_lookup_buffer("nul.alias", sb.buf, sb.len, "p", true, &m), 0);
	ba_log_capture(NULL);
	cr_expect_eq(m.n, 0);
	cr_assert_not_null(log.buf);
	cr_expect(strstr(log.buf, "nul.alias:11: NUL byte, line ignored"), "%s", log.buf);
	alias_matches_release(&m);
	strbuf_release(&log);
	strbuf_release(&sb);
}
