/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers shared by the Criterion unit tests. */
#ifndef BUSALIAS_UNIT_H
#define BUSALIAS_UNIT_H

#include <elf.h>

#include "busalias.h"
#include "mkmodule.h"

#ifndef TEST_PLUGIN_DIR
#error "TEST_PLUGIN_DIR must point at the build tree's build-plugins"
#endif

/* The built pci/platform/acpi plugins, loaded once per test process. */
const struct plugin_set *unit_plugins(void);
const struct ba_table_type *unit_table(const char *type);

/* What a formatter produced for one entry. */
struct fmt_result {
	int ret;
	unsigned n_alias, n_warn;
	char alias[8][BA_ALIAS_MAX];
	char warn[8][BA_ALIAS_MAX];
};

/*
 * Decode `entry` (bytes of one struct in t's ABI) with the table type's layout
 * in kernel kver and run its formatter (or its declarative alias).
 */
void unit_format(const char *type, uint32_t kver, const struct mkm_target *t, const uint8_t *entry,
		 struct fmt_result *out);

/* A fresh directory for fixtures; removed at exit. */
const char *unit_tmpdir(void);
/* unit_tmpdir()/name, malloc'd. */
char *unit_path(const char *name);

/* Capture what the core writes to stderr between begin and end (malloc'd, NUL-terminated). */
void stderr_capture_begin(void);
char *stderr_capture_end(void);

/* .fini of every suite: under ASan, a leak makes the test crash. */
void unit_leak_check(void);

extern const struct mkm_target T_X86_64, T_I386, T_PPC, T_MIPS, T_M68K, T_AARCH64, T_S390X, T_ARM;

#endif
