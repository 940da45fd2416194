"""The åtgärdsplan as a PDF, built with reportlab (imported by these modules only)."""
