"""Everything that imports PySide6 or pyqtgraph: services, widgets, one package per screen."""

import PySide6.QtCore  # noqa: F401 - PySide6's import hook exists from here on

from gluteapp.gui.pyside_scan import make_scans_quick

make_scans_quick()
