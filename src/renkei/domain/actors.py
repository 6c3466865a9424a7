"""Who wrote an audit row: the person it names, and the login beside the name when that login
is not plainly theirs ("Kenta Mori (login: yuki)" tells a reader the name was chosen, not
proven)."""

from __future__ import annotations

from renkei.domain.model import Activity, Board, Person


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def login_matches(person: Person, login: str) -> bool:
    """Whether ``login`` is plainly this person's: the login linked to them (exactly), or,
    when none is linked, one spelled from their name (kenta, mori, kentamori, kmori, …)."""
    if person.login is not None:
        return person.login == login
    parts = [_letters(p) for p in person.name.split() if _letters(p)]
    if not parts:
        return False
    spelled = set(parts) | {"".join(parts), "".join(reversed(parts))}
    first, last = parts[0], parts[-1]
    if len(parts) > 1:
        spelled |= {first[0] + last, last[0] + first, first + last[0], last + first[0]}
    return _letters(login) in spelled


def actor(board: Board, row: Activity) -> Person | None:
    """The person the row names, when they are (still) on the board."""
    return board.people.get(row.actor_id) if row.actor_id is not None else None


def other_login(board: Board, row: Activity) -> str | None:
    """The row's login when it should be shown beside the name: it is not the named
    person's, or no person is named (then the login is all a reader has)."""
    if not row.login:
        return None
    person = actor(board, row)
    if person is not None and login_matches(person, row.login):
        return None
    return row.login
