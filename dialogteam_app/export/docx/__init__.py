"""Word (DOCX) exports, built with python-docx (imported by these modules only)."""
