namespace Okno.Customers.WorkLogs.Ui;

/// <summary>Marker for the work logs' resources (WorkStrings.resx, WorkStrings.ru.resx).</summary>
public sealed class WorkStrings;

/// <summary>The circuit's news of the agent's timer: the ticket's work panel tells the app-bar chip that it started or
/// stopped, so the chip re-reads without polling for it.</summary>
public sealed class WorkTimerSignal
{
    public event Action? Changed;

    public void Raise() => Changed?.Invoke();
}
