// SPDX-License-Identifier: LGPL-2.1-or-later
#include <ctype.h>

#include "busalias.h"

static bool parse_num(const char **p, unsigned long *out)
{
	unsigned long v = 0;

	if (!isdigit((unsigned char)**p))
		return false;
	while (isdigit((unsigned char)**p)) {
		v = v * 10 + (unsigned long)(**p - '0');
		if (v > 100000)
			return false;
		(*p)++;
	}
	*out = v;
	return true;
}

uint32_t kversion_parse(const char *s)
{
	unsigned long a, b, c = 0;

	if (!s || !parse_num(&s, &a) || *s++ != '.' || !parse_num(&s, &b))
		return 0;
	if (*s == '.') {
		s++;
		if (!parse_num(&s, &c))
			c = 0;
	}
	if (a == 0 || a > 255 || b > 255)
		return 0;
	return BA_KVER(a, b, c);
}
