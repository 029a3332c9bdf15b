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

/* Bytes of one element of a field, for the target. */
static uint32_t elem_size(const struct ba_target *t, const struct ba_field *f)
{
	switch (f->kind) {
	case BA_KIND_U8:
		return 1;
	case BA_KIND_U16:
		return 2;
	case BA_KIND_U32:
		return 4;
	case BA_KIND_U64:
		return 8;
	case BA_KIND_ULONG:
	case BA_KIND_PTR:
	case BA_KIND_BITMAP:
		return target_ulong_size(t);
	case BA_KIND_CHARS:
	case BA_KIND_BYTES:
		return f->count;
	}
	return 0;
}

static uint32_t elem_count(const struct ba_target *t, const struct ba_field *f)
{
	switch (f->kind) {
	case BA_KIND_CHARS:
	case BA_KIND_BYTES:
		return f->elems ? f->elems : 1;
	case BA_KIND_BITMAP:
		return f->count / (8 * target_ulong_size(t)) + 1;
	}
	return f->count ? f->count : 1;
}

bool field_in_layout(const struct ba_field *f, uint32_t kver, unsigned variant)
{
	if (f->since && kver < f->since)
		return false;
	if (f->until && kver >= f->until)
		return false;
	return !f->variants || (f->variants >> variant & 1);
}

struct placed_layout *layout_place(const struct ba_table_type *tt, uint32_t kver, unsigned variant,
				   const struct ba_target *t, int *err)
{
	struct placed_layout *pl;
	uint32_t off = 0, struct_align = 1, n = 0;

	if (!tt->fields || tt->n_fields == 0 || tt->n_fields > 256) {
		*err = -EINVAL;
		return NULL;
	}
	pl = xcalloc(1, sizeof(*pl) + tt->n_fields * sizeof(pl->fields[0]));
	for (uint32_t i = 0; i < tt->n_fields; i++) {
		const struct ba_field *f = &tt->fields[i];
		uint32_t elem, count, align;

		if (!field_in_layout(f, kver, variant))
			continue;
		elem = elem_size(t, f);
		count = elem_count(t, f);
		if (f->kind >= BA_KIND__COUNT || elem == 0 || elem > 65535 || f->slot >= tt->n_slots || count > 65536 ||
		    (uint64_t)elem * count > (1u << 20)) {
			free(pl);
			*err = -EINVAL;
			return NULL;
		}
		/* Byte arrays align as bytes; everything else as its element, within the ABI's limit. */
		align = f->kind == BA_KIND_CHARS || f->kind == BA_KIND_BYTES ? 1 : max_align(t, elem);
		if (f->align == BA_ALIGN_ULONG)
			align = target_ulong_size(t);
		else if (f->align)
			align = f->align;
		if (align & (align - 1) || align > 64) {
			free(pl);
			*err = -EINVAL;
			return NULL;
		}
		off = (off + align - 1) & ~(align - 1);
		pl->fields[n++] = (struct placed_field){
			.offset = off, .size = elem * count, .elem_size = (uint16_t)elem,
			.slot = f->slot, .kind = f->kind,
		};
		off += elem * count;
		if (align > struct_align)
			struct_align = align;
	}
	if (n == 0) {
		free(pl);
		*err = -EINVAL;
		return NULL;
	}
	pl->n_fields = n;
	pl->align = struct_align;
	pl->size = (off + struct_align - 1) & ~(struct_align - 1);
	return pl;
}

size_t layout_str_store_size(const struct placed_layout *pl)
{
	size_t n = 0;

	for (uint32_t i = 0; i < pl->n_fields; i++)
		if (pl->fields[i].kind == BA_KIND_CHARS)
			n += pl->fields[i].elem_size + 1;
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
			/* The first element's string: the kernel prints it with %s, up to its NUL (or the array's end). */
			const uint8_t *nul = memchr(p, 0, f->elem_size);
			size_t len = nul ? (size_t)(nul - p) : f->elem_size;
			memcpy(str_store, p, len);
			str_store[len] = '\0';
			val->str = str_store;
			val->u = p[0];
			str_store += len + 1;
		} else if (f->kind == BA_KIND_BYTES) {
			val->u = p[0];
		} else {
			val->u = load(p, f->elem_size, t->big_endian);
		}
	}
}
