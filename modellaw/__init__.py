"""modellaw: write model anti-trafficking law and measure national statutes against it."""

__version__ = "0.1.0"
