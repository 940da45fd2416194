import sys

from dialogteam_app.cli import main

sys.exit(main())
