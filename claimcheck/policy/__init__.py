"""CI policy: rule codes, findings, suppressions, baseline, changed lines, exit outcome and the
config file."""
