// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Benchmark baseline: the least work any libelf-based generator must do.
 * Opens every uncompressed module under the given paths, walks its symbol
 * table and counts the MODULE_DEVICE_TABLE() symbols (the three spellings
 * core/symname.c knows).  No .modinfo, no table decoding, no output but the
 * counts, so `busalias gen` time / minscan time is busalias's overhead.
 */
#include <fcntl.h>
#include <ftw.h>
#include <gelf.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static unsigned long n_files, n_tables, n_bad;

static bool is_table_symbol(const char *s)
{
	size_t len;

	if (strncmp(s, "__mod_", 6) != 0)
		return false;
	/* 6.13+: __mod_device_table__[kmod_<mod>__]<type>__<id> */
	if (strncmp(s, "__mod_device_table__", 20) == 0)
		return s[20] != '\0';
	/* up to 6.12: __mod_<type>__<id>_device_table */
	len = strlen(s);
	return len > 6 + 13 && strcmp(s + len - 13, "_device_table") == 0 && strstr(s + 6, "__");
}

static void scan(const char *path)
{
	Elf_Scn *scn = NULL;
	Elf *elf;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		n_bad++;
		return;
	}
	/* pread() of the few parts needed beats mapping the file (fault-around, TLB flush). */
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF) {
		n_bad++;
		goto out;
	}
	n_files++;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		Elf_Data *d, *strs;
		Elf_Scn *strscn;
		size_t n;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || sh.sh_entsize == 0)
			continue;
		d = elf_getdata(scn, NULL);
		strscn = elf_getscn(elf, sh.sh_link);
		strs = strscn ? elf_rawdata(strscn, NULL) : NULL;
		if (!d || !strs)
			break;
		n = sh.sh_size / sh.sh_entsize;
		for (size_t i = 1; i < n; i++) {
			GElf_Sym sym;
			const char *name;

			if (!gelf_getsym(d, (int)i, &sym) || sym.st_shndx == SHN_UNDEF ||
			    GELF_ST_TYPE(sym.st_info) != STT_OBJECT)
				continue;
			if (sym.st_name >= strs->d_size)
				continue;
			name = (const char *)strs->d_buf + sym.st_name;
			if (memchr(name, '\0', strs->d_size - sym.st_name) && is_table_symbol(name))
				n_tables++;
		}
		break;
	}
out:
	if (elf)
		elf_end(elf);
	close(fd);
}

static int visit(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	size_t len = strlen(path);

	(void)st;
	(void)ftw;
	if (flag == FTW_F && len > 3 && strcmp(path + len - 3, ".ko") == 0)
		scan(path);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "Usage: %s PATH...\n", argv[0]);
		return 2;
	}
	elf_version(EV_CURRENT);
	for (int i = 1; i < argc; i++)
		if (nftw(argv[i], visit, 32, FTW_PHYS) < 0) {
			perror(argv[i]);
			return 1;
		}
	printf("%lu modules, %lu device tables, %lu unreadable\n", n_files, n_tables, n_bad);
	return 0;
}
