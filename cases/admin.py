"""Admin: the catalogues are edited here (violation types, sanction types); evidence is read-only."""

from django.contrib import admin

from .models import Evidence, SanctionType, Signatory, ViolationType


@admin.register(ViolationType)
class ViolationTypeAdmin(admin.ModelAdmin):
    list_display = ("number", "code", "title", "ethics", "discipline_level", "is_active")
    list_filter = ("ethics", "discipline_level", "is_active")
    search_fields = ("code", "title")


@admin.register(SanctionType)
class SanctionTypeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "track", "level", "applies_to", "rung", "is_active")
    list_filter = ("track", "level", "applies_to", "is_active")
    search_fields = ("code", "name")
    ordering = ("track", "applies_to", "rung")


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ("pk", "post", "sha256", "content_type", "width", "height", "uploaded_at")
    readonly_fields = [f.name for f in Evidence._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Signatory)
class SignatoryAdmin(admin.ModelAdmin):
    """The PPK and the officials of the authority matrix (name, title, NIP; who may record their signature)."""

    list_display = ("name", "title", "office", "is_regional_head", "user", "is_active")
    list_filter = ("office", "is_regional_head", "is_active")
    search_fields = ("name", "title", "nip")
    filter_horizontal = ("operators",)
    raw_id_fields = ("employee", "unit")
