"""Fault tests: the kill -9 and restart figures are printed after the run (fault_figures), and
how often the live feed held the board open (handle_figures)."""

from fault_figures import summary_lines
from handle_figures import held_lines


def pytest_terminal_summary(terminalreporter):
    lines = summary_lines()
    if lines:
        terminalreporter.section("fault figures: kill -9 and server restarts")
        for line in lines:
            terminalreporter.write_line(line)
    held = held_lines()
    if held:
        terminalreporter.section("fault figures: the live feed's open board file")
        for line in held:
            terminalreporter.write_line(line)
