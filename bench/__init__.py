"""`python -m bench`: what a reader waits for, measured against the app's own floor (see docs/PERFORMANCE.md)."""
