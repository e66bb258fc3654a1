"""``python -m moukit``: the same as the ``moukit`` command (:func:`moukit.cli.console`)."""

from .cli import console

if __name__ == "__main__":  # not when imported (e.g. by pytest's doctest collection)
    console()
