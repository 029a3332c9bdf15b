// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * fuzz-sysfs: the sysfs readers behind `busalias status`, `bind --dry-run`, `restore --dry-run` and
 * `match --device`, on a fake sysfs tree made once per process in a tmpfs directory: a PCI NIC and
 * its audio function in IOMMU group 12, a platform UART, an ACPI description with a physical node,
 * drivers, a module.  Each input rewrites parts of the tree, runs commands on it, and the tree is
 * put back as it was before the next input.
 *
 * Input: text lines (escapes \n \t \\ \0 \xHH in paths and values).
 *   w PATH CONTENT          write a file (any bytes; no newline unless given)
 *   W PATH COUNT CONTENT    the same, CONTENT repeated to COUNT bytes (at most 64 KiB)
 *   l PATH TARGET           a symlink; TARGET may climb with "..", be absolute (rebased into the
 *                           fuzzer's directory, never the real root) or name itself (a loop)
 *   d PATH / p PATH / r PATH   a directory, a FIFO, remove
 *   !status DEV | !json DEV | !all | !bind DEV | !driver NAME DEV | !restore DEV | !match DEV
 *                           run that command (at most 4 per input) after the edits
 * PATH is relative to the sysfs root and may start with an abbreviation: @pci0 @pci1 @uart @i2c
 * @acpi (device directories), @group (the IOMMU group's devices), @pcidev @pcidrv @platdev @acpidev
 * (bus directories), @mod (module/).  A path never goes through a symlink and never replaces a
 * directory of the base tree, so every change can be undone.
 *
 * Commands run through cmd_status()/cmd_bind()/cmd_restore()/cmd_match() with an argv (always
 * --dry-run for bind and restore, DEV after "--"; match and status, on the public API, with a library context);
 * their dlopen() of plugins is replaced by the statically linked ones with the linker's
 * --wrap=load_plugins.  Any sysfs write or modprobe run
 * would abort: dry runs only print.  Checked besides the sanitizers: status --json prints valid
 * JSON; every write a dry run plans goes to a path under the sysfs root that does not climb out of
 * it with ".."; every message is one line.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "fuzz.h"

#define MAX_COMMANDS 4
#define MAX_CONTENT (64 * 1024)
#define MAX_UNDO 256

static char base[PATH_MAX / 4];  /* the fuzzer's directory: root/, outside/, alias, lock dir */
static char root[PATH_MAX / 2];  /* the fake sysfs root */
static char alias_file[PATH_MAX], lock_dir[PATH_MAX], modprobe[PATH_MAX];

#define PCI0 "devices/pci0000:00/0000:00:1c.0/0000:01:00.0"
#define PCI1 "devices/pci0000:00/0000:00:1c.0/0000:01:00.1"
#define UART "devices/platform/sim-uart.0"
#define I2C "devices/platform/AMDI0010:00"
#define ACPI "devices/LNXSYSTM:00/LNXSYBUS:00/AMDI0010:00"
#define GROUP "kernel/iommu_groups/12/devices"

static const struct {
	const char *abbrev, *path;
} abbrevs[] = {
	{ "@pci0", PCI0 },
	{ "@pci1", PCI1 },
	{ "@uart", UART },
	{ "@i2c", I2C },
	{ "@acpi", ACPI },
	{ "@group", GROUP },
	{ "@pcidev", "bus/pci/devices" },
	{ "@pcidrv", "bus/pci/drivers" },
	{ "@platdev", "bus/platform/devices" },
	{ "@acpidev", "bus/acpi/devices" },
	{ "@mod", "module" },
};

/* The base tree: 'd' directory, 'f' file with content, 'l' symlink (relative, as sysfs makes them). */
static const struct entry {
	char type;
	const char *path, *data;
} tree[] = {
	{ 'd', "bus/pci/devices", NULL },
	{ 'd', "bus/pci/drivers/e1000e", NULL },
	{ 'd', "bus/pci/drivers/snd_hda_intel", NULL },
	{ 'd', "bus/pci/drivers/vfio-pci", NULL },
	{ 'f', "bus/pci/drivers_probe", "" },
	{ 'd', "bus/platform/devices", NULL },
	{ 'd', "bus/platform/drivers/sim-uart", NULL },
	{ 'd', "bus/platform/drivers/i2c_designware", NULL },
	{ 'f', "bus/platform/drivers_probe", "" },
	{ 'd', "bus/acpi/devices", NULL },
	{ 'd', "bus/acpi/drivers", NULL },
	{ 'd', "module/e1000e/drivers", NULL },
	{ 'l', "module/e1000e/drivers/pci:e1000e", "../../../bus/pci/drivers/e1000e" },
	{ 'l', "bus/pci/drivers/e1000e/module", "../../../../module/e1000e" },
	{ 'd', "module/vfio_pci/drivers", NULL },
	{ 'l', "bus/pci/drivers/vfio-pci/module", "../../../../module/vfio_pci" },
	{ 'd', "module/vfio_platform", NULL },
	{ 'd', GROUP, NULL },

	{ 'd', PCI0 "/net/eth0", NULL },
	{ 'f', PCI0 "/net/eth0/flags", "0x1002\n" },
	{ 'f', PCI0 "/modalias", "pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00\n" },
	{ 'f', PCI0 "/driver_override", "(null)\n" },
	{ 'f', PCI0 "/uevent", "DRIVER=e1000e\nPCI_SLOT_NAME=0000:01:00.0\n" },
	{ 'l', PCI0 "/subsystem", "../../../../bus/pci" },
	{ 'l', PCI0 "/driver", "../../../../bus/pci/drivers/e1000e" },
	{ 'l', PCI0 "/iommu_group", "../../../../kernel/iommu_groups/12" },
	{ 'l', "bus/pci/devices/0000:01:00.0", "../../../" PCI0 },
	{ 'l', "bus/pci/drivers/e1000e/0000:01:00.0", "../../../../" PCI0 },
	{ 'l', GROUP "/0000:01:00.0", "../../../../" PCI0 },

	{ 'd', PCI1, NULL },
	{ 'f', PCI1 "/modalias", "pci:v00008086d000010D4sv00008086sd0000A01Fbc04sc03i00\n" },
	{ 'f', PCI1 "/driver_override", "(null)\n" },
	{ 'l', PCI1 "/subsystem", "../../../../bus/pci" },
	{ 'l', PCI1 "/driver", "../../../../bus/pci/drivers/snd_hda_intel" },
	{ 'l', PCI1 "/iommu_group", "../../../../kernel/iommu_groups/12" },
	{ 'l', "bus/pci/devices/0000:01:00.1", "../../../" PCI1 },
	{ 'l', GROUP "/0000:01:00.1", "../../../../" PCI1 },

	{ 'd', UART, NULL },
	{ 'f', UART "/modalias", "platform:sim-uart\n" },
	{ 'f', UART "/driver_override", "(null)\n" },
	{ 'l', UART "/subsystem", "../../../bus/platform" },
	{ 'l', UART "/driver", "../../../bus/platform/drivers/sim-uart" },
	{ 'l', "bus/platform/devices/sim-uart.0", "../../../" UART },

	{ 'd', I2C, NULL },
	{ 'f', I2C "/modalias", "acpi:AMDI0010:\n" },
	{ 'f', I2C "/driver_override", "(null)\n" },
	{ 'l', I2C "/subsystem", "../../../bus/platform" },
	{ 'l', I2C "/driver", "../../../bus/platform/drivers/i2c_designware" },
	{ 'l', "bus/platform/devices/AMDI0010:00", "../../../" I2C },

	{ 'd', ACPI, NULL },
	{ 'f', ACPI "/modalias", "acpi:AMDI0010:\n" },
	{ 'l', ACPI "/subsystem", "../../../../bus/acpi" },
	{ 'l', ACPI "/physical_node", "../../../platform/AMDI0010:00" },
	{ 'l', "bus/acpi/devices/AMDI0010:00", "../../../" ACPI },
};

/* Outside the sysfs root, for links that leave it. */
static const struct entry outside[] = {
	{ 'd', "outside/dev", NULL },
	{ 'f', "outside/dev/modalias", "pci:v00001234d00005678sv0sd0bc03sc00i00\n" },
	{ 'f', "outside/dev/driver_override", "(null)\n" },
	{ 'l', "outside/dev/subsystem", "../../root/bus/pci" },
};

static const char modules_alias[] =
	"alias pci:v00008086d000010D3sv*sd*bc*sc*i* e1000e\n"
	"alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci\n"
	"alias vfio_pci:v00008086d000010D4sv*sd*bc*sc*i* snd_vfio\n"
	"alias platform:sim-uart sim_uart\n"
	"alias vfio_platform:sim-uart vfio_platform\n"
	"alias acpi*:AMDI0010:* i2c_designware_platform\n"
	"alias vfio_acpi*:AMDI0010:* -bad_module\n";

static _Noreturn void die(const char *what, const char *path)
{
	fprintf(stderr, "fuzz-sysfs: %s %s: %s\n", what, path, strerror(errno));
	abort();
}

static void put_file(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);

	if (fd < 0)
		die("create", path);
	if (len && write(fd, data, len) != (ssize_t)len)
		die("write", path);
	close(fd);
}

static void make_entry(const char *dir, const struct entry *e)
{
	char p[PATH_MAX];

	snprintf(p, sizeof(p), "%s/%s", dir, e->path);
	switch (e->type) {
	case 'd':
		for (char *s = p + strlen(dir) + 1; *s; s++)
			if (*s == '/') {
				*s = '\0';
				if (mkdir(p, 0755) < 0 && errno != EEXIST)
					die("mkdir", p);
				*s = '/';
			}
		if (mkdir(p, 0755) < 0 && errno != EEXIST)
			die("mkdir", p);
		break;
	case 'f':
		put_file(p, e->data, strlen(e->data));
		break;
	case 'l':
		if (symlink(e->data, p) < 0)
			die("symlink", p);
		break;
	}
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

static void remove_tree(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void cleanup(void)
{
	if (base[0])
		remove_tree(base);
}

/* Directories of processes that died without cleaning up (a crash, a timeout). */
static void remove_stale(const char *parent)
{
	DIR *d = opendir(parent);
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d))) {
		char p[PATH_MAX], pid[32] = "";
		if (strncmp(de->d_name, "busalias-fuzz-sysfs.", 20))
			continue;
		snprintf(p, sizeof(p), "%s/%s/pid", parent, de->d_name);
		FILE *f = fopen(p, "re");
		if (f) {
			if (!fgets(pid, sizeof(pid), f))
				pid[0] = '\0';
			fclose(f);
		}
		long n = strtol(pid, NULL, 10);
		if (n > 0 && (kill((pid_t)n, 0) == 0 || errno != ESRCH))
			continue;
		snprintf(p, sizeof(p), "%s/%s", parent, de->d_name);
		remove_tree(p);
	}
	closedir(d);
}

/* A write or a helper run would mean a dry run that is not one. */
static int no_write(void *data, const char *r, const char *path, const char *value)
{
	fuzz_fail(__FILE__, __LINE__, "dry run", "write of '%s' to %s/%s", value, r, path);
}

int __wrap_load_plugins(struct plugin_set *set, const struct ba_config *cfg);
int __wrap_load_plugins(struct plugin_set *set, const struct ba_config *cfg)
{
	(void)cfg;
	fuzz_add_plugins(set);
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *parent = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char p[PATH_MAX], pid[32];

	(void)argc;
	(void)argv;
	remove_stale(parent);
	snprintf(base, sizeof(base), "%s/busalias-fuzz-sysfs.XXXXXX", parent);
	if (!mkdtemp(base))
		die("mkdtemp", base);
	atexit(cleanup);
	snprintf(p, sizeof(p), "%s/pid", base);
	snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
	put_file(p, pid, strlen(pid));
	snprintf(root, sizeof(root), "%s/root", base);
	if (mkdir(root, 0755) < 0)
		die("mkdir", root);
	for (size_t i = 0; i < ARRAY_SIZE(tree); i++)
		make_entry(root, &tree[i]);
	for (size_t i = 0; i < ARRAY_SIZE(outside); i++)
		make_entry(base, &outside[i]);
	snprintf(alias_file, sizeof(alias_file), "%s/modules.alias", base);
	put_file(alias_file, modules_alias, strlen(modules_alias));
	snprintf(lock_dir, sizeof(lock_dir), "%s/lock", base);
	/* Never there: should a command run modprobe after all, nothing is run. */
	snprintf(modprobe, sizeof(modprobe), "%s/no-modprobe", base);

	/* Commands print their plans and status on stdout; captured per command, never shown. */
	if (!freopen("/dev/null", "w", stdout))
		die("freopen", "/dev/null");
	return 0;
}

/* ---- input decoding ---- */

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decode escapes of s[0..n) into out (room for n + 1); returns the length. */
static size_t unescape(const char *s, size_t n, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\\' || i + 1 == n) {
			out[o++] = s[i];
			continue;
		}
		switch (s[++i]) {
		case 'n':
			out[o++] = '\n';
			break;
		case 't':
			out[o++] = '\t';
			break;
		case '0':
			out[o++] = '\0';
			break;
		case 'x':
			if (i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
				out[o++] = (char)(hexval(s[i + 1]) << 4 | hexval(s[i + 2]));
				i += 2;
			} else {
				out[o++] = 'x';
			}
			break;
		default:
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	return o;
}

/* ---- the tree: edits and their undoing ---- */

static const struct entry *base_entry(const char *rel)
{
	for (size_t i = 0; i < ARRAY_SIZE(tree); i++)
		if (!strcmp(tree[i].path, rel))
			return &tree[i];
	return NULL;
}

/* Is rel a directory of the base tree, or an ancestor of an entry of it? */
static bool base_dir(const char *rel)
{
	size_t n = strlen(rel);

	for (size_t i = 0; i < ARRAY_SIZE(tree); i++)
		if (!strncmp(tree[i].path, rel, n) && (tree[i].path[n] == '/' || (tree[i].path[n] == '\0' && tree[i].type == 'd')))
			return true;
	return false;
}

static char undo[MAX_UNDO][PATH_MAX / 4];
static size_t n_undo;

/* Directories this input created: a path may go through them. */
static bool created_dir(const char *rel)
{
	struct stat st;
	char p[PATH_MAX];

	for (size_t i = 0; i < n_undo; i++)
		if (!strcmp(undo[i], rel)) {
			snprintf(p, sizeof(p), "%s/%s", root, rel);
			return lstat(p, &st) == 0 && S_ISDIR(st.st_mode);
		}
	return false;
}

/* Expand an abbreviation and check the path: components that are neither empty, "." nor "..",
 * whose parents are real directories (of the base tree or made by this input). */
static bool tree_path(const char *arg, char *rel, size_t len)
{
	const char *rest = arg;

	rel[0] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(abbrevs); i++) {
		size_t n = strlen(abbrevs[i].abbrev);
		if (!strncmp(arg, abbrevs[i].abbrev, n) && (arg[n] == '/' || arg[n] == '\0')) {
			snprintf(rel, len, "%s", abbrevs[i].path);
			rest = arg + n + (arg[n] == '/');
			break;
		}
	}
	if (!*rest)
		return false; /* an abbreviation alone is a base directory */
	size_t used = strlen(rel);
	int w = snprintf(rel + used, len - used, "%s%s", used ? "/" : "", rest);
	if (w < 0 || (size_t)w >= len - used)
		return false;
	for (char *c = rel, *slash;; c = slash + 1) {
		slash = strchr(c, '/');
		size_t n = slash ? (size_t)(slash - c) : strlen(c);
		if (n == 0 || n > 255 || (n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.'))
			return false;
		if (!slash)
			break;
		*slash = '\0';
		bool dir = base_dir(rel) || created_dir(rel);
		*slash = '/';
		if (!dir)
			return false;
	}
	return !base_dir(rel);
}

/* Put rel back as the base tree has it (or remove it if the base tree has nothing there). */
static void restore_path(const char *rel)
{
	char p[PATH_MAX];
	struct stat st;
	const struct entry *e = base_entry(rel);

	snprintf(p, sizeof(p), "%s/%s", root, rel);
	if (lstat(p, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			remove_tree(p);
		else
			unlink(p);
	}
	if (e)
		make_entry(root, e);
}

/*
 * A link target that stays in the fuzzer's directory: an absolute one is rebased there; a relative
 * one may climb with leading ".." as far as that directory (resolved from the link's own real
 * directory); a later ".." is dropped.
 */
static void link_target(const char *rel, const char *target, char *out, size_t len)
{
	size_t depth = 1, ups = 0, used;
	const char *t = target;

	for (const char *c = rel; *c; c++)
		depth += *c == '/';
	if (*t == '/') {
		snprintf(out, len, "%s/outside", base);
		used = strlen(out);
	} else {
		while (t[0] == '.' && t[1] == '.' && (t[2] == '/' || t[2] == '\0')) {
			ups++;
			t += 2 + (t[2] == '/');
		}
		if (ups > depth)
			ups = depth;
		out[0] = '\0';
		used = 0;
		for (size_t i = 0; i < ups && used + 4 < len; i++)
			used += (size_t)snprintf(out + used, len - used, "../");
	}
	for (const char *c = t; *c && used + 1 < len;) {
		const char *slash = strchr(c, '/');
		size_t n = slash ? (size_t)(slash - c) : strlen(c);
		if (!(n == 2 && c[0] == '.' && c[1] == '.')) {
			if (used + n + 2 >= len)
				break;
			memcpy(out + used, c, n);
			used += n;
			if (slash)
				out[used++] = '/';
		}
		if (!slash)
			break;
		c = slash + 1;
	}
	out[used] = '\0';
	if (!out[0])
		snprintf(out, len, ".");
}

static void edit(char op, const char *arg, const char *value, size_t value_len)
{
	char rel[PATH_MAX / 4], p[PATH_MAX], target[PATH_MAX];
	struct stat st;

	if (n_undo == MAX_UNDO || !tree_path(arg, rel, sizeof(rel)))
		return;
	snprintf(undo[n_undo++], sizeof(undo[0]), "%s", rel);
	snprintf(p, sizeof(p), "%s/%s", root, rel);
	if (lstat(p, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			remove_tree(p);
		else
			unlink(p);
	}
	switch (op) {
	case 'w':
		put_file(p, value, value_len);
		break;
	case 'W': {
		char *end;
		unsigned long count = strtoul(value, &end, 10);
		if (count > MAX_CONTENT)
			count = MAX_CONTENT;
		if (*end == ' ')
			end++;
		size_t unit = value_len - (size_t)(end - value);
		char *big = xmalloc(count ? count : 1);
		for (size_t i = 0; i < count; i++)
			big[i] = unit ? end[i % unit] : 'A';
		put_file(p, big, count);
		free(big);
		break;
	}
	case 'l':
		link_target(rel, value, target, sizeof(target));
		if (symlink(target, p) < 0 && errno != ENAMETOOLONG)
			die("symlink", p);
		break;
	case 'd':
		if (mkdir(p, 0755) < 0)
			die("mkdir", p);
		break;
	case 'p':
		if (mkfifo(p, 0644) < 0)
			die("mkfifo", p);
		break;
	case 'r':
		break;
	}
}

static void undo_all(void)
{
	while (n_undo > 0)
		restore_path(undo[--n_undo]);
}

/* ---- commands ---- */

static void check_plan(const char *out, size_t len)
{
	static const char w[] = "would write '";
	const char *end = out + len;
	size_t rl = strlen(root);

	for (const char *l = out; l < end;) {
		const char *eol = memchr(l, '\n', (size_t)(end - l));
		if (!eol)
			eol = end;
		if ((size_t)(end - l) >= sizeof(w) - 1 && !memcmp(l, w, sizeof(w) - 1)) {
			/* would write 'VALUE' to ROOT/PATH: VALUE may be "\n", so the rest may be on the next line. */
			const char *to = memmem(l + sizeof(w) - 1, (size_t)(end - l) - (sizeof(w) - 1), "' to ", 5);
			FUZZ_CHECK(to, "planned write without a path: %.*s", (int)(eol - l), l);
			to += 5;
			eol = memchr(to, '\n', (size_t)(end - to));
			if (!eol)
				eol = end;
			FUZZ_CHECK((size_t)(eol - to) > rl + 1 && !memcmp(to, root, rl) && to[rl] == '/',
				   "planned write outside the sysfs root: %.*s", (int)(eol - l), l);
			/* Read as a path (".." climbs, "." stays), it must not leave the root. */
			const char *path = to + rl + 1;
			long depth = 0;
			for (const char *c = path; c < eol;) {
				const char *slash = memchr(c, '/', (size_t)(eol - c));
				size_t n = slash ? (size_t)(slash - c) : (size_t)(eol - c);
				if (n == 2 && c[0] == '.' && c[1] == '.')
					depth--;
				else if (n > 0 && !(n == 1 && c[0] == '.'))
					depth++;
				FUZZ_CHECK(depth >= 0, "planned write to %.*s climbs out of the sysfs root", (int)(eol - path),
					   path);
				c += n + 1;
			}
		}
		l = eol + 1;
	}
}

static void run(const char *cmd, const char *dev, const char *driver)
{
	char *argv[24];
	int argc = 0;
	char *out = NULL;
	size_t out_len = 0;
	FILE *saved = stdout, *mem;
	bool json = !strcmp(cmd, "json") || !strcmp(cmd, "all");
	bool plan = !strcmp(cmd, "bind") || !strcmp(cmd, "driver") || !strcmp(cmd, "restore");
	int (*on_ctx)(int, char **, struct ba_ctx *) = cmd_status;  /* every command is on the public API */

#define ARG(s) (argv[argc++] = (char *)(s))
	if (!strcmp(cmd, "bind") || !strcmp(cmd, "driver")) {
		on_ctx = cmd_bind;
		ARG("bind");
		ARG("--dry-run");
		ARG("--modprobe");
		ARG(modprobe);
		ARG("--lock-dir");
		ARG(lock_dir);
		if (driver) {
			ARG("--driver");
			ARG(driver);
		}
	} else if (!strcmp(cmd, "restore")) {
		on_ctx = cmd_restore;
		ARG("restore");
		ARG("--dry-run");
		ARG("--lock-dir");
		ARG(lock_dir);
	} else if (!strcmp(cmd, "match")) {
		on_ctx = cmd_match;
		ARG("match");
		ARG("--device");
		ARG(dev);
		dev = NULL;
	} else {
		ARG("status");
		if (json)
			ARG("--json");
	}
	if (on_ctx != cmd_restore) {
		ARG("--alias-file");
		ARG(alias_file);
	}
	ARG("--sysfs-root");
	ARG(root);
	ARG("--");
	if (dev && strcmp(cmd, "all"))
		ARG(dev);
	argv[argc] = NULL;
#undef ARG

	mem = open_memstream(&out, &out_len);
	if (!mem)
		die("open_memstream", "");
	stdout = mem;
	struct ba_ctx *ctx = ba_ctx_new();
	if (!ctx)
		die("ba_ctx_new", "");
	ba_ctx_set_sysfs_write_fn(ctx, no_write, NULL);
	on_ctx(argc, argv, ctx);
	ba_ctx_unref(ctx);
	fflush(stdout);
	stdout = saved;
	fclose(mem);

	if (getenv("FUZZ_SHOW")) {
		fprintf(stderr, "--- busalias");
		for (int i = 0; i < argc; i++)
			fprintf(stderr, " %s", argv[i]);
		fprintf(stderr, "\n%s", out ? out : "");
	}
	if (json && out_len)
		FUZZ_CHECK(fuzz_json_ok(out, out_len), "status --json printed invalid JSON:\n%s", out);
	if (plan)
		check_plan(out, out_len);
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	struct strbuf log;
	struct {
		char cmd[16];
		char *dev, *driver;
	} cmds[MAX_COMMANDS];
	size_t n_cmds = 0;

	fuzz_log_begin(&log);
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *l = p, *sp, *sp2;
		if (!eol)
			eol = end;
		p = eol + 1;
		if (eol - l < 2)
			continue;
		size_t n = (size_t)(eol - l);
		char *line = xmalloc(n + 1);
		if (l[0] == '!') {
			/* !CMD [DRIVER] DEV */
			sp = memchr(l, ' ', n);
			size_t cl = (size_t)((sp ? sp : eol) - l - 1);
			if (n_cmds < MAX_COMMANDS && cl < sizeof(cmds[0].cmd)) {
				memcpy(cmds[n_cmds].cmd, l + 1, cl);
				cmds[n_cmds].cmd[cl] = '\0';
				cmds[n_cmds].driver = NULL;
				const char *d = sp ? sp + 1 : eol;
				if (!strcmp(cmds[n_cmds].cmd, "driver") && (sp2 = memchr(d, ' ', (size_t)(eol - d)))) {
					cmds[n_cmds].driver = xmalloc((size_t)(sp2 - d) + 1);
					unescape(d, (size_t)(sp2 - d), cmds[n_cmds].driver);
					d = sp2 + 1;
				}
				cmds[n_cmds].dev = xmalloc((size_t)(eol - d) + 1);
				unescape(d, (size_t)(eol - d), cmds[n_cmds].dev);
				n_cmds++;
			}
		} else if (strchr("wWldpr", l[0]) && l[1] == ' ') {
			/* OP PATH [VALUE] */
			const char *path = l + 2;
			sp = memchr(path, ' ', (size_t)(eol - path));
			size_t pl = unescape(path, (size_t)((sp ? sp : eol) - path), line);
			const char *v = sp ? sp + 1 : eol;
			char *value = xmalloc((size_t)(eol - v) + 1);
			size_t vl = unescape(v, (size_t)(eol - v), value);
			if (pl == strlen(line)) /* a NUL cannot be in a file name */
				edit(l[0], line, value, vl);
			free(value);
		}
		free(line);
	}
	if (n_cmds == 0) {
		snprintf(cmds[0].cmd, sizeof(cmds[0].cmd), "json");
		cmds[0].dev = xstrdup("0000:01:00.0");
		cmds[0].driver = NULL;
		n_cmds = 1;
	}
	for (size_t i = 0; i < n_cmds; i++) {
		run(cmds[i].cmd, cmds[i].dev, cmds[i].driver);
		free(cmds[i].dev);
		free(cmds[i].driver);
	}
	fuzz_log_end(&log);
	undo_all();
	return 0;
}
