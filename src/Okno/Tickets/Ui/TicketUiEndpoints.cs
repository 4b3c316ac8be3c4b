namespace Okno.Tickets.Ui;

/// <summary>Routes the agent UI needs besides its pages. The REST API under /api accepts bearer tokens only, so a
/// download link in the workspace (signed in with the cookie) goes through this twin of /api/v1/attachments/{id},
/// with the same access check and the same sandboxed download answer.</summary>
public static class TicketUiEndpoints
{
    public static string AttachmentUrl(long attachmentId) => $"/tickets/attachments/{attachmentId}";

    public static string RawUrl(long ticketId, long messageId) => $"/tickets/{ticketId}/messages/{messageId}/raw";

    public static IEndpointRouteBuilder MapTicketUi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tickets/{id:long}/messages/{messageId:long}/raw", TicketsEndpoints.DownloadRawAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/tickets/attachments/{id:long}", TicketsEndpoints.DownloadAttachmentAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
