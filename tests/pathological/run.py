#!/usr/bin/env python3
"""Pathological inputs (placeholder runner; the full P1-P25 suite replaces it)."""
import sys
print("pathological: 0 passed, 0 failed")
