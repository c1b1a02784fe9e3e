using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Npgsql;

namespace PartnershipAtlas.Data;

/// <summary>
/// Watches the <see cref="StoreStamp"/> for writes by anyone (this process, another process, another instance): gives
/// the stamps (<see cref="StoreStamps"/>) as they are now, then each newer ones it learns of. On SQLite it reads them every
/// <see cref="PollInterval"/> through the shared <see cref="StoreStampReader"/> (a one-row read on a kept-open
/// connection); on PostgreSQL it listens on <see cref="StoreStamp.Channel"/>, which every raise notifies in its own
/// transaction. Run it only while someone wants to know (it holds a connection on PostgreSQL).
/// </summary>
public abstract class StoreStampWatch(StoreStampReader stamps)
{
    /// <summary>How often SQLite's stamp is read while watched.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public StoreStampReader Stamps { get; } = stamps;

    /// <summary>The stamps now, then every stamps seen after them (not necessarily each raise: a watch may see two raises as one).</summary>
    public abstract IAsyncEnumerable<StoreStamps> StampsAsync(CancellationToken cancellationToken);

    public static StoreStampWatch For(StoreProvider provider, StoreStampReader stamps, string connectionString) =>
        provider == StoreProvider.Postgres ? new Listening(stamps, connectionString) : new Polling(stamps);

    private sealed class Polling(StoreStampReader stamps) : StoreStampWatch(stamps)
    {
        public override async IAsyncEnumerable<StoreStamps> StampsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var last = await Stamps.ReadBothAsync(cancellationToken);
            yield return last;
            using var timer = new PeriodicTimer(PollInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = await Stamps.ReadBothAsync(cancellationToken);
                if (now.Stamp == last.Stamp) continue;
                last = now;
                yield return now;
            }
        }
    }

    private sealed class Listening(StoreStampReader stamps, string connectionString) : StoreStampWatch(stamps)
    {
        public override async IAsyncEnumerable<StoreStamps> StampsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var heard = Channel.CreateUnbounded<StoreStamps?>();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ToString());
            connection.Notification += (_, e) =>
            {
                heard.Writer.TryWrite(StoreStamps.FromPayload(e.Payload)); // null: a payload not of this version, read the stamps instead
            };
            await connection.OpenAsync(cancellationToken);
            await using (var listen = new NpgsqlCommand($"LISTEN {StoreStamp.Channel}", connection)) await listen.ExecuteNonQueryAsync(cancellationToken);
            // Read after LISTEN: a raise committed in between is both in this read and heard (and then not newer).
            var last = await Stamps.ReadBothAsync(cancellationToken);
            yield return last;
            while (true)
            {
                await connection.WaitAsync(cancellationToken);
                var newest = last;
                var unreadable = false;
                while (heard.Reader.TryRead(out var notified))
                {
                    if (notified is { } told) newest = newest.Max(told);
                    else unreadable = true;
                }
                if (unreadable) newest = newest.Max(await Stamps.ReadBothAsync(cancellationToken));
                if (newest.Stamp == last.Stamp) continue;
                last = newest;
                yield return newest;
            }
        }
    }
}
