"""The translation catalogue: find every translatable string in the code, keep the `.ts`
sources under resources/translations/ in step with it, and compile them to `.qm`.

    python packaging/translations.py update   # add new strings to the .ts files, drop gone ones
    python packaging/translations.py check    # exit 1 when a string lacks a finished translation
    python packaging/translations.py build    # .ts -> .qm with Qt's lrelease (the package build
                                              # runs this too; see setup.py)

Why our own extractor rather than lupdate: the code translates through small wrappers (``tr(
"Context", text)``, a module's ``_t(text)`` bound to one context) that lupdate does not know,
and lupdate names the context of ``parent.tr(...)`` after the variable. This reads the code the
way Qt will look the strings up at run time, and the test of the catalogue uses it too.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "renkei"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("ja", "en")

QT_TRANSLATE = {"QCoreApplication", "QApplication", "QGuiApplication"}
NOOPS = ("QT_TRANSLATE_NOOP", "QT_TRANSLATE_N_NOOP")  # marks constants (N: with "%n")


@dataclass(frozen=True, order=True)
class Message:
    context: str
    source: str
    numerus: bool = False


@dataclass
class Wrapper:
    """A function that calls Qt's translate: where its context and text come from."""

    context: str | int  # a literal context, or the index of the parameter that carries it
    text: int
    count: int | None  # the index of the parameter that carries the count ("%n"), if any

    def numerus(self, args: list[ast.expr]) -> bool:
        return self.count is not None and len(args) > self.count


@dataclass
class Extraction:
    messages: dict[Message, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, message: Message, where: str) -> None:
        self.messages.setdefault(message, []).append(where)


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _is_qt_translate(func: ast.AST) -> bool:
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "translate"
        and isinstance(func.value, ast.Name)
        and func.value.id in QT_TRANSLATE
    )


def _wrapper_of(node: ast.FunctionDef) -> Wrapper | None:
    """``def _t(text): return QCoreApplication.translate("Ctx", text[, "", n])`` and the like."""
    if not node.body or not isinstance(node.body[-1], ast.Return):
        return None
    call = node.body[-1].value
    if not isinstance(call, ast.Call) or not _is_qt_translate(call.func) or len(call.args) < 2:
        return None
    params = [a.arg for a in node.args.args]
    ctx_node, text_node = call.args[0], call.args[1]
    if not isinstance(text_node, ast.Name) or text_node.id not in params:
        return None
    context: str | int
    if (literal := _literal(ctx_node)) is not None:
        context = literal
    elif isinstance(ctx_node, ast.Name) and ctx_node.id in params:
        context = params.index(ctx_node.id)
    else:
        return None
    count = None
    if len(call.args) >= 4:
        n_node = call.args[3]
        if not (isinstance(n_node, ast.Name) and n_node.id in params):
            return None  # a fixed count: not a wrapper we can read
        count = params.index(n_node.id)
    return Wrapper(context, params.index(text_node.id), count)


def _module_name(path: Path, top: Path) -> str:
    parts = path.relative_to(top).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


class _Visitor(ast.NodeVisitor):
    def __init__(self, where: str, wrappers: dict[str, Wrapper], out: Extraction):
        self.where = where
        self.wrappers = wrappers
        self.out = out
        self.classes: list[str] = []

    def visit_Assign(self, node: ast.Assign) -> None:
        if isinstance(node.value, ast.Name) and node.value.id in (*NOOPS, "tr"):
            self.out.problems.append(
                f"{self.where}:{node.lineno}: another name for {node.value.id}, which the "
                "extractor cannot follow; call it by its own name"
            )
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        self._take(node)
        self.generic_visit(node)

    @staticmethod
    def _disambiguated(func: ast.AST, args: list[ast.expr]) -> bool:
        comment = _comment_of(func, args)
        return comment is not None and _literal(comment) != ""

    def _found(self, node: ast.Call, context: str | None, text: str | None, numerus: bool):
        where = f"{self.where}:{node.lineno}"
        if context is None or text is None:
            return  # a variable: the constant it holds is marked where it is defined
        self.out.add(Message(context, text, numerus), where)

    def _take(self, node: ast.Call) -> None:
        func, args = node.func, node.args
        if self._disambiguated(func, args):
            self.out.problems.append(
                f"{self.where}:{node.lineno}: a disambiguation comment, which the catalogue "
                "does not keep; reword the source text instead"
            )
        if _is_qt_translate(func) and len(args) >= 2:
            self._found(node, _literal(args[0]), _literal(args[1]), len(args) >= 4)
        elif isinstance(func, ast.Name) and func.id in NOOPS and len(args) == 2:
            numerus = func.id == "QT_TRANSLATE_N_NOOP"
            self._found(node, _literal(args[0]), _literal(args[1]), numerus)
        elif isinstance(func, ast.Name) and func.id in self.wrappers:
            wrapper = self.wrappers[func.id]
            if len(args) <= wrapper.text:
                return
            context = (
                wrapper.context
                if isinstance(wrapper.context, str)
                else _literal(args[wrapper.context])
                if len(args) > wrapper.context
                else None
            )
            self._found(node, context, _literal(args[wrapper.text]), wrapper.numerus(args))
        elif isinstance(func, ast.Attribute) and func.attr == "tr" and args:
            owner = func.value
            if isinstance(owner, ast.Name) and owner.id == "self" and self.classes:
                self._found(node, self.classes[-1], _literal(args[0]), len(args) >= 3)
            elif _literal(args[0]) is not None:
                # Qt looks up obj.tr() under obj's class, which the code cannot show.
                self.out.problems.append(
                    f"{self.where}:{node.lineno}: tr() on something other than self; "
                    'use tr("Context", …) so the context is certain'
                )


def _comment_of(func: ast.AST, args: list[ast.expr]) -> ast.expr | None:
    if _is_qt_translate(func) and len(args) >= 3:
        return args[2]
    if isinstance(func, ast.Attribute) and func.attr == "tr" and len(args) >= 2:
        return args[1]
    return None


def extract(sources: Path = SOURCES) -> Extraction:
    """Every translatable string under ``sources``, with where it is used."""
    trees = {}
    for path in sorted(sources.rglob("*.py")):
        trees[path] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    # Wrappers defined in each module, then the names each module imports them under.
    defined: dict[str, dict[str, Wrapper]] = {}
    for path, tree in trees.items():
        defined[_module_name(path, sources.parent)] = {
            node.name: wrapper
            for node in tree.body
            if isinstance(node, ast.FunctionDef) and (wrapper := _wrapper_of(node))
        }
    changed = True
    while changed:  # re-exports: ui.text re-exports render.words.tr
        changed = False
        for path, tree in trees.items():
            mine = defined[_module_name(path, sources.parent)]
            for node in tree.body:
                if isinstance(node, ast.ImportFrom) and node.module in defined:
                    for alias in node.names:
                        wrapper = defined[node.module].get(alias.name)
                        name = alias.asname or alias.name
                        if wrapper is not None and name not in mine:
                            mine[name] = wrapper
                            changed = True
    out = Extraction()
    for path, tree in trees.items():
        where = path.relative_to(sources.parent).as_posix()
        _Visitor(where, defined[_module_name(path, sources.parent)], out).visit(tree)
    return out


# --- the .ts files -------------------------------------------------------------------------


@dataclass
class Translation:
    text: str = ""  # numerus messages keep their forms joined by "\x9c"
    finished: bool = False


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"renkei_{language}.ts"


def read_ts(path: Path) -> dict[Message, Translation]:
    if not path.exists():
        return {}
    found: dict[Message, Translation] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            numerus = message.get("numerus") == "yes"
            node = message.find("translation")
            kind = node.get("type", "") if node is not None else "unfinished"
            if node is None:
                text = ""
            elif numerus:
                text = "\x9c".join(form.text or "" for form in node.iter("numerusform"))
            else:
                text = node.text or ""
            key = Message(name, message.findtext("source") or "", numerus)
            found[key] = Translation(text, finished=kind == "" and bool(text.strip("\x9c")))
    return found


def write_ts(path: Path, language: str, entries: dict[Message, Translation]) -> None:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, list[Message]] = {}
    for message in sorted(entries):
        by_context.setdefault(message.context, []).append(message)
    for name, messages in by_context.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for message in messages:
            node = ET.SubElement(context, "message")
            if message.numerus:
                node.set("numerus", "yes")
            ET.SubElement(node, "source").text = message.source
            translation = entries[message]
            out = ET.SubElement(node, "translation")
            if not translation.finished:
                out.set("type", "unfinished")
            if message.numerus:
                for form in translation.text.split("\x9c") if translation.text else [""]:
                    ET.SubElement(out, "numerusform").text = form
            else:
                out.text = translation.text
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def required(language: str, messages: dict[Message, list[str]] | None = None) -> list[Message]:
    """The strings a language's catalogue must hold. The code is written in English, so the
    English catalogue holds only the plural forms ("%n day(s)" -> "1 day", "3 days")."""
    messages = extract().messages if messages is None else messages
    return sorted(m for m in messages if language != "en" or m.numerus)


def update(language: str) -> tuple[int, int]:
    """Bring one .ts in step with the code: (strings added, strings dropped)."""
    needed = required(language)
    path = ts_path(language)
    old = read_ts(path)
    write_ts(path, language, {m: old.get(m, Translation()) for m in needed})
    return len(set(needed) - set(old)), len(set(old) - set(needed))


def missing(language: str) -> list[Message]:
    """Strings in the code without a finished translation."""
    have = read_ts(ts_path(language))
    return [m for m in required(language) if not (have.get(m) and have[m].finished)]


# --- .qm ------------------------------------------------------------------------------------


def lrelease() -> str:
    """Qt's lrelease: the one PySide6 ships (a wheel always has it), else one on PATH."""
    try:
        import PySide6  # noqa: PLC0415 - only the build needs it

        base = Path(PySide6.__file__).parent
        for candidate in (
            base / "lrelease",
            base / "lrelease.exe",
            base / "Qt" / "bin" / "lrelease",
        ):
            if candidate.exists():
                return str(candidate)
    except ImportError:
        pass
    for name in ("pyside6-lrelease", "lrelease"):
        if found := shutil.which(name):
            return found
    raise SystemExit("translations: Qt's lrelease was not found (pip install PySide6-Essentials)")


def build(out_dir: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .ts to .qm in ``out_dir``; returns the files written."""
    tool = lrelease()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        problems = extract().problems
        for language in LANGUAGES:
            added, dropped = update(language)
            print(f"{ts_path(language).name}: {added} new, {dropped} gone")
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    if command == "check":
        status = 0
        for language in LANGUAGES:
            for message in missing(language):
                print(f"{language}: untranslated [{message.context}] {message.source!r}")
                status = 1
        return status
    if command == "build":
        out = Path(argv[1]) if len(argv) > 1 else TRANSLATIONS
        for qm in build(out):
            print(os.path.relpath(qm))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
