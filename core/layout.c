// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Places declared fields the way the target's C compiler would: natural
 * alignment, struct size rounded to the largest member alignment, with the
 * ABI exceptions that matter for device tables.
 */
#include <elf.h>
#include <errno.h>
#include <string.h>

#include "busalias.h"

uint32_t target_ulong_size(const struct ba_target *t)
{
	return t->elfclass == 64 ? 8 : 4;
}

/* m68k aligns everything wider than a byte to 2; i386 aligns 8-byte integers to 4. */
static uint32_t max_align(const struct ba_target *t, uint32_t natural)
{
	if (t->machine == EM_68K && natural > 2)
		return 2;
	if (t->machine == EM_386 && natural > 4)
		return 4;
	return natural;
}

static uint32_t kind_size(const struct ba_target *t, unsigned kind)
{
	switch (kind) {
	case BA_KIND_U8:
	case BA_KIND_CHARS:
		return 1;
	case BA_KIND_U16:
		return 2;
	case BA_KIND_U32:
		return 4;
	case BA_KIND_U64:
		return 8;
	case BA_KIND_ULONG:
	case BA_KIND_PTR:
		return target_ulong_size(t);
	}
	return 0;
}

struct placed_layout *layout_place(const struct ba_layout *l, uint32_t n_slots, const struct ba_target *t, int *err)
{
	struct placed_layout *pl;
	uint32_t off = 0, struct_align = 1;

	if (!l->fields || l->n_fields == 0 || l->n_fields > 256) {
		*err = -EINVAL;
		return NULL;
	}
	pl = xcalloc(1, sizeof(*pl) + l->n_fields * sizeof(pl->fields[0]));
	pl->n_fields = l->n_fields;
	for (uint32_t i = 0; i < l->n_fields; i++) {
		const struct ba_field *f = &l->fields[i];
		uint32_t elem = kind_size(t, f->kind), count = f->count ? f->count : 1, align;

		if (elem == 0 || f->slot >= n_slots || count > 65536) {
			free(pl);
			*err = -EINVAL;
			return NULL;
		}
		align = max_align(t, elem);
		if (f->align == BA_ALIGN_ULONG)
			align = target_ulong_size(t);
		else if (f->align)
			align = f->align;
		if (align & (align - 1)) {
			free(pl);
			*err = -EINVAL;
			return NULL;
		}
		off = (off + align - 1) & ~(align - 1);
		pl->fields[i] = (struct placed_field){
			.offset = off, .size = elem * count, .elem_size = (uint16_t)elem,
			.slot = f->slot, .kind = f->kind,
		};
		off += elem * count;
		if (align > struct_align)
			struct_align = align;
	}
	pl->align = struct_align;
	pl->size = (off + struct_align - 1) & ~(struct_align - 1);
	return pl;
}

size_t layout_str_store_size(const struct placed_layout *pl)
{
	size_t n = 0;

	for (uint32_t i = 0; i < pl->n_fields; i++)
		if (pl->fields[i].kind == BA_KIND_CHARS)
			n += pl->fields[i].size + 1;
	return n;
}

static uint64_t load(const uint8_t *p, unsigned n, bool be)
{
	uint64_t x = 0;

	for (unsigned k = 0; k < n; k++)
		x = x << 8 | p[be ? k : n - 1 - k];
	return x;
}

void layout_decode(const struct placed_layout *pl, const struct ba_target *t, const uint8_t *entry, struct ba_value *v,
		   uint32_t n_slots, char *str_store)
{
	static const char empty[1];

	for (uint32_t s = 0; s < n_slots; s++)
		v[s] = (struct ba_value){ .str = empty, .raw = (const uint8_t *)empty, .big_endian = t->big_endian };

	for (uint32_t i = 0; i < pl->n_fields; i++) {
		const struct placed_field *f = &pl->fields[i];
		struct ba_value *val = &v[f->slot];
		const uint8_t *p = entry + f->offset;

		val->raw = p;
		val->size = f->size;
		val->elem_size = f->elem_size;
		val->present = 1;
		if (f->kind == BA_KIND_CHARS) {
			const uint8_t *nul = memchr(p, 0, f->size);
			size_t len = nul ? (size_t)(nul - p) : f->size;
			memcpy(str_store, p, len);
			str_store[len] = '\0';
			val->str = str_store;
			val->u = f->size ? p[0] : 0;
			str_store += len + 1;
		} else {
			val->u = load(p, f->elem_size, t->big_endian);
		}
	}
}
