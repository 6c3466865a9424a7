"""What a painted view says to a screen reader: its items as accessibility children.

A painted view (the kanban, the timeline) has no widget per item, so Qt's own interface
reports one silent area. ``PaintedAccessible`` is the view's interface instead: a subclass
names the items by keys (a card's, a column's…) and says, key by key, what each is — role,
name, state, rectangle, actions. ``Node`` is one item's interface, made once per key and
kept: Qt's accessibility cache may hold a pointer to it, so Python must never drop one first.
When the view goes, every node is deleted through the cache.

``register(view type, interface type)`` puts the view under its interface (one factory for
all painted views); ``post(view, event, words)`` sends an event to the screen reader and
emits the view's ``accessibleEventPosted`` (tests listen to that: offscreen there is no
screen reader)."""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QRectF, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleObject,
)
from PySide6.QtWidgets import QApplication, QWidget

from renkei.domain.read_model import BoardReadModel
from renkei.domain.risk import badge_word
from renkei.i18n import translate_marked
from renkei.i18n.history import join_words

Key = Hashable
_TYPES: dict[type, type] = {}
_INSTALLED_UNDER: list[QObject] = []  # the application the factory was installed under


def register(view_type: type, interface_type: type) -> None:
    """Views of ``view_type`` are read through ``interface_type(view)`` from now on (each
    such view calls ``ensure_factory`` when it is made)."""
    _TYPES[view_type] = interface_type


def ensure_factory() -> None:
    """The factory installed under the running application. Qt forgets every factory when
    an application ends, and one process may make several (the command line's to speak
    Japanese, then the window's; the tests, one after another)."""
    app = QCoreApplication.instance()
    if app is None or (_INSTALLED_UNDER and _INSTALLED_UNDER[0] is app):
        return
    QAccessible.installFactory(_factory)
    _INSTALLED_UNDER[:] = [app]


def _factory(_key: str, obj: QObject | None):
    for view_type, interface_type in _TYPES.items():
        if isinstance(obj, view_type):
            interface = interface_type(obj)
            obj._accessible = interface  # kept as long as the view: the cache holds a pointer
            return interface
    return None


def post(view: QWidget, event: QAccessibleEvent, words: str) -> None:
    """Tell the screen reader (and the view's listeners) about ``event``."""
    QAccessible.updateAccessibility(event)
    signal = getattr(view, "accessibleEventPosted", None)
    if signal is not None:
        signal.emit(event.type(), words)


def spoken_risks(session: BoardReadModel, task_id: int) -> str:
    """A card's or bar's risk badge ("Late · Stale": its two worst reasons) as a spoken
    list: "Late, Stale"."""
    words = dict.fromkeys(badge_word(r, translate_marked) for r in session.risk(task_id))
    return join_words(list(words)[:2])


def tell_focus(view: QWidget, selection: bool = False) -> None:
    """The view's focused item (its current card or bar) has the focus: say so, and that it
    is selected (``selection``: it has just become the current one)."""
    interface = QAccessible.queryAccessibleInterface(view)
    if not isinstance(interface, PaintedAccessible):
        return
    key = interface.focused_key()
    if key is None:
        return
    node = interface.node(key)
    words = node.text(QAccessible.Text.Name)
    if view.hasFocus():
        post(view, QAccessibleEvent(node, QAccessible.Event.Focus), words)
    if selection:
        post(view, QAccessibleEvent(node, QAccessible.Event.Selection), words)


class FocusTeller(QObject):
    """A view taking the focus hands it on to its current item: after Qt has told the
    screen reader the view is focused, the item is told focused too."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusIn:
            QTimer.singleShot(0, self, partial(tell_focus, watched))
        return False


def watch_focus(view: QWidget) -> None:
    view.installEventFilter(FocusTeller(view))


class Node(QAccessibleInterface, QAccessibleActionInterface):
    """One painted item: everything it says comes from its view's interface, by key."""

    def __init__(self, owner: PaintedAccessible, key: Key):
        QAccessibleInterface.__init__(self)
        QAccessibleActionInterface.__init__(self)
        self.owner = owner
        self.key = key

    def isValid(self) -> bool:  # noqa: N802 - Qt's names, here and below
        return shiboken6.isValid(self.owner) and self.owner.exists(self.key)

    def object(self):
        return None

    def window(self):
        return self.owner.window()

    def relations(self, _match=None):
        return []

    def parent(self):
        parent = self.owner.parent_key(self.key)
        return self.owner if parent is None else self.owner.node(parent)

    def child(self, index: int):
        keys = self.owner.children_of(self.key)
        return self.owner.node(keys[index]) if 0 <= index < len(keys) else None

    def childCount(self) -> int:  # noqa: N802
        return len(self.owner.children_of(self.key))

    def indexOfChild(self, child) -> int:  # noqa: N802
        if not isinstance(child, Node) or self.owner.parent_key(child.key) != self.key:
            return -1
        keys = self.owner.children_of(self.key)
        return keys.index(child.key) if child.key in keys else -1

    def childAt(self, x: int, y: int):  # noqa: N802
        for key in self.owner.children_of(self.key):
            if self.owner.node(key).rect().contains(x, y):
                return self.owner.node(key)
        return None

    def focusChild(self):  # noqa: N802
        return None

    def text(self, kind) -> str:
        return self.owner.text_of(self.key, kind) if self.isValid() else ""

    def setText(self, _kind, _text) -> None:  # noqa: N802
        pass

    def rect(self) -> QRect:
        area = self.owner.rect_of(self.key) if self.isValid() else None
        if area is None:
            return QRect()
        return self.owner.to_screen(area)

    def role(self):
        return self.owner.role_of(self.key)

    def state(self):
        if not self.isValid():
            gone = QAccessible.State()
            gone.invalid = True
            return gone
        return self.owner.state_of(self.key)

    def interface_cast(self, kind):
        if kind == QAccessible.InterfaceType.ActionInterface:
            # Python's two bases are two C++ objects: hand Qt the action one's address.
            return shiboken6.VoidPtr(shiboken6.getCppPointer(self)[1])
        # A null pointer, spelled so: a None (or 0) returned here reaches Qt as a pointer to
        # something else, and a screen reader asking for a table interface crashes the app.
        return shiboken6.VoidPtr(0)

    def actionNames(self) -> list[str]:  # noqa: N802
        return self.owner.actions_of(self.key) if self.isValid() else []

    def doAction(self, name: str) -> None:  # noqa: N802
        if self.isValid() and name in self.actionNames():
            self.owner.do_action(self.key, name)

    def localizedActionName(self, name: str) -> str:  # noqa: N802
        return self.owner.action_words(self.key, name) if self.isValid() else name

    def localizedActionDescription(self, name: str) -> str:  # noqa: N802
        return self.localizedActionName(name)

    def keyBindingsForAction(self, _name: str) -> list[str]:  # noqa: N802
        return []


class PaintedAccessible(QAccessibleObject):
    """A painted view's interface. Subclasses say which keys exist and what each is; the
    top level (key None) lists the view's own children."""

    def __init__(self, view: QWidget):
        super().__init__(view)
        self.view = view
        self._nodes: dict[Key, Node] = {}
        view.destroyed.connect(partial(_delete_nodes, self._nodes))

    def node(self, key: Key) -> Node:
        made = self._nodes.get(key)
        if made is None:
            made = self._nodes[key] = Node(self, key)
        return made

    # -- the view itself ------------------------------------------------------------------

    def window(self):
        return QAccessible.queryAccessibleInterface(self.view.window())

    def parent(self):
        above = self.view.parentWidget()
        return QAccessible.queryAccessibleInterface(above or QApplication.instance())

    def child(self, index: int):
        keys = self.children_of(None)
        if not 0 <= index < len(keys):
            return None
        key = keys[index]
        if isinstance(key, QWidget):
            return QAccessible.queryAccessibleInterface(key)
        return self.node(key)

    def childCount(self) -> int:  # noqa: N802
        return len(self.children_of(None))

    def indexOfChild(self, child) -> int:  # noqa: N802
        keys = self.children_of(None)
        if isinstance(child, Node):
            return keys.index(child.key) if child.key in keys else -1
        widget = child.object() if child is not None else None
        return keys.index(widget) if widget in keys else -1

    def childAt(self, x: int, y: int):  # noqa: N802
        for index in range(self.childCount()):
            item = self.child(index)
            if item is not None and item.rect().contains(x, y):
                return item
        return None

    def focusChild(self):  # noqa: N802
        key = self.focused_key()
        return self.node(key) if key is not None else None

    def text(self, kind) -> str:
        return self.text_of(None, kind)

    def role(self):
        return self.role_of(None)

    def state(self):
        return self.state_of(None)

    def rect(self) -> QRect:
        view = self.view
        return QRect(view.mapToGlobal(view.rect().topLeft()), view.size())

    def to_screen(self, area: QRectF) -> QRect:
        """A rectangle of the view's viewport on the screen."""
        viewport = getattr(self.view, "viewport", lambda: self.view)()
        rect = area.toAlignedRect()
        return QRect(viewport.mapToGlobal(rect.topLeft()), rect.size())

    def base_state(self):
        view = self.view
        state = QAccessible.State()
        state.focusable = True
        state.focused = view.hasFocus() and self.focused_key() is None
        state.invisible = not view.isVisible()
        state.disabled = not view.isEnabled()
        return state

    # -- what subclasses say --------------------------------------------------------------

    def children_of(self, key: Key | None) -> list:
        """The keys under ``key`` (None: the view); at the top level a QWidget may stand in
        for a key (a real child widget: a button on the board)."""
        return []

    def parent_key(self, key: Key) -> Key | None:
        return None

    def exists(self, key: Key) -> bool:
        return False

    def focused_key(self) -> Key | None:
        return None

    def text_of(self, key: Key, kind) -> str:
        return ""

    def rect_of(self, key: Key) -> QRectF | None:
        return None

    def role_of(self, key: Key):
        return QAccessible.Role.NoRole

    def state_of(self, key: Key):
        return QAccessible.State()

    def actions_of(self, key: Key) -> list[str]:
        return []

    def do_action(self, key: Key, name: str) -> None:
        pass

    def action_words(self, key: Key, name: str) -> str:
        return name


def _delete_nodes(nodes: dict[Key, Node], *_args) -> None:
    """The view is going: its nodes go through Qt's cache (which may hold them)."""
    for made in nodes.values():
        if shiboken6.isValid(made):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(made))
    nodes.clear()
