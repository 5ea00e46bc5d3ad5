"""Employee and election registry pages."""
