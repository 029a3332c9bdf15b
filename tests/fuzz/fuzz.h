/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Shared by the libFuzzer harnesses of tests/fuzz. */
#ifndef BUSALIAS_FUZZ_H
#define BUSALIAS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "busalias.h"

/* libFuzzer's entry points. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The pci, platform and acpi plugins, linked in (never dlclose()d: no handle). */
void fuzz_add_plugins(struct plugin_set *set);

/* An invariant of the code under test does not hold: say which, then abort() (a libFuzzer crash). */
#define FUZZ_CHECK(cond, ...)                                                       \
	do {                                                                        \
		if (!(cond))                                                        \
			fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);           \
	} while (0)
_Noreturn void fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...) _printf_(4, 5);

/* Is s (NUL-terminated) exactly one JSON string literal of valid UTF-8 without raw control characters? */
bool fuzz_json_string_ok(const char *s, size_t len);

/* Is s exactly one JSON value (RFC 8259, nesting at most 64 deep)? */
bool fuzz_json_ok(const char *s, size_t len);

/* Messages of the code under test go to this buffer, not to stderr (released per input); with
 * FUZZ_SHOW set in the environment they are printed after all (to see what an input does). */
void fuzz_log_begin(struct strbuf *sb);
void fuzz_log_end(struct strbuf *sb);

#endif
