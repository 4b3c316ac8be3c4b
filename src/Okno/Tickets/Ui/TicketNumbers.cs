using System.Globalization;

namespace Okno.Tickets.Ui;

public static class TicketNumbers
{
    /// <summary>A ticket number as an agent types it: "10023", "#10023", " # 10023 ".</summary>
    public static long? Parse(string? text)
    {
        var trimmed = text?.Trim().TrimStart('#').Trim();
        return long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
    }
}
