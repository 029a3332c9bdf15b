// SPDX-License-Identifier: LGPL-2.1-or-later
/* The steps a dry run would take, recorded as data rather than printed (ba_device_plan_bind()). */
#include <string.h>

#include "busalias.h"

void plan_add(struct plan *p, const char *name, const char *const args[])
{
	struct plan_step *st;
	size_t n = 0;

	while (args[n])
		n++;
	p->steps = xrealloc(p->steps, (p->n + 1) * sizeof(*p->steps));
	st = &p->steps[p->n++];
	st->name = xstrdup(name);
	st->n_args = n;
	st->args = xcalloc(n + 1, sizeof(*st->args));
	for (size_t i = 0; i < n; i++)
		st->args[i] = xstrdup(args[i]);
}

void plan_release(struct plan *p)
{
	for (size_t i = 0; i < p->n; i++) {
		for (size_t j = 0; j < p->steps[i].n_args; j++)
			free(p->steps[i].args[j]);
		free(p->steps[i].args);
		free(p->steps[i].name);
	}
	free(p->steps);
	p->steps = NULL;
	p->n = 0;
}
