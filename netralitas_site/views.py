"""Pages that belong to no single app: landing, dashboard shell, staff home, health."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from accounts.access import can, capability_required, employee_of

from . import widgets


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect("dashboard" if can(request.user, "dashboard.view") else "my_home")


@capability_required("dashboard.view")
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard.html", {"panels": widgets.dashboard_panels(request)})


@capability_required("self.view")
def my_home(request: HttpRequest) -> HttpResponse:
    employee = employee_of(request.user)
    return render(request, "my_home.html", {"employee": employee, "panels": widgets.my_home_panels(request, employee)})


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
