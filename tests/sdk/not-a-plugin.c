// SPDX-License-Identifier: LGPL-2.1-or-later
/* A shared object without the busalias_plugin symbol. */
__attribute__((visibility("default"))) int not_a_plugin = 1;
