/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Binding steps for the pci bus; NULL until the bind pipeline supplies them. */
#ifndef BUSALIAS_PCI_BUS_H
#define BUSALIAS_PCI_BUS_H
#define PCI_BUS_OPS NULL
#endif
