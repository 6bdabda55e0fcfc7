"""The monitoring desk: media directory, mentions, channelling, coverage, reports."""
