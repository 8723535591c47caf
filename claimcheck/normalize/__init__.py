"""Normalization: written numbers, units, money, percentages, durations and dates → exact values.

Nothing here reads the clock: relative dates are resolved against an anchor the caller passes in.
"""
