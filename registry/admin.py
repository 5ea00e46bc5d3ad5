"""Admin: organisation units and known social-media accounts (employees and elections have their own pages)."""

from django.contrib import admin

from .models import OrgUnit, SocialAccount


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "parent")
    list_filter = ("kind",)
    search_fields = ("code", "name")


@admin.register(SocialAccount)
class SocialAccountAdmin(admin.ModelAdmin):
    """Known accounts with who verified them and how (issue 14, point 17)."""

    list_display = ("handle", "platform", "employee", "verified_by", "verification_method", "verified_at")
    list_filter = ("platform", "verification_method")
    search_fields = ("handle", "employee__full_name")
    list_select_related = ("employee", "verified_by")
    raw_id_fields = ("employee",)
    readonly_fields = ("verified_by", "verified_at")
