"""Fault tests: the kill -9 and restart figures are printed after the run (fault_figures)."""

from fault_figures import summary_lines


def pytest_terminal_summary(terminalreporter):
    lines = summary_lines()
    if lines:
        terminalreporter.section("fault figures: kill -9 and server restarts")
        for line in lines:
            terminalreporter.write_line(line)
