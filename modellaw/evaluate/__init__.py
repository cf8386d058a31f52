"""Accuracy of the comparator against expert labels."""
