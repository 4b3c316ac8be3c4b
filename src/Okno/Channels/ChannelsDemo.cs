using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Okno.Channels.Adapters;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Tickets;

namespace Okno.Channels;

/// <summary>The demo desk's channels: a web form account (its token is printed in the log, for trying the push
/// endpoint) and a log account standing in for the chat transport. The latest chat conversations are recorded as
/// having come in through the log account and their replies as sent through it, so the ticket page shows delivery
/// states, and a new reply there really goes through the queue and the log adapter.</summary>
public static class ChannelsDemo
{
    private const int Conversations = 20;

    public static async Task SeedAsync(IServiceProvider services, long? groupId, CancellationToken ct)
    {
        var db = services.GetRequiredService<OknoDb>();
        if (await db.Set<ChannelAccount>().AnyAsync(ct)) return;
        var codec = services.GetRequiredService<ChannelSettingsCodec>();
        var clock = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Okno.Demo");
        var now = clock.GetUtcNow();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var form = new ChannelAccount
        {
            Kind = ChannelKind.Web, Name = "Web form", Settings = codec.Protect(new WebFormSettings(token)), GroupId = groupId, CreatedAt = now, UpdatedAt = now,
        };
        var log = new ChannelAccount
        {
            Kind = ChannelKind.Of("log"), Name = "Log (demo chat)", Settings = codec.Protect(new LogSettings("demo")), GroupId = groupId,
            CreatedAt = now, UpdatedAt = now,
        };
        db.AddRange(form, log);
        await db.SaveChangesAsync(ct);

        var tickets = await db.Tickets.Where(t => t.Channel == ChannelKind.Chat && t.Messages.Any(m => m.Direction == MessageDirection.Out && !m.IsInternal))
            .OrderByDescending(t => t.Id).Take(Conversations).Select(t => new { t.Id, t.ContactId }).ToListAsync(ct);
        var ids = tickets.Select(t => t.Id).ToList();
        var messages = await db.Messages.Where(m => ids.Contains(m.TicketId)).OrderBy(m => m.Id).ToListAsync(ct);
        foreach (var message in messages)
        {
            if (message.Direction == MessageDirection.In) message.ReceivedThrough(log.Id, $"demo-in-{message.Id}");
            else if (message.IsDeliverable)
            {
                message.QueueDelivery(log.Id);
                message.Delivered($"demo-out-{message.Id}");
                db.Add(new ChannelDelivery
                {
                    MessageId = message.Id, TicketId = message.TicketId, AccountId = log.Id, Status = DeliveryStatus.Sent, Attempts = 1, NextAttemptAt = message.CreatedAt,
                    CreatedAt = message.CreatedAt, SentAt = message.CreatedAt,
                });
            }
        }
        var contactIds = tickets.Select(t => t.ContactId).Distinct().ToList();
        var known = await db.ContactExternalIds.Where(x => contactIds.Contains(x.ContactId) && x.Channel == log.Kind).Select(x => x.ContactId).ToListAsync(ct);
        foreach (var contactId in contactIds.Except(known))
            db.ContactExternalIds.Add(new ContactExternalId { ContactId = contactId, Channel = log.Kind, ExternalId = $"demo-visitor-{contactId}" });
        log.Succeeded(now);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo channels: web form account {Form} (push to {Url} with header {Header}: {Token}); {Count} chat conversations through the log account",
            form.Id, ChannelsEndpoints.InboundUrl(form.Id), WebFormAdapter.TokenHeader, token, tickets.Count);
    }
}
