"""`python -m gluteapp`: the same as the `gluteapp` command."""

import sys

from gluteapp.cli import main

sys.exit(main())
