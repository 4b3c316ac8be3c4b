using System.Security.Cryptography;

namespace Okno.Tickets;

/// <summary>The reference a customer is given for a ticket (the help center's confirmation page): ten random characters
/// of Crockford's base 32 (digits and capital letters without I, L, O, U), shown as <c>K7QXM-3PAD9</c>. Unlike the
/// ticket number it says nothing about how many tickets the desk has, and it cannot be guessed (50 random bits); it is
/// unique (a clash, about one in 10^9 at a million tickets, is retried by the creation's transaction). Read back
/// forgivingly: case, dashes and spaces do not matter, and O, I, L read as 0, 1, 1, so it survives being spelled on
/// the phone.</summary>
public static class TicketReference
{
    public const int Length = 10;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>As shown to people: two groups of five.</summary>
    public static string Format(string reference) => reference.Length == Length ? $"{reference[..5]}-{reference[5..]}" : reference;

    /// <summary>The stored form of what someone typed or quoted, or null when it cannot be a reference.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return null;
        var chars = new List<char>(Length);
        foreach (var c in text.Trim())
        {
            if (c is '-' or ' ' or '_') continue;
            var u = char.ToUpperInvariant(c) switch { 'O' => '0', 'I' or 'L' => '1', var x => x };
            if (!Alphabet.Contains(u, StringComparison.Ordinal)) return null;
            chars.Add(u);
        }
        return chars.Count == Length ? new string([.. chars]) : null;
    }
}
