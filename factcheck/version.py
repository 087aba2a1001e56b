"""The package's version, in a module that imports nothing: the command line and the SARIF
report read it here without loading the package's public API."""

__version__ = "0.2.0"
