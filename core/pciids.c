// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Vendor and device names from pciutils' (or hwdata's) pci.ids:
 *   VVVV  Vendor name
 *   <TAB>DDDD  Device name
 *   <TAB><TAB>SSSS SSSS  Subsystem name     (not used)
 *   C CC  Class name ...                    (the class section ends the device list)
 * The file is untrusted text: its size and every line are bounded, a name is cut at its line's end
 * and stripped of control characters before it reaches the output.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "admin.h"

#define PCI_IDS_MAX_BYTES (64u << 20)  /* the real file is ~1.4 MB */
#define PCI_IDS_MAX_NAME 200u

struct pci_ids {
	char *data;
	size_t len;
};

static int load(const char *path, bool report, struct pci_ids **out)
{
	_cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	struct pci_ids *db;
	size_t n = 0;
	ssize_t k;
	int r;

	if (fd < 0 || fstat(fd, &st) < 0) {
		r = -errno;
		if (report)
			ba_warn("%s: %s; no device names", path, strerror(-r));
		return r;
	}
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size > PCI_IDS_MAX_BYTES) {
		if (report)
			ba_warn("%s: %s; no device names", path,
				S_ISREG(st.st_mode) ? "larger than 64 MiB" : "not a regular file");
		return S_ISREG(st.st_mode) ? -EFBIG : -EINVAL;
	}
	db = xcalloc(1, sizeof(*db));
	db->data = xmalloc((size_t)st.st_size + 1);
	while (n < (size_t)st.st_size && (k = read(fd, db->data + n, (size_t)st.st_size - n)) > 0)
		n += (size_t)k;
	db->data[n] = '\0';
	db->len = n;
	*out = db;
	return 0;
}

int pci_ids_open(const char *path, struct pci_ids **out)
{
	static const char *const defaults[] = { "/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids" };

	*out = NULL;
	if (path)
		return path[0] && strcmp(path, "none") ? load(path, true, out) : -ENOENT;
	for (size_t i = 0; i < ARRAY_SIZE(defaults); i++)
		if (access(defaults[i], R_OK) == 0)
			return load(defaults[i], false, out);
	return -ENOENT;
}

void pci_ids_free(struct pci_ids *db)
{
	if (db)
		free(db->data);
	free(db);
}

/* "VVVV  name" at s (bounded by end): the id, and the name's start and length.  false if no such line. */
static bool parse_entry(const char *s, const char *end, unsigned *id, const char **name, size_t *len)
{
	unsigned v = 0;

	if (end - s < 7)
		return false;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0') : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			   : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16u;
		if (d > 15)
			return false;
		v = v << 4 | d;
	}
	if (s[4] != ' ' || s[5] != ' ')
		return false;
	*id = v;
	*name = s + 6;
	*len = (size_t)(end - *name);
	return true;
}

static void copy_name(char *out, size_t len, const char *s, size_t n)
{
	size_t k = 0;

	if (!len)
		return;
	if (n > PCI_IDS_MAX_NAME)
		n = PCI_IDS_MAX_NAME;
	for (size_t i = 0; i < n && k + 1 < len; i++)
		out[k++] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
	out[k] = '\0';
}

int pci_ids_lookup(const struct pci_ids *db, unsigned vendor, unsigned device, char *vname, size_t vlen,
		   char *dname, size_t dlen)
{
	bool in_vendor = false;
	const char *p, *end;

	if (vlen)
		vname[0] = '\0';
	if (dlen)
		dname[0] = '\0';
	if (!db)
		return -ENOENT;
	end = db->data + db->len;
	for (p = db->data; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *le = nl ? nl : end, *name;
		unsigned id;
		size_t n;

		if (p[0] == 'C' && p + 1 < le && p[1] == ' ')
			break;  /* the class section: no more vendors */
		if (p[0] != '\t' && p[0] != '#') {
			if (in_vendor)
				break;  /* past our vendor's devices */
			if (parse_entry(p, le, &id, &name, &n) && id == vendor) {
				copy_name(vname, vlen, name, n);
				in_vendor = true;
			}
		} else if (in_vendor && p[0] == '\t' && p + 1 < le && p[1] != '\t') {
			if (parse_entry(p + 1, le, &id, &name, &n) && id == device) {
				copy_name(dname, dlen, name, n);
				break;
			}
		}
		p = nl ? nl + 1 : end;
	}
	return in_vendor ? 0 : -ENOENT;
}
