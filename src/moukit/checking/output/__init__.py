"""What a person sees of a check: the terminal report, the HTML report, the DOCX redline.
The JSON report is :meth:`moukit.Report.to_dict`."""
