"""Bringing work in from elsewhere: Trello JSON exports, Jira and other CSV files.

Reading a file is a pure function from bytes to plain data (``ImportPlan``) that raises one
``ImportProblem`` naming what is wrong and where; applying a plan builds Commands and writes
them through the store in ONE transaction, so a failed or cancelled import leaves the board
as it was.
"""
