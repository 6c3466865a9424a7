"""Renkei (連携): cross-team work at a glance, and where information got lost."""

__version__ = "0.1.0"
