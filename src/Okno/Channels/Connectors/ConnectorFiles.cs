using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Okno.Notifications;

namespace Okno.Channels.Connectors;

/// <summary>Signed download links for the files of replies sent to connectors (the chat's way: a time-limited data
/// protection token, so the bridge needs no credentials to fetch them): <c>{BaseUrl}/api/v1/channels/files/{sha256}?name=…&amp;type=…&amp;sig=…</c>,
/// valid for <see cref="Lifetime"/>. Without <see cref="NotificationsOptions.BaseUrl"/> the link is relative to the desk.</summary>
public sealed class ConnectorFiles(IDataProtectionProvider protection, IOptions<NotificationsOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Okno.Connectors.Files.v1").ToTimeLimitedDataProtector();

    public string Link(OutboundAttachment file)
    {
        var sig = Protector.Protect(Subject(file.Sha256, file.FileName, file.ContentType), clock.GetUtcNow() + Lifetime);
        var path = $"/api/v1/channels/files/{file.Sha256}?name={Uri.EscapeDataString(file.FileName)}&type={Uri.EscapeDataString(file.ContentType)}&sig={sig}";
        return (options.Value.BaseUrl?.TrimEnd('/') ?? "") + path;
    }

    /// <summary>Whether <paramref name="sig"/> was made by <see cref="Link"/> for exactly this file, name and type, and
    /// has not expired.</summary>
    public bool IsValid(string sha256, string? name, string? type, string? sig)
    {
        if (string.IsNullOrEmpty(sig) || name is null || type is null) return false;
        try
        {
            return Protector.Unprotect(sig, out var expires) == Subject(sha256, name, type) && expires > clock.GetUtcNow();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private static string Subject(string sha256, string name, string type) => $"{sha256}\n{name}\n{type}";
}
