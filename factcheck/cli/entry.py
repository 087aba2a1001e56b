"""The ``factcheck`` command's entry point.

The command line parses into one ``Options`` value, and this module runs it (with
``run_check``, ``cli/run.py``). The common invocations (text, files, standard input, with
the check's plain options) are parsed here; anything else (--help, completion, the
subcommands, a bad option) goes to the full command line (typer, in ``cli/app.py``), which
reports usage errors and hands the check's options back. Start-up is what a pre-commit hook
pays on every commit: the quick path never imports typer, and tests/test_entry.py checks it
reads every argument list as typer does.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Collection
from typing import TypeGuard

from factcheck.cli.options import SUBCOMMANDS, Options
from factcheck.errors import FactcheckError, OutputError
from factcheck.guide import FAIL_ON
from factcheck.report import FORMATS

_FLAGS = {"--files": "args_are_files", "--show-config": "show_config", "--explain": "explain",
          "--only-problems": "only_problems", "-q": "only_problems", "--scores": "scores",
          "--no-color": "no_color", "--version": "version", "--force-exclude": "force_exclude",
          "--no-respect-gitignore": "no_respect_gitignore", "--fix": "fix",
          "--diff": "diff"}  # fmt: skip
_VALUED = {"--file": "file", "-f": "file", "--format": "fmt", "--claims": "claims",
           "--fail-on": "fail_on", "--config": "config", "--stdin-filename": "stdin_filename",
           "--output-file": "output_file", "-o": "output_file", "--exclude": "exclude",
           "--extend-exclude": "extend_exclude", "--diff-base": "diff_base",
           "--scheduler": "scheduler"}  # fmt: skip
_CHOICES: dict[str, Collection[str]] = {"fmt": FORMATS, "fail_on": FAIL_ON}  # as typer's


def quick_options(args: list[str]) -> Options | None:
    """The check's options when ``args`` use only its plain forms; None when the full
    parser must decide (help, completion, subcommands, unknown or malformed options)."""
    if args and args[0] in SUBCOMMANDS:
        return None
    opts = Options()
    i, n = 0, len(args)
    while i < n:
        arg = args[i]
        i += 1
        if arg == "--":
            opts.text.extend(args[i:])
            break
        if arg == "-" or not arg.startswith("-"):
            opts.text.append(arg)
            continue
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in _FLAGS and not eq:
            setattr(opts, _FLAGS[name], True)
            continue
        if name not in _VALUED:
            return None  # --help, --install-completion, -qf, a typo: the full parser
        if not eq:
            if i >= n or (args[i].startswith("-") and args[i] != "-"):
                return None  # a missing value: the full parser says so
            value = args[i]
            i += 1
        key = _VALUED[name]
        if key in _CHOICES and value not in _CHOICES[key]:
            return None  # the full parser names the choices
        current = getattr(opts, key)
        if isinstance(current, list):  # repeatable
            current.append(value)
        else:
            setattr(opts, key, value)
    return opts


def mistyped_command(args: list[str]) -> str | None:
    """The record command that ``args`` most likely meant, when the first argument is a bare
    word close to one (``clams``, ``clams --about Musk``) rather than text to check: a
    command is one lowercase word, followed by nothing or by options."""
    if not args or args[0] in SUBCOMMANDS:
        return None
    word = args[0]
    if not (word.isascii() and word.isalpha() and word.islower()):
        return None
    if len(args) > 1 and not args[1].startswith("-"):
        return None  # more words follow: a sentence given word by word
    from difflib import get_close_matches

    near = get_close_matches(word, SUBCOMMANDS, n=1, cutoff=0.75)
    return near[0] if near else None


COMPLETION = "_FACTCHECK_COMPLETE"  # set by the shell when it asks typer for completions


def _parse(args: list[str]) -> Options | int:
    """The check's options, from the quick path or the full command line; or the exit
    status of what the full command line did itself (a record command, --help, completion's
    installation)."""
    meant = None if COMPLETION in os.environ else mistyped_command(args)
    if meant is not None:
        raise FactcheckError(f"no command {args[0]!r}; did you mean `{meant}`? "
                             f"(to check the word as text: factcheck -- {args[0]})")  # fmt: skip
    opts = None if COMPLETION in os.environ else quick_options(args)
    if opts is not None:
        return opts
    if args and args[0] in SUBCOMMANDS:
        from factcheck.cli.commands import app as commands

        done = commands(args=args, prog_name="factcheck", standalone_mode=False)
    else:
        from factcheck.cli.app import app

        done = app(args=args, prog_name="factcheck", standalone_mode=False)  # the Options
    return done if isinstance(done, Options | int) else 0


DEBUG = "FACTCHECK_DEBUG"  # set (not empty, not 0): an internal error shows its traceback


def _internal_error(exc: BaseException) -> None:
    """A bug, not a verdict: exit status 2 and one line (the traceback with FACTCHECK_DEBUG)."""
    from factcheck.errors import one_line

    if os.environ.get(DEBUG, "").strip() not in ("", "0"):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    detail = " ".join(str(exc).split())[:300]
    sys.stderr.write(one_line(f"factcheck: internal error: {type(exc).__name__}"
                              f"{': ' + detail if detail else ''} (the traceback: {DEBUG}=1)"
                              "; please report it") + "\n")  # fmt: skip


def _quiet_stdout() -> None:
    """Standard output failed: what is left in its buffer goes nowhere, so that exiting
    does not report the same failure again."""
    if sys.stdout is not None:
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())


def main() -> None:
    """Entry point of the ``factcheck`` command: exit 0 (nothing contradicted), 1 (a failing
    verdict), 2 (the check could not run, or an internal error), 130 (interrupted)."""
    import io

    for stream in (sys.stdout, sys.stderr):  # an unencodable character (PYTHONIOENCODING=ascii,
        if isinstance(stream, io.TextIOWrapper):  # an undecodable file name) is escaped, not
            stream.reconfigure(errors="backslashreplace")  # a traceback
    sys.exit(run(sys.argv[1:]))


def run(args: list[str]) -> int:
    """The ``factcheck`` command line ``args``, parsed and run: its exit status, every
    exception turned into one (and one line on standard error)."""
    try:
        if sys.stdout is None:  # started with standard output closed (">&-")
            raise OutputError("cannot write the report: standard output is closed")
        parsed = _parse(args)
        if not isinstance(parsed, Options):
            return parsed  # done by the full command line
        from factcheck.cli.run import run_check

        return run_check(parsed)
    except OutputError as exc:
        sys.stderr.write(f"factcheck: {exc}\n")
        _quiet_stdout()
        return 2
    except FactcheckError as exc:
        sys.stderr.write(f"factcheck: {exc}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted\n")
        return 130
    except BrokenPipeError:  # the reader went away ("| head"): the check did not finish,
        _quiet_stdout()  # so it cannot report success; quietly, as the full command line
        return 1  # (click) does
    except Exception as exc:
        if type(exc).__name__ == "Abort":  # Ctrl-C, as the option parser reports it
            return 130
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):  # bad usage
            where = getattr(getattr(exc, "ctx", None), "command_path", None) or "factcheck"
            sys.stderr.write(f"factcheck: {exc.format_message()} (see {where} --help)\n")
            return 2
        if _output_failed(exc):
            sys.stderr.write(f"factcheck: cannot write the report: {exc.strerror}\n")
        else:
            _internal_error(exc)
        _quiet_stdout()
        return 2


def _output_failed(exc: Exception) -> TypeGuard[OSError]:
    """Is this standard output refusing the report (a full disk, /dev/full, an I/O error)?
    Files the check reads or the cache writes name their path; standard output has none."""
    import errno

    return (isinstance(exc, OSError) and exc.filename is None and exc.strerror is not None
            and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF))  # fmt: skip
