/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A simulated kernel behind a fake sysfs tree, for the bind tests. */
#ifndef BUSALIAS_SIMKERNEL_H
#define BUSALIAS_SIMKERNEL_H

/* Reacts to a write as the kernel's driver core would (sysfs_write_fn). */
int sim_write(void *data, const char *root, const char *path, const char *value);
/* Builds the demo tree (pci, platform and acpi devices) at root; 0 or -errno. */
int sim_mktree(const char *root);
/* Used by the fake modprobe: "load" a module the tree declares in .sim/modules/. */
int sim_load_module(const char *root, const char *module);

#endif
