"""The check pipeline: a draft is read (:mod:`moukit.checking.readers`), split into its
language versions (:mod:`~moukit.checking.segment`), each version matched against the form
(:mod:`~moukit.checking.match`: the form's patterns, then a word alignment with the
re-rendered standard text), the versions compared with each other and with the spec
(:mod:`~moukit.checking.crossversion`), the rule packs applied
(:mod:`~moukit.checking.rules`) and everything gathered in a report
(:mod:`~moukit.checking.report`), shown by :mod:`~moukit.checking.output`::

    draft -> blocks -> versions -> (patterns | alignment) -> findings -> Report

(The package is ``checking`` and not ``check``, so that importing it never hides the
function :func:`moukit.check`.)
"""
