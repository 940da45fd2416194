import sys

from dialogteam_app.bytecode_cache import keep_bytecode

keep_bytecode()

from dialogteam_app.cli import main  # noqa: E402

sys.exit(main())
