using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Automation.Webhooks;

/// <summary>The hosts webhooks may reach inside private networks, in memory for the connection check (which cannot wait
/// for the database); read again before every run of the sender and after every change.</summary>
public sealed class WebhookAllowList
{
    private volatile HashSet<string> _hosts = new(StringComparer.Ordinal);

    public bool IsAllowed(string host) => WebhookUrls.NormalHost(host) is { } h && _hosts.Contains(h);

    public async Task RefreshAsync(OknoDb db, CancellationToken ct) =>
        _hosts = new HashSet<string>(await db.WebhookAllowedHosts.AsNoTracking().Select(h => h.Host).ToListAsync(ct), StringComparer.Ordinal);
}
