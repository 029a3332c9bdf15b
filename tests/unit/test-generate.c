// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Whole modules through generate_module(): fixtures written with libelf for
 * several ABIs, and tables that are broken in the ways the kernel never
 * produces but a corrupt or hostile file can.
 */
#include <sys/wait.h>

#include <criterion/criterion.h>

#include "unit.h"

TestSuite(generate, .fini = unit_leak_check);

#define ANY 0xffffffffu
#define VERMAGIC_61 "6.1.0-13-amd64 SMP preempt mod_unload modversions "

struct fixture {
	struct mkm_spec spec;
	struct mkm_section sec[4];
	struct mkm_sym sym[8];
	struct mkm_buf data;
};

/* One .rodata section holding `data`, one table symbol covering [value, value+size). */
static void fixture_init(struct fixture *f, const struct mkm_target *t, const char *vermagic)
{
	memset(f, 0, sizeof(*f));
	f->spec.target = *t;
	f->spec.modname = "unit_mod";
	f->spec.vermagic = vermagic;
	f->spec.sections = f->sec;
	f->spec.syms = f->sym;
}

static void fixture_section(struct fixture *f, const char *name, uint32_t type, const void *data, size_t size)
{
	f->sec[f->spec.n_sections++] = (struct mkm_section){ .name = name, .type = type, .data = data, .size = size,
							     .align = 8 };
}

static void fixture_sym(struct fixture *f, const char *name, int section, uint64_t value, uint64_t size, bool local,
			bool xindex)
{
	f->sym[f->spec.n_syms++] = (struct mkm_sym){ .name = name, .section = section, .value = value, .size = size,
						     .local = local, .xindex = xindex };
}

struct run {
	int ret;
	struct gen_result res;
	char *err;
};

static void run_fixture(struct fixture *f, const char *file, struct run *out)
{
	char *path = unit_path(file);

	cr_assert_eq(mkm_write(path, &f->spec), 0, "cannot write fixture %s", path);
	stderr_capture_begin();
	out->ret = generate_module(unit_plugins(), path, &out->res);
	out->err = stderr_capture_end();
	free(path);
}

static void run_release(struct run *r)
{
	gen_result_release(&r->res);
	free(r->err);
}

static void expect_aliases(const struct run *r, const char *const *want, size_t n)
{
	cr_expect_eq(r->res.aliases.n, n, "got %zu aliases, expected %zu", r->res.aliases.n, n);
	for (size_t i = 0; i < n && i < r->res.aliases.n; i++)
		cr_expect_str_eq(r->res.aliases.alias[i], want[i]);
}

static void expect_err(const struct run *r, const char *part)
{
	cr_expect_not_null(strstr(r->err, part), "stderr lacks '%s': %s", part, r->err);
}

/* A pci table: four distinct entries, one repeated, plus the terminator. */
static size_t pci_table(struct mkm_buf *b, const struct mkm_target *t, bool v2)
{
	mkm_pci_id(b, t, v2, 0x8086, 0x100e, ANY, ANY, 0, 0, 0, 0);
	mkm_pci_id(b, t, v2, 0x15b3, 0x1021, ANY, ANY, 0, 0, 0, 1);
	mkm_pci_id(b, t, v2, ANY, ANY, ANY, ANY, 0x0c0330, 0xffffff, 0, 0);
	mkm_pci_id(b, t, v2, 0x8086, 0x100e, ANY, ANY, 0, 0, 99, 0);
	return mkm_pci_id(b, t, v2, 0, 0, 0, 0, 0, 0, 0, 0);
}

static const char *const pci_want[] = {
	"pci:v00008086d0000100Esv*sd*bc*sc*i*",
	"vfio_pci:v000015B3d00001021sv*sd*bc*sc*i*",
	"pci:v*d*sv*sd*bc0Csc03i30*",
};

static void abi_case(const struct mkm_target *t, const char *vermagic, const char *file)
{
	struct fixture f;
	struct run r;

	fixture_init(&f, t, vermagic);
	pci_table(&f.data, t, true);
	fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
	fixture_sym(&f, "__mod_pci__ids_device_table", 0, 0, f.data.len, false, false);
	run_fixture(&f, file, &r);
	cr_expect_eq(r.ret, 0);
	cr_expect_eq(r.res.warnings, 0, "warnings: %s", r.err);
	cr_expect_str_eq(r.res.name, "unit_mod");
	expect_aliases(&r, pci_want, 3);
	run_release(&r);
	mkm_buf_free(&f.data);
}

Test(generate, abi_x86_64_le) { abi_case(&T_X86_64, VERMAGIC_61, "x86_64.ko"); }
Test(generate, abi_ppc32_be) { abi_case(&T_PPC, VERMAGIC_61, "ppc.ko"); }
Test(generate, abi_mips32_be) { abi_case(&T_MIPS, VERMAGIC_61, "mips.ko"); }
Test(generate, abi_m68k) { abi_case(&T_M68K, VERMAGIC_61, "m68k.ko"); }
Test(generate, abi_s390x_be) { abi_case(&T_S390X, VERMAGIC_61, "s390x.ko"); }
Test(generate, abi_i386_no_vermagic) { abi_case(&T_I386, NULL, "i386.ko"); }
Test(generate, abi_arm_no_vermagic) { abi_case(&T_ARM, NULL, "arm.ko"); }

Test(generate, all_symbol_forms_local_and_global)
{
	struct fixture f;
	struct run r;
	struct mkm_buf a = { 0 }, b = { 0 }, c = { 0 };

	fixture_init(&f, &T_PPC, VERMAGIC_61);
	mkm_platform_id(&a, &T_PPC, "old-form", 0);
	mkm_platform_id(&a, &T_PPC, "", 0);
	mkm_platform_id(&b, &T_PPC, "new-form", 0);
	mkm_platform_id(&b, &T_PPC, "", 0);
	mkm_platform_id(&c, &T_PPC, "kmod-form", 0);
	mkm_platform_id(&c, &T_PPC, "", 0);
	fixture_section(&f, ".rodata.a", SHT_PROGBITS, a.p, a.len);
	fixture_section(&f, ".rodata.b", SHT_PROGBITS, b.p, b.len);
	fixture_section(&f, ".rodata.c", SHT_PROGBITS, c.p, c.len);
	fixture_sym(&f, "__mod_platform__a_device_table", 0, 0, a.len, false, false);
	fixture_sym(&f, "__mod_device_table__platform__b", 1, 0, b.len, true, false);
	fixture_sym(&f, "__mod_device_table__kmod_unit_mod__platform__c", 2, 0, c.len, true, false);
	run_fixture(&f, "forms.ko", &r);
	cr_expect_eq(r.res.warnings, 0);
	/* locals come first in a symtab */
	static const char *const want[] = { "platform:new-form", "platform:kmod-form", "platform:old-form" };
	expect_aliases(&r, want, 3);
	run_release(&r);
	mkm_buf_free(&a), mkm_buf_free(&b), mkm_buf_free(&c);
}

Test(generate, module_name_from_file_name)
{
	struct fixture f;
	struct run r;

	fixture_init(&f, &T_X86_64, VERMAGIC_61);
	f.spec.modname = NULL;
	pci_table(&f.data, &T_X86_64, true);
	fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
	fixture_sym(&f, "__mod_pci__ids_device_table", 0, 0, f.data.len, false, false);
	run_fixture(&f, "my-drv-name.ko", &r);
	cr_expect_str_eq(r.res.name, "my_drv_name");
	cr_expect_eq(r.res.kver, BA_KVER(6, 1, 0));
	run_release(&r);
	mkm_buf_free(&f.data);
}

Test(generate, size_not_a_multiple)
{
	struct fixture f;
	struct run r;
	struct mkm_buf p = { 0 };

	fixture_init(&f, &T_X86_64, VERMAGIC_61);
	pci_table(&f.data, &T_X86_64, true);
	mkm_buf_zero(&f.data, 8);
	mkm_platform_id(&p, &T_X86_64, "still-here", 0);
	mkm_platform_id(&p, &T_X86_64, "", 0);
	fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
	fixture_section(&f, ".rodata.p", SHT_PROGBITS, p.p, p.len);
	fixture_sym(&f, "__mod_pci__ids_device_table", 0, 0, f.data.len, false, false);
	fixture_sym(&f, "__mod_platform__p_device_table", 1, 0, p.len, false, false);
	run_fixture(&f, "badsize.ko", &r);
	cr_expect_eq(r.res.warnings, 1);
	expect_err(&r, "badsize.ko: pci table __mod_pci__ids_device_table: size 208 is not a whole number of 40-byte");
	expect_err(&r, "table skipped");
	static const char *const want[] = { "platform:still-here" };
	expect_aliases(&r, want, 1);
	run_release(&r);
	mkm_buf_free(&f.data), mkm_buf_free(&p);
}

Test(generate, last_entry_not_zero)
{
	struct fixture f;
	struct run r;

	fixture_init(&f, &T_MIPS, VERMAGIC_61);
	mkm_pci_id(&f.data, &T_MIPS, true, 0x8086, 0x100e, ANY, ANY, 0, 0, 0, 0);
	mkm_pci_id(&f.data, &T_MIPS, true, 0x10ec, 0x8139, ANY, ANY, 0, 0, 0, 0);
	fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
	fixture_sym(&f, "__mod_pci__ids_device_table", 0, 0, f.data.len, false, false);
	run_fixture(&f, "noterm.ko", &r);
	cr_expect_eq(r.res.warnings, 1);
	expect_err(&r, "last entry is not all zero");
	static const char *const want[] = { "pci:v00008086d0000100Esv*sd*bc*sc*i*",
					    "pci:v000010ECd00008139sv*sd*bc*sc*i*" };
	expect_aliases(&r, want, 2);
	run_release(&r);
	mkm_buf_free(&f.data);
}

Test(generate, ambiguous_size_warns)
{
	struct fixture f;
	struct run r;

	/* no vermagic, 4 x 40 = 160 = 5 x 32 */
	fixture_init(&f, &T_X86_64, NULL);
	mkm_pci_id(&f.data, &T_X86_64, true, 0x8086, 0x100e, ANY, ANY, 0, 0, 0, 0);
	mkm_pci_id(&f.data, &T_X86_64, true, 0x8086, 0x100f, ANY, ANY, 0, 0, 0, 0);
	mkm_pci_id(&f.data, &T_X86_64, true, 0x8086, 0x1010, ANY, ANY, 0, 0, 0, 0);
	mkm_pci_id(&f.data, &T_X86_64, true, 0, 0, 0, 0, 0, 0, 0, 0);
	fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
	fixture_sym(&f, "__mod_pci__ids_device_table", 0, 0, f.data.len, false, false);
	run_fixture(&f, "ambiguous.ko", &r);
	cr_expect_eq(r.res.warnings, 1);
	expect_err(&r, "fits several layouts");
	static const char *const want[] = { "pci:v00008086d0000100Esv*sd*bc*sc*i*",
					    "pci:v00008086d0000100Fsv*sd*bc*sc*i*",
					    "pci:v00008086d00001010sv*sd*bc*sc*i*" };
	expect_aliases(&r, want, 3);
	run_release(&r);
	mkm_buf_free(&f.data);
}

Test(generate, symbol_outside_section)
{
	struct fixture f;
	struct run r;
	struct mkm_buf p = { 0 };

	fixture_init(&f, &T_X86_64, VERMAGIC_61);
	pci_table(&f.data, &T_X86_64, true);
	mkm_platform_id(&p, &T_X86_64, "good", 0);
	mkm_platform_id(&p, &T_X86_64, "", 0);
	fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
	fixture_section(&f, ".rodata.p", SHT_PROGBITS, p.p, p.len);
	fixture_sym(&f, "__mod_pci__past_end_device_table", 0, f.data.len + 40, 40, false, false);
	fixture_sym(&f, "__mod_pci__overlap_device_table", 0, 40, f.data.len, false, false);
	fixture_sym(&f, "__mod_pci__huge_device_table", 0, 0, UINT64_MAX - 7, false, false);
	fixture_sym(&f, "__mod_pci__wrap_device_table", 0, UINT64_MAX - 7, 80, false, false);
	fixture_sym(&f, "__mod_platform__p_device_table", 1, 0, p.len, false, false);
	run_fixture(&f, "outside.ko", &r);
	cr_expect_eq(r.res.warnings, 4, "reader warnings must count: %u", r.res.warnings);
	expect_err(&r, "pci table __mod_pci__past_end_device_table: symbol lies outside its section");
	expect_err(&r, "pci table __mod_pci__overlap_device_table: symbol lies outside its section");
	expect_err(&r, "pci table __mod_pci__huge_device_table: symbol lies outside its section");
	expect_err(&r, "pci table __mod_pci__wrap_device_table: symbol lies outside its section");
	static const char *const want[] = { "platform:good" };
	expect_aliases(&r, want, 1);
	run_release(&r);
	mkm_buf_free(&f.data), mkm_buf_free(&p);
}

Test(generate, nobits_table_reads_as_zeros)
{
	struct fixture f;
	struct run r;

	fixture_init(&f, &T_PPC, VERMAGIC_61);
	fixture_section(&f, ".bss", SHT_NOBITS, NULL, 128);
	/* two 32-byte entries: one all-zero entry plus the terminator */
	fixture_sym(&f, "__mod_pci__zeros_device_table", 0, 64, 64, false, false);
	/* a terminator only: nothing */
	fixture_sym(&f, "__mod_platform__empty_device_table", 0, 0, 24, false, false);
	run_fixture(&f, "nobits.ko", &r);
	cr_expect_eq(r.res.warnings, 0, "%s", r.err);
	static const char *const want[] = { "pci:v00000000d00000000sv00000000sd00000000bc*sc*i*" };
	expect_aliases(&r, want, 1);
	run_release(&r);
}

Test(generate, shn_xindex)
{
	struct fixture f;
	struct run r;

	fixture_init(&f, &T_M68K, VERMAGIC_61);
	pci_table(&f.data, &T_M68K, true);
	fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
	fixture_sym(&f, "__mod_device_table__pci__ids", 0, 0, f.data.len, false, true);
	run_fixture(&f, "xindex.ko", &r);
	cr_expect_eq(r.res.warnings, 0, "%s", r.err);
	expect_aliases(&r, pci_want, 3);
	run_release(&r);
	mkm_buf_free(&f.data);
}

Test(generate, shn_xindex_out_of_range)
{
	struct fixture f;
	struct run r;

	fixture_init(&f, &T_X86_64, VERMAGIC_61);
	pci_table(&f.data, &T_X86_64, true);
	fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
	/* the real index is 1 + 1000: a section that does not exist */
	fixture_sym(&f, "__mod_pci__ids_device_table", 1000, 0, f.data.len, false, true);
	run_fixture(&f, "xindex-bad.ko", &r);
	cr_expect_eq(r.res.warnings, 1);
	expect_err(&r, "xindex-bad.ko: pci table __mod_pci__ids_device_table: section index 1001 out of range");
	cr_expect_eq(r.res.aliases.n, 0);
	run_release(&r);
	mkm_buf_free(&f.data);
}

Test(generate, no_symtab)
{
	struct fixture f;
	struct run r;

	fixture_init(&f, &T_X86_64, VERMAGIC_61);
	pci_table(&f.data, &T_X86_64, true);
	fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
	f.spec.no_symtab = true;
	run_fixture(&f, "nosymtab.ko", &r);
	cr_expect_lt(r.ret, 0);
	cr_expect_eq(r.res.aliases.n, 0);
	expect_err(&r, "nosymtab.ko: no symbol table");
	run_release(&r);
	mkm_buf_free(&f.data);
}

Test(generate, unterminated_modinfo)
{
	struct fixture f;
	struct run r;

	fixture_init(&f, &T_X86_64, VERMAGIC_61);
	f.spec.modinfo_unterminated = true;
	pci_table(&f.data, &T_X86_64, true);
	fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
	fixture_sym(&f, "__mod_pci__ids_device_table", 0, 0, f.data.len, false, false);
	run_fixture(&f, "modinfo.ko", &r);
	cr_expect_eq(r.ret, 0);
	cr_expect_str_eq(r.res.name, "unit_mod");
	expect_aliases(&r, pci_want, 3);
	run_release(&r);
	mkm_buf_free(&f.data);
}

Test(generate, not_an_object_symbol_ignored)
{
	struct fixture f;
	struct run r;

	fixture_init(&f, &T_X86_64, VERMAGIC_61);
	pci_table(&f.data, &T_X86_64, true);
	fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
	fixture_sym(&f, "__mod_pci__ids_device_table", 0, 0, f.data.len, false, false);
	f.sym[0].type = STT_FUNC;
	fixture_sym(&f, "__mod_pci__undef_device_table", MKM_SHN_UNDEF, 0, 40, false, false);
	fixture_sym(&f, "__mod_pci__abs_device_table", MKM_SHN_ABS, 0, 40, false, false);
	run_fixture(&f, "notobj.ko", &r);
	cr_expect_eq(r.res.warnings, 0, "%s", r.err);
	cr_expect_eq(r.res.aliases.n, 0);
	run_release(&r);
	mkm_buf_free(&f.data);
}

Test(generate, compressed_copies)
{
	static const char *const exts[] = { "gz", "xz", "zst" };
	static const char *const tools[][4] = { { "gzip", "-kf", NULL }, { "xz", "-kf", NULL }, { "zstd", "-qf", NULL } };
	struct fixture f;
	struct run r;

	fixture_init(&f, &T_PPC, VERMAGIC_61);
	pci_table(&f.data, &T_PPC, true);
	fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
	fixture_sym(&f, "__mod_pci__ids_device_table", 0, 0, f.data.len, false, false);
	char *base = unit_path("comp.ko");
	cr_assert_eq(mkm_write(base, &f.spec), 0);
	for (size_t i = 0; i < ARRAY_SIZE(exts); i++) {
		char *out = xasprintf("%s.%s", base, exts[i]);
		pid_t pid = fork();
		cr_assert_geq(pid, 0);
		if (pid == 0) {
			const char *argv[] = { tools[i][0], tools[i][1], base, NULL };
			if (i == 2) {
				argv[2] = "-o";
				execlp("zstd", "zstd", "-qf", "-o", out, base, (char *)NULL);
				_exit(127);
			}
			execvp(argv[0], (char *const *)argv);
			_exit(127);
		}
		int st;
		cr_assert_eq(waitpid(pid, &st, 0), pid);
		cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s failed", tools[i][0]);
		stderr_capture_begin();
		r.ret = generate_module(unit_plugins(), out, &r.res);
		r.err = stderr_capture_end();
		cr_expect_eq(r.ret, 0, "%s: %s", out, r.err);
		cr_expect_str_eq(r.res.name, "unit_mod");
		expect_aliases(&r, pci_want, 3);
		run_release(&r);
		free(out);
	}
	free(base);
	mkm_buf_free(&f.data);
}

Test(generate, symbol_names_outside_strtab)
{
	struct fixture f;
	struct run r;
	/* st_name far past .strtab, and .strtab cut inside the names */
	static const struct mkm_patch far[] = { { "sym:__mod_pci__ids_device_table", "st_name", '=', 0x7ffffff } };
	static const struct mkm_patch cut[] = { { "shdr:.strtab", "sh_size", '-', 3 } };

	for (int k = 0; k < 2; k++) {
		fixture_init(&f, &T_S390X, VERMAGIC_61);
		pci_table(&f.data, &T_S390X, true);
		fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
		fixture_sym(&f, "__mod_pci__ids_device_table", 0, 0, f.data.len, false, false);
		f.spec.patches = k ? cut : far;
		f.spec.n_patches = 1;
		run_fixture(&f, k ? "strtab-cut.ko" : "strtab-far.ko", &r);
		cr_expect_eq(r.ret, 0);
		cr_expect_eq(r.res.warnings, 1, "%s", r.err);
		expect_err(&r, k ? "strtab-cut.ko: 1 symbol names lie outside" : "strtab-far.ko: 1 symbol names lie outside");
		cr_expect_eq(r.res.aliases.n, 0);
		run_release(&r);
		mkm_buf_free(&f.data);
	}
}

Test(generate, bad_section_header_size)
{
	struct fixture f;
	struct run r;
	static const struct mkm_patch p[] = { { "ehdr", "e_shentsize", '=', 7 } };

	fixture_init(&f, &T_PPC, VERMAGIC_61);
	pci_table(&f.data, &T_PPC, true);
	fixture_section(&f, ".rodata", SHT_PROGBITS, f.data.p, f.data.len);
	fixture_sym(&f, "__mod_pci__ids_device_table", 0, 0, f.data.len, false, false);
	f.spec.patches = p;
	f.spec.n_patches = 1;
	run_fixture(&f, "shentsize.ko", &r);
	cr_expect_lt(r.ret, 0);
	expect_err(&r, "shentsize.ko: corrupt ELF header");
	run_release(&r);
	mkm_buf_free(&f.data);
}

/*
 * read_parts() (modfile.c): a module in the host's byte order is read into a compact image of its used
 * parts, anything else through libelf on the file; both must give the same module.  Which path was
 * taken is m->image_partial.
 */
static bool host_is_big_endian(void)
{
	return __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;
}

/* The pci fixture of abi_case() written to file; its path (to free). */
static char *write_pci_fixture(const struct mkm_target *t, const char *file, struct mkm_buf *data)
{
	struct fixture f;
	char *path = unit_path(file);

	fixture_init(&f, t, VERMAGIC_61);
	pci_table(data, t, true);
	fixture_section(&f, ".rodata", SHT_PROGBITS, data->p, data->len);
	fixture_sym(&f, "__mod_pci__ids_device_table", 0, 0, data->len, false, false);
	cr_assert_eq(mkm_write(path, &f.spec), 0, "cannot write fixture %s", path);
	return path;
}

/* The module at path: read by the path expected, with its name, version, table and aliases intact. */
static void expect_module(const char *path, bool partial, const struct mkm_buf *table, const char *what)
{
	struct module_file *m = NULL;
	struct gen_result res;
	char *err;

	stderr_capture_begin();
	cr_assert_eq(module_file_open(path, &m), 0, "%s: module_file_open failed", what);
	err = stderr_capture_end();
	cr_expect_str_empty(err, "%s: %s", what, err);
	free(err);
	cr_expect_eq(m->image_partial, partial, "%s: read %s", what, m->image_partial ? "in parts" : "by libelf");
	cr_expect_str_eq(m->name, "unit_mod", "%s", what);
	cr_expect_eq(m->kver, BA_KVER(6, 1, 0), "%s", what);
	cr_assert_eq(m->n_tables, 1, "%s", what);
	cr_expect_eq(m->tables[0].size, table->len, "%s", what);
	cr_expect(m->tables[0].data && memcmp(m->tables[0].data, table->p, table->len) == 0, "%s: table bytes", what);
	module_file_free(m);

	stderr_capture_begin();
	cr_expect_eq(generate_module(unit_plugins(), path, &res), 0, "%s", what);
	free(stderr_capture_end());
	cr_expect_eq(res.aliases.n, 3, "%s: %zu aliases", what, res.aliases.n);
	for (size_t i = 0; i < 3 && i < res.aliases.n; i++)
		cr_expect_str_eq(res.aliases.alias[i], pci_want[i], "%s", what);
	gen_result_release(&res);
}

static void append_bytes(const char *path, const void *p, size_t n)
{
	FILE *f = fopen(path, "ab");

	cr_assert_not_null(f);
	cr_assert_eq(fwrite(p, 1, n, f), n);
	cr_assert_eq(fclose(f), 0);
}

Test(generate, parts_read_only_in_host_byte_order)
{
	struct mkm_buf le = { 0 }, be = { 0 };
	char *p_le = write_pci_fixture(&T_X86_64, "parts-le.ko", &le);
	char *p_be = write_pci_fixture(&T_S390X, "parts-be.ko", &be);

	expect_module(p_le, !host_is_big_endian(), &le, "little-endian module");
	expect_module(p_be, host_is_big_endian(), &be, "big-endian module");
	free(p_le);
	free(p_be);
	mkm_buf_free(&le);
	mkm_buf_free(&be);
}

/* Bytes after the section headers: a signature shorter than read_parts() reads past them, and a longer one. */
Test(generate, parts_read_with_trailing_bytes)
{
	static const char tail[] = "~Module signature appended~\n";
	char junk[5000];
	struct mkm_buf t = { 0 };
	char *path = write_pci_fixture(&T_X86_64, "parts-signed.ko", &t);

	memset(junk, 0x5a, sizeof(junk));
	append_bytes(path, junk, 700);
	append_bytes(path, tail, sizeof(tail) - 1);
	expect_module(path, !host_is_big_endian(), &t, "short signature");
	append_bytes(path, junk, sizeof(junk));
	expect_module(path, !host_is_big_endian(), &t, "long signature");
	free(path);
	mkm_buf_free(&t);
}

/* .shstrtab away from the section headers (here after them): read on its own. */
Test(generate, parts_read_with_names_elsewhere)
{
	struct mkm_buf t = { 0 };
	char *path = write_pci_fixture(&T_X86_64, "parts-names.ko", &t);
	FILE *f = fopen(path, "r+b");
	Elf64_Ehdr eh;
	Elf64_Shdr sh;
	long end;

	if (host_is_big_endian())
		cr_skip_test("the fixture is edited as a little-endian file");
	cr_assert_not_null(f);
	cr_assert_eq(fread(&eh, sizeof(eh), 1, f), 1);
	cr_assert_eq(fseek(f, (long)(eh.e_shoff + eh.e_shstrndx * sizeof(sh)), SEEK_SET), 0);
	cr_assert_eq(fread(&sh, sizeof(sh), 1, f), 1);
	char *names = malloc(sh.sh_size);
	cr_assert_not_null(names);
	cr_assert_eq(fseek(f, (long)sh.sh_offset, SEEK_SET), 0);
	cr_assert_eq(fread(names, 1, sh.sh_size, f), sh.sh_size);
	/* The copy goes 4 KiB past the end, beyond what is read with the headers; the old place is wiped. */
	cr_assert_eq(fseek(f, (long)sh.sh_offset, SEEK_SET), 0);
	for (uint64_t i = 0; i < sh.sh_size; i++)
		fputc('X', f);
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	end = ftell(f);
	for (int i = 0; i < 4096; i++)
		fputc(0, f);
	cr_assert_eq(fwrite(names, 1, sh.sh_size, f), sh.sh_size);
	sh.sh_offset = (uint64_t)end + 4096;
	cr_assert_eq(fseek(f, (long)(eh.e_shoff + eh.e_shstrndx * sizeof(sh)), SEEK_SET), 0);
	cr_assert_eq(fwrite(&sh, sizeof(sh), 1, f), 1);
	cr_assert_eq(fclose(f), 0);
	free(names);
	expect_module(path, true, &t, ".shstrtab after the section headers");
	free(path);
	mkm_buf_free(&t);
}
