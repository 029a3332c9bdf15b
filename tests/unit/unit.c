// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <string.h>
#include <sys/stat.h>

#include <criterion/criterion.h>
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#endif

#include "unit.h"

void unit_leak_check(void)
{
#ifdef __SANITIZE_ADDRESS__
	/*
	 * Criterion's workers exit in a way that lets LeakSanitizer's report pass
	 * unnoticed, and asserts in .fini do not fail a test: crash instead.
	 */
	if (__lsan_do_recoverable_leak_check()) {
		fputs("unit: this test leaked memory (LeakSanitizer's report is above)\n", stderr);
		abort();
	}
#endif
}

const struct mkm_target T_X86_64 = { 64, false, EM_X86_64 }, T_I386 = { 32, false, EM_386 },
			T_PPC = { 32, true, EM_PPC }, T_MIPS = { 32, true, EM_MIPS }, T_M68K = { 32, true, EM_68K },
			T_AARCH64 = { 64, false, EM_AARCH64 }, T_S390X = { 64, true, EM_S390 },
			T_ARM = { 32, false, EM_ARM };

static struct plugin_set plugins;
static bool plugins_loaded;

const struct plugin_set *unit_plugins(void)
{
	if (!plugins_loaded) {
		/* dlclose() would hide plugin frames from ASan's leak reports. */
		setenv("BUSALIAS_NO_DLCLOSE", "1", 0);
		cr_assert_eq(plugin_set_load_dir(&plugins, TEST_PLUGIN_DIR, false), 0, "cannot load plugins from %s",
			     TEST_PLUGIN_DIR);
		cr_assert_geq(plugins.n, 3);
		plugins_loaded = true;
	}
	return &plugins;
}

const struct ba_table_type *unit_table(const char *type)
{
	const struct ba_table_type *tt = plugin_set_table(unit_plugins(), type, strlen(type));

	cr_assert_not_null(tt, "no plugin declares table type %s", type);
	return tt;
}

static int collect_emit(struct ba_out *out, const char *alias)
{
	struct fmt_result *r = out->priv;

	cr_assert_lt(r->n_alias, 8);
	snprintf(r->alias[r->n_alias++], BA_ALIAS_MAX, "%s", alias);
	return 0;
}

static void collect_warn(struct ba_out *out, const char *msg)
{
	struct fmt_result *r = out->priv;

	cr_assert_lt(r->n_warn, 8);
	snprintf(r->warn[r->n_warn++], BA_ALIAS_MAX, "%s", msg);
}

void unit_format(const char *type, uint32_t kver, const struct mkm_target *mt, const uint8_t *entry,
		 struct fmt_result *out)
{
	const struct ba_table_type *tt = unit_table(type);
	struct ba_target t = { .elfclass = (uint8_t)mt->elfclass, .big_endian = mt->big_endian, .machine = mt->machine };
	struct placed_layout *pl;
	int err = 0;

	pl = layout_place(tt, kver, 0, &t, &err);
	cr_assert_not_null(pl);
	struct ba_value *v = xcalloc(tt->n_slots, sizeof(*v));
	char *strs = xmalloc(layout_str_store_size(pl) + 1);
	layout_decode(pl, &t, entry, v, tt->n_slots, strs);

	memset(out, 0, sizeof(*out));
	struct ba_out o = { .struct_size = sizeof(o), .priv = out, .emit = collect_emit, .warn = collect_warn };
	struct ba_entry e = { .struct_size = sizeof(e), .kver = kver, .module = "unit", .table_type = type,
			      .v = v, .n_slots = tt->n_slots, .ulong_size = target_ulong_size(&t) };
	out->ret = tt->format ? tt->format(&o, &e) : format_parts(tt, &o, &e);
	free(strs);
	free(v);
	free(pl);
}

static char tmpdir[64];

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

static void rm_tmpdir(void)
{
	if (tmpdir[0])
		nftw(tmpdir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *unit_tmpdir(void)
{
	if (!tmpdir[0]) {
		snprintf(tmpdir, sizeof(tmpdir), "/tmp/busalias-unit-XXXXXX");
		cr_assert_not_null(mkdtemp(tmpdir));
		atexit(rm_tmpdir);
	}
	return tmpdir;
}

char *unit_path(const char *name)
{
	return xasprintf("%s/%s", unit_tmpdir(), name);
}

static int saved_stderr = -1;
static char capture_path[96];

void stderr_capture_begin(void)
{
	int fd;

	snprintf(capture_path, sizeof(capture_path), "%s/stderr.XXXXXX", unit_tmpdir());
	fd = mkstemp(capture_path);
	cr_assert_geq(fd, 0);
	fflush(stderr);
	saved_stderr = dup(2);
	dup2(fd, 2);
	close(fd);
}

char *stderr_capture_end(void)
{
	char *text = NULL;

	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	saved_stderr = -1;
	cr_assert_eq(read_text_file(capture_path, &text), 0);
	unlink(capture_path);
	/* Echo it, so a failing test's log shows what the core said. */
	fprintf(stderr, "%s\n", text);
	return text;
}
