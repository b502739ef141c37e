#!/usr/bin/env python3
"""Issue 14 item 5 (sealed engine API) and item 3 (shared testkit): rewrites old call sites in Java files.

Idempotent; run after merging a branch written against the old API, then compile:
    python3 .ci/seal-api-rewrite.py            # every .java under engine/, ui/, app/
    python3 .ci/seal-api-rewrite.py FILE...    # just these
Rewrites:
    x.nativeHandle()                              -> Handles.of(x)        (io.tsstudio.engine.internal.torch.Handles)
    ScriptModule.wrap(h) / Tensor.wrap(h) / JitObject.wrap(h) -> Handles.wrap(h)
    IrGraphs.of(m, method) / IrGraphs.ofFunction(f) -> m.graph(method) / f.graph()
    Jit.trace(...) / Jit.traceModule(...)        -> Tracer.trace(...) / Tracer.traceModule(...)  (io.tsstudio.engine.trace.Tracer)
    io.tsstudio.engine.trace.TraceFunction/TraceArgs -> io.tsstudio.engine.TraceFunction/TraceArgs
    io.tsstudio.engine.run.NpyReader/NpyWriter    -> io.tsstudio.engine.values.NpyReader/NpyWriter
    (test code) Fixtures/GraphFixtures/worker.Fixtures .root()/.pytorch()/.notTorchScript(), trace Fixtures.shared(r)
                                                  -> SharedFixtures.root()/pytorch()/notTorchScript()/resolve(r)
Not rewritten (compile errors say where): Jit.save/saveForMobile/toBytes of a TracedFunction -> fn.save(p),
fn.saveForMobile(p), fn.serialize(); a file in package io.tsstudio.engine.trace that uses TraceFunction needs its import.
"""
import os, re, subprocess, sys

IDCH = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.')


def receiver_start(s, end):
    i = end
    while i > 0:
        c = s[i - 1]
        if c in IDCH:
            i -= 1
        elif c in ')]':
            close, open_ = c, '(' if c == ')' else '['
            depth, j = 0, i - 1
            while True:
                if s[j] == close:
                    depth += 1
                elif s[j] == open_:
                    depth -= 1
                    if depth == 0:
                        break
                j -= 1
            i = j
        else:
            break
    return i


def split_args(s, start):
    depth, i, args, cur = 0, start, [], start + 1
    while True:
        c = s[i]
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                args.append(s[cur:i])
                return args, i + 1
        elif c == ',' and depth == 1:
            args.append(s[cur:i])
            cur = i + 1
        elif c == '"':
            i += 1
            while s[i] != '"':
                if s[i] == '\\':
                    i += 1
                i += 1
        i += 1


def add_import(s, fqcn):
    if 'import ' + fqcn + ';' in s:
        return s
    pkg = re.search(r'^package ([\w.]+);', s, re.M)
    if pkg and pkg.group(1) == fqcn.rsplit('.', 1)[0]:
        return s
    return re.sub(r'^(package [\w.]+;\n)', r'\1\nimport ' + fqcn + ';', s, count=1, flags=re.M)


def rewrite(s, is_test):
    o = s
    while True:
        k = s.find('.nativeHandle()')
        if k < 0:
            break
        st = receiver_start(s, k)
        s = s[:st] + 'Handles.of(' + s[st:k] + ')' + s[k + len('.nativeHandle()'):]
    s = re.sub(r'\b(?:io\.tsstudio\.engine\.)?(?:ScriptModule|Tensor|JitObject)\.wrap\(', 'Handles.wrap(', s)
    if s != o and 'Handles.' in s:
        s = add_import(s, 'io.tsstudio.engine.internal.torch.Handles')
    while True:
        m = re.search(r'\b(?:io\.tsstudio\.engine\.ir\.)?IrGraphs\.of(Function)?\(', s)
        if not m:
            break
        args, end = split_args(s, m.end() - 1)
        recv = args[0].strip()
        if not re.fullmatch(r'[\w.]+(\(\))?', recv):
            recv = '(' + recv + ')'
        s = s[:m.start()] + recv + '.graph(' + (args[1].strip() if m.group(1) is None else '') + ')' + s[end:]
    if 'IrGraphs.' not in s:
        s = re.sub(r'^import io\.tsstudio\.engine\.ir\.IrGraphs;\n', '', s, flags=re.M)
    t = re.sub(r'\bJit\.(trace|traceModule)\(', r'Tracer.\1(', s)
    if t != s:
        s = add_import(t, 'io.tsstudio.engine.trace.Tracer')
    s = s.replace('io.tsstudio.engine.trace.TraceFunction', 'io.tsstudio.engine.TraceFunction')
    s = s.replace('io.tsstudio.engine.trace.TraceArgs', 'io.tsstudio.engine.TraceArgs')
    s = s.replace('io.tsstudio.engine.run.NpyReader', 'io.tsstudio.engine.values.NpyReader')
    s = s.replace('io.tsstudio.engine.run.NpyWriter', 'io.tsstudio.engine.values.NpyWriter')
    if is_test:
        t = re.sub(r'\bio\.tsstudio\.(?:app\.worker|engine|ui\.graph\.model)\.(?:Graph)?Fixtures\.(root|pytorch|notTorchScript)\(', r'SharedFixtures.\1(', s)
        t = re.sub(r'(?<![\w.])(?:Fixtures|GraphFixtures)\.(root|pytorch|notTorchScript)\(', r'SharedFixtures.\1(', t)
        t = re.sub(r'(?<![\w.])Fixtures\.shared\(', 'SharedFixtures.resolve(', t)
        if t != s:
            s = add_import(t, 'io.tsstudio.testkit.SharedFixtures')
    return s


def main():
    root = subprocess.run(['git', 'rev-parse', '--show-toplevel'], capture_output=True, text=True, check=True).stdout.strip()
    files = sys.argv[1:]
    if not files:
        for top in ('engine', 'ui', 'app'):
            for d, _, names in os.walk(os.path.join(root, top)):
                if '/target' in d:
                    continue
                files += [os.path.join(d, n) for n in names if n.endswith('.java')]
    skip = ('engine/src/main/java/io/tsstudio/engine/EngineAccess.java', 'internal/torch/Handles.java')
    changed = 0
    for p in files:
        if p.endswith(skip):
            continue
        s = open(p).read()
        n = rewrite(s, '/src/test/' in p)
        if n != s:
            open(p, 'w').write(n)
            changed += 1
            print('rewrote', os.path.relpath(p, root))
    print('seal-api-rewrite:', changed, 'files rewritten')


main()
