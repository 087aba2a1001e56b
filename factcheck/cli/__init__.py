"""The command line, the edge of factcheck: it parses, runs the check and writes; it never
judges. Importing this package imports nothing else, so the quick path stays lean.

- ``entry.py``: the ``factcheck`` command's entry point (``main``): the check's plain options
  read without typer, everything else handed to the full command line; the check's
  ``Options`` from either run with ``run.py``; every exception turned into an exit status;
- ``options.py``: what the command line can say: the check's ``Options``, the record
  commands' names;
- ``app.py``: the full command line (typer): every option, ``--help``, completion, usage
  errors; it parses the check's ``Options`` and hands them back; its choices come from the
  format registry (``report.FORMATS``) and the fail-on registry (``guide.FAIL_ON``);
- ``run.py``: the check command itself: documents in, the report out, the exit status back;
- ``commands/``: the record commands (browsing, curating), imported only for them; what
  they print is drawn by ``report/records.py``.
"""
