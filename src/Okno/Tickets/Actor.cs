namespace Okno.Tickets;

/// <summary>Who did something: an agent, a contact, the system or an automation rule.</summary>
public readonly record struct Actor(ActorKind Kind, long? Id)
{
    public static Actor System { get; } = new(ActorKind.System, null);
    public static Actor Agent(long id) => new(ActorKind.Agent, id);
    public static Actor Contact(long id) => new(ActorKind.Contact, id);
}
