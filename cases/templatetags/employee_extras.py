"""``{% employee_extras employee %}``: the employee's cases, sanctions, trainings and certificates.

Rendered on the registry's employee page through its ``cases/employees/_extra.html`` hook; the queries are
scoped to the viewer by :func:`cases.selectors.employee_extras_for`.
"""

from __future__ import annotations

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("cases/includes/employee_extras.html", takes_context=True)
def employee_extras(context, employee):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return selectors.employee_extras_for(user=user, employee=employee)
