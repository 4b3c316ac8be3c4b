namespace Okno.Tickets.Ui;

/// <summary>Every keyboard shortcut of the workspace, as the "?" overlay lists them (keys by physical position, so they
/// work with a Russian layout too; never while typing in a field).</summary>
public static class TicketShortcuts
{
    public sealed record Shortcut(string Keys, string Description);

    /// <summary>Keys the ticket page handles itself; "r" belongs to the reply editor.</summary>
    public static readonly string[] TicketPageKeys = ["n", "a", "s", "j", "k"];

    /// <summary>(section, [keys, description resource]).</summary>
    public static readonly IReadOnlyList<(string Section, IReadOnlyList<Shortcut> Keys)> All =
    [
        ("ShortcutsEverywhere", [new("?", "ShortcutHelp"), new("/", "ShortcutSearch")]),
        ("ShortcutsInbox", [new("j / k", "ShortcutMove"), new("Enter", "ShortcutOpen"), new("r", "ShortcutOpenReply")]),
        ("ShortcutsTicket", [new("r", "ShortcutReply"), new("n", "ShortcutNote"), new("a", "ShortcutAssignMe"), new("s", "ShortcutStatus"),
            new("j / k", "ShortcutNextPrevious")]),
        ("ShortcutsEditor", [new("Ctrl+B", "ShortcutBold"), new("Ctrl+I", "ShortcutItalic"), new("Ctrl+K", "ShortcutLink"),
            new("Ctrl+Enter", "ShortcutSend")]),
    ];
}
