// SPDX-License-Identifier: LGPL-2.1-or-later
/* POWER virtual I/O: vio_device_id tables, "vio:T<type or *>S<compat or *>*", whitespace as '_'. */
#include <busalias/plugin.h>

/* Unchanged 3.0-7.3. */
#define VIO_ID(F, V, p)                  \
	F(p, CHARS, type, .count = 32)   \
	F(p, CHARS, compat, .count = 32)
BA_STRUCT(vio, VIO_ID);

/*
 * `n` bytes from p up to a NUL, "*" if empty, whitespace (C locale isspace()) as '_'.  modpost printed
 * the arrays with %s: a type of 32 characters without NUL ran on into compat, which busalias
 * reproduces (both lie in the entry); a compat without NUL ran on into the next entry, which a
 * formatter does not see: busalias stops at the entry's end (exact when the next is the terminator).
 */
static void add_vio_str(struct ba_alias *a, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n && p[i]; i++)
		ba_alias_putc(a, p[i] == ' ' || (p[i] >= '\t' && p[i] <= '\r') ? '_' : (char)p[i]);
	if (i == 0)
		ba_alias_putc(a, '*');
}

static int format_vio(struct ba_out *out, const struct ba_entry *e)
{
	struct ba_alias a;

	ba_alias_init(&a, "vio:T");
	add_vio_str(&a, e->v[vio_type].raw, 64);  /* type, then compat if type has no NUL */
	ba_alias_add(&a, "S");
	add_vio_str(&a, e->v[vio_compat].raw, 32);
	ba_alias_wildcard(&a);
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type vio_table = BA_TABLE(vio, "vio", "vio_device_id", .format = format_vio);
static const struct ba_table_type *const vio_tables[] = { &vio_table, NULL };

BUSALIAS_PLUGIN(
	.name = "vio",
	.description = "POWER virtual I/O (vio) device tables",
	.tables = vio_tables);
