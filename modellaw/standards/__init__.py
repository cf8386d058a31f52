"""The international and regional standards: the requirement catalog and its readers."""
