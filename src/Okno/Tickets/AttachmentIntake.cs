using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Okno.Platform;
using Okno.Platform.Files;
using Okno.Platform.Web;

namespace Okno.Tickets;

public sealed record AttachmentInput(string? FileName, string? ContentType, [property: Required] string? ContentBase64);

/// <summary>Checks files sent with a message and stores them. Oversized files are refused with 413 before
/// anything is written.</summary>
public sealed class AttachmentIntake(AttachmentStore store, IOptions<OknoOptions> options)
{
    private static readonly FileExtensionContentTypeProvider KnownTypes = new();

    public sealed record Decoded(string FileName, string ContentType, byte[] Content)
    {
        /// <summary>A mail part's Content-ID and whether it is shown in place, carried on to <see cref="Stored"/>.</summary>
        public string? ContentId { get; init; }
        public bool IsInline { get; init; }
    }

    /// <summary>A received file that was not kept (over the size or count limit), to be said so in the message.</summary>
    public sealed record Dropped(string FileName, long Size, long MaxBytes, int MaxCount);

    /// <summary>Files that arrived with a message through a channel: names cleaned and types checked as for the API, the
    /// per-file size and per-message count limits applied; a file over a limit is left out and reported in
    /// <paramref name="dropped"/> instead of refusing the message (a customer's mail is never lost for an attachment).
    /// Empty files are kept.</summary>
    public List<Decoded> ReadReceived(IEnumerable<(string? FileName, string? ContentType, byte[] Content, string? ContentId, bool IsInline)> files,
        List<Dropped> dropped)
    {
        var limits = options.Value.Limits;
        var kept = new List<Decoded>();
        foreach (var file in files)
        {
            var name = FileNames.Clean(file.FileName);
            if (file.Content.LongLength > limits.MaxAttachmentBytes || kept.Count >= limits.MaxAttachmentsPerMessage)
            {
                dropped.Add(new Dropped(name, file.Content.LongLength, limits.MaxAttachmentBytes, limits.MaxAttachmentsPerMessage));
                continue;
            }
            var contentId = file.ContentId?.Trim().Trim('<', '>');
            kept.Add(new Decoded(name, ContentTypeOf(file.ContentType, name), file.Content)
            {
                ContentId = string.IsNullOrWhiteSpace(contentId) || FieldErrors.HasControlCharacters(contentId) ? null : contentId,
                IsInline = file.IsInline,
            });
        }
        return kept;
    }

    public List<Decoded> Read(IReadOnlyList<AttachmentInput?>? inputs, FieldErrors errors)
    {
        var limits = options.Value.Limits;
        var decoded = new List<Decoded>();
        if (inputs is null) return decoded;
        if (inputs.Count > limits.MaxAttachmentsPerMessage)
            errors.TooMany("attachments", limits.MaxAttachmentsPerMessage, "attachments per message");
        for (var i = 0; i < inputs.Count; i++)
        {
            var field = $"attachments[{i}]";
            if (inputs[i] is not { } input) { errors.Required(field); continue; }
            if (string.IsNullOrEmpty(input.ContentBase64)) { errors.Required($"{field}.contentBase64"); continue; }
            // Base64 is 4/3 of the bytes: refuse by length before decoding anything big.
            if ((long)input.ContentBase64.Length * 3 / 4 > limits.MaxAttachmentBytes + 3)
                throw new OknoException(new PayloadTooLarge(limits.MaxAttachmentBytes));
            byte[] bytes;
            try { bytes = Convert.FromBase64String(input.ContentBase64); }
            catch (FormatException) { errors.Add($"{field}.contentBase64", ErrorCodes.InvalidBase64, "Not valid base64."); continue; }
            if (bytes.Length > limits.MaxAttachmentBytes) throw new OknoException(new PayloadTooLarge(limits.MaxAttachmentBytes));
            var name = FileNames.Clean(input.FileName);
            decoded.Add(new Decoded(name, ContentTypeOf(input.ContentType, name), bytes));
        }
        return decoded;
    }

    /// <summary>A file written to the store; <see cref="ToAttachment"/> makes a fresh row for each transaction attempt.</summary>
    public sealed record Stored(string FileName, string ContentType, long Size, string Sha256)
    {
        /// <summary>A mail part's Content-ID and whether it is shown in place (see <see cref="Attachment.IsInline"/>).</summary>
        public string? ContentId { get; init; }
        public bool IsInline { get; init; }

        public Attachment ToAttachment() => new Attachment(FileName, ContentType, Size, Sha256).Inline(ContentId, IsInline);
    }

    public async Task<List<Stored>> SaveAsync(IEnumerable<Decoded> files, CancellationToken cancellationToken)
    {
        var saved = new List<Stored>();
        foreach (var file in files)
        {
            var (sha, size) = await store.SaveAsync(file.Content, cancellationToken);
            saved.Add(new Stored(file.FileName, file.ContentType, size, sha) { ContentId = file.ContentId, IsInline = file.IsInline });
        }
        return saved;
    }

    /// <summary>A declared type is kept only when it is a plain "type/subtype"; else it is guessed from the name.</summary>
    private static string ContentTypeOf(string? declared, string fileName)
    {
        if (!string.IsNullOrWhiteSpace(declared) && declared.Length <= 100
            && System.Text.RegularExpressions.Regex.IsMatch(declared, @"^[a-zA-Z0-9][\w.+-]*/[\w.+-]+$"))
            return declared.ToLowerInvariant();
        return KnownTypes.TryGetContentType(fileName, out var guessed) ? guessed : "application/octet-stream";
    }
}
