"""The hostile-input corpus: generators of broken and malicious specs, templates and drafts.

Nothing large is committed: every file is made by code at test time (into ``tmp_path``).

- :mod:`hostile.harness`: run the command line (in-process or in a subprocess with a time
  and memory bound) and assert a safe failure: exit status 2, one clear message, no
  traceback, no output file, an existing output file untouched, no secret leaked.
- :mod:`hostile.specs`: spec texts (not YAML, alias bombs, Python tags, odd characters...).
- :mod:`hostile.templates`: user template folders (syntax errors, sandbox escapes...).
- :mod:`hostile.drafts`: draft files (zip bombs, XXE, macros, OLE, huge text...).
- :mod:`hostile.runner`: the command line run in a child process that records its peak memory.
"""

SECRET = "HOSTILE-SECRET-7c1f0e"  # written into files that no input may ever get moukit to read
