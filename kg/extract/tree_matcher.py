"""A small, fast stand-in for spaCy's `DependencyMatcher`, for the pattern subset kg uses.

Why it exists: spaCy's DependencyMatcher first runs a token `Matcher` over every node of every
pattern, then walks each matched token's ancestors in Python to group the hits by tree, and only
then checks the edges. With kg's ~50 patterns that costs ~7-9 ms per article, a third of what the
whole spaCy pipeline costs. Here each pattern is anchored instead: the root node's candidates are
the heads of its rarest required child dependency (or, failing one, all tokens), filtered by its
attribute tests, and the other nodes are found by walking the parse from the node they hang off. All
token attributes are read once per doc with `Doc.to_array` into plain lists of ints, so the inner
loop touches no spaCy `Token` objects.

It gives the same matches as `DependencyMatcher` (same `match_id`s, token ids in pattern-node
order, and the same order: by pattern, then by token ids), including its quirks: two nodes may
match the same token, and every node must lie in the root's sentence tree. It supports exactly
what kg/data/patterns.json uses and rejects anything else when the pattern is added:

* REL_OP: ">" (right is a child of left), ">--" (a child before left), "." (right immediately
  follows left), ";" (right immediately precedes left); "." and ";" stay within the sentence's
  dependency tree.
* RIGHT_ATTRS: ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, SHAPE with a string value or
  {"IN": [...]} / {"NOT_IN": [...]}; LIKE_NUM with a boolean.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import IDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

STRING_ATTRS = ("ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "SHAPE")
FLAG_ATTRS = ("LIKE_NUM",)
REL_OPS = (">", ">--", ".", ";")
CHILD_OPS = (">", ">--")
DEP = 0                                      # the DEP column is always column 0

Test = tuple[int, frozenset[int], bool]      # (column, values, whether the value must be in them)


class PatternError(ValueError):
    pass


@dataclass(frozen=True)
class _Node:
    tests: tuple[Test, ...]
    left: int                      # index of the node this one hangs off (-1 for the root)
    op: str
    deps: frozenset[int] | None    # the DEP values the node requires, if it requires some
    rest: tuple[Test, ...]         # its other tests: all a child found by (head, dep) still needs


@dataclass(frozen=True)
class _Pattern:
    key: int
    nodes: tuple[_Node, ...]
    anchor_id: int                      # patterns whose roots are found alike share per-doc results
    child_deps: tuple[frozenset[int], ...]  # DEP sets of the root's ">" children: the root heads one of each
    required: frozenset[int]            # ids of its "must be one of" tests: some token must pass each


class TreeMatcher:
    """`matcher.add(key, [pattern])`, then `matcher(doc) -> [(match_id, [token ids])]`."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._patterns: list[_Pattern] = []
        self._columns: list[str] = ["DEP"]        # attribute names, in to_array column order
        self._anchors: dict[tuple, int] = {}
        self._required: dict[tuple[int, frozenset[int]], int] = {}   # (column, values) -> its test id
        self._tests_with: dict[int, dict[int, list[int]]] = {}       # column -> value -> ids of tests it passes

    def __len__(self) -> int:
        return len({p.key for p in self._patterns})

    def __contains__(self, key: str | int) -> bool:
        return self._key(key) in {p.key for p in self._patterns}

    def add(self, key: str | int, patterns: Sequence[Sequence[dict]]) -> None:
        if not isinstance(patterns, list):
            raise PatternError(f"{key}: patterns must be a list of patterns, got {type(patterns).__name__}")
        compiled = [self._compile(key, pattern) for pattern in patterns]   # all or nothing
        self._patterns.extend(compiled)

    # -- compiling patterns -------------------------------------------------------------------

    def _key(self, key: str | int) -> int:
        return self.vocab.strings.add(key) if isinstance(key, str) else key

    def _compile(self, key: str | int, pattern: Sequence[dict]) -> _Pattern:
        if not pattern:
            raise PatternError(f"{key}: empty pattern")
        position: dict[str, int] = {}
        nodes = []
        for j, spec in enumerate(pattern):
            where = f"{key}, node {j} ({spec.get('RIGHT_ID', '?') if isinstance(spec, dict) else spec})"
            allowed = {"RIGHT_ID", "RIGHT_ATTRS"} | ({"LEFT_ID", "REL_OP"} if j else set())
            if not isinstance(spec, dict) or "RIGHT_ID" not in spec or set(spec) - allowed:
                raise PatternError(f"{where}: a node has RIGHT_ID, RIGHT_ATTRS and, except the "
                                   f"first, LEFT_ID and REL_OP; got {spec!r}")
            if spec["RIGHT_ID"] in position:
                raise PatternError(f"{where}: RIGHT_ID used twice")
            left, op = -1, ""
            if j:
                if spec.get("LEFT_ID") not in position:
                    raise PatternError(f"{where}: LEFT_ID {spec.get('LEFT_ID')!r} is not an earlier node")
                left, op = position[spec["LEFT_ID"]], spec.get("REL_OP")
                if op not in REL_OPS:
                    raise PatternError(f"{where}: REL_OP {op!r} is not supported (only {', '.join(REL_OPS)})")
            position[spec["RIGHT_ID"]] = j
            tests = tuple(self._tests(where, spec.get("RIGHT_ATTRS", {})))
            dep_test = next((t for t in tests if t[0] == DEP and t[2]), None)
            nodes.append(_Node(tests, left, op, dep_test[1] if dep_test else None,
                               tuple(t for t in tests if t is not dep_test)))
        root = nodes[0]
        child_deps = tuple(sorted({n.deps for n in nodes if n.left == 0 and n.op in CHILD_OPS and n.deps},
                                  key=sorted))
        anchor_id = self._anchors.setdefault((root.tests, child_deps), len(self._anchors))
        return _Pattern(self._key(key), tuple(nodes), anchor_id, child_deps, self._required_ids(nodes))

    def _required_ids(self, nodes: Sequence[_Node]) -> frozenset[int]:
        """Ids for every node's "must be one of" tests, shared across patterns, indexed by the
        values that pass them: a doc in which no token passes one of them cannot match, whatever
        its tree. Many of kg's patterns name a predicate lemma few articles use: on the benchmark
        corpus this rules out more than half of them per article (see `_passed_tests`)."""
        ids = set()
        for node in nodes:
            for column, values, wanted in node.tests:
                if not wanted:
                    continue
                test = self._required.get((column, values))
                if test is None:
                    test = self._required[(column, values)] = len(self._required)
                    by_value = self._tests_with.setdefault(column, {})
                    for value in values:
                        by_value.setdefault(value, []).append(test)
                ids.add(test)
        return frozenset(ids)

    def _tests(self, where: str, attrs: dict) -> Iterable[Test]:
        strings = self.vocab.strings
        for name, value in attrs.items():
            attr = name.upper() if isinstance(name, str) else name
            if attr not in STRING_ATTRS and attr not in FLAG_ATTRS:
                raise PatternError(f"{where}: attribute {name!r} is not supported "
                                   f"(only {', '.join(STRING_ATTRS + FLAG_ATTRS)})")
            if attr in FLAG_ATTRS:
                if not isinstance(value, bool):
                    raise PatternError(f"{where}: {attr} takes true or false, got {value!r}")
                yield self._column(attr), frozenset((int(value),)), True
            elif isinstance(value, str):
                yield self._column(attr), frozenset((strings.add(value),)), True
            elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN") \
                    and isinstance(next(iter(value.values())), (list, tuple, set, frozenset)) \
                    and all(isinstance(v, str) for v in next(iter(value.values()))):
                (op, words), = value.items()
                yield self._column(attr), frozenset(strings.add(w) for w in words), op == "IN"
            else:
                raise PatternError(f"{where}: {attr} takes a string, {{'IN': [...]}} or "
                                   f"{{'NOT_IN': [...]}}, got {value!r}")

    def _column(self, attr: str) -> int:
        if attr not in self._columns:
            self._columns.append(attr)
        return self._columns.index(attr)

    # -- matching -----------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:
        if not isinstance(doc, Doc):
            raise TypeError(f"TreeMatcher matches a Doc, got {type(doc).__name__}")
        if not len(doc) or not self._patterns:
            return []
        walk = _Walk(doc, self._columns)
        passed = self._passed_tests(walk)
        out: list[tuple[int, list[int]]] = []
        for pattern in self._patterns:
            if not pattern.required <= passed:
                continue                 # some required value occurs nowhere in the doc
            rows = walk.match(pattern)
            rows.sort()          # already in this order (candidates come ascending); cheap to make sure
            out.extend((pattern.key, list(row)) for row in rows)
        return out

    def _passed_tests(self, walk: _Walk) -> set[int]:
        """The ids of the required tests some token of the doc passes: one look-up per distinct
        value in the doc, where testing each pattern's values against the doc's took one set
        test per pattern and required value (and the patterns share most of their tests)."""
        passed: set[int] = set()
        for column, by_value in self._tests_with.items():
            get = by_value.get
            for value in set(walk.columns[column]):
                tests = get(value)
                if tests is not None:
                    passed.update(tests)
        return passed


def _passes(tests: tuple[Test, ...], columns: list[list[int]], i: int) -> bool:
    for column, values, wanted in tests:
        if (columns[column][i] in values) is not wanted:
            return False
    return True


class _Walk:
    """One doc's attribute columns and tree, with per-doc caches shared by all patterns."""

    def __init__(self, doc: Doc, attrs: list[str]) -> None:
        n = len(doc)
        table = doc.to_array([IDS[a] for a in attrs] + [IDS["HEAD"]])
        self.columns: list[list[int]] = [table[:, c].tolist() for c in range(len(attrs))]
        self.heads: list[int] = (table[:, -1].astype(numpy.int64) + numpy.arange(n)).tolist()
        self.children: list[list[int]] = [[] for _ in range(n)]
        self.by_head_dep: dict[tuple[int, int], list[int]] = {}      # (head, dep) -> its children
        for i, (head, dep) in enumerate(zip(self.heads, self.columns[DEP])):
            if head != i:
                self.children[head].append(i)
                self.by_head_dep.setdefault((head, dep), []).append(i)
        self.heads_by_dep: dict[int, list[int]] = {}                  # dep -> heads of such a child
        for head, dep in self.by_head_dep:
            self.heads_by_dep.setdefault(dep, []).append(head)
        self._anchors: dict[int, Sequence[int]] = {}
        self._heads: dict[frozenset[int], list[int]] = {}
        self._counts: dict[frozenset[int], int] = {}
        self._tree_of: dict[int, int] = {}

    def match(self, pattern: _Pattern) -> list[tuple[int, ...]]:
        """All matches of the pattern, node by node: each row is one way to match the nodes so
        far. Rows stay in ascending order because every candidate list is ascending."""
        nodes, columns = pattern.nodes, self.columns
        rows = [(i,) for i in self.anchors(pattern)]
        for node in nodes[1:]:
            if not rows:
                break
            left, tests = node.left, node.rest
            if node.op in CHILD_OPS and node.deps is not None and len(node.deps) == 1:   # the common case
                get, dep = self.by_head_dep.get, next(iter(node.deps))
                rows = [row + (i,) for row in rows for i in get((row[left], dep), ())
                        if not tests or _passes(tests, columns, i)]
            elif node.op in CHILD_OPS:
                children, tests = self.children, node.tests
                rows = [row + (i,) for row in rows for i in children[row[left]] if _passes(tests, columns, i)]
            else:
                neighbour, tests = (self.next_in_tree if node.op == "." else self.previous_in_tree), node.tests
                rows = [row + (i,) for row in rows for i in neighbour(row[left]) if _passes(tests, columns, i)]
            if node.op == ">--":                               # a child before its head
                rows = [row for row in rows if row[-1] < row[left]]
        return rows

    def anchors(self, pattern: _Pattern) -> Sequence[int]:
        """Tokens that satisfy the pattern's root node and head each child dependency it needs,
        ascending."""
        found = self._anchors.get(pattern.anchor_id)
        if found is None:
            found = self._find_anchors(pattern)
            self._anchors[pattern.anchor_id] = found
        return found

    def _find_anchors(self, pattern: _Pattern) -> Sequence[int]:
        found: Sequence[int] = range(len(self.heads))
        needed: list[frozenset[int]] = []
        if pattern.child_deps:
            counts = [self._head_count(deps) for deps in pattern.child_deps]
            if 0 in counts:
                return []                                        # a dependency the doc lacks
            rarest = pattern.child_deps[counts.index(min(counts))]
            found = self._heads_of(rarest)
            needed = [deps for deps in pattern.child_deps if deps is not rarest]
        for column, values, wanted in pattern.nodes[0].tests:   # a test at a time: each pass
            tested = self.columns[column]                        # leaves fewer tokens to test
            found = [i for i in found if (tested[i] in values) is wanted]
        if needed:
            found = [i for i in found if all(any((i, d) in self.by_head_dep for d in deps) for deps in needed)]
        return found

    def _head_count(self, deps: frozenset[int]) -> int:
        """How many (head, child) pairs have one of these dependencies; patterns share them."""
        count = self._counts.get(deps)
        if count is None:
            heads = self.heads_by_dep
            count = self._counts[deps] = sum(len(heads.get(d, ())) for d in deps)
        return count

    def _heads_of(self, deps: frozenset[int]) -> list[int]:
        """Tokens with a child of one of these dependencies, ascending; patterns share them."""
        found = self._heads.get(deps)
        if found is None:
            found = self._heads[deps] = sorted({h for d in deps for h in self.heads_by_dep.get(d, ())})
        return found

    def next_in_tree(self, i: int) -> tuple[int, ...]:
        """(i + 1,) if that token is in i's dependency tree (its sentence), else ()."""
        return (i + 1,) if i + 1 < len(self.heads) and self.tree_of(i + 1) == self.tree_of(i) else ()

    def previous_in_tree(self, i: int) -> tuple[int, ...]:
        return (i - 1,) if i > 0 and self.tree_of(i - 1) == self.tree_of(i) else ()

    def tree_of(self, i: int) -> int:
        """The root of token i's dependency tree (its sentence)."""
        root = self._tree_of.get(i)
        if root is None:
            root, heads = i, self.heads
            while heads[root] != root:
                root = heads[root]
            self._tree_of[i] = root
        return root
