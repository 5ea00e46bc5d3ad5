from django.contrib import admin

from .models import DetectedHand, DetectionRun, SymbolFinding


class DetectedHandInline(admin.TabularInline):
    model = DetectedHand
    extra = 0
    can_delete = False
    fields = ("index", "gesture", "fingers", "confidence", "handedness", "score", "review_status", "reviewed_by")
    readonly_fields = fields


class SymbolFindingInline(admin.TabularInline):
    model = SymbolFinding
    extra = 0
    can_delete = False
    fields = ("label", "ballot_number", "inliers", "score", "review_status", "reviewed_by")
    readonly_fields = fields


@admin.register(DetectionRun)
class DetectionRunAdmin(admin.ModelAdmin):
    list_display = ("pk", "evidence", "status", "attempts", "worker", "started_at", "finished_at")
    list_filter = ("status",)
    search_fields = ("evidence__sha256", "worker", "error")
    raw_id_fields = ("evidence", "election", "requested_by")
    readonly_fields = (
        "evidence",
        "status",
        "error",
        "attempts",
        "model_version",
        "timings_ms",
        "image_size",
        "second_pass",
        "candidates",
        "election",
        "annotated",
        "worker",
        "queued_at",
        "started_at",
        "heartbeat_at",
        "finished_at",
        "requested_by",
    )
    inlines = [DetectedHandInline, SymbolFindingInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting a run cascades its findings with no audit event; runs are superseded, never deleted.
        return False
