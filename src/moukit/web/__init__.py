"""The officials' workbench: moukit in the browser (``moukit serve``).

A small Starlette application on the public API (:func:`moukit.render`, :func:`moukit.check`,
:func:`moukit.parse_spec`, :func:`moukit.get_form`) and on ``moukit init``'s questions
(:mod:`moukit.cli.interview`). Thai by default, English on request. Nothing is kept on the
server: every request works in memory. See docs/web.md.

Needs the ``web`` extra: ``pip install "moukit[web]"``.
"""
