using Okno.Channels.Email.Mime;

namespace Okno.Tests.Channels.Email;

/// <summary>The hand-written test mails in Corpus/ (copied beside the test assembly).</summary>
internal static class Corpus
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Channels", "Email", "Corpus");

    public static IEnumerable<string> Files => System.IO.Directory.GetFiles(Directory, "*.eml").Order(StringComparer.Ordinal);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static ParsedEmail Parse(string name)
    {
        using var stream = File.OpenRead(Path.Combine(Directory, name));
        return EmailParser.Parse(stream, new EmailParseLimits());
    }

    public static ParsedEmail Parse(byte[] raw, EmailParseLimits? limits = null) =>
        EmailParser.Parse(new MemoryStream(raw, writable: false), limits ?? new EmailParseLimits());
}
