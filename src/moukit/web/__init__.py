"""The officials' workbench: moukit in the browser (``moukit serve``).

A small Starlette application on the public API and nothing else: :func:`moukit.render`,
:func:`moukit.check_all` with its HTML report and redline, :func:`moukit.parse_spec`,
:class:`moukit.Interview` (``moukit init``'s questions), :func:`moukit.get_form` with the
form's text in every language, :class:`moukit.TemplateLibrary` (the ``--templates`` packs,
loaded once), the labels of :func:`moukit.route_label` and its kin, and the errors; besides
them, only moukit's message catalog (:mod:`moukit.i18n`), which holds the page's own texts.
Thai by default, English on request. Nothing is kept on the
server: every request works in memory. See docs/web.md.

Needs the ``web`` extra: ``pip install "moukit[web]"``.
"""
