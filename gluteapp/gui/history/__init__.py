"""The History area: charts of past sessions, the session list, CSV and PDF exports.

Import `gluteapp.gui.history.view` only when the area opens: it loads pyqtgraph and numpy.
"""
