// SPDX-License-Identifier: LGPL-2.1-or-later
/* One module -> its aliases: pick each table's layout, decode entries, run the plugin's formatter. */
#include <errno.h>
#include <string.h>

#include "busalias.h"

/* Eight bytes a step (a byte a step was most of alias_list_add()'s time); the set's order is never output. */
static uint32_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ len, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s, len);
	h = (h ^ w) * 0xff51afd7ed558ccdu;
	h ^= h >> 29;
	return (uint32_t)h;
}

static void alias_set_rehash(struct alias_list *l)
{
	size_t n_slots = l->n_slots ? l->n_slots * 2 : 64;

	free(l->slots);
	l->slots = xmalloc(n_slots * sizeof(*l->slots));
	memset(l->slots, 0xff, n_slots * sizeof(*l->slots));
	l->n_slots = n_slots;
	for (size_t i = 0; i < l->n; i++) {
		size_t k = hash_bytes(l->alias[i], strlen(l->alias[i])) & (n_slots - 1);
		while (l->slots[k] != UINT32_MAX)
			k = (k + 1) & (n_slots - 1);
		l->slots[k] = (uint32_t)i;
	}
}

struct alias_block {
	struct alias_block *next;
	size_t used, cap;
	char data[];
};

/* Blocks double from the first to the largest: most modules have a few aliases, kept until gen's output. */
#define ALIAS_BLOCK_FIRST 256
#define ALIAS_BLOCK_MAX 8192

/* A copy of the len bytes at s, NUL-terminated, in l's newest block or a new one. */
static char *alias_list_store(struct alias_list *l, const char *s, size_t len)
{
	struct alias_block *b = l->blocks;
	char *p;

	if (!b || b->cap - b->used < len + 1) {
		size_t cap = b ? 2 * (b->cap + sizeof(*b)) : ALIAS_BLOCK_FIRST;

		if (cap > ALIAS_BLOCK_MAX)
			cap = ALIAS_BLOCK_MAX;
		cap -= sizeof(*b);

		if (cap < len + 1)
			cap = len + 1;
		b = xmalloc(sizeof(*b) + cap);
		b->used = 0;
		b->cap = cap;
		b->next = l->blocks;
		l->blocks = b;
	}
	p = b->data + b->used;
	memcpy(p, s, len);
	p[len] = '\0';
	b->used += len + 1;
	return p;
}

bool alias_list_add(struct alias_list *l, const char *alias, const char *type)
{
	size_t len = strlen(alias), k;

	if ((l->n + 1) * 2 > l->n_slots)
		alias_set_rehash(l);
	k = hash_bytes(alias, len) & (l->n_slots - 1);
	while (l->slots[k] != UINT32_MAX) {
		if (strcmp(l->alias[l->slots[k]], alias) == 0)
			return false;
		k = (k + 1) & (l->n_slots - 1);
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->alias = xrealloc(l->alias, l->cap * sizeof(*l->alias));
		l->type = xrealloc(l->type, l->cap * sizeof(*l->type));
	}
	l->slots[k] = (uint32_t)l->n;
	l->type[l->n] = type;
	l->alias[l->n++] = alias_list_store(l, alias, len);
	return true;
}

void alias_list_release(struct alias_list *l)
{
	for (struct alias_block *b = l->blocks, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(l->alias);
	free(l->type);
	free(l->slots);
	memset(l, 0, sizeof(*l));
}

static bool same_placement(const struct placed_layout *a, const struct placed_layout *b, uint32_t n_slots)
{
	if (a->size != b->size)
		return false;
	for (uint32_t s = 0; s < n_slots; s++) {
		int ia = -1, ib = -1;
		for (uint32_t i = 0; i < a->n_fields; i++)
			if (a->fields[i].slot == s)
				ia = (int)i;
		for (uint32_t i = 0; i < b->n_fields; i++)
			if (b->fields[i].slot == s)
				ib = (int)i;
		if ((ia < 0) != (ib < 0))
			return false;
		if (ia >= 0 && (a->fields[ia].offset != b->fields[ib].offset || a->fields[ia].kind != b->fields[ib].kind))
			return false;
	}
	return true;
}

/* The kernel versions at which tt's struct changes, newest first, ending with 0 (the oldest). */
static size_t layout_epochs(const struct ba_table_type *tt, uint32_t *v)
{
	size_t n = 0;

	v[n++] = 0;
	for (uint32_t i = 0; i < tt->n_fields; i++) {
		uint32_t b[2] = { tt->fields[i].since, tt->fields[i].until };
		for (int k = 0; k < 2; k++) {
			size_t j = 0;
			while (j < n && v[j] != b[k])
				j++;
			if (j == n)
				v[n++] = b[k];
		}
	}
	/* Newest first: insertion sort, a few entries. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && v[j] > v[j - 1]; j--) {
			uint32_t x = v[j];
			v[j] = v[j - 1];
			v[j - 1] = x;
		}
	return n;
}

/*
 * Evidence for a layout from the table's bytes: C zeroes the padding of a static object, so under the
 * right layout every byte no member covers is zero, while under a wrong one those positions hold
 * members' bytes.  1 + the number of padding bytes looked at when all are zero (a layout with more
 * padding is the stronger claim), 0 when one is not; 1 without the table's bytes.
 */
static uint64_t padding_evidence(const struct placed_layout *pl, const uint8_t *data, uint64_t table_size)
{
	uint64_t n = table_size / pl->size, checked = 0;
	uint8_t *covered;

	if (!data || !pl->size)
		return 1;
	covered = xcalloc(1, pl->size);
	for (uint32_t i = 0; i < pl->n_fields; i++) {
		const struct placed_field *f = &pl->fields[i];
		if (f->offset < pl->size)
			memset(covered + f->offset, 1, f->size < pl->size - f->offset ? f->size : pl->size - f->offset);
	}
	for (uint64_t e = 0; e < n; e++)
		for (uint32_t b = 0; b < pl->size; b++) {
			if (covered[b])
				continue;
			if (data[e * pl->size + b]) {
				free(covered);
				return 0;
			}
			checked++;
		}
	free(covered);
	return 1 + checked;
}

struct candidate {
	struct placed_layout *pl;
	size_t epoch;
	uint64_t evidence;
};

struct placed_layout *choose_layout(const struct ba_table_type *tt, uint32_t kver, const struct ba_target *t,
				    const uint8_t *data, uint64_t table_size, bool *ambiguous, int *err)
{
	uint32_t epochs[2 * 256 + 1];
	size_t n_epochs = 1, n = 0, best = 0;
	unsigned n_variants = tt->n_variants ? tt->n_variants : 1;
	struct candidate *c;
	struct placed_layout *first = NULL, *chosen;
	bool any_survivor = false;

	*ambiguous = false;
	if (tt->n_fields > 256 || n_variants > 32) {
		*err = -EINVAL;
		return NULL;
	}
	/* With a version: that kernel's struct (one per variant).  Without: every version's, newest first. */
	if (kver)
		epochs[0] = kver;
	else
		n_epochs = layout_epochs(tt, epochs);
	c = xcalloc(n_epochs * n_variants, sizeof(*c));
	for (size_t e = 0; e < n_epochs; e++)
		for (unsigned v = 0; v < n_variants; v++) {
			struct placed_layout *pl = layout_place(tt, epochs[e], v, t, err);

			if (!pl) {
				for (size_t i = 0; i < n; i++)
					free(c[i].pl);
				free(c);
				free(first);
				return NULL;
			}
			if (table_size < pl->size || table_size % pl->size) {
				if (!first && !n)
					first = pl;  /* fits nothing: the newest, for the size check to report */
				else
					free(pl);
				continue;
			}
			c[n] = (struct candidate){ pl, e, padding_evidence(pl, data, table_size) };
			any_survivor |= c[n].evidence > 0;
			n++;
		}
	if (!n) {
		free(c);
		return first;
	}
	free(first);
	/*
	 * Of the layouts that fit, those with a non-zero byte in their padding are out (unless all are).
	 * Of the rest the newest; among its kernel's variants (which the version cannot tell apart), the
	 * one with the most padding, all zero.  Ambiguous: another left that places the fields
	 * differently and was not outweighed that way.
	 */
#define LEFT(i) (c[i].evidence > 0 || !any_survivor)
	while (!LEFT(best))
		best++;
	for (size_t i = best + 1; i < n && c[i].epoch == c[best].epoch; i++)
		if (LEFT(i) && c[i].evidence > c[best].evidence)
			best = i;
	for (size_t i = 0; i < n; i++)
		if (i != best && LEFT(i) && !(c[i].epoch == c[best].epoch && c[i].evidence < c[best].evidence) &&
		    !same_placement(c[best].pl, c[i].pl, tt->n_slots))
			*ambiguous = true;
#undef LEFT
	chosen = c[best].pl;
	for (size_t i = 0; i < n; i++)
		if (i != best)
			free(c[i].pl);
	free(c);
	return chosen;
}

struct format_ctx {
	struct ba_out out;
	struct gen_result *res;
	const struct module_table *table;
	const char *type;
	unsigned index;
};

static int emit_alias(struct ba_out *out, const char *alias)
{
	struct format_ctx *fc = out->priv;
	size_t len = 0;

	/* The line is "alias PATTERN MODULE": a space or control byte would forge or break lines. */
	for (const unsigned char *p = (const unsigned char *)alias; *p; p++, len++)
		if (*p <= 0x20 || *p == 0x7f) {
			ba_warnf(out, "alias \"%s\" contains whitespace or a control character, skipped", alias);
			return -EINVAL;
		}
	if (len == 0) {
		out->warn(out, "formatter produced an empty alias, skipped");
		return -EINVAL;
	}
	/* A formatter's BA_ALIAS_MAX buffer filled to the last byte was probably cut short. */
	if (len >= BA_ALIAS_MAX - 1) {
		ba_warnf(out, "alias of %zu bytes reaches the limit of %d, skipped (truncated?)", len, BA_ALIAS_MAX - 2);
		return -ENAMETOOLONG;
	}
	if (fc->res->aliases.n >= BA_MAX_MODULE_ALIASES) {
		if (!fc->res->too_many_aliases)
			ba_warnf(out, "more than %u aliases in one module; the rest are skipped", BA_MAX_MODULE_ALIASES);
		fc->res->too_many_aliases = true;
		return -E2BIG;
	}
	alias_list_add(&fc->res->aliases, alias, fc->type);
	return 0;
}

static void warn_entry(struct ba_out *out, const char *msg)
{
	struct format_ctx *fc = out->priv;

	ba_warn("%s: %s table %s entry %u: %s", fc->res->path, fc->type, fc->table->symbol, fc->index, msg);
}

static bool all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

#define TABLE_WARN(res, tab, tt, fmt, ...) \
	ba_warn("%s: %s table %s: " fmt, (res)->path, (tt)->type, (tab)->symbol, __VA_ARGS__)

static void generate_table(const struct module_file *m, const struct module_table *tab, const struct ba_table_type *tt,
			   struct gen_result *res)
{
	struct placed_layout *pl;
	bool ambiguous;
	uint64_t n;
	int err = 0;

	if (!(pl = choose_layout(tt, m->kver, &m->target, tab->data, tab->size, &ambiguous, &err))) {
		TABLE_WARN(res, tab, tt, "plugin declares a bad layout for struct %s", tt->struct_name);
		return;
	}
	if (ambiguous)
		TABLE_WARN(res, tab, tt, "%s the table size %llu fits several layouts of struct %s; using %u-byte entries",
			   m->kver ? "the kernel version does not decide, and" : "no vermagic and",
			   (unsigned long long)tab->size, tt->struct_name, pl->size);
	if (tab->size % pl->size || tab->size == 0) {
		TABLE_WARN(res, tab, tt, "size %llu is not a whole number of %u-byte struct %s entries, table skipped",
			   (unsigned long long)tab->size, pl->size, tt->struct_name);
		free(pl);
		return;
	}
	n = tab->size / pl->size;

	size_t zeros_len = tab->data ? 0 : pl->size;
	uint8_t *zeros = zeros_len ? xcalloc(1, zeros_len) : NULL;
	const uint8_t *base = tab->data;
#define ENTRY(i) (base ? base + (size_t)(i) * pl->size : zeros)

	if (!all_zero(ENTRY(n - 1), pl->size))
		TABLE_WARN(res, tab, tt, "last entry is not all zero (missing terminator); using all %llu entries",
			   (unsigned long long)n);
	else
		n--;
	/*
	 * A table in a NOBITS section is all zeros: every entry gives the same
	 * aliases, which the dedupe folds into one, so one entry says it all
	 * (and a huge st_size costs nothing).
	 */
	if (!base && n > 1)
		n = 1;
	if (n > BA_MAX_TABLE_ENTRIES) {
		TABLE_WARN(res, tab, tt, "%llu entries, more than the limit of %u; the rest are skipped",
			   (unsigned long long)n, BA_MAX_TABLE_ENTRIES);
		n = BA_MAX_TABLE_ENTRIES;
	}

	struct ba_value *v = xcalloc(tt->n_slots, sizeof(*v));
	char *strs = xmalloc(layout_str_store_size(pl) + 1);
	struct format_ctx fc = {
		.out = { .struct_size = sizeof(struct ba_out), .emit = emit_alias, .warn = warn_entry },
		.res = res,
		.table = tab,
		.type = tt->type,
	};
	struct ba_entry e = {
		.struct_size = sizeof(e), .kver = m->kver, .module = m->name, .table_type = tt->type,
		.v = v, .n_slots = tt->n_slots, .ulong_size = target_ulong_size(&m->target),
	};
	fc.out.priv = &fc;
	for (uint64_t i = 0; i < n; i++) {
		layout_decode(pl, &m->target, ENTRY(i), v, tt->n_slots, strs);
		e.index = fc.index = (unsigned)i;
		if (tt->format)
			tt->format(&fc.out, &e);
		else
			format_parts(tt, &fc.out, &e);
	}
#undef ENTRY
	free(strs);
	free(v);
	free(zeros);
	free(pl);
}

/* One .modinfo alias= value, checked as emit_alias() checks a formatter's. */
static void add_modinfo_alias(const struct module_file *m, const struct modinfo_alias *a, struct gen_result *res)
{
	_cleanup_free_ char *alias = NULL;

	for (size_t i = 0; i < a->len; i++) {
		unsigned char c = (unsigned char)a->s[i];
		if (c <= 0x20 || c == 0x7f) {
			ba_warn("%s: .modinfo alias \"%.*s\"%s contains whitespace or a control character, skipped",
				m->path, (int)(a->len > 200 ? 200 : a->len), a->s, a->len > 200 ? "..." : "");
			return;
		}
	}
	if (a->len == 0) {
		ba_warn("%s: empty .modinfo alias, skipped", m->path);
		return;
	}
	if (a->len >= BA_ALIAS_MAX - 1) {
		ba_warn("%s: .modinfo alias \"%.200s...\" of %zu bytes is longer than the limit of %d, skipped", m->path,
			a->s, a->len, BA_ALIAS_MAX - 2);
		return;
	}
	if (res->aliases.n >= BA_MAX_MODULE_ALIASES) {
		if (!res->too_many_aliases)
			ba_warn("%s: more than %u aliases in one module; the rest are skipped", m->path,
				BA_MAX_MODULE_ALIASES);
		res->too_many_aliases = true;
		return;
	}
	alias = xmalloc(a->len + 1);
	memcpy(alias, a->s, a->len);
	alias[a->len] = '\0';
	alias_list_add(&res->aliases, alias, "modinfo");
}

/* data == NULL: read the file at path; else path only names data (and its compression suffix). */
static int generate(const struct plugin_set *plugins, const char *path, const void *data, size_t len,
		    unsigned flags, struct gen_result *res)
{
	unsigned long warnings_before = ba_thread_warning_count();
	struct module_file *m;
	int r;

	memset(res, 0, sizeof(*res));
	res->path = xstrdup(path);
	r = data ? module_file_open_mem(path, data, len, &m) : module_file_open(path, &m);
	if (r == 0) {
		res->name = xstrdup(m->name);
		res->kver = m->kver;
		if (flags & GEN_MODINFO_ALIASES) {
			for (size_t i = 0; i < m->n_modinfo_aliases; i++)
				add_modinfo_alias(m, &m->modinfo_aliases[i], res);
			if (m->n_modinfo_aliases_dropped && !res->too_many_aliases) {
				ba_warn("%s: more than %u aliases in one module; the rest are skipped", m->path,
					BA_MAX_MODULE_ALIASES);
				res->too_many_aliases = true;
			}
		}
		for (size_t i = 0; i < m->n_tables; i++) {
			const struct module_table *tab = &m->tables[i];
			const struct ba_table_type *tt = plugin_set_table(plugins, tab->ts.type, tab->ts.type_len);
			/* A type the module's own kernel had no aliases for gets none (modpost ignored it). */
			if (tt && !(m->kver && tt->since && m->kver < tt->since))
				generate_table(m, tab, tt, res);
		}
		module_file_free(m);
	}
	/* Every warning printed for this module, the reader's included, counts towards the exit status. */
	res->warnings = (unsigned)(ba_thread_warning_count() - warnings_before);
	if (r < 0 && res->warnings == 0)
		res->warnings = 1;
	return r;
}

int generate_module(const struct plugin_set *plugins, const char *path, struct gen_result *res)
{
	return generate(plugins, path, NULL, 0, 0, res);
}

int generate_module_flags(const struct plugin_set *plugins, const char *path, unsigned flags, struct gen_result *res)
{
	return generate(plugins, path, NULL, 0, flags, res);
}

int generate_module_mem(const struct plugin_set *plugins, const char *name, const void *data, size_t len,
			struct gen_result *res)
{
	return generate(plugins, name, data ? data : "", len, 0, res);
}

int generate_module_any(const struct plugin_set *plugins, const char *path, const void *data, size_t len,
			unsigned flags, struct gen_result *res)
{
	return generate(plugins, path, data, len, flags, res);
}

void gen_result_release(struct gen_result *r)
{
	free(r->path);
	free(r->name);
	free(r->messages);
	alias_list_release(&r->aliases);
	memset(r, 0, sizeof(*r));
}
