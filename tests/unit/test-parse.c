// SPDX-License-Identifier: LGPL-2.1-or-later
/* Symbol names, kernel versions, layout choice, alias dedupe, configuration. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

#include "unit.h"

TestSuite(symname, .fini = unit_leak_check);
TestSuite(kversion, .fini = unit_leak_check);
TestSuite(choose_layout, .fini = unit_leak_check);
TestSuite(alias_list, .fini = unit_leak_check);
TestSuite(config, .fini = unit_leak_check);

static void expect_sym(const char *sym, const char *type, const char *id)
{
	struct table_symbol ts;

	cr_assert(table_symbol_parse(sym, &ts), "%s not recognised", sym);
	cr_expect_eq(ts.type_len, strlen(type), "%s: type length %zu", sym, ts.type_len);
	cr_expect_eq(strncmp(ts.type, type, ts.type_len), 0, "%s: type %.*s", sym, (int)ts.type_len, ts.type);
	cr_expect_eq(ts.id_len, strlen(id), "%s: id length %zu", sym, ts.id_len);
	cr_expect_eq(strncmp(ts.id, id, ts.id_len), 0, "%s: id %.*s", sym, (int)ts.id_len, ts.id);
}

Test(symname, three_forms)
{
	/* up to 6.12 */
	expect_sym("__mod_pci__e1000_pci_tbl_device_table", "pci", "e1000_pci_tbl");
	expect_sym("__mod_acpi__x_device_table", "acpi", "x");
	/* 6.13 - 6.17 */
	expect_sym("__mod_device_table__pci__e1000_pci_tbl", "pci", "e1000_pci_tbl");
	expect_sym("__mod_device_table__platform__ids", "platform", "ids");
	/* 6.18 on */
	expect_sym("__mod_device_table__kmod_e1000__pci__e1000_pci_tbl", "pci", "e1000_pci_tbl");
	expect_sym("__mod_device_table__kmod_snd_hda_intel__pci__azx_ids", "pci", "azx_ids");
}

Test(symname, up_to_3_14_and_rust)
{
	/* up to 3.14: __mod_<type>_device_table, one per type, no id */
	expect_sym("__mod_pci_device_table", "pci", "");
	expect_sym("__mod_pnp_card_device_table", "pnp_card", "");
	expect_sym("__mod_mhi_ep_device_table", "mhi_ep", "");
	/* Rust, 6.18 on: the source line first */
	expect_sym("__mod_device_table__42__kmod_nova_core__pci__ids", "pci", "ids");
	expect_sym("__mod_device_table__7__kmod_m__of__a__b", "of", "a__b");
}

Test(symname, ids_with_double_underscores)
{
	expect_sym("__mod_pci__foo__bar_device_table", "pci", "foo__bar");
	expect_sym("__mod_device_table__usb__a__b", "usb", "a__b");
	expect_sym("__mod_device_table__kmod_m__of__a__b", "of", "a__b");
}

Test(symname, near_misses)
{
	static const char *const bad[] = {
		"",
		"_mod_pci__x_device_table",
		"__mod_",
		"__mod_pci__x_device_tablex",
		"__mod_pci__x_device_tabl",
		"__mod___x_device_table",          /* empty type */
		"__mod_pci___device_table",        /* empty id */
		"__mod_device_table",
		"__mod_device_table__",
		"__mod_device_table__pci",
		"__mod_device_table__pci__",
		"__mod_device_table____x",
		"__mod_device_table__kmod___pci__x", /* empty module name */
		"__mod_device_table__kmod_e1000__pci",
		"__mod_device_table__kmod_e1000",
		"__mod_device_table__kmod_e1000__",
		"__mod_author12",
		"__MOD_pci__x_device_table",
		"init_module",
	};
	struct table_symbol ts;

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		cr_expect_not(table_symbol_parse(bad[i], &ts), "'%s' wrongly recognised", bad[i]);
}

Test(kversion, parse)
{
	cr_expect_eq(kversion_parse("6.1.0-13-amd64 SMP preempt mod_unload modversions "), BA_KVER(6, 1, 0));
	cr_expect_eq(kversion_parse("6.1.0-13-amd64 SMP preempt mod_unload modversions "), 0x060100);
	cr_expect_eq(kversion_parse("5.15.0"), 0x050f00);
	cr_expect_eq(kversion_parse("5.14.21-150400.24.46-default SMP"), 0x050e15);
	cr_expect_eq(kversion_parse("4.19.300 SMP"), 0x0413ff, "sublevel clamps to 255");
	cr_expect_eq(kversion_parse("6.18-rc1 SMP"), 0x061200);
	cr_expect_eq(kversion_parse("3.10"), 0x030a00);
	cr_expect_eq(kversion_parse("6.1.x"), 0x060100);
	cr_expect_eq(kversion_parse("2.6.32-754.el6.x86_64 SMP"), 0x020620);
}

Test(kversion, unparsable)
{
	static const char *const bad[] = { "", "6", "6.", ".1.0", "abc", "0.1.0", "256.1.0", "6.256.0", "v6.1.0",
					   " 6.1.0", "6-1-0", "99999999999.1" };

	cr_expect_eq(kversion_parse(NULL), 0);
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		cr_expect_eq(kversion_parse(bad[i]), 0, "'%s' parsed as %#x", bad[i], kversion_parse(bad[i]));
}

/* The chosen layout of a table, as "entry size, size of the first member" (acpi: its id's length). */
struct chosen {
	uint32_t size, first;
};

static struct chosen choose(const char *type, uint32_t kver, const struct mkm_target *mt, uint64_t size, bool *ambiguous)
{
	const struct ba_table_type *tt = unit_table(type);
	struct ba_target t = { .elfclass = (uint8_t)mt->elfclass, .big_endian = mt->big_endian, .machine = mt->machine };
	int err = 0;
	struct placed_layout *pl = choose_layout(tt, kver, &t, NULL, size, ambiguous, &err);
	struct chosen c;

	cr_assert_not_null(pl, "choose_layout: %d", err);
	c = (struct chosen){ pl->size, pl->fields[0].size };
	free(pl);
	return c;
}

#define expect_layout(c, size_, first_) \
	cr_expect((c).size == (size_) && (c).first == (first_), "layout of %u bytes (first member %u), expected %u (%u)", \
		  (c).size, (c).first, (size_), (first_))

Test(choose_layout, by_vermagic)
{
	bool amb;

	expect_layout(choose("pci", BA_KVER(5, 14, 21), &T_X86_64, 40, &amb), 32, 4);
	cr_expect_not(amb);
	expect_layout(choose("pci", BA_KVER(5, 15, 0), &T_X86_64, 32, &amb), 40, 4);
	expect_layout(choose("pci", BA_KVER(6, 1, 0), &T_PPC, 7, &amb), 32, 4);
	expect_layout(choose("pci", BA_KVER(2, 6, 32), &T_PPC, 28, &amb), 28, 4);
	expect_layout(choose("acpi", BA_KVER(5, 17, 255), &T_M68K, 22, &amb), 22, 9);
	expect_layout(choose("acpi", BA_KVER(5, 18, 0), &T_M68K, 28, &amb), 28, 16);
	/* before 4.2 no class match; before 3.9 a 16-byte id */
	expect_layout(choose("acpi", BA_KVER(4, 1, 0), &T_X86_64, 24, &amb), 24, 9);
	expect_layout(choose("acpi", BA_KVER(3, 8, 0), &T_I386, 20, &amb), 20, 16);
	cr_expect_not(amb);
}

Test(choose_layout, by_size_unambiguous)
{
	bool amb;

	/* 6 x 40 = 240 is no multiple of 32 */
	expect_layout(choose("pci", 0, &T_X86_64, 240, &amb), 40, 4);
	cr_expect_not(amb);
	/* 7 x 32 = 224 is no multiple of 40 */
	expect_layout(choose("pci", 0, &T_X86_64, 224, &amb), 32, 4);
	cr_expect_not(amb);
	/* ILP32: 28 vs 32 */
	expect_layout(choose("pci", 0, &T_PPC, 5 * 28, &amb), 28, 4);
	cr_expect_not(amb);
	expect_layout(choose("pci", 0, &T_PPC, 5 * 32, &amb), 32, 4);
	cr_expect_not(amb);
	/* m68k acpi: 22 (4.2-5.17) fits, none of 14, 20 (older) or 28 (5.18+) does */
	expect_layout(choose("acpi", 0, &T_M68K, 3 * 22, &amb), 22, 9);
	cr_expect_not(amb);
	/* LP64 acpi 5.18+ and 4.2-5.17: both 32 bytes, fields at the same offsets: newest, not ambiguous */
	expect_layout(choose("acpi", 0, &T_X86_64, 5 * 32, &amb), 32, 16);
	cr_expect_not(amb);
}

Test(choose_layout, by_size_ambiguous)
{
	bool amb;

	/* 160 = 5 x 32 = 4 x 40 */
	expect_layout(choose("pci", 0, &T_X86_64, 160, &amb), 40, 4);
	cr_expect(amb);
	/* 224 = 8 x 28 = 7 x 32 */
	expect_layout(choose("pci", 0, &T_MIPS, 224, &amb), 32, 4);
	cr_expect(amb);
	/* 168 = 7 x 24 = 6 x 28 */
	expect_layout(choose("acpi", 0, &T_I386, 168, &amb), 28, 16);
	cr_expect(amb);
	/* LP64 acpi: 96 = 3 x 32 = 4 x 24, and the 24-byte structs (before 4.2) have no class fields */
	expect_layout(choose("acpi", 0, &T_X86_64, 3 * 32, &amb), 32, 16);
	cr_expect(amb);
	/* fits nothing: newest, not flagged (the size check reports it) */
	expect_layout(choose("pci", 0, &T_X86_64, 33, &amb), 40, 4);
	cr_expect_not(amb);
}

Test(alias_list, dedupe)
{
	struct alias_list l = { 0 };
	char buf[64];

	cr_expect(alias_list_add(&l, "pci:v00008086d*sv*sd*bc*sc*i*", "pci"));
	cr_expect(alias_list_add(&l, "platform:foo", "platform"));
	cr_expect_not(alias_list_add(&l, "pci:v00008086d*sv*sd*bc*sc*i*", "pci"));
	cr_expect_not(alias_list_add(&l, "platform:foo", "pci"));
	cr_expect(alias_list_add(&l, "platform:Foo", "platform"));
	cr_assert_eq(l.n, 3);
	cr_expect_str_eq(l.alias[0], "pci:v00008086d*sv*sd*bc*sc*i*");
	cr_expect_str_eq(l.alias[1], "platform:foo");
	cr_expect_str_eq(l.alias[2], "platform:Foo");
	/* enough to force several rehashes; order of first appearance is kept */
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 1000; i++) {
			snprintf(buf, sizeof(buf), "platform:dev%d", i);
			cr_expect_eq(alias_list_add(&l, buf, "platform"), round == 0);
		}
	cr_assert_eq(l.n, 1003);
	cr_expect_str_eq(l.alias[3], "platform:dev0");
	cr_expect_str_eq(l.alias[1002], "platform:dev999");
	alias_list_release(&l);
	cr_expect_eq(l.n, 0);
}

static char *write_conf(const char *name, const char *text)
{
	char *path = unit_path(name);
	FILE *f = fopen(path, "w");

	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

Test(config, good_file)
{
	struct ba_config c;
	char *p = write_conf("good.conf", "# comment\n[core]\nplugin_dir = /opt/ba/plugins\n"
					  "[modules]\nkernel = 6.1.0-13-amd64\nbasedir = /srv/root\n"
					  "[output]\nquiet = yes\n");

	config_init(&c);
	cr_assert_eq(config_load(&c, p), 0);
	cr_expect_str_eq(c.plugin_dir, "/opt/ba/plugins");
	cr_expect_str_eq(c.kernel, "6.1.0-13-amd64");
	cr_expect_str_eq(c.basedir, "/srv/root");
	cr_expect(c.quiet);
	config_release(&c);
	free(p);
}

Test(config, bad_lines_reported_as_file_line)
{
	struct ba_config c;
	char *p = write_conf("bad.conf", "[core]\n"                      /* 1 */
					 "plugin_dir = relative/dir\n"   /* 2: not absolute */
					 "\n"                            /* 3 */
					 "[modules]\n"                   /* 4 */
					 "colour = blue\n"               /* 5: unknown key */
					 "[output]\n"                    /* 6 */
					 "quiet = maybe\n");             /* 7: bad boolean */

	config_init(&c);
	stderr_capture_begin();
	int r = config_load(&c, p);
	char *err = stderr_capture_end();
	cr_expect_eq(r, -EINVAL);
	char *l2 = xasprintf("%s:2: [core] plugin_dir", p), *l5 = xasprintf("%s:5: unknown key 'colour'", p),
	     *l7 = xasprintf("%s:7: [output] quiet", p);
	cr_expect_not_null(strstr(err, l2), "no %s in: %s", l2, err);
	cr_expect_not_null(strstr(err, l5), "no %s in: %s", l5, err);
	cr_expect_not_null(strstr(err, l7), "no %s in: %s", l7, err);
	free(l2), free(l5), free(l7), free(err), free(p);
	config_release(&c);
}

Test(config, syntax_error_line)
{
	struct ba_config c;
	char *p = write_conf("syntax.conf", "[core]\n# fine\n[modules\nkernel = 6.1.0\n");

	config_init(&c);
	stderr_capture_begin();
	int r = config_load(&c, p);
	char *err = stderr_capture_end();
	cr_expect_eq(r, -EINVAL);
	char *want = xasprintf("%s:3:", p);
	cr_expect_not_null(strstr(err, want), "no %s in: %s", want, err);
	free(want), free(err), free(p);
	config_release(&c);
}

Test(config, missing_file)
{
	struct ba_config c;
	char *p = unit_path("does-not-exist.conf");

	config_init(&c);
	cr_expect_eq(config_load(&c, p), -ENOENT);
	config_release(&c);
	free(p);
}

/* A directory opens but cannot be read: an error, not an empty configuration. */
Test(config, unreadable_stream)
{
	struct ba_config c;

	config_init(&c);
	stderr_capture_begin();
	int r = config_load(&c, unit_tmpdir());
	char *err = stderr_capture_end();
	cr_expect_eq(r, -EINVAL);
	cr_expect_not_null(strstr(err, ": cannot read: Is a directory"), "%s", err);
	free(err);
	config_release(&c);
}

TestSuite(files, .fini = unit_leak_check);

Test(files, module_filename_and_compression)
{
	static const char *const yes[] = { "e1000.ko", "a.ko.gz", "a.ko.xz", "a.ko.zst", "x-y_z.ko" };
	static const char *const no[] = { ".ko", "ko", "a.o", "a.ko.bz2", "a.ko.txt", "a.KO", "a.ko.", "a.kogz", "" };

	for (size_t i = 0; i < ARRAY_SIZE(yes); i++)
		cr_expect(module_filename(yes[i]), "%s not taken for a module", yes[i]);
	for (size_t i = 0; i < ARRAY_SIZE(no); i++)
		cr_expect_not(module_filename(no[i]), "%s taken for a module", no[i]);
	cr_expect_eq(compression_of("/lib/modules/x/a.ko"), COMP_NONE);
	cr_expect_eq(compression_of("a.ko.gz"), COMP_GZIP);
	cr_expect_eq(compression_of("a.ko.xz"), COMP_XZ);
	cr_expect_eq(compression_of("a.ko.zst"), COMP_ZSTD);
}

Test(files, decompress_bad_data)
{
	static const uint8_t garbage[] = "this is not compressed at all";
	/* a gzip header that stops short */
	static const uint8_t gz_head[] = { 0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 3 };
	static const uint8_t xz_head[] = { 0xfd, '7', 'z', 'X', 'Z', 0 };
	static const uint8_t zst_head[] = { 0x28, 0xb5, 0x2f, 0xfd };
	const struct {
		enum compression c;
		const uint8_t *p;
		size_t n;
	} cases[] = {
		{ COMP_GZIP, garbage, sizeof(garbage) }, { COMP_XZ, garbage, sizeof(garbage) },
		{ COMP_ZSTD, garbage, sizeof(garbage) }, { COMP_GZIP, gz_head, sizeof(gz_head) },
		{ COMP_XZ, xz_head, sizeof(xz_head) },   { COMP_ZSTD, zst_head, sizeof(zst_head) },
		{ COMP_GZIP, garbage, 0 },              { COMP_ZSTD, garbage, 0 },
		{ COMP_NONE, garbage, sizeof(garbage) },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		void *out = NULL;
		size_t len = 0;
		const char *why = NULL;
		int r = decompress(cases[i].c, cases[i].p, cases[i].n, &out, &len, &why);
		cr_expect_lt(r, 0, "case %zu accepted", i);
		cr_expect_not_null(why, "case %zu: no reason given", i);
		free(out);
	}
}

Test(files, json_strings)
{
	struct strbuf sb = { 0 };

	strbuf_add_json_string(&sb, "plain");
	strbuf_add_json_string(&sb, "q\"b\\s/\n\t\x01\x1f~");
	strbuf_add_json_string(&sb, "");
	cr_expect_str_eq(sb.buf, "\"plain\"\"q\\\"b\\\\s/\\u000a\\u0009\\u0001\\u001f~\"\"\"");
	strbuf_release(&sb);
}

/* ---- write_file_atomic(): the one atomic write of gen -o, plugins.index and the persisted overrides ---- */

TestSuite(atomic_write, .fini = unit_leak_check);

/* Entries of dir but "." and "..", each name with a trailing '\n'. */
static void list_dir_names(const char *dir, char *out, size_t len)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	cr_assert(d);
	out[0] = '\0';
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			snprintf(out + strlen(out), len - strlen(out), "%s\n", de->d_name);
	closedir(d);
}

Test(atomic_write, content_mode_and_no_leftover)
{
	char *dir = unit_path("atomic"), *path, *sub, names[512], buf[64] = "";
	struct stat st;
	FILE *f;

	cr_assert_eq(mkdir(dir, 0755), 0);
	cr_assert_neq(asprintf(&path, "%s/pci:0000:01:00.0", dir), -1);
	cr_assert_eq(write_file_atomic(path, "driver = x\n", 11), 0);
	cr_assert_eq(write_file_atomic(path, "driver = vfio-pci\n", 18), 0);
	f = fopen(path, "r");
	cr_assert(f);
	cr_assert_eq(fread(buf, 1, sizeof(buf) - 1, f), 18);
	fclose(f);
	cr_assert_str_eq(buf, "driver = vfio-pci\n");
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0644);
	list_dir_names(dir, names, sizeof(names));
	cr_assert_str_eq(names, "pci:0000:01:00.0\n");

	/* A rename that fails (a directory is in the way) leaves no temporary file, hidden or not. */
	cr_assert_neq(asprintf(&sub, "%s/busy", dir), -1);
	cr_assert_eq(mkdir(sub, 0755), 0);
	cr_assert_eq(write_file_atomic(sub, "x", 1), -EISDIR);
	list_dir_names(dir, names, sizeof(names));
	cr_assert(!strcmp(names, "pci:0000:01:00.0\nbusy\n") || !strcmp(names, "busy\npci:0000:01:00.0\n"), "%s", names);
	free(sub);
	free(path);
	free(dir);
}
