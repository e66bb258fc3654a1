"""The shipped templates compiled by Jinja2 at build time, one module per pack and instrument
(``<lang>_<instrument>.py``), written by ``python -m moukit.reference``: see
:func:`moukit.packs.jinja.precompiled`. Generated; do not edit."""
