"""A calm, legible look: clear headings, room around forms, Swedish-blue accents."""

ACCENT = "#0b5c8a"

STYLESHEET = f"""
QLabel#pageTitle {{ font-size: 20px; font-weight: 600; color: #1d2b36; }}
QLabel#pageSubtitle {{ color: #5a6a76; }}
QLabel#sectionTitle {{
    font-size: 14px; font-weight: 600; color: {ACCENT};
    padding-top: 12px; border-bottom: 1px solid #d5dde3; padding-bottom: 3px;
}}
QLabel#hint {{ color: #5a6a76; }}
QLabel#welcomeTitle {{ font-size: 24px; font-weight: 600; color: #1d2b36; }}
QLabel#welcomeText {{ font-size: 13px; color: #3c4a55; }}
QTreeView#navigator {{ border: none; background: #f4f6f8; }}
QTreeView#navigator::item {{ padding: 3px 2px; }}
QTreeView#navigator::item:selected {{ background: {ACCENT}; color: white; }}
QWidget#page {{ background: white; }}
QStatusBar QLabel#dataDir {{ color: #7a8a96; }}
"""
