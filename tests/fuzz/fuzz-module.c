// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * fuzz-module: one input is one module file, read and turned into aliases as `busalias gen` does
 * (generate_module_mem(): libelf reader, layout placement, the pci/platform/acpi formatters).
 * Built four times: FUZZ_SUFFIX ".ko" (plain ELF), ".ko.gz", ".ko.xz", ".ko.zst" (the input is
 * then the compressed stream; the suffix picks the decompressor, as a file name does).
 *
 * Checked besides the sanitizers: a result names its module; every alias is non-empty, has no
 * whitespace, fits BA_ALIAS_MAX, is unique and carries its table type; the JSON escaping gen --json
 * applies to names and aliases yields valid JSON strings; every message is one "busalias: " line.
 * gen's text/JSON rendering itself is static in core/cmd-gen.c, so only its escaper is exercised.
 * The plain build also writes the input to a file in a tmpfs and reads it as gen reads a file
 * (generate_module(): the parts it uses pread() into a compact image, or libelf on the descriptor):
 * the outcome, the module's name and its aliases, in order, must be the same as from memory.
 */
#include <fcntl.h>
#include <gelf.h>
#include <string.h>

#include <unistd.h>

#include "fuzz.h"

#ifndef FUZZ_SUFFIX
#define FUZZ_SUFFIX ".ko"
#endif

static struct plugin_set plugins;
static char file_dir[64], file_copy[80];  /* the plain build's input as a file, DIR/input.ko */

static void remove_file_copy(void)
{
	unlink(file_copy);
	rmdir(file_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *dir = getenv("FUZZ_PLUGIN_DIR") ? getenv("FUZZ_PLUGIN_DIR") : FUZZ_PLUGIN_DIR_DEFAULT;
	struct strbuf quiet = { 0 };

	if (elf_version(EV_CURRENT) == EV_NONE)
		abort();
	/*
	 * Every plugin of the build, so every table type's formatter is fuzzed: the CI's fuzz build
	 * compiles them with the harness's instrumentation (tools/run-tests.sh), and libFuzzer takes
	 * the coverage of a dlopen()ed object as its own.  The three linked-in plugins stand in when
	 * the directory is missing.
	 */
	if (access(dir, R_OK) == 0) {
		ba_log_capture(&quiet);
		plugin_set_load_dir(&plugins, dir, false);
		ba_log_capture(NULL);
		strbuf_release(&quiet);
	}
	if (!strcmp(FUZZ_SUFFIX, ".ko")) {
		/* Named as in memory: a module without name= is named after its file. */
		snprintf(file_dir, sizeof(file_dir), "%s/busalias-fuzz-module.XXXXXX",
			 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
		if (!mkdtemp(file_dir))
			abort();
		snprintf(file_copy, sizeof(file_copy), "%s/input.ko", file_dir);
		atexit(remove_file_copy);
	}
	if (plugins.n == 0)
		fuzz_add_plugins(&plugins);
	else
		fprintf(stderr, "fuzz-module: %zu plugins from %s\n", plugins.n, dir);
	return 0;
}

static bool known_type(const char *type)
{
	for (size_t i = 0; i < plugins.n; i++)
		for (const struct ba_table_type *const *t = plugins.plugins[i].desc->tables; t && *t; t++)
			if ((*t)->type == type)
				return true;
	return false;
}

static void check_json(struct strbuf *sb, const char *s)
{
	sb->len = 0;
	strbuf_add_json_string(sb, s);
	FUZZ_CHECK(fuzz_json_string_ok(sb->buf, sb->len), "bad JSON string %s for %s", sb->buf, s);
}

/* The same input read from a file: the same outcome, name and aliases (messages may name other things). */
static void check_file_read(const uint8_t *data, size_t size, int r_mem, const struct gen_result *mem)
{
	struct strbuf log;
	struct gen_result res;
	int fd = open(file_copy, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600), r;

	if (fd < 0 || (size && write(fd, data, size) != (ssize_t)size) || close(fd) < 0)
		abort();
	fuzz_log_begin(&log);
	r = generate_module(&plugins, file_copy, &res);
	fuzz_log_end(&log);
	FUZZ_CHECK((r < 0) == (r_mem < 0), "read from a file: %d, from memory: %d", r, r_mem);
	if (r == 0 && r_mem == 0) {
		FUZZ_CHECK(!strcmp(res.name, mem->name), "module name %s from a file, %s from memory", res.name, mem->name);
		FUZZ_CHECK(res.aliases.n == mem->aliases.n, "%zu aliases from a file, %zu from memory", res.aliases.n,
			   mem->aliases.n);
		for (size_t i = 0; i < res.aliases.n; i++)
			FUZZ_CHECK(!strcmp(res.aliases.alias[i], mem->aliases.alias[i]), "alias %zu: %s from a file, %s from memory",
				   i, res.aliases.alias[i], mem->aliases.alias[i]);
	}
	gen_result_release(&res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf log, json = { 0 };
	struct gen_result res;
	int r;

	fuzz_log_begin(&log);
	r = generate_module_mem(&plugins, "fuzz/input" FUZZ_SUFFIX, data, size, &res);
	fuzz_log_end(&log);

	FUZZ_CHECK(r <= 0, "generate_module_mem returned %d", r);
	FUZZ_CHECK(res.path && !strcmp(res.path, "fuzz/input" FUZZ_SUFFIX), "result path %s", res.path);
	if (r < 0) {
		FUZZ_CHECK(res.warnings > 0, "error %d without a warning", r);
		FUZZ_CHECK(res.aliases.n == 0, "error %d with %zu aliases", r, res.aliases.n);
	} else {
		FUZZ_CHECK(res.name != NULL, "no module name");
		check_json(&json, res.name);
	}
	for (size_t i = 0; i < res.aliases.n; i++) {
		const char *a = res.aliases.alias[i];
		FUZZ_CHECK(a[0] && !strpbrk(a, " \t\n\r"), "alias '%s' empty or with whitespace", a);
		FUZZ_CHECK(strlen(a) < BA_ALIAS_MAX, "alias of %zu bytes", strlen(a));
		FUZZ_CHECK(known_type(res.aliases.type[i]), "alias %s: table type not a plugin's", a);
		/* The duplicate set must know every alias it holds. */
		FUZZ_CHECK(!alias_list_add(&res.aliases, a, res.aliases.type[i]), "alias %s not in the set", a);
		check_json(&json, a);
	}
	if (res.aliases.n > 1) {
		char **sorted = xmalloc(res.aliases.n * sizeof(*sorted));
		memcpy(sorted, res.aliases.alias, res.aliases.n * sizeof(*sorted));
		qsort(sorted, res.aliases.n, sizeof(*sorted), cmp_strp);
		for (size_t i = 1; i < res.aliases.n; i++)
			FUZZ_CHECK(strcmp(sorted[i - 1], sorted[i]) != 0, "alias %s listed twice", sorted[i]);
		free(sorted);
	}
	strbuf_release(&json);
	if (file_copy[0])
		check_file_read(data, size, r, &res);
	gen_result_release(&res);
	return 0;
}
