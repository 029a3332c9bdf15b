// SPDX-License-Identifier: LGPL-2.1-or-later
/* WMI: wmi_device_id tables (modpost knows them since 5.1; the reference only brackets it 5.1/5.2). */
#include <busalias/plugin.h>

#define UUID_STRING_LEN 36

/* guid_string[UUID_STRING_LEN + 1]; 5.3 added the context pointer. */
#define WMI_ID(F, V, p)                                       \
	F(p, CHARS, guid_string, .count = UUID_STRING_LEN + 1) \
	F(p, PTR, context, .since = BA_KVER(5, 3, 0))
BA_STRUCT(wmi, WMI_ID);

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/*
 * "wmi:<guid_string>" when the string is 36 characters long, else a warning and no alias.  From
 * 7.2 (and for a module of unknown kernel) the string must also have dashes at 8, 13, 18 and 23
 * and hex digits elsewhere, and is printed upper-cased.  A string filling all 37 bytes is not
 * 36 long either way (the kernel's strlen ran on into the next member).
 */
static int format_wmi(struct ba_out *out, const struct ba_entry *e)
{
	const char *g = e->v[wmi_guid_string].str;
	struct ba_alias a;

	if (strlen(g) != UUID_STRING_LEN) {
		ba_warnf(out, "invalid WMI device id 'wmi:%s', entry skipped", g);
		return 0;
	}
	ba_alias_init(&a, "wmi:");
	if (e->kver && e->kver < BA_KVER(7, 2, 0)) {
		ba_alias_add(&a, g);
		return ba_alias_emit(out, &a) < 0 ? 0 : 1;
	}
	for (unsigned i = 0; i < UUID_STRING_LEN; i++) {
		int dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? g[i] != '-' : !is_hex(g[i])) {
			ba_warnf(out, "invalid character '%c' in WMI GUID string '%s', entry skipped", g[i], g);
			return 0;
		}
		ba_alias_putc(&a, g[i] >= 'a' && g[i] <= 'f' ? (char)(g[i] - 'a' + 'A') : g[i]);
	}
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type wmi_table = BA_TABLE(wmi, "wmi", "wmi_device_id",
	.since = BA_KVER(5, 1, 0), .format = format_wmi);
static const struct ba_table_type *const wmi_tables[] = { &wmi_table, NULL };

BUSALIAS_PLUGIN(.name = "wmi", .description = "ACPI-WMI device tables", .tables = wmi_tables);
