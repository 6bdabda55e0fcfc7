"""Shared admin plumbing: menu items, report viewsets and table columns."""
