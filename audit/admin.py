from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent
from .presenting import describe


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: no add, change or delete from the admin."""

    list_display = ("at", "sentence", "subject_type", "subject_id", "case_id")
    list_select_related = ("actor",)
    list_filter = ("action",)
    search_fields = ("action", "subject_id", "reason")
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    @admin.display(description=_("peristiwa"))
    def sentence(self, obj: AuditEvent) -> str:
        """The event as people read it (audit.presenting); the code stays searchable and filterable."""
        entry = describe(obj)
        return "; ".join([entry.sentence, *entry.details])

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}
