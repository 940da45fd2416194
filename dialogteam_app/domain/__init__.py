"""Plain data classes and rules. Never imports Qt or SQL."""
