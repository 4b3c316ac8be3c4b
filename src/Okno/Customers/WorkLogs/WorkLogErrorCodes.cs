using Okno.Platform.Web;

namespace Okno.Customers.WorkLogs;

/// <summary>The codes of the work logs' errors.</summary>
public static class WorkLogErrorCodes
{
    /// <summary>{id}</summary>
    public const string LineNotFound = "work_line.not_found";
    /// <summary>{id}: the item is not in the ticket's price list (its contract's, else the desk's default) or inactive.</summary>
    public const string ItemNotInPriceList = "work_line.item_not_in_price_list";
    /// <summary>A free-text line is a material only (a service comes from the price list).</summary>
    public const string FreeTextMaterialOnly = "work_line.free_text_material_only";
    /// <summary>Only the line's author or a supervisor changes it.</summary>
    public const string NotYours = "work_line.not_yours";
    /// <summary>{ticketId}, {number}: the agent's timer runs on another ticket (start with replace to stop it).</summary>
    public const string TimerRunning = "work_timer.running";
    /// <summary>No timer runs.</summary>
    public const string NoTimer = "work_timer.none";
    /// <summary>{value}: not a month as yyyy-MM.</summary>
    public const string InvalidMonth = "statement.invalid_month";
}

public sealed record TimerRunningElsewhere(long TicketId, long Number) : StateConflict(WorkLogErrorCodes.TimerRunning,
    "Timer running", $"Your timer runs on ticket #{Number}; stop it first, or start with replace to stop it.", ("ticketId", TicketId), ("number", Number));
