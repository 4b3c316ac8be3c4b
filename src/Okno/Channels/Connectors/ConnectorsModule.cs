using Okno.Admin;
using Okno.Channels.Vk;
using Okno.Platform.Files;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Channels.Connectors;

/// <summary>The messenger channels' services and typed endpoints: VK (<c>POST /api/v1/channels/vk</c>) and connectors
/// (<c>POST /api/v1/channels/connector</c>, the signed file links of their replies).</summary>
public static class ConnectorsModule
{
    public static IServiceCollection AddChannelConnectors(this IServiceCollection services)
    {
        services.AddSingleton<ChannelHttp>();
        services.AddSingleton<ConnectorFiles>();
        return services;
    }

    /// <summary>The answer to adding a connector: the account, and the signing secret in clear, shown this once.</summary>
    public sealed record ConnectorCreated(ChannelAccountView Account, string Secret);

    public static IEndpointRouteBuilder MapChannelConnectorEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/channels").WithTags("Channels").WithProblemResponses().RequireAuthorization(AdminModule.AdminPolicy);

        admin.MapPost("/vk", async (ChannelAccountRequest request, ChannelAccounts accounts, CurrentAgent agent, HttpContext http, CancellationToken ct) =>
        {
            var account = await accounts.CreateAsync(request with { Kind = ChannelKind.Vk.Value }, agent, AgentsEndpoints.IpOf(http), ct);
            return TypedResults.Created($"/api/v1/channels/{account.Id}", account);
        }).WithSummary("Add a VK community (an account of kind vk): settings groupId, accessToken, confirmationCode, secretKey, apiVersion (5.199). " +
            "Put the answer's inboundUrl in the community's Callback API settings (API version 5.199, event message_new)");

        admin.MapPost("/connector", async (ChannelAccountRequest request, ChannelAccounts accounts, CurrentAgent agent, HttpContext http, CancellationToken ct) =>
        {
            // Generated here, not by the settings' defaults, so that it can be shown: a read shows only that it is set.
            var settings = request.Settings?.DeepClone().AsObject() ?? [];
            var secret = settings["secret"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var given) && !string.IsNullOrWhiteSpace(given)
                ? given : Automation.Webhooks.WebhookSecrets.NewSecret();
            settings["secret"] = secret;
            var account = await accounts.CreateAsync(request with { Kind = ChannelKind.Connector.Value, Settings = settings }, agent, AgentsEndpoints.IpOf(http), ct);
            return TypedResults.Created($"/api/v1/channels/{account.Id}", new ConnectorCreated(account, secret));
        }).WithSummary("Add a connector (an account of kind connector) for a messenger Okno has no channel for: settings callbackUrl, supportsButtons, " +
            "messenger (a name), secret (generated when left out). The answer holds the signing secret, shown this once")
            .WithDescription(ConnectorDocs.Description);

        // The bridge fetches a reply's files here; the signature is the credential (a link lives a week).
        app.MapGet("/api/v1/channels/files/{sha256}", (string sha256, string? name, string? type, string? sig, HttpContext http, ConnectorFiles links,
            AttachmentStore store) =>
        {
            if (!links.IsValid(sha256, name, type, sig))
                return ProblemMapping.ToResult(new NotFound(ConnectorErrorCodes.FileNotFound, "File", sha256));
            return FileDownloads.Serve(store, http, "File", 0, sha256, type!, name!);
        }).AllowAnonymous().WithTags("Channels").WithProblemResponses()
            .WithSummary("A file of a reply sent to a connector, by the signed link in the callback (valid 7 days); 404 connector.file_not_found otherwise");
        return app;
    }
}
