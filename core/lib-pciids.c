// SPDX-License-Identifier: LGPL-2.1-or-later
/* Vendor and device names from pci.ids (busalias_pciids(3)); the parsing is pciids.c's. */
#include <errno.h>

#include "admin.h"
#include "libbusalias-private.h"

struct ba_pciids {
	int refcount;
	struct ba_ctx *ctx;
	struct pci_ids *db;
};

BA_EXPORT int ba_pciids_new(struct ba_ctx *ctx, const char *path, struct ba_pciids **out)
{
	CTX_LOG_SCOPE(ctx);
	struct ba_pciids *ids;
	struct pci_ids *db;
	int r;

	*out = NULL;
	r = pci_ids_open(path ? path : ctx->cfg.pci_ids, &db);
	if (r < 0)
		return r;
	ids = calloc(1, sizeof(*ids));
	if (!ids) {
		pci_ids_free(db);
		return -ENOMEM;
	}
	ids->refcount = 1;
	ids->ctx = ba_ctx_ref(ctx);
	ids->db = db;
	*out = ids;
	return 0;
}

BA_EXPORT struct ba_pciids *ba_pciids_ref(struct ba_pciids *ids)
{
	if (ids)
		__atomic_fetch_add(&ids->refcount, 1, __ATOMIC_RELAXED);
	return ids;
}

BA_EXPORT struct ba_pciids *ba_pciids_unref(struct ba_pciids *ids)
{
	if (!ids || __atomic_sub_fetch(&ids->refcount, 1, __ATOMIC_ACQ_REL) > 0)
		return NULL;
	pci_ids_free(ids->db);
	ba_ctx_unref(ids->ctx);
	free(ids);
	return NULL;
}

BA_EXPORT int ba_pciids_lookup(const struct ba_pciids *ids, unsigned vendor, unsigned device, char *vendor_name,
			       size_t vendor_len, char *device_name, size_t device_len)
{
	if ((!vendor_name && vendor_len) || (!device_name && device_len))
		return -EINVAL;
	return pci_ids_lookup(ids ? ids->db : NULL, vendor, device, vendor_name, vendor_len, device_name, device_len);
}
