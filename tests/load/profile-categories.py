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
busy = collections.Counter(); leaves = collections.Counter(); total = 0
for p in d['profiles']:
    stack = []; last = None
    for e in p['events']:
        if last is not None and stack:
            dt = e['at'] - last
            names = [frames[i] for i in stack]
            if not any(w in n for n in names[-3:] for w in waits):
                total += dt
                category = 'other (runtime, thread pool, async machinery)'
                for n in reversed(names):
                    hit = next((c for c, keys in rules if any(k in n for k in keys)), None)
                    if hit: category = hit; break
                busy[category] += dt
                inner = [n for n in names if n not in ('CPU_TIME', 'UNMANAGED_CODE_TIME')]
                leaves[inner[-1][:110] if inner else names[-1]] += dt
        last = e['at']
        if e['type'] == 'O': stack.append(e['frame'])
        else: stack.pop()
print("| where the busy time goes | share |\n| --- | ---: |")
for c, t in busy.most_common():
    if t > 0: print(f"| {c} | {100 * t / total:.1f}% |")
if len(sys.argv) > 2 and int(sys.argv[2]) > 0:
    for n, t in leaves.most_common(int(sys.argv[2])): print(f"{100 * t / total:5.1f}% {n}")
