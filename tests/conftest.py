"""Every test gets temporary platform folders: no test touches a real user's board."""

from __future__ import annotations

import inspect
import os
import secrets
from dataclasses import dataclass

import pytest

import clock
import pg
from demo_boards import DemoBoards
from leak_check import nothing_left_open  # noqa: F401  (a fixture for every test)
from renkei.app.session import BoardSession
from renkei.demo.build import build_demo
from renkei.store.board_store import BoardStore


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("RENKEI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RENKEI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)


@pytest.fixture(autouse=True)
def no_os_login(request, monkeypatch):
    """On a file, history shows the OS login beside a name it does not match; tests compare
    history with names only, so the store sees no login unless a test asks for the real one
    (``real_login``). Real `renkei` processes still read it."""
    if "real_login" in request.fixturenames:
        return
    from renkei.store import acting

    monkeypatch.setattr(acting, "os_login", lambda: None)


@pytest.fixture
def real_login():
    """The store reads the operating-system login, as in use."""


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    """Board sessions made without a clock of their own (by the window, by the CLI run in
    process, by a test) judge dates against the tests' day, tests/clock.py, the day the demo
    boards are built for: a run across midnight judges them as any other run."""
    init = BoardSession.__init__
    fixed = {"today": clock.today}
    defaults = tuple(
        fixed.get(p.name, p.default)
        for p in inspect.signature(init).parameters.values()
        if p.default is not inspect.Parameter.empty
    )
    assert len(defaults) == len(init.__defaults__) and set(fixed) <= set(
        inspect.signature(init).parameters
    ), "BoardSession's clock parameters changed: update fixed_clock"
    monkeypatch.setattr(init, "__defaults__", defaults)


@pytest.fixture(autouse=True)
def english_words(request):
    """Tests with a Qt application hear it as the app speaks under an English locale: with
    the English catalogue (plural forms), whichever test ran before."""
    if "qapp" not in request.fixturenames:
        return
    request.getfixturevalue("qapp")
    from PySide6.QtCore import QLocale

    from renkei.i18n.language import use_language

    locale = QLocale()
    use_language("en")
    QLocale.setDefault(locale)  # the words only: dates stay as the machine formats them


@pytest.fixture
def board_path(tmp_path):
    return tmp_path / "team.renkei"


@pytest.fixture
def store(board_path):
    store = BoardStore.open(board_path)
    yield store
    store.dispose()


@pytest.fixture(scope="session")
def demo_boards(tmp_path_factory) -> DemoBoards:
    """The demo boards, built at most once per run; ``demo_boards.copy(path)`` gives a test
    its own copy."""
    return DemoBoards(tmp_path_factory.mktemp("demo-boards"))


@pytest.fixture
def demo_store(demo_boards, board_path):
    """The English demo board (built for tests/clock.py's day), this test's own copy."""
    store = BoardStore.open(demo_boards.copy(board_path, "en"))
    yield store
    store.dispose()


@pytest.fixture
def demo_session(demo_store):
    board = demo_store.load()
    actor = board.find_person("Haruka Aoki")
    return BoardSession(demo_store, actor.id, today=clock.today)


# -- PostgreSQL: a scratch database per test ------------------------------------------------
# Without a server these tests skip, except in CI (``CI`` set), where a missing server fails
# them: CI must never pass by skipping the PostgreSQL tests.


@pytest.fixture(scope="session")
def pg_server():
    """The server answers, or the test skips (fails in CI) saying why."""
    problem = pg.server_problem()
    if problem is not None:
        message = f"PostgreSQL tests need the server at {pg.HOST}:{pg.PORT}: {problem}"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI is set: these tests must run, not skip)", pytrace=False)
        pytest.skip(message)


@pytest.fixture
def pg_database(pg_server):
    """A fresh, empty database of this test's own; its name."""
    with pg.using_server():
        name = pg.create_database()
        try:
            yield name
        finally:
            pg.ensure_running()
            pg.drop_database(name)


@pytest.fixture
def pg_url(pg_database):
    """The fresh database as a board URL (``postgresql+psycopg://…``)."""
    return pg.url_for(pg_database)


@pytest.fixture
def pg_demo_url(pg_url):
    """A fresh server database holding the English demo board."""
    store = BoardStore.open(pg_url)
    try:
        build_demo(store, "en", today=clock.TODAY, now=clock.NOW)
    finally:
        store.dispose()
    return pg_url


@dataclass
class Roles:
    database: str
    kenta: str  # may write
    yuki: str  # may write
    reader: str  # SELECT only

    def url(self, role: str) -> str:
        return f"postgresql+psycopg://{role}@{pg.HOST}:{pg.PORT}/{self.database}"


@pytest.fixture
def roles(pg_demo_url, pg_database):
    """Three login roles on the demo database: two writers and one reader."""
    import psycopg

    tag = secrets.token_hex(4)
    made = Roles(pg_database, f"renkei_kenta_{tag}", f"renkei_yuki_{tag}", f"renkei_read_{tag}")
    names = (made.kenta, made.yuki, made.reader)
    with pg.admin_connection() as admin:
        for name in names:
            admin.execute(f'CREATE ROLE "{name}" LOGIN')
    with psycopg.connect(pg.admin_dsn(pg_database), autocommit=True) as conn:
        for name in names:
            conn.execute(f'GRANT USAGE ON SCHEMA public TO "{name}"')
            conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{name}"')
        for name in (made.kenta, made.yuki):
            conn.execute(
                f'GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{name}"'
            )
            conn.execute(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{name}"')
    try:
        yield made
    finally:
        pg.drop_database(pg_database)  # the grants go with it; then the roles can go
        with pg.admin_connection() as admin:
            for name in names:
                admin.execute(f'DROP ROLE IF EXISTS "{name}"')


# -- poppler: the PDF tests read reports back with its command-line tools -------------------


@pytest.fixture(scope="session")
def poppler():
    """pdftotext, pdfinfo, pdffonts and pdftoppm are there, or the test skips (fails in CI,
    where .ci/run installs them)."""
    import shutil

    missing = [t for t in ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm") if not shutil.which(t)]
    if missing:
        message = f"the PDF tests need poppler-utils ({', '.join(missing)} missing)"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI is set: these tests must run, not skip)", pytrace=False)
        pytest.skip(message)


@pytest.fixture
def japanese_ui(qapp):
    """The app speaking Japanese, as under a Japanese locale or the Preferences choice; back
    to English afterwards."""
    from PySide6.QtCore import QLocale

    from renkei.i18n.language import use_language

    before = QLocale()
    assert use_language("ja") == "ja"
    yield
    use_language("en")
    QLocale.setDefault(before)
