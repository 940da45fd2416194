"""PyInstaller runtime hook, run before the ones PyInstaller adds: PySide6 imported as
the installed program imports it (dialogteam_app/pyside_code.py: its start-up code and
patterns kept, our modules spared its source scan). PyInstaller's own hook for PySide6
imports it next, which would otherwise be the first, plain import of every frozen start.
"""

from dialogteam_app.pyside_code import import_pyside_keeping_code

import_pyside_keeping_code()
