"""Streamlit glue shared by the pages: cached data, the reader's view and its URL, notices, downloads.

Everything here is thin; the logic lives in the streamlit-free package tracker.
"""
