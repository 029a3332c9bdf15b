// SPDX-License-Identifier: LGPL-2.1-or-later
/* EISA: eisa_device_id tables, "eisa:s<sig>*". */
#include <busalias/plugin.h>

/* Unchanged 3.0-7.3 (EISA_SIG_LEN 8). */
#define EISA_ID(F, V, p)                \
	F(p, CHARS, sig, .count = 8)    \
	F(p, ULONG, driver_data)
BA_STRUCT(eisa, EISA_ID);

/*
 * Every entry is "eisa:s%s*", an empty sig giving "eisa:s*", except in the modpost of 3.0-3.8: there
 * an empty sig strcat()ed "*" onto whatever its uninitialised alias buffer held (the previous entry's
 * alias, or stack garbage for the first entry), which cannot be reproduced: such an entry is reported
 * and skipped.  From 3.9 (devicetable-offsets) the test became `if (sig[0])` on a char (*)[8], always
 * true, so the empty sig printed "eisa:s*"; 6.11/6.12 (and the stable back-ports of "modpost: remove
 * incorrect code in do_eisa_entry()") only deleted that dead branch: no change in output.
 */
static int format_eisa(struct ba_out *out, const struct ba_entry *e)
{
	struct ba_alias a;

	if (!e->v[eisa_sig].str[0] && e->kver && e->kver < BA_KVER(3, 9, 0)) {
		ba_warnf(out, "empty sig: the modpost of kernels before 3.9 appended '*' to an uninitialised "
			 "buffer, entry skipped");
		return 0;
	}
	/* A sig of 8 characters has no NUL: %s ran on into driver_data's bytes, up to a NUL (all in the entry). */
	ba_alias_init(&a, "eisa:s");
	for (size_t i = 0; i < 8 + e->ulong_size && e->v[eisa_sig].raw[i]; i++)
		ba_alias_putc(&a, (char)e->v[eisa_sig].raw[i]);
	ba_alias_add(&a, "*");
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type eisa_table = BA_TABLE(eisa, "eisa", "eisa_device_id", .format = format_eisa);
static const struct ba_table_type *const eisa_tables[] = { &eisa_table, NULL };

BUSALIAS_PLUGIN(
	.name = "eisa",
	.description = "EISA device tables",
	.tables = eisa_tables);
