namespace Okno.Platform.Text;

/// <summary>Text from outside made safe to keep on one line (a stored name, subject or search query): every control
/// character, CR and LF among them, becomes a space, and the ends are trimmed.</summary>
public static class SingleLine
{
    public static string Of(string value) => new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
}
