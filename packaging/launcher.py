"""Entry point of the frozen program (PyInstaller needs a script, not a module)."""

import sys

from dialogteam_app.cli import main

sys.exit(main())
