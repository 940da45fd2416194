"""Follow-up exports: the calendar file (.ics), the team overview (CSV) and the
delredovisning/slutredovisning PDF. No Qt; reportlab only when a PDF is rendered."""
