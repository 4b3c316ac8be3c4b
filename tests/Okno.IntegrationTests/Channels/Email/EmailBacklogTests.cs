using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Channels;
using Okno.Channels.Email;
using Okno.Testing;

namespace Okno.IntegrationTests.Channels.Email;

/// <summary>A mailbox with more mail waiting than one IMAP batch (<see cref="EmailAdapter.FetchBatch"/>) is read to the
/// end in one fetch (<see cref="ChannelPolling"/> goes on batch after batch), not one batch per poll interval (which capped a mailbox at 50 mails per interval: 10 mails/s at the
/// shortest interval of 5 s, and over 8 minutes for a backlog of 5,000).</summary>
public sealed class EmailBacklogTests
{
    [Theory]
    [BothDatabases]
    public async Task One_fetch_reads_a_backlog_larger_than_a_batch_to_the_end_and_flags_all_of_it_seen(string provider)
    {
        await using var app = OknoFactory.For(provider, new Dictionary<string, string?> { ["Okno:Channels:RunJobs"] = "false" });
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        var count = EmailAdapter.FetchBatch * 2 + 7;
        await EmailCrashTests.CrashMailbox.AppendAllAsync(folder, Enumerable.Range(0, count).Select(i =>
            TestMail.Mail($"backlog{i % 9}@example.org", "Очередь", TestMail.Support, $"Очередь {i:D3}", $"Письмо {i}")));
        var account = await EmailCrashTests.CrashMailbox.AddMailboxAsync(admin, folder);

        var report = await app.Services.GetRequiredService<ChannelPolling>().FetchNowAsync(account, CancellationToken.None);

        Assert.Equal(new FetchReport(count, count, Skipped: false), report);
        Assert.Equal(count, await app.WithDbAsync(db => db.Set<InboundItem>().CountAsync(i => i.AccountId == account)));
        using var client = await TestMail.ConnectAsync(TestMail.Support);
        var mailbox = await client.GetFolderAsync(folder);
        await mailbox.OpenAsync(FolderAccess.ReadOnly);
        Assert.All(await mailbox.FetchAsync(0, -1, MessageSummaryItems.Flags), f => Assert.True(f.Flags!.Value.HasFlag(MessageFlags.Seen)));
        // Nothing new: the next fetch reads nothing and stores nothing.
        Assert.Equal(new FetchReport(0, 0, Skipped: false), await app.Services.GetRequiredService<ChannelPolling>().FetchNowAsync(account, CancellationToken.None));
    }
}
