"""Screening: decisions and what they add up to, rules, the order of records, sheets, a session."""
