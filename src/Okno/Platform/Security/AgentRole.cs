namespace Okno.Platform.Security;

/// <summary>What an agent may do: the permission model the security layer checks (admins and supervisors see every
/// ticket, admins administer). Agents themselves are the Admin section's.</summary>
public enum AgentRole { Agent, Supervisor, Admin }
