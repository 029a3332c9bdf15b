// SPDX-License-Identifier: LGPL-2.1-or-later
/* The declarative alias of a table type (ba_table_type.parts): prefix, parts, maybe a '*'. */
#include <string.h>

#include "busalias.h"

static bool part_in_kernel(const struct ba_part *p, uint32_t kver)
{
	/* Unknown kernel (no vermagic): the newest format, as the newest fitting layout was chosen. */
	if (!kver)
		return !p->until;
	return (!p->since || kver >= p->since) && (!p->until || kver < p->until);
}

/* Is the value of a HEX part a wildcard? */
static bool hex_is_any(const struct ba_part *p, const struct ba_entry *e)
{
	const struct ba_value *v = &e->v[p->slot];
	uint64_t ones = v->size >= 8 ? UINT64_MAX : (UINT64_C(1) << (v->size * 8)) - 1;

	switch (p->any) {
	case BA_ANY_ZERO:
		return v->u == 0;
	case BA_ANY_ONES:
		return v->u == ones;
	case BA_ANY_VALUE:
		return v->u == p->value;
	case BA_ANY_FLAG:
		return (e->v[p->flag_slot].u & p->value) != p->value;
	}
	return false;
}

static void add_str(struct ba_alias *a, const char *s, bool underscores)
{
	for (; *s; s++)
		ba_alias_putc(a, underscores && (*s == ' ' || (*s >= '\t' && *s <= '\r')) ? '_' : *s);
}

int format_parts(const struct ba_table_type *tt, struct ba_out *out, const struct ba_entry *e)
{
	struct ba_alias a;

	ba_alias_init(&a, tt->alias_prefix ? tt->alias_prefix : "");
	for (uint32_t i = 0; i < tt->n_parts; i++) {
		const struct ba_part *p = &tt->parts[i];
		const struct ba_value *v = p->kind == BA_PART_LIT ? NULL : &e->v[p->slot];

		if (!part_in_kernel(p, e->kver) || (v && !v->present))
			continue;
		switch (p->kind) {
		case BA_PART_LIT:
			ba_alias_add(&a, p->text);
			break;
		case BA_PART_HEX:
			ba_alias_add(&a, p->text ? p->text : "");
			if (hex_is_any(p, e))
				ba_alias_putc(&a, '*');
			else
				ba_alias_hex(&a, v->u, p->width ? p->width : ba_hex_width(v), p->lower);
			break;
		case BA_PART_STR:
			ba_alias_add(&a, p->text ? p->text : "");
			if (p->any == BA_ANY_ZERO && !v->str[0])
				ba_alias_putc(&a, '*');
			else
				add_str(&a, v->str, p->underscores);
			break;
		}
	}
	if (tt->alias_flags & BA_ALIAS_WILDCARD)
		ba_alias_wildcard(&a);
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

int check_parts(const struct ba_table_type *tt, char *why, size_t len)
{
	if (!tt->format && (!tt->parts || tt->n_parts == 0) && !tt->alias_prefix) {
		snprintf(why, len, "table type %s has neither a formatter nor an alias declaration", tt->type);
		return -1;
	}
	for (uint32_t i = 0; tt->parts && i < tt->n_parts; i++) {
		const struct ba_part *p = &tt->parts[i];
		if (p->kind > BA_PART_STR || p->any > BA_ANY_FLAG || (p->kind == BA_PART_LIT && !p->text) ||
		    (p->kind != BA_PART_LIT && p->slot >= tt->n_slots) ||
		    (p->any == BA_ANY_FLAG && p->flag_slot >= tt->n_slots) || p->width > 16) {
			snprintf(why, len, "table type %s: alias part %u is malformed", tt->type, i);
			return -1;
		}
	}
	return 0;
}
