"""Subcommands of `modellaw`, one module each; cli.py registers them."""
