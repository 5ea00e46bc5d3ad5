"""Views of the cases app, one module per area (registry.py: employees and elections)."""
