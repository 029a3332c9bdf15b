// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The generator's resource bounds and output-line checks (busalias(1),
 * LIMITS), through generate_module() with a test plugin whose formatter does
 * what a buggy or hostile one could: strings with control bytes, aliases of
 * any length, thousands of aliases per entry.
 */
#include <criterion/criterion.h>

#include "unit.h"

TestSuite(bounds, .fini = unit_leak_check);

/* struct hostile_id { u32 mode; u32 count; char name[24]; } */
enum { MODE, COUNT, NAME, N_SLOTS };
enum { EMIT_NAME, EMIT_MANY, EMIT_LONG, EMIT_NONE };

static const struct ba_field hostile_id[] = {
	BA_U32(MODE, "mode"),
	BA_U32(COUNT, "count"),
	BA_CHARS(NAME, "name", 24),
};

static unsigned long formatted;

static int format_hostile(struct ba_out *out, const struct ba_entry *e)
{
	unsigned count = (unsigned)e->v[COUNT].u;
	char *buf;
	int r = 0;

	formatted++;
	switch (e->v[MODE].u) {
	case EMIT_NAME:
		return ba_emitf(out, "hostile:%s", e->v[NAME].str);
	case EMIT_MANY:
		for (unsigned k = 0; k < count && r >= 0; k++)
			r = ba_emitf(out, "h:%u.%u", e->index, k);
		return r;
	case EMIT_LONG:
		/* Straight to emit(): the core's own check, not ba_emitf()'s. */
		buf = malloc(count + 1);
		memset(buf, 'a', count);
		buf[count] = '\0';
		r = out->emit(out, buf);
		free(buf);
		return r;
	}
	return 0;
}

static const struct ba_table_type hostile_table = BA_TABLE_TYPE(
	.type = "hostile", .struct_name = "hostile_id", .n_slots = N_SLOTS,
	.n_fields = BA_COUNT(hostile_id), .fields = hostile_id, .format = format_hostile);
static const struct ba_table_type *const hostile_tables[] = { &hostile_table, NULL };
static const struct busalias_plugin hostile_plugin = {
	.abi_version = BUSALIAS_ABI_CURRENT, .struct_size = sizeof(struct busalias_plugin),
	.name = "hostile", .tables = hostile_tables,
};

static void entry(struct mkm_buf *b, uint32_t mode, uint32_t count, const char *name)
{
	uint8_t e[32] = { 0 };

	memcpy(e, &mode, 4); /* x86_64: little-endian, as the host */
	memcpy(e + 4, &count, 4);
	if (name)
		memcpy(e + 8, name, strnlen(name, 24));
	mkm_buf_add(b, e, sizeof(e));
}

struct run {
	int ret;
	struct gen_result res;
	struct strbuf log;
};

/* Write a module whose one hostile table holds the entries in data (terminator added), and generate. */
static void run_table(struct mkm_buf *data, struct run *out)
{
	struct plugin_set set = { 0 };
	struct mkm_section sec;
	struct mkm_sym sym;
	struct mkm_spec spec = { 0 };
	char *path = unit_path("hostile.ko");

	entry(data, 0, 0, NULL);
	sec = (struct mkm_section){ .name = ".rodata", .type = SHT_PROGBITS, .data = data->p, .size = data->len,
				    .align = 8 };
	sym = (struct mkm_sym){ .name = "__mod_hostile__ids_device_table", .section = 0, .size = data->len };
	spec.target = T_X86_64;
	spec.modname = "hostile_mod";
	spec.vermagic = "6.1.0 SMP mod_unload ";
	spec.sections = &sec;
	spec.n_sections = 1;
	spec.syms = &sym;
	spec.n_syms = 1;
	cr_assert_eq(mkm_write(path, &spec), 0);
	cr_assert_eq(plugin_set_add(&set, &hostile_plugin, "hostile (test)", NULL), 0);
	memset(&out->log, 0, sizeof(out->log));
	formatted = 0;
	ba_log_capture(&out->log);
	out->ret = generate_module(&set, path, &out->res);
	ba_log_capture(NULL);
	strbuf_add(&out->log, "", 0);
	plugin_set_free(&set);
	mkm_buf_free(data);
	free(path);
}

static void run_release(struct run *r)
{
	gen_result_release(&r->res);
	strbuf_release(&r->log);
}

static unsigned count_in(const char *hay, const char *needle)
{
	unsigned n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

Test(bounds, aliases_with_control_bytes_or_whitespace_are_refused)
{
	struct mkm_buf b = { 0 };
	struct run r;
	static const char *const bad[] = { "a\001b", "a b", "tab\tx", "del\177", "cr\rlf\n" };

	entry(&b, EMIT_NAME, 0, "ok");
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		entry(&b, EMIT_NAME, 0, bad[i]);
	entry(&b, EMIT_NAME, 0, "utf8-\xc3\xa9");
	run_table(&b, &r);
	cr_assert_eq(r.ret, 0);
	cr_assert_eq(r.res.aliases.n, 2, "%s", r.log.buf);
	cr_expect_str_eq(r.res.aliases.alias[0], "hostile:ok");
	cr_expect_str_eq(r.res.aliases.alias[1], "hostile:utf8-\xc3\xa9");
	cr_expect_eq(count_in(r.log.buf, "contains whitespace or a control character, skipped"), ARRAY_SIZE(bad),
		     "%s", r.log.buf);
	cr_expect(strstr(r.log.buf, "hostile table __mod_hostile__ids_device_table entry 1: alias \"hostile:a\\x01b\""),
		  "%s", r.log.buf);
	cr_expect_eq(r.res.warnings, ARRAY_SIZE(bad));
	run_release(&r);
}

Test(bounds, alias_length)
{
	struct mkm_buf b = { 0 };
	struct run r;

	entry(&b, EMIT_LONG, BA_ALIAS_MAX - 2, NULL);  /* 510: the longest alias */
	entry(&b, EMIT_LONG, BA_ALIAS_MAX - 1, NULL);  /* 511: what a full buffer holds, maybe cut */
	entry(&b, EMIT_LONG, 100000, NULL);
	run_table(&b, &r);
	cr_assert_eq(r.res.aliases.n, 1, "%s", r.log.buf);
	cr_expect_eq(strlen(r.res.aliases.alias[0]), BA_ALIAS_MAX - 2);
	cr_expect_eq(count_in(r.log.buf, "reaches the limit of 510, skipped"), 2, "%s", r.log.buf);
	cr_expect_eq(r.res.warnings, 2);
	run_release(&r);
}

Test(bounds, aliases_per_module, .timeout = 60)
{
	struct mkm_buf b = { 0 };
	struct run r;

	for (unsigned i = 0; i < 3; i++)
		entry(&b, EMIT_MANY, 50000, NULL);
	run_table(&b, &r);
	cr_assert_eq(r.res.aliases.n, BA_MAX_MODULE_ALIASES);
	cr_expect_str_eq(r.res.aliases.alias[BA_MAX_MODULE_ALIASES - 1], "h:2.31071");
	cr_expect_eq(count_in(r.log.buf, "more than 131072 aliases in one module; the rest are skipped"), 1, "%s",
		     r.log.buf);
	cr_expect(r.res.too_many_aliases);
	cr_expect_eq(r.res.warnings, 1);
	run_release(&r);
}

Test(bounds, entries_per_table, .timeout = 60)
{
	struct mkm_buf b = { 0 };
	struct run r;

	for (unsigned i = 0; i < BA_MAX_TABLE_ENTRIES + 1; i++)
		entry(&b, EMIT_NONE, 0, NULL);
	run_table(&b, &r);
	cr_expect_eq(formatted, BA_MAX_TABLE_ENTRIES);
	cr_expect(strstr(r.log.buf, "hostile table __mod_hostile__ids_device_table: 65537 entries, more than the limit "
				    "of 65536; the rest are skipped"),
		  "%s", r.log.buf);
	cr_expect_eq(r.res.warnings, 1);
	run_release(&r);

	/* At the limit: all of them, no word. */
	for (unsigned i = 0; i < BA_MAX_TABLE_ENTRIES; i++)
		entry(&b, EMIT_NONE, 0, NULL);
	run_table(&b, &r);
	cr_expect_eq(formatted, BA_MAX_TABLE_ENTRIES);
	cr_expect_eq(r.res.warnings, 0, "%s", r.log.buf);
	run_release(&r);
}
