"""`python -m gluteapp.gui.audio info|play SPEC` (see `gluteapp.gui.audio.cli`)."""

from gluteapp.gui.audio.cli import main

raise SystemExit(main())
