namespace Okno.Tickets;

/// <summary>Who did something: an agent, a contact, the system or an automation rule. For an automation rule
/// <see cref="Id"/> is the rule's id and <see cref="Depth"/> how many rule runs led to this one (0: a rule reacting to
/// a person or the system), so a rule can refuse to react to its own changes and chains stop. <see cref="MacroId"/> names
/// the macro an agent applied, when the change came from one (the history marks it with the macro's name).</summary>
public readonly record struct Actor(ActorKind Kind, long? Id, int Depth = 0, long? MacroId = null)
{
    public static Actor System { get; } = new(ActorKind.System, null);
    public static Actor Agent(long id) => new(ActorKind.Agent, id);
    public static Actor Contact(long id) => new(ActorKind.Contact, id);
    public static Actor Automation(long ruleId, int depth) => new(ActorKind.Automation, ruleId, depth);
    /// <summary>A bot talking with the customer (the answer bot, a scenario): what it writes and changes is its own.</summary>
    public static Actor Bot { get; } = new(ActorKind.Bot, null);

    /// <summary>This actor applying a macro.</summary>
    public Actor ThroughMacro(long macroId) => this with { MacroId = macroId };

    /// <summary>Who a change that follows by itself from this actor's action is credited to. A contact only writes: the
    /// routing, tagging and reopening their message sets off are the system's, so the timeline does not say the
    /// customer moved their ticket to a group.</summary>
    public Actor ForAutomaticChanges() => Kind == ActorKind.Contact ? System : this;

    /// <summary>The rule that acted, for an automation; null for anyone else.</summary>
    public long? RuleId => Kind == ActorKind.Automation ? Id : null;
}
