// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Benchmark baseline: the least work any libelf-based generator must do.
 * Opens every uncompressed module under the given paths, walks its symbol
 * table and counts the MODULE_DEVICE_TABLE() symbols (the three spellings
 * core/symname.c knows).  No .modinfo, no table decoding, no output but the
 * counts, so `busalias gen` time / minscan time is busalias's overhead.
 * -j N reads the files in N threads (default 1), each taking the next file
 * of the list, as busalias gen -j N does.
 */
#include <fcntl.h>
#include <ftw.h>
#include <gelf.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static atomic_ulong n_files, n_tables, n_bad;
static char **paths;
static size_t n_paths, cap_paths;
static atomic_size_t next_path;

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
	if (flag == FTW_F && len > 3 && strcmp(path + len - 3, ".ko") == 0) {
		if (n_paths == cap_paths) {
			cap_paths = cap_paths ? 2 * cap_paths : 1024;
			if (!(paths = realloc(paths, cap_paths * sizeof(*paths))))
				return -1;
		}
		if (!(paths[n_paths++] = strdup(path)))
			return -1;
	}
	return 0;
}

static void *worker(void *unused)
{
	size_t i;

	(void)unused;
	while ((i = atomic_fetch_add(&next_path, 1)) < n_paths)
		scan(paths[i]);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t threads[256];
	long jobs = 1;
	int opt;

	while ((opt = getopt(argc, argv, "j:")) != -1) {
		char *end;
		if (opt != 'j' || (jobs = strtol(optarg, &end, 10), *end) || jobs < 1 || jobs > 256) {
			fprintf(stderr, "Usage: %s [-j THREADS (1-256)] PATH...\n", argv[0]);
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "Usage: %s [-j THREADS (1-256)] PATH...\n", argv[0]);
		return 2;
	}
	elf_version(EV_CURRENT);
	for (int i = optind; i < argc; i++)
		if (nftw(argv[i], visit, 32, FTW_PHYS) < 0) {
			perror(argv[i]);
			return 1;
		}
	for (long t = 1; t < jobs; t++)
		if (pthread_create(&threads[t], NULL, worker, NULL) != 0) {
			fprintf(stderr, "%s: cannot start thread %ld\n", argv[0], t);
			return 1;
		}
	worker(NULL);
	for (long t = 1; t < jobs; t++)
		pthread_join(threads[t], NULL);
	printf("%lu modules, %lu device tables, %lu unreadable\n", (unsigned long)n_files, (unsigned long)n_tables,
	       (unsigned long)n_bad);
	return 0;
}
