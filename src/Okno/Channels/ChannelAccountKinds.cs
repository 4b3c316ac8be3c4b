using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Channels;

/// <summary>Tells the ticket views which kind each channel account is (a message's "channel": account id and kind).</summary>
internal sealed class ChannelAccountKinds(OknoDb db) : Tickets.IChannelAccountKinds
{
    public async Task<IReadOnlyDictionary<long, string>> KindsAsync(IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken) =>
        (await db.Set<ChannelAccount>().Where(a => accountIds.Contains(a.Id)).Select(a => new { a.Id, a.Kind }).ToListAsync(cancellationToken))
        .ToDictionary(a => a.Id, a => a.Kind.Value);
}
