namespace Okno.Knowledge;

/// <summary>A canned answer with variables ({{customer.name}}…). Shared with every agent, or personal
/// (<see cref="OwnerId"/> set: only its owner sees and uses it).</summary>
public sealed class Macro
{
    public const int NameMaxLength = 120;
    public const int BodyMaxLength = 20_000;

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Body { get; set; } = "";
    public long? OwnerId { get; set; }
    public long CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
