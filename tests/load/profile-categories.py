# Where a profile's busy time goes: each sample's stack (dotnet-trace speedscope, evented) is put in the category of
# its innermost frame that matches one; waiting threads (thread pool idle, blocking waits, epoll, file watcher) are left out.
import json, sys, collections
d = json.load(open(sys.argv[1]))
frames = [f['name'] for f in d['shared']['frames']]
waits = ('WaitForSignal', 'Monitor.Wait', 'WaitOneNoCheck', 'Sys.Read', 'SpinThenBlockingWait', 'WaitNative', 'EventLoop', 'TimerThread', 'Heartbeat.TimerLoop', 'Interop+Sys.WaitForSocketEvents', 'Thread.Sleep')
rules = [
    ('GC', ('PollGC', 'GarbageCollect', 'GCHeap', 'gc_heap')),
    ('SQLite (running statements, reading rows)', ('Microsoft.Data.Sqlite', 'SQLitePCL', 'e_sqlite3')),
    ('Npgsql', ('Npgsql',)),
    ('EF Core (query pipeline, materialising)', ('Microsoft.EntityFrameworkCore', 'Anonymously Hosted DynamicMethods', 'System.Linq.Expressions')),
    ('JSON writing and reading', ('System.Text.Json', 'GraphQL.SystemTextJson')),
    ('GraphQL.NET (parse, validate, execute)', ('GraphQL!', 'GraphQLParser')),
    ('our code (resolvers, loaders, steps)', ('PartnershipAtlas!',)),
    ('DI (scopes, resolution)', ('Microsoft.Extensions.DependencyInjection',)),
    ('HTTP (Kestrel, sockets, middleware)', ('Kestrel', 'Microsoft.AspNetCore', 'System.Net.Sockets', 'System.IO.Pipelines', 'Sockets!')),
    ('thread pool (idle workers spinning, dispatch)', ('LowLevelLifoSemaphore', 'PortableThreadPool', 'ThreadPoolWorkQueue')),
]
# CALLERS: comma-separated frame names; for each, the busiest chains of our (or EF/GraphQL) frames that lead to it
callers_of = [c for c in sys.argv[3].split(',') if c] if len(sys.argv) > 3 else []
chains = {c: collections.Counter() for c in callers_of}
inclusive = collections.Counter()  # INCLUSIVE=N: the N frames of ours, EF Core's and GraphQL.NET's with the most time on the stack
busy = collections.Counter(); leaves = collections.Counter(); total = 0
for p in d['profiles']:
    stack = []; last = None
    for e in p['events']:
        if last is not None and stack:
            dt = e['at'] - last
            names = [frames[i] for i in stack]
            inner = [n for n in names if n not in ('CPU_TIME', 'UNMANAGED_CODE_TIME')]
            # the finalizer thread with no finalizer running is waiting for the next one (its wait is native code)
            idle_finalizer = bool(inner) and inner[-1].endswith('GC.RunFinalizers()')
            if not any(w in n for n in names[-3:] for w in waits) and not idle_finalizer:
                total += dt
                category = 'other (runtime, thread pool, async machinery)'
                for n in reversed(names):
                    hit = next((c for c, keys in rules if any(k in n for k in keys)), None)
                    if hit: category = hit; break
                busy[category] += dt
                leaves[inner[-1][:110] if inner else names[-1]] += dt
                for n in set(inner):
                    if 'PartnershipAtlas!' in n or 'EntityFrameworkCore' in n or 'GraphQL!' in n: inclusive[n.split('!')[-1][:120]] += dt
                for c in callers_of:
                    at = next((i for i in range(len(inner) - 1, -1, -1) if c in inner[i]), None)
                    if at is not None:
                        ours = [n.split('!')[-1][:90] for n in inner[:at] if 'PartnershipAtlas!' in n or 'EntityFrameworkCore' in n or 'GraphQL!' in n][-4:]
                        chains[c][' <- '.join(reversed(ours)) or '(no frame of ours)'] += dt
        last = e['at']
        if e['type'] == 'O': stack.append(e['frame'])
        else: stack.pop()
print("| where the busy time goes | share |\n| --- | ---: |")
for c, t in busy.most_common():
    if t > 0: print(f"| {c} | {100 * t / total:.1f}% |")
if len(sys.argv) > 2 and int(sys.argv[2]) > 0:
    for n, t in leaves.most_common(int(sys.argv[2])): print(f"{100 * t / total:5.1f}% {n}")
for c in callers_of:
    print(f"\n## what leads to {c}")
    for chain, t in chains[c].most_common(6): print(f"{100 * t / total:5.1f}% {chain}")
import os
if int(os.environ.get('INCLUSIVE', '0')) > 0:
    print("\n## frames with the most time on the stack (inclusive)")
    for n, t in inclusive.most_common(int(os.environ['INCLUSIVE'])): print(f"{100 * t / total:5.1f}% {n}")
