"""Run the command line with ``python -m valued_contributors``."""

import sys

from valued_contributors.cli import main

sys.exit(main())
