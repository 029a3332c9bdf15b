// SPDX-License-Identifier: LGPL-2.1-or-later
/* Open Firmware / device tree: of_device_id tables. */
#include <busalias/plugin.h>

/* struct of_device_id { char name[32], type[32], compatible[128]; const void *data; }, unchanged since 3.0. */
#define OF_ID(F, V, p)                       \
	F(p, CHARS, name, .count = 32)       \
	F(p, CHARS, type, .count = 32)       \
	F(p, CHARS, compatible, .count = 128) \
	F(p, PTR, data)
BA_STRUCT(of, OF_ID);

/*
 * modpost prints the arrays with %s: a name or type that fills its array without a NUL runs on into
 * the next arrays of the entry, and so does the string here (name, type, compatible are contiguous).
 * A compatible that fills its 128 bytes would run on into the data pointer (0, or the relocation
 * addend on REL targets): we stop at the array's end there.
 */
static void add_runon(struct ba_alias *a, const struct ba_value *from, const struct ba_value *last)
{
	const uint8_t *p = from->raw, *end = last->raw + last->size;

	for (; p < end && *p; p++)
		ba_alias_putc(a, (char)*p);
}

static int format_of(struct ba_out *out, const struct ba_entry *e)
{
	const struct ba_value *v = e->v, *last = &v[of_compatible];
	int compatible = v[of_compatible].str[0] != '\0';
	struct ba_alias a;
	int n = 0;

	/*
	 * 3.9 (devicetable-offsets.c) tested `compatible[0]` of a pointer to the array, always true, so
	 * every alias got its "C" part, empty or not, until 4.7 tested `(*compatible)[0]`.
	 */
	if (e->kver >= BA_KVER(3, 9, 0) && e->kver < BA_KVER(4, 7, 0))
		compatible = 1;

	ba_alias_init(&a, "of:N");
	if (v[of_name].str[0])
		add_runon(&a, &v[of_name], last);
	else
		ba_alias_putc(&a, '*');
	ba_alias_putc(&a, 'T');
	if (v[of_type].str[0])
		add_runon(&a, &v[of_type], last);
	else
		ba_alias_putc(&a, '*');
	if (compatible) {
		if (v[of_type].str[0])
			ba_alias_putc(&a, '*');
		ba_alias_putc(&a, 'C');
		add_runon(&a, &v[of_compatible], last);
	}
	/* isspace() of the C locale: every whitespace byte becomes '_'. */
	for (uint32_t i = 0; i < a.len; i++)
		if (a.s[i] == ' ' || (a.s[i] >= '\t' && a.s[i] <= '\r'))
			a.s[i] = '_';

	/* Before 4.6 one alias, with the wildcard; since, the alias as is and the alias + "C*". */
	if (e->kver && e->kver < BA_KVER(4, 6, 0)) {
		ba_alias_wildcard(&a);
		return ba_alias_emit(out, &a) < 0 ? 0 : 1;
	}
	if (ba_alias_emit(out, &a) == 0)
		n++;
	ba_alias_add(&a, "C*");
	if (ba_alias_emit(out, &a) == 0)
		n++;
	return n;
}

static const struct ba_table_type of_table = BA_TABLE(of, "of", "of_device_id", .format = format_of);
static const struct ba_table_type *const of_tables[] = { &of_table, NULL };

BUSALIAS_PLUGIN(.name = "of", .description = "Open Firmware / device tree match tables", .tables = of_tables);
