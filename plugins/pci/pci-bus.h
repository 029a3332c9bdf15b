/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Binding steps for the pci bus (pci-bus.c). */
#ifndef BUSALIAS_PCI_BUS_H
#define BUSALIAS_PCI_BUS_H
#include <busalias/plugin.h>
extern const struct ba_bus_ops pci_bus_ops;
#define PCI_BUS_OPS (&pci_bus_ops)
#endif
