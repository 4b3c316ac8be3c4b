using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Admin;
using Okno.Notifications;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Channels.Telegram;

/// <summary>How a Telegram account is connected to its bot, as the typed endpoints answer it.</summary>
/// <param name="Bot">The bot's @username, as getMe gave it.</param>
/// <param name="WebhookUrl">Where Telegram posts updates (webhook mode); null when polling.</param>
/// <param name="Error">Why connecting failed (the account is saved anyway; fix and connect again).</param>
public sealed record TelegramConnection(bool Connected, string Mode, string? Bot, string? WebhookUrl, string? Error);

/// <summary>A Telegram account as <c>POST /api/v1/channels/telegram</c> answers it: the account and its connection.</summary>
public sealed record TelegramChannelView(ChannelAccountView Account, TelegramConnection Connection);

/// <summary>Tells Telegram how this account takes updates, where the account's id is known (the adapter never knows it):
/// webhook mode sets the webhook to <c>{public base}/api/v1/channels/{id}/inbound</c> with the account's secret token;
/// polling mode deletes any webhook, since getUpdates does not work while one is set. The public base is
/// Okno:Notifications:BaseUrl (the desk's address as the world reaches it), else the address the admin is using.</summary>
public static class TelegramWebhooks
{
    public static string? PublicBase(IServiceProvider services, string? fallback) =>
        services.GetRequiredService<IOptions<NotificationsOptions>>().Value.BaseUrl is { Length: > 0 } configured ? configured : fallback;

    public static string WebhookUrl(string publicBase, long accountId) => publicBase.TrimEnd('/') + ChannelsEndpoints.InboundUrl(accountId);

    /// <summary>Connects the account; a failure is recorded as the account's last error and answered, not thrown.</summary>
    public static async Task<TelegramConnection> ConnectAsync(IServiceProvider services, long accountId, string? fallbackBase, CancellationToken ct)
    {
        var db = services.GetRequiredService<OknoDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var account = await db.Set<ChannelAccount>().SingleOrDefaultAsync(a => a.Id == accountId && a.Kind == Tickets.ChannelKind.Telegram, ct)
            ?? throw new OknoException(new NotFound(TelegramErrorCodes.NotTelegram, "Telegram channel account", accountId));
        var settings = services.GetRequiredService<ChannelSettingsCodec>().Unprotect<TelegramSettings>(account.Settings);
        string? bot = null, url = null;
        try
        {
            var me = await TelegramAdapter.CheckAsync(settings, "getMe", null, ct);
            bot = me.Result.TryGetProperty("username", out var username) ? "@" + username.GetString() : null;
            if (settings.Polls)
                await TelegramAdapter.CheckAsync(settings, "deleteWebhook", new { drop_pending_updates = false }, ct);
            else
            {
                if (PublicBase(services, fallbackBase) is not { Length: > 0 } publicBase)
                    throw new OknoException(new ChannelConnectionFailed(TelegramErrorCodes.NoPublicUrl,
                        "The desk's public address is not set (Okno:Notifications:BaseUrl): Telegram cannot be told where to send updates."));
                url = WebhookUrl(publicBase, account.Id);
                await TelegramAdapter.CheckAsync(settings, "setWebhook",
                    new { url, secret_token = settings.WebhookSecret, allowed_updates = TelegramAdapter.AllowedUpdates }, ct);
            }
            account.Succeeded(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return new TelegramConnection(true, settings.Mode, bot, url, null);
        }
        catch (OknoException e)
        {
            account.Failed(e.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            return new TelegramConnection(false, settings.Mode, bot, url, e.Message);
        }
    }

    /// <summary>The address the request came to (scheme, host, path base): the fallback public base.</summary>
    public static string RequestBase(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    /// <summary>The typed endpoints, mapped on the admins' channel group.</summary>
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/telegram", async (ChannelAccountRequest request, ChannelAccounts accounts, CurrentAgent agent, HttpContext http,
            IServiceProvider services, CancellationToken ct) =>
        {
            var account = await accounts.CreateAsync(request with { Kind = Tickets.ChannelKind.Telegram.Value }, agent, AgentsEndpoints.IpOf(http), ct);
            var connection = await ConnectAsync(services, account.Id, RequestBase(http), ct);
            return TypedResults.Created($"/api/v1/channels/{account.Id}", new TelegramChannelView(await accounts.GetAsync(account.Id, ct), connection));
        }).WithSummary("Add a Telegram bot (an account of kind telegram): settings botToken (from @BotFather), mode webhook|polling, " +
            "webhookSecret (generated when left out), apiBaseUrl. The bot is connected at once (getMe; webhook mode: setWebhook to the " +
            "account's inbound URL under Okno:Notifications:BaseUrl; polling: deleteWebhook); a failed connection still saves the account " +
            "and says why in connection.error");

        admin.MapPost("/telegram/{id:long}/connect", async (long id, HttpContext http, IServiceProvider services, CancellationToken ct) =>
            TypedResults.Ok(await ConnectAsync(services, id, RequestBase(http), ct)))
            .WithSummary("Connect a Telegram account to its bot again (after a change of token, mode or the desk's address)");
    }
}
