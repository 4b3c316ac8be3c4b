using System.Text;
using System.Text.RegularExpressions;
using Okno.Platform;
using Okno.Platform.Web;

namespace Okno.Tickets;

/// <summary>Images pasted or picked into the reply editor arrive inside its HTML as <c>data:</c> addresses. Each
/// becomes an inline attachment of the message with a Content-ID of its own, and its address becomes <c>cid:</c> that
/// Content-ID: stored once like any attachment, shown in place in the timeline (<see cref="Ui.InlineImages"/>) and
/// sent by mail as a related part, not as a megabyte of base64 in every body. Only raster images whose bytes say
/// so (PNG, JPEG, GIF, WebP) are taken; anything else loses its address and the sanitizer drops the image.</summary>
public static partial class InlineDataImages
{
    /// <summary>The HTML with <c>cid:</c> in place of each data image, and the images to store (over the size limit:
    /// 413 before anything is written). The caller counts them against the per-message limit with the other files.</summary>
    public static (string? Html, List<AttachmentIntake.Decoded> Images) Extract(string? html, LimitsOptions limits)
    {
        var images = new List<AttachmentIntake.Decoded>();
        if (html is null || !html.Contains("data:", StringComparison.OrdinalIgnoreCase)) return (html, images);
        var rewritten = DataSource().Replace(html, m =>
        {
            var base64 = m.Groups["data"].Value;
            // As for any file: refused with 413 before anything is written.
            if ((long)base64.Length * 3 / 4 > limits.MaxAttachmentBytes + 3) throw new OknoException(new PayloadTooLarge(limits.MaxAttachmentBytes));
            byte[] bytes;
            try { bytes = Convert.FromBase64String(base64); }
            catch (FormatException) { return "src=\"\""; }
            if (RasterType(bytes) is not { } type) return "src=\"\"";
            var contentId = $"{Guid.NewGuid():N}@okno";
            images.Add(new AttachmentIntake.Decoded($"image-{images.Count + 1}.{type}", "image/" + type, bytes) { ContentId = contentId, IsInline = true });
            return $"src=\"cid:{contentId}\"";
        });
        return (rewritten, images);
    }

    /// <summary>The image type its first bytes show, whatever the address claimed.</summary>
    private static string? RasterType(byte[] b) =>
        b is [0x89, 0x50, 0x4E, 0x47, ..] ? "png"
        : b is [0xFF, 0xD8, 0xFF, ..] ? "jpeg"
        : b is [0x47, 0x49, 0x46, 0x38, ..] ? "gif"
        : b.Length >= 12 && Encoding.ASCII.GetString(b, 0, 4) == "RIFF" && Encoding.ASCII.GetString(b, 8, 4) == "WEBP" ? "webp"
        : null;

    [GeneratedRegex(@"\bsrc\s*=\s*(?<q>[""'])data:image/[a-z+.-]{1,20};base64,(?<data>[A-Za-z0-9+/=]*)\k<q>",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex DataSource();
}
