"""Run factcheck as ``python -m factcheck``."""

from factcheck.cli.entry import main

main()
