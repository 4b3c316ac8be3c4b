using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Platform.Data;

namespace Okno.Bots.Scenarios;

/// <summary>A button scenario an admin built: a tree of steps (JSON of <see cref="ScenarioStep"/> records, checked whole on
/// save by <see cref="ScenarioRules"/>) that the scenario bot walks a customer through, in Russian or English.</summary>
public sealed class BotScenario
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public bool Enabled { get; set; }
    /// <summary>JSON array of <see cref="ScenarioStep"/>; the first is where a conversation starts.</summary>
    public string Steps { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class BotScenarioConfiguration : IEntityTypeConfiguration<BotScenario>
{
    public void Configure(EntityTypeBuilder<BotScenario> b)
    {
        b.ToTable("BotScenarios");
        // The list is paged by id (the key); a desk has a handful of scenarios.
        b.Property(s => s.Name).HasMaxLength(ScenarioRules.NameMaxLength);
    }
}

public static class BotScenarioData
{
    extension(OknoDb db)
    {
        public DbSet<BotScenario> BotScenarios => db.Set<BotScenario>();
    }
}
