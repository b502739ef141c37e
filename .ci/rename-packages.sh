#!/usr/bin/env bash
# Issue 14 item 4: moves the renamed packages' files and rewrites every reference to their old names.
#
# Idempotent, so it can be re-run after merging a branch that still uses the old names:
#   git merge main && .ci/rename-packages.sh && mvn -o -q -B -DskipTests package
# (a) moves files (git mv; plain mv for untracked files) only while the old path still exists;
# (b) rewrites package lines, imports and fully-qualified names in .java, .css, .fxml, .md, pom.xml,
#     META-INF/services, .properties and scripts; where a package splits it goes class by class, and files of a split
#     package get imports for the classes that now live in a sibling package.
# A class added to a split package that is not in the table below is reported (exit 3): add it to CLASS_MOVES.
# Visibility is not touched: a package-private member used across the new packages must be made public by hand.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
exec python3 - "$@" <<'PY'
import os, re, subprocess, sys

# Whole packages renamed (every file, subpackages excluded).
PACKAGE_RENAMES = {
    "io.tsstudio.engine.json": "io.tsstudio.engine.values",
    "io.tsstudio.ui.util": "io.tsstudio.ui.concurrent",
}

E = "io.tsstudio.engine"
G = "io.tsstudio.ui.graph"
W = "io.tsstudio.ui.workspace"
SESSION = "io.tsstudio.ui.session"
PREFS = "io.tsstudio.ui.preferences"

def group(old_pkg, new_pkg, names):
    return {f"{old_pkg}.{n}": new_pkg for n in names.split()}

# Packages that split, class by class (main and test classes alike): old fully-qualified name -> new package.
CLASS_MOVES = {}
# engine.archive: TorchScriptArchive is used by internal.torch alone; ArchiveModel is API (the ui and the CLI read
# models LibTorch cannot load with it) and returns the engine's info records, so it joins them in the API package.
CLASS_MOVES |= group(f"{E}.archive", f"{E}.internal.torch", "TorchScriptArchive TorchScriptArchiveTest")
CLASS_MOVES |= group(f"{E}.archive", E, "ArchiveModel")
# ui.workspace: the session over the engine (models opened through the backend, the shared selection, autosaved
# buffers) and the user's preferences (settings, recent files, where they are kept).
CLASS_MOVES |= group(W, SESSION, """AutosaveEntry AutosaveStore ClassCodeText CompileFailure DockSlots
    EngineModelBackend ModelBackend ModelFileException ModuleSummaries OpenListener OpenModel OpenedFile
    RegistryOperators SourceFiles TabTitles Workspace
    CheckWhileClosingTest CleanDiagnosticsTest ModuleSummariesScaleTest OversizedArchiveEntriesTest TabTitlesTest
    WorkspaceFilesTest""")
CLASS_MOVES |= group(W, PREFS, "RecentFiles StudioDirs StudioSettings")
# ui.graph: model (what is drawn, built from IR, and the view's state) <- layout (positions, the scene) <- render.
CLASS_MOVES |= group(G, f"{G}.model", """GraphEdge GraphGroup GraphNode GraphOptions GraphViewModel GroupBuilder
    Highlights ModuleGraphs NodeDetails NodeKind Port RunValues SchemaNames SearchResults ShapeLookup
    SubgraphLoader TypeText
    GraphFixtures TestIr GraphViewModelTest ModuleGraphsTest""")
CLASS_MOVES |= group(G, f"{G}.layout", """ChainLayout GraphLayoutEngine GraphScene GridIndex GroupLayout
    GroupLayouter LayoutCancelledException LayoutProgress LayoutThreads NodeSizes SweepLayout
    GraphLayoutTest GraphSweepLayoutTest""")
CLASS_MOVES |= group(G, f"{G}.render", "GraphStyle GraphSvg Java2DPainter Painter ScenePainter SvgPainter")
# app.run held only RunPanelWiring (and the run panel's app-level tests): it belongs beside GraphWiring.
CLASS_MOVES |= group("io.tsstudio.app.run", "io.tsstudio.app.studio", "RunPanelWiring RunPanelFxTest RunPanelShot")

# Issue 14 item 3: the graph editor's operator catalog and registry reader merged into the editor's and the
# session's (same simple names; the editor's OperatorCatalog offers schemaTexts() as the palette reads them).
CLASS_MOVES |= group("io.tsstudio.ui.grapheditor", "io.tsstudio.ui.editor", "OperatorCatalog")
CLASS_MOVES |= group("io.tsstudio.ui.grapheditor", SESSION, "RegistryOperators")

# Issue 14 item 3: operator schemas live with the schema and type parser.
CLASS_MOVES |= group(E, f"{E}.types", "OpSchema OpArgument")

# Classes that stay in a split package (no report for them).
STAYS = {f"{G}.GraphArchitectureTest", f"{G}.package-info"}

SPLIT = sorted({fq.rsplit(".", 1)[0] for fq in CLASS_MOVES})
# packages that keep their other classes (only the listed ones left): no report of unlisted classes for them
PARTLY_MOVED = {"io.tsstudio.ui.grapheditor", E}
SOURCE_ROOTS = ["src/main/java", "src/test/java", "src/main/resources", "src/test/resources"]
SELF = ".ci/rename-packages.sh"
TEXT_SUFFIXES = (".java", ".css", ".fxml", ".md", ".xml", ".properties", ".sh", ".py", ".txt", ".cfg", ".conf")
SCRIPTS = {"tsstudio", ".ci/run", ".ci/bench", "mvnw"}

def git_files():
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], capture_output=True, check=True).stdout
    return [p for p in out.decode().split("\0") if p and os.path.isfile(p)]

def modules():
    return sorted({p.split("/src/", 1)[0] for p in git_files() if "/src/" in p})

def move(src, dst):
    if os.path.exists(dst):
        sys.exit(f"rename-packages: both {src} and {dst} exist; merge them by hand")
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if subprocess.run(["git", "mv", src, dst], capture_output=True).returncode != 0:
        os.rename(src, dst)  # untracked file
    print(f"moved {src} -> {dst}")
    parent = os.path.dirname(src)
    while parent and os.path.isdir(parent) and not os.listdir(parent):
        os.rmdir(parent)
        parent = os.path.dirname(parent)

def pkg_dir(pkg):
    return pkg.replace(".", "/")

# ---- (a) move files ----
unmapped = []
for mod in modules():
    for root in SOURCE_ROOTS:
        base = f"{mod}/{root}"
        for old, new in PACKAGE_RENAMES.items():
            d = f"{base}/{pkg_dir(old)}"
            if os.path.isdir(d):
                for name in sorted(os.listdir(d)):
                    if os.path.isfile(f"{d}/{name}"):
                        move(f"{d}/{name}", f"{base}/{pkg_dir(new)}/{name}")
        for fq, new_pkg in CLASS_MOVES.items():
            old_pkg, name = fq.rsplit(".", 1)
            src = f"{base}/{pkg_dir(old_pkg)}/{name}.java"
            if os.path.isfile(src):
                move(src, f"{base}/{pkg_dir(new_pkg)}/{name}.java")
        for old_pkg in SPLIT:
            if old_pkg in PARTLY_MOVED:
                continue
            d = f"{base}/{pkg_dir(old_pkg)}"
            if os.path.isdir(d):
                for name in sorted(os.listdir(d)):
                    if name.endswith(".java") and f"{old_pkg}.{name[:-5]}" not in STAYS:
                        unmapped.append(f"{d}/{name}")

# ---- (b) rewrite references ----
def name_pattern(old, sep):
    # the old name, not inside a longer name (io.tsstudio.ui.utilities, x.io.tsstudio...)
    return re.compile(r"(?<![\w.$])" + re.escape(old.replace(".", sep)) + r"(?![\w$])")

RULES = []
for fq, new_pkg in sorted(CLASS_MOVES.items(), key=lambda kv: -len(kv[0])):
    name = fq.rsplit(".", 1)[1]
    RULES.append((name_pattern(fq, "."), f"{new_pkg}.{name}"))
    RULES.append((name_pattern(fq, "/"), f"{new_pkg}.{name}".replace(".", "/")))
    # short forms in prose and comments: ui.graph.GroupLayouter, engine.archive.ArchiveModel
    short_old = fq.removeprefix("io.tsstudio.")
    RULES.append((name_pattern(short_old, "."), f"{new_pkg}.{name}".removeprefix("io.tsstudio.")))
for old, new in PACKAGE_RENAMES.items():
    RULES.append((name_pattern(old, "."), new))
    RULES.append((name_pattern(old, "/"), new.replace(".", "/")))
    RULES.append((name_pattern(old.removeprefix("io.tsstudio."), "."), new.removeprefix("io.tsstudio.")))

# for each split package: the classes it had, by simple name -> new package
SPLIT_GROUPS = {}
for fq, new_pkg in CLASS_MOVES.items():
    old_pkg, name = fq.rsplit(".", 1)
    SPLIT_GROUPS.setdefault(old_pkg, {})[name] = new_pkg

PACKAGE_LINE = re.compile(r"^package\s+([\w.]+)\s*;", re.M)
IMPORT_LINE = re.compile(r"^import\s+(static\s+)?([\w.]+(?:\.\*)?)\s*;[ \t]*\n", re.M)
COMMENTS_AND_STRINGS = re.compile(r'//[^\n]*|/\*.*?\*/|"""(?:.|\n)*?"""|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)

def java_package_from_path(path):
    for root in ("/src/main/java/", "/src/test/java/"):
        if root in path:
            return os.path.dirname(path.split(root, 1)[1]).replace("/", ".")
    return None

def fix_java(path, text):
    pkg = java_package_from_path(path)
    if pkg is None:
        return text
    m = PACKAGE_LINE.search(text)
    if m and m.group(1) != pkg:
        text = text[:m.start(1)] + pkg + text[m.end(1):]
    imports = [(mm.group(1), mm.group(2)) for mm in IMPORT_LINE.finditer(text)]
    # wildcard imports of a split package become wildcard imports of the packages it split into
    for old_pkg, classes in SPLIT_GROUPS.items():
        wild = f"import {old_pkg}.*;\n"
        if wild in text:
            text = text.replace(wild, "".join(f"import {p}.*;\n" for p in sorted(set(classes.values())) if p != pkg))
    # a file of a split package (old or new) used its siblings without imports: add those that moved elsewhere
    code = COMMENTS_AND_STRINGS.sub(" ", text)
    code = IMPORT_LINE.sub("", PACKAGE_LINE.sub("", code))
    imported = {i for _, i in imports}
    imported_names = {i.rsplit(".", 1)[1] for s, i in imports if not s}
    own_classes = {os.path.splitext(n)[0] for n in os.listdir(os.path.dirname(path) or ".")}
    wanted = []
    for old_pkg, classes in SPLIT_GROUPS.items():
        if pkg != old_pkg and pkg not in classes.values():
            continue
        for name, new_pkg in classes.items():
            if new_pkg == pkg or name in own_classes or name in imported_names:
                continue
            if f"{new_pkg}.{name}" in imported or f"{new_pkg}.*" in imported:
                continue
            if re.search(r"(?<![\w.$])" + name + r"(?![\w$])", code):
                wanted.append(f"{new_pkg}.{name}")
    for fq in sorted(set(wanted)):
        text = add_import(text, fq)
    # imports of the file's own package are redundant after a move (nested classes excepted)
    def keep(mm):
        target = mm.group(2)
        owner, _, name = target.rpartition(".")
        return "" if not mm.group(1) and owner == pkg and name[:1].isupper() else mm.group(0)
    return IMPORT_LINE.sub(keep, text)

def add_import(text, fq):
    line = f"import {fq};\n"
    plain = [mm for mm in IMPORT_LINE.finditer(text) if not mm.group(1)]
    for mm in plain:
        if mm.group(2) > fq and mm.group(2).split(".")[0] == fq.split(".")[0]:
            return text[:mm.start()] + line + text[mm.start():]
    same_root = [mm for mm in plain if mm.group(2).split(".")[0] == fq.split(".")[0]]
    if same_root:
        end = same_root[-1].end()
        return text[:end] + line + text[end:]
    m = PACKAGE_LINE.search(text)
    end = text.index("\n", m.end()) + 1
    return text[:end] + "\n" + line + text[end:]

def is_text_target(p):
    return (p.endswith(TEXT_SUFFIXES) or "/META-INF/services/" in p or p in SCRIPTS) and p != SELF

changed = 0
for p in git_files():
    if not is_text_target(p):
        continue
    try:
        with open(p, encoding="utf-8") as f:
            text = f.read()
    except UnicodeDecodeError:
        continue
    new = text
    for pat, repl in RULES:
        new = pat.sub(repl, new)
    if p.endswith(".java"):
        new = fix_java(p, new)
    if new != text:
        with open(p, "w", encoding="utf-8") as f:
            f.write(new)
        changed += 1
print(f"rename-packages: {changed} files rewritten")
# a split package named on its own (a string for ArchUnit, a sentence) cannot be rewritten: it has no single successor
gone = [p for p in SPLIT if p not in PARTLY_MOVED and not any(os.path.isdir(f"{m}/{r}/{pkg_dir(p)}") for m in modules() for r in SOURCE_ROOTS)]
bare = [(p, re.compile(r"(?<![\w.$])" + re.escape(p) + r"(?![\w$]|\.\w)")) for p in gone]
for f in git_files():
    if is_text_target(f):
        try:
            lines = open(f, encoding="utf-8").read().splitlines()
        except UnicodeDecodeError:
            continue
        for i, line in enumerate(lines, 1):
            for p, pat in bare:
                if pat.search(line):
                    print(f"rename-packages: {f}:{i} names split package {p} on its own; rewrite it by hand")
if unmapped:
    print("rename-packages: classes of a split package that the table does not place (add them to CLASS_MOVES):")
    for u in unmapped:
        print("  " + u)
    sys.exit(3)
PY
