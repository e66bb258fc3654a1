"""The officials' workbench: moukit in the browser (``moukit serve``).

A small Starlette application on the public API (:func:`moukit.render`, :func:`moukit.check_all`
with its HTML report and redline, :func:`moukit.parse_spec`, :func:`moukit.get_form`, the
labels of :func:`moukit.route_label` and its kin): the check page uses nothing else. The new
agreement and forms pages still use ``moukit init``'s questions (:mod:`moukit.cli.interview`),
the spec's field labels and dates and the packs' list of languages, which have no public
API yet. Thai by default, English on request. Nothing is kept on the
server: every request works in memory. See docs/web.md.

Needs the ``web`` extra: ``pip install "moukit[web]"``.
"""
