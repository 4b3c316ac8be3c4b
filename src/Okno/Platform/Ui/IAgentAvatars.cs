namespace Okno.Platform.Ui;

/// <summary>Where an agent's picture is, for the layout and the timeline (the Admin section owns agents and implements
/// this, so the shared UI needs no reference to it).</summary>
public interface IAgentAvatars
{
    /// <summary>The picture's address, or null when the agent has none.</summary>
    ValueTask<string?> UrlAsync(long agentId, CancellationToken cancellationToken);

    /// <summary>Drops what this node remembers, after an agent's picture changed here.</summary>
    void Forget();
}
