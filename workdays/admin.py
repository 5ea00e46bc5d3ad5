from django.contrib import admin

from .models import JointLeaveDay


@admin.register(JointLeaveDay)
class JointLeaveDayAdmin(admin.ModelAdmin):
    list_display = ("date", "name")
    date_hierarchy = "date"
