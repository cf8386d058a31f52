"""The comparator: a statute measured against the model law and the standards."""
