"""``python -m moukit.reference``: regenerate (or ``--check``) the generated files."""

import sys

from . import main

sys.exit(main())
