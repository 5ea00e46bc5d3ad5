from django.contrib import admin

from .models import BulkPrintJob, Letter, LetterCounter, Letterhead, LetterVerifier, NumberingRule


class NumberingRuleInline(admin.TabularInline):
    model = NumberingRule
    extra = 0


@admin.register(Letterhead)
class LetterheadAdmin(admin.ModelAdmin):
    list_display = ["agency", "government", "city", "unit_code", "is_default"]
    inlines = [NumberingRuleInline]


@admin.register(LetterCounter)
class LetterCounterAdmin(admin.ModelAdmin):
    list_display = ["code", "unit", "year", "last_value"]
    readonly_fields = ["code", "unit", "year", "last_value"]

    def has_add_permission(self, request):
        return False


class LetterVerifierInline(admin.TabularInline):
    model = LetterVerifier
    extra = 0
    readonly_fields = ["initialled_at"]


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    """Read-only here: letters change only through the services (state machine + audit)."""

    list_display = ["number", "kind", "addressee_name", "status", "issued_on"]
    list_filter = ["kind", "status"]
    search_fields = ["number", "addressee_name", "addressee_nip"]
    inlines = [LetterVerifierInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(BulkPrintJob)
class BulkPrintJobAdmin(admin.ModelAdmin):
    list_display = ["pk", "created_by", "status", "done_count", "total", "created_at"]
