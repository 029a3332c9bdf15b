/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Test fixture writer: kernel-module-shaped ET_REL files for any ELF class,
 * byte order and e_machine, written with libelf.  Fixtures are made at test
 * time, so no binary blob is ever committed.
 *
 * Device-table encoders place fields at offsets derived by hand from each
 * ABI's C rules (see the comments in mkmodule-lib.c), deliberately not with
 * the layout code under test.
 */
#ifndef BUSALIAS_MKMODULE_H
#define BUSALIAS_MKMODULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct mkm_target {
	int elfclass;      /* 32 or 64 */
	bool big_endian;
	uint16_t machine;  /* EM_* */
};

/* A growing byte buffer for table contents. */
struct mkm_buf {
	uint8_t *p;
	size_t len, cap;
};
void mkm_buf_add(struct mkm_buf *b, const void *data, size_t n);
void mkm_buf_zero(struct mkm_buf *b, size_t n);
void mkm_buf_free(struct mkm_buf *b);

/* Store v as an n-byte integer in the target's byte order. */
void mkm_put(uint8_t *p, unsigned n, uint64_t v, bool big_endian);
unsigned mkm_ulong_size(const struct mkm_target *t);

/* Append one struct to b; each returns the struct's size for t. */
size_t mkm_pci_id(struct mkm_buf *b, const struct mkm_target *t, bool with_override_only, uint32_t vendor,
		  uint32_t device, uint32_t subvendor, uint32_t subdevice, uint32_t class_, uint32_t class_mask,
		  uint64_t driver_data, uint32_t override_only);
size_t mkm_platform_id(struct mkm_buf *b, const struct mkm_target *t, const char *name, uint64_t driver_data);
/* id_len 9 (before 5.18) or 16. */
size_t mkm_acpi_id(struct mkm_buf *b, const struct mkm_target *t, unsigned id_len, const char *id,
		   uint64_t driver_data, uint32_t cls, uint32_t cls_msk);

#define MKM_SHN_UNDEF (-1)
#define MKM_SHN_ABS (-2)

struct mkm_section {
	const char *name;
	uint32_t type;     /* SHT_PROGBITS or SHT_NOBITS */
	const void *data;  /* PROGBITS: size bytes; NOBITS: ignored */
	size_t size;
	uint64_t align;
};

struct mkm_sym {
	const char *name;
	int section;        /* index into mkm_spec.sections, or MKM_SHN_* */
	uint64_t value, size;
	bool local;
	bool xindex;        /* st_shndx = SHN_XINDEX, real index in .symtab_shndx */
	unsigned char type; /* STT_*; 0 means STT_OBJECT */
};

/*
 * A raw edit applied to the written file.  where: "ehdr", "shdr:NAME",
 * "shdr:#INDEX" or "sym:NAME"; field: an Elf*_Ehdr/Shdr/Sym member name ("e_shoff",
 * "sh_size", "st_value", ...); op '=' sets, '+' adds, '-' subtracts.
 */
struct mkm_patch {
	const char *where;
	const char *field;
	char op;
	uint64_t value;
};

struct mkm_spec {
	struct mkm_target target;
	const char *modname;    /* .modinfo name=, NULL: none */
	const char *vermagic;   /* .modinfo vermagic=, NULL: none */
	bool no_modinfo;
	bool modinfo_unterminated;  /* last .modinfo string without its NUL */
	const char *const *modinfo_extra;  /* more "key=value" strings, after license= (alias=..., ...) */
	size_t n_modinfo_extra;
	const struct mkm_section *sections;
	size_t n_sections;
	const struct mkm_sym *syms;
	size_t n_syms;
	bool no_symtab;
	/*
	 * Empty sections placed before the spec's own: with 65280 or more, the
	 * file needs extended numbering (e_shnum 0, e_shstrndx SHN_XINDEX) and
	 * symbols in later sections get SHN_XINDEX, as in a huge module.
	 */
	size_t pad_sections;
	const struct mkm_patch *patches;
	size_t n_patches;
};

/* 0, or -1 after a message on stderr. */
int mkm_write(const char *path, const struct mkm_spec *spec);
/* Parse "where:field=value", "where:field+=value", "where:field-=value". */
int mkm_parse_patch(const char *s, struct mkm_patch *out);

#endif
