// SPDX-License-Identifier: LGPL-2.1-or-later
/* SPI: spi_device_id tables. */
#include <busalias/plugin.h>

/*
 * struct spi_device_id { char name[SPI_NAME_SIZE = 32]; kernel_ulong_t driver_data; }: spi:<name>.
 * A name filling its 32 bytes without a NUL would run on into driver_data in modpost's %s: we stop
 * at the array's end.
 */
#define SPI_ID(F, V, p)                     \
	F(p, CHARS, name, .count = 32)      \
	F(p, ULONG, driver_data)
BA_STRUCT(spi, SPI_ID);

static const struct ba_part spi_parts[] = { BA_STR("", spi_name) };
static const struct ba_table_type spi_table =
	BA_TABLE(spi, "spi", "spi_device_id", BA_ALIAS("spi:", 0, spi_parts));
static const struct ba_table_type *const spi_tables[] = { &spi_table, NULL };

BUSALIAS_PLUGIN(.name = "spi", .description = "SPI device tables", .tables = spi_tables);
