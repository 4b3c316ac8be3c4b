using System.Text;

namespace Okno.Channels.Email.Mime;

/// <summary>Encodings for mail that does not say (or lies about) its charset.</summary>
internal static class Charsets
{
    static Charsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Makes windows-1251, KOI8-R and the other code pages known to <see cref="Encoding.GetEncoding(string)"/>.</summary>
    public static void Register() { }

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);
    public static Encoding Koi8R => Encoding.GetEncoding(20866);

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Text of bytes in an unknown charset: UTF-8 when they are valid UTF-8; otherwise, when most letters are
    /// 8-bit (Russian written in a single-byte code page), windows-1251 or KOI8-R, whichever puts most of them in
    /// lower case (Russian text is mostly lower case, and the two code pages swap the cases); otherwise latin-1.</summary>
    public static string Guess(ReadOnlySpan<byte> bytes)
    {
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { }
        int ascii = 0, high = 0, upperHalf = 0;
        foreach (var b in bytes)
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z') ascii++;
            else if (b >= 0xC0) { high++; if (b >= 0xE0) upperHalf++; }
        }
        if (high <= ascii) return Encoding.Latin1.GetString(bytes);
        return (upperHalf * 2 >= high ? Windows1251 : Koi8R).GetString(bytes);
    }
}
