"""Integration tests: the worker script's shared checks get pytest's assert rewriting.
(The PostgreSQL fixtures live in tests/conftest.py, shared with the UI tests.)"""

import pytest

pytest.register_assert_rewrite("editor_process")
